"""Previews: an article as readers would see it, before it is public, for staff or by signed link.

A shareable link carries the article's id signed with the site's SECRET_KEY and a timestamp, so
it needs no table and no account, stops working 48 hours after it was made, and a changed
character makes it worthless. Every preview is marked as such, kept out of search engines and
out of every cache.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from newsroom import views, workflow
from newsroom.models import Article

SALT = "newsroom.preview.article"
LINK_LIFETIME = datetime.timedelta(hours=48)


def _signer():
    return signing.TimestampSigner(salt=SALT)


def make_token(article):
    return _signer().sign(str(article.pk))


def shareable_link(article):
    """The absolute link to send to someone without an account, and when it stops working."""
    path = reverse("newsroom:preview", args=[make_token(article)])
    return f"{settings.SITE_URL}{path}", timezone.now() + LINK_LIFETIME


class LinkExpired(Exception):
    pass


def article_for_token(token):
    """The article a token was made for; Http404 if forged, LinkExpired if too old."""
    try:
        pk = _signer().unsign(token, max_age=LINK_LIFETIME)
    except signing.SignatureExpired as expired:
        raise LinkExpired from expired
    except signing.BadSignature as bad:
        raise Http404("No such preview.") from bad
    try:
        return Article.objects.select_related("primary_club", "hero_image").get(pk=int(pk))
    except (Article.DoesNotExist, ValueError) as missing:
        raise Http404("No such preview.") from missing


class ArticlePreviewView(views.ArticleDetailView):
    """The public article page for any article, whatever its state, marked as a preview.

    It borrows the public view's context so that the preview shows what readers will see.
    """

    article = None

    def get_object(self, queryset=None):
        return self.article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.published_at is None:
            # Shown as it would read if published now; never saved.
            self.object.published_at = timezone.now().replace(microsecond=0)
        context = self.get_context_data(object=self.object, preview=True, **kwargs)
        return private(self.render_to_response(context))


def private(response):
    """Keep a preview out of shared caches and search engines."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render_preview(request, article, back_url=None):
    """The preview response; `back_url` leads staff back to the form they came from."""
    extra = {
        "preview_state": workflow.state_label(article),
        "preview_live": article.is_public,
        "preview_back_url": back_url,
    }
    return ArticlePreviewView.as_view(article=article, extra_context=extra)(request)


def shared_preview(request, token):
    """The preview behind a shareable link: 404 when forged, 410 when expired, never the draft."""
    try:
        article = article_for_token(token)
    except LinkExpired:
        response = render(request, "newsroom/preview_expired.html", status=410)
        return private(response)
    return render_preview(request, article)
