"""Feeds of transfer updates: one saga, or every link matching any tracker search.

Both serve RSS, Atom and JSON Feed through the newsroom's generators (a formatting module, no
models). The tracker feed builds the tracker's own FilterSet from the same query string, so a
feed and the page it was found on can never disagree; a filter the tracker would reject is
answered 400 with the reason, not with an empty feed.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html

from newsroom.feedgenerators import AtomFeed, JsonFeed, RssFeed
from transfers.filters import TransferLinkFilterSet
from transfers.models import TransferLink, TransferUpdate, format_money
from transfers.saga import public_article, saga_slug, saga_title

FEED_MAX_AGE = 5 * 60
# (URL suffix after feed/, URL-name suffix, label, MIME type, generator)
FORMATS = [
    ("", "", "RSS", "application/rss+xml", RssFeed),
    ("atom/", "_atom", "Atom", "application/atom+xml", AtomFeed),
    ("json/", "_json", "JSON Feed", "application/feed+json", JsonFeed),
]
_ROOT_RELATIVE_URL = re.compile(r"""(\shref=)(["'])/(?!/)""")


class InvalidFilter(Exception):
    """The query string holds a filter the tracker would reject."""


class UpdateFeed(Feed):
    """Transfer updates, newest first. One instance serves every request: nothing on self."""

    feed_type = RssFeed

    def __init__(self, feed_type=None):
        if feed_type is not None:
            self.feed_type = feed_type

    def updates(self, obj):
        raise NotImplementedError

    def items(self, obj):
        # Two narrow steps: pick the newest ids (an index walk over update_newest_first), then
        # fetch those rows with everything an item shows. One wide join sorted as a whole costs
        # seconds at 100,000 links.
        newest = list(
            self.updates(obj)
            .order_by("-reported_at", "-id")
            .values_list("pk", flat=True)[: settings.FEED_ITEMS]
        )
        return (
            TransferUpdate.objects.filter(pk__in=newest)
            .select_related("link__player", "link__from_club", "link__to_club", "source", "article")
            .defer("article__body", "article__search_vector")
            .order_by("-reported_at", "-id")
        )

    def item_title(self, update):
        link = update.link
        origin = link.from_club.name if link.from_club_id else "free agency"
        what = update.get_status_display().lower()
        if update.is_denial:
            what = "denied"
        title = f"{link.player.known_as}, {origin} to {link.to_club.name}: {what}"
        if update.source_id:
            title += f" ({update.source.name}, tier {update.source.tier})"
        return title

    def item_description(self, update):
        # Asked for twice per item (RSS description and content:encoded): build it once.
        if not hasattr(update, "_feed_html"):
            update._feed_html = self.describe(update)
        return update._feed_html

    def describe(self, update):
        parts = []
        if update.note:
            parts.append(format_html("<p>{}</p>", update.note))
        if update.fee_amount is not None:
            fee = format_money(update.fee_amount, update.link.fee_currency)
            parts.append(format_html("<p>Reported fee: {}.</p>", fee))
        if update.source_id:
            parts.append(
                format_html(
                    "<p>Source: {} ({}).</p>", update.source.name, update.source.get_tier_display()
                )
            )
        article = public_article(update)
        if article is not None:
            parts.append(
                format_html(
                    '<p>Our report: <a href="{}">{}</a></p>',
                    article.get_absolute_url(),
                    article.headline,
                )
            )
        parts.append(
            format_html(
                '<p><a href="{}">Follow the whole saga</a></p>', update.link.get_absolute_url()
            )
        )
        return "".join(parts)

    def item_link(self, update):
        return f"{update.link.get_absolute_url()}#update-{update.pk}"

    def item_guid(self, update):
        # The primary key alone: a corrected note or date must not make it a new item.
        return f"urn:transferdesk:transfer-update:{update.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        return update.reported_at

    def item_updateddate(self, update):
        return update.reported_at

    def item_categories(self, update):
        link = update.link
        clubs = [c.name for c in (link.from_club, link.to_club) if c is not None]
        return [link.player.full_name, *clubs, update.get_status_display()]

    def item_extra_kwargs(self, update):
        return {"content_html": self.item_description(update), "summary_text": update.note}

    def get_feed(self, obj, request):
        """Make the links inside item content absolute: readers resolve them against nothing."""
        feed = super().get_feed(obj, request)
        base = request.build_absolute_uri("/").rstrip("/")
        for item in feed.items:
            for key in ("description", "content_html"):
                item[key] = _ROOT_RELATIVE_URL.sub(lambda m: f"{m[1]}{m[2]}{base}/", item[key])
        return feed

    def __call__(self, request, *args, **kwargs):
        try:
            response = super().__call__(request, *args, **kwargs)
        except InvalidFilter as error:
            return HttpResponseBadRequest(
                f"This feed’s filter is not valid: {error}\n", content_type="text/plain"
            )
        except ObjectDoesNotExist as error:
            raise Http404("No such feed.") from error
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response


class SagaFeed(UpdateFeed):
    """Every report in one transfer saga."""

    def get_object(self, request, pk, slug=None):
        # The slug is decoration: any form of it serves the feed of link `pk`.
        return get_object_or_404(
            TransferLink.objects.select_related("player", "from_club", "to_club"), pk=pk
        )

    def updates(self, link):
        return TransferUpdate.objects.filter(link=link)

    def title(self, link):
        return f"{saga_title(link)} | {settings.SITE_NAME}"

    def description(self, link):
        return f"Every report on {saga_title(link)}, newest first, from {settings.SITE_NAME}."

    def link(self, link):
        return link.get_absolute_url()


@dataclass(frozen=True)
class TrackerSearch:
    """A validated tracker search: its FilterSet and the query string that made it."""

    filterset: TransferLinkFilterSet
    query_string: str

    @property
    def summary(self):
        shown = [
            value
            for name, _label, value in self.filterset.active_filters()
            if name not in ("sort", "page")
        ]
        return ", ".join(shown) if shown else "every transfer"


def feed_params(query_dict):
    """The query string less what orders or pages the tracker: a feed is newest first, whole."""
    params = query_dict.copy()
    for ignored in ("page", "sort"):
        params.pop(ignored, None)
    return params


def tracker_search(query_dict):
    """The tracker's FilterSet for this query string, or InvalidFilter with the form's reasons."""
    params = feed_params(query_dict)
    filterset = TransferLinkFilterSet(params, queryset=TransferLink.objects.all())
    if not filterset.is_valid():
        reasons = [
            f"{filterset.form.fields[name].label if name in filterset.form.fields else name}: "
            f"{' '.join(errors)}"
            for name, errors in filterset.form.errors.items()
        ]
        raise InvalidFilter("; ".join(reasons))
    return TrackerSearch(filterset, params.urlencode())


class TrackerFeed(UpdateFeed):
    """Updates of the links a tracker search shows: `/transfers/feed/?club=liverpool&...`."""

    def get_object(self, request):
        return tracker_search(request.GET)

    def updates(self, search):
        return TransferUpdate.objects.filter(link__in=search.filterset.qs.order_by().values("pk"))

    def title(self, search):
        return f"Transfer tracker: {search.summary} | {settings.SITE_NAME}"

    def description(self, search):
        return (
            f"The latest reports on {search.summary} from the {settings.SITE_NAME} transfer "
            "tracker, newest first."
        )

    def link(self, search):
        tracker = reverse("transfers:tracker")
        return f"{tracker}?{search.query_string}" if search.query_string else tracker


def feed_patterns(prefix, feed_class, name):
    """The RSS, Atom and JSON Feed URL patterns of one feed under `prefix`."""
    return [
        path(f"{prefix}feed/{suffix}", feed_class(generator), name=f"{name}{name_suffix}")
        for suffix, name_suffix, _label, _mime, generator in FORMATS
    ]


def feed_links(name, kwargs=None, query_string="", title=""):
    """Each format of one feed as dicts of label, type, title and (relative) url, for
    autodiscovery tags and visible links alike."""
    query = f"?{query_string}" if query_string else ""
    return [
        {
            "key": label.split()[0].lower(),
            "label": label,
            "type": mime,
            "title": f"{title} ({label})",
            "url": reverse(f"transfers:{name}{name_suffix}", kwargs=kwargs) + query,
        }
        for _suffix, name_suffix, label, mime, _generator in FORMATS
    ]


def saga_feed_links(link):
    return feed_links(
        "saga_feed",
        {"pk": link.pk, "slug": saga_slug(link)},
        title=f"{saga_title(link)} | {settings.SITE_NAME}",
    )


def tracker_feed_links(filterset):
    """The feed of the tracker page's own search (its FilterSet, already validated by the page,
    so no query is repeated), or [] when the search is not valid."""
    if filterset is None or (filterset.is_bound and not filterset.is_valid()):
        return []
    query_string = feed_params(filterset.data).urlencode() if filterset.is_bound else ""
    search = TrackerSearch(filterset, query_string)
    return feed_links(
        "tracker_feed",
        query_string=search.query_string,
        title=f"Transfer tracker: {search.summary} | {settings.SITE_NAME}",
    )
