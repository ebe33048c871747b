"""RSS, Atom and JSON Feed for one live page: an item per entry, newest first.

Uses the site's feed generators and formats (newsroom.feeds), so a live page's feeds look like
every other feed; conditional GET reads the page's cached live state, so a feed reader polling an
unchanged page costs a cache read and no query.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.http import quote_etag

from newsroom.feedgenerators import RssFeed
from newsroom.feeds import FEEDS, absolutise_feed, feed_patterns, feed_response, image_details
from newsroom.live import entry_queryset, live_state
from newsroom.models import LivePage

LIVE_FEED_MAX_AGE = 30


class LiveFeed(Feed):
    """One live page's entries. One instance serves every request: nothing is kept on self."""

    feed_type = RssFeed
    kind = "live"
    author_name = settings.SITE_NAME
    item_guid_is_permalink = False

    def __init__(self, feed_type=None):
        if feed_type is not None:
            self.feed_type = feed_type

    def get_object(self, request, slug):
        return get_object_or_404(LivePage.objects.published(), slug=slug)

    def title(self, obj):
        return f"{obj.headline} | {settings.SITE_NAME}"

    def description(self, obj):
        return obj.standfirst or f"Live updates from {settings.SITE_NAME}, newest first."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return (
            entry_queryset()
            .select_related("live_page")
            .filter(live_page=obj)[: settings.FEED_ITEMS]
        )

    def item_title(self, item):
        time = timezone.localtime(item.shown_at).strftime("%H:%M")
        return f"{time} {item.title or item.summary}"

    def item_description(self, item):
        return escape(item.summary)

    def item_link(self, item):
        return f"{item.live_page.get_absolute_url()}#entry-{item.pk}"

    def item_guid(self, item):
        # The primary key alone: an edited entry stays the same item in every reader.
        return f"urn:transferdesk:live-entry:{item.pk}"

    def item_pubdate(self, item):
        return item.shown_at

    def item_updateddate(self, item):
        return item.shown_at

    def item_author_name(self, item):
        return item.author.name if item.author else None

    def item_categories(self, item):
        return ["Key event"] if item.is_key_event else []

    def item_enclosures(self, item):
        image = self.image_details(item)
        if image is None:
            return []
        return [Enclosure(image["url"], str(image["length"]), image["type"])]

    def item_extra_kwargs(self, item):
        authors = [{"name": item.author.name, "url": None}] if item.author else []
        return {
            "content_html": item.body,
            "summary_text": item.summary,
            "authors": authors,
            "image": self.image_details(item),
        }

    def image_details(self, item):
        return image_details(item.image)

    def get_feed(self, obj, request):
        return absolutise_feed(super().get_feed(obj, request), request)

    def __call__(self, request, slug):
        state = live_state(slug)
        if state is None:
            raise Http404("No such live page.")
        etag = quote_etag(f"live-feed-{self.feed_type.__name__}-{state['token']}")
        response = get_conditional_response(request, etag=etag)
        if response is None:
            try:
                obj = self.get_object(request, slug)
            except ObjectDoesNotExist as error:
                raise Http404("No such live page.") from error
            response = feed_response(self.get_feed(obj, request))
        response.headers["ETag"] = etag
        patch_cache_control(response, public=True, max_age=LIVE_FEED_MAX_AGE)
        return response


# One registry of feed kinds: {% feed_links %} then offers a live page's feeds on the page.
FEEDS[LiveFeed.kind] = LiveFeed


def live_feed_patterns():
    """/live/<slug>/feed/, feed/atom/ and feed/json/: newsroom:live_feed, _atom and _json."""
    return feed_patterns("live/<slug:slug>/", LiveFeed)
