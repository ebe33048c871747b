"""{% feed_links %}: the <link rel="alternate"> tags that let browsers and readers discover feeds.

The page's own feeds come first (a club page offers that club's), then the site-wide ones, which
every page offers. The subject is read from the view's context, so the tag runs no query.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html_join

from newsroom import live_feeds  # noqa: F401  (registers the "live" feed kind)
from newsroom.feeds import feed_links as links_for
from newsroom.models import Article

register = template.Library()

# view name -> (feed kind, context variable holding the page's subject)
PAGE_FEEDS = {
    "transfers:club": ("club", "club"),
    "transfers:player": ("player", "player"),
    "transfers:competition": ("competition", "competition"),
    "newsroom:author": ("author", "author"),
    "newsroom:tag": ("tag", "tag"),
    "newsroom:live": ("live", "live_page"),
}
# view name -> context variable in which the view hands over its own feed links ready-made:
# a transfer saga's, or the feed of the tracker search on screen (transfers.feeds).
PAGE_FEED_LINKS = {
    "transfers:saga": "saga_feeds",
    "transfers:tracker": "search_feeds",
}


def _subject(context, match):
    """(kind, object) of the page's own feed, or None."""
    if match is None:
        return None
    if match.view_name == "newsroom:article":
        article = context.get("article")
        # Only when the view already fetched the club: this tag must not add a query per page.
        if isinstance(article, Article) and Article.primary_club.is_cached(article):
            club = article.primary_club
            return ("club", club) if club is not None else None
        return None
    kind, variable = PAGE_FEEDS.get(match.view_name, (None, None))
    obj = context.get(variable) if kind else None
    if obj is not None and getattr(obj, "slug", None) == match.kwargs.get("slug"):
        return kind, obj
    return None


@register.simple_tag(takes_context=True)
def feed_links(context):
    request = context.get("request")
    if request is not None:
        absolute = request.build_absolute_uri
    else:
        # Pages rendered without a request (the 500 page) still name the feeds, via SITE_URL.
        def absolute(url):
            return settings.SITE_URL + url

    links = []
    match = getattr(request, "resolver_match", None)
    subject = _subject(context, match)
    if subject is not None:
        links += links_for(*subject)
    if match is not None and match.view_name in PAGE_FEED_LINKS:
        links += context.get(PAGE_FEED_LINKS[match.view_name]) or []
    links += links_for("latest")
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        ((link["type"], link["title"], absolute(link["url"])) for link in links),
    )
