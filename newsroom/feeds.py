"""RSS, Atom and JSON feeds for everything a reader follows, and the /feeds/ page that lists them.

The latest news, each club, player, author, tag and competition has one Feed class; each class
serves all three formats through its feed_type (see feed_patterns). Club, player and competition
feeds live here rather than in transfers, which never imports the newsroom's models.

Dates: pubdate is published_at; "updated" is significant_update_at (set by editors for real news)
or else published_at, so a reader never sees a piece flagged as updated for a typo fix.
The conditional-GET validators, on the other hand, follow updated_at: any save re-sends the feed,
so a corrected headline reaches readers under the same guid.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.http import http_date, quote_etag
from django.views.generic import TemplateView

from newsroom import images
from newsroom.feedgenerators import AtomFeed, JsonFeed, RssFeed
from newsroom.models import Article, Author, Tag
from transfers.models import Club, Competition, Player

FEED_MAX_AGE = 5 * 60
# /feeds/ lists the players in this many newest pieces; every player page has feeds anyway.
RECENT_PIECES = 200

# (format key, label, MIME type, URL suffix after feed/, URL-name suffix, generator)
FORMATS = [
    ("rss", "RSS", "application/rss+xml", "", "", RssFeed),
    ("atom", "Atom", "application/atom+xml", "atom/", "_atom", AtomFeed),
    ("json", "JSON Feed", "application/feed+json", "json/", "_json", JsonFeed),
]

_ROOT_RELATIVE_URL = re.compile(r"""(\s(?:href|src)=)(["'])/(?!/)""")


def absolutise_links(html, base_url):
    """Make root-relative href/src values absolute: feed readers resolve them against nothing."""
    return _ROOT_RELATIVE_URL.sub(lambda m: f"{m[1]}{m[2]}{base_url}/", html)


def feed_response(feedgen):
    """The feed as a response, written to a string first: one write to the response, not one
    per XML element."""
    return HttpResponse(feedgen.writeString("utf-8"), content_type=feedgen.content_type)


def join_names(names):
    """“A”, “A and B”, “A, B and C”: a byline as a sub-editor writes it."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def image_details(image):
    """An image as feeds carry it: a 1200-wide 16x9 JPEG rendition every feed reader can show."""
    if image is None or not image.file:
        return None
    try:
        rendition = images.social_rendition(image)
        # RSS wants the length in bytes.
        length = default_storage.size(rendition.name)
    except (OSError, ValueError):
        return None
    return {
        "url": rendition.url,
        "type": rendition.mime_type,
        "length": length,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.alt_text,
        "credit": image.credit,
    }


def absolutise_feed(feed, request):
    """The generator, with every URL in its items made absolute for this request's host."""
    absolute = request.build_absolute_uri
    base_url = absolute("/").rstrip("/")
    for item in feed.items:
        item["enclosures"] = [
            Enclosure(absolute(e.url), e.length, e.mime_type) for e in item["enclosures"]
        ]
        if item["image"]:
            item["image"] = {**item["image"], "url": absolute(item["image"]["url"])}
        item["authors"] = [
            {**author, "url": author["url"] and absolute(author["url"])}
            for author in item["authors"]
        ]
        item["content_html"] = absolutise_links(item["content_html"], base_url)
    return feed


class ArticleFeed(Feed):
    """The newest public pieces about one subject. Subclasses define get_object and articles.

    One instance serves every request, so nothing request-specific is kept on self.
    """

    feed_type = RssFeed
    kind = None  # URL-name stem: "club" gives newsroom:club_feed, club_feed_atom, ...
    author_name = settings.SITE_NAME  # Atom's fallback author for a piece with no byline

    def __init__(self, feed_type=None):
        if feed_type is not None:
            self.feed_type = feed_type

    # Subject hooks.

    def articles(self, obj):
        """The public articles this feed follows (at least its newest FEED_ITEMS), unordered."""
        raise NotImplementedError

    def subject(self, obj):
        """The feed's title without the site name, e.g. “Liverpool transfer news”."""
        raise NotImplementedError

    def title(self, obj):
        return f"{self.subject(obj)} | {settings.SITE_NAME}"

    def description(self, obj):
        return f"{self.subject(obj)} from {settings.SITE_NAME}, newest first."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        articles = list(self.articles(obj).for_feed()[: settings.FEED_ITEMS])
        return Article.attach_feed_details(articles)

    # Items.

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # RSS description and Atom summary are HTML; the standfirst is plain text.
        return escape(item.standfirst)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        # Built from the primary key alone: a new headline, slug or publication time must not
        # turn the piece into a "new" story in readers and in Google News.
        return f"urn:transferdesk:article:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        if item.significant_update_at and item.significant_update_at > item.published_at:
            return item.significant_update_at
        return item.published_at

    def item_author_name(self, item):
        return join_names(author.name for author in item.byline) or None

    def item_categories(self, item):
        return item.feed_categories

    def item_enclosures(self, item):
        image = self.image_details(item)
        if image is None:
            return []
        return [Enclosure(image["url"], str(image["length"]), image["type"])]

    def item_extra_kwargs(self, item):
        return {
            "content_html": item.body,
            "summary_text": item.standfirst,
            "authors": [
                {"name": author.name, "url": author.get_absolute_url()} for author in item.byline
            ],
            "image": self.image_details(item),
        }

    def image_details(self, item):
        # Asked for twice an item (the enclosure and the extra keys), worked out once.
        if not hasattr(item, "feed_image"):
            item.feed_image = image_details(item.hero_image)
        return item.feed_image

    # Absolute URLs and conditional GET.

    def get_feed(self, obj, request):
        return absolutise_feed(super().get_feed(obj, request), request)

    def validators(self, obj):
        """(ETag, Last-Modified) from one small query over the items the feed would show.

        The ETag covers which pieces are in the feed and when each was last saved, so a piece
        going live, being withdrawn or being corrected all change it.
        """
        rows = list(
            self.articles(obj)
            .for_listing()
            .prefetch_related(None)
            .values_list("pk", "published_at", "updated_at")[: settings.FEED_ITEMS]
        )
        fingerprint = f"{self.feed_type.__name__}:{rows!r}".encode()
        etag = quote_etag(hashlib.sha256(fingerprint).hexdigest()[:32])
        last_modified = max((max(row[1], row[2]) for row in rows), default=None)
        return etag, last_modified

    def __call__(self, request, *args, **kwargs):
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist as error:
            raise Http404("No such feed.") from error
        etag, last_modified = self.validators(obj)
        timestamp = int(last_modified.timestamp()) if last_modified else None
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is None:
            response = feed_response(self.get_feed(obj, request))
        response.headers["ETag"] = etag
        if timestamp is not None:
            response.headers["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response


class LatestFeed(ArticleFeed):
    kind = "latest"

    def articles(self, obj):
        return Article.objects.published()

    def subject(self, obj):
        return "Latest transfer news"

    def link(self, obj):
        return reverse("newsroom:home")


class ClubFeed(ArticleFeed):
    kind = "club"

    def get_object(self, request, slug):
        return get_object_or_404(Club, slug=slug)

    def articles(self, obj):
        # Only the newest pieces, all a feed shows: their ids come from the club's own news
        # entries (an index on club and time), not from every piece the club was ever named in.
        newest = obj.news_entries.newest_first().values("article_id")[: settings.FEED_ITEMS]
        return Article.objects.published().filter(pk__in=newest)

    def subject(self, obj):
        return f"{obj.name} transfer news"


class PlayerFeed(ArticleFeed):
    kind = "player"

    def get_object(self, request, slug):
        return get_object_or_404(Player, slug=slug)

    def articles(self, obj):
        return Article.objects.published().for_player(obj)

    def subject(self, obj):
        return f"{obj.full_name} transfer news"


class AuthorFeed(ArticleFeed):
    kind = "author"

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def articles(self, obj):
        return Article.objects.published().by_author(obj)

    def subject(self, obj):
        return f"Articles by {obj.name}"


class TagFeed(ArticleFeed):
    kind = "tag"

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def articles(self, obj):
        return Article.objects.published().for_tag(obj)

    def subject(self, obj):
        return f"{obj.name}: transfer news"


class CompetitionFeed(ArticleFeed):
    kind = "competition"

    def get_object(self, request, slug):
        return get_object_or_404(Competition, slug=slug)

    def articles(self, obj):
        return Article.objects.published().for_competition(obj)

    def subject(self, obj):
        return f"{obj.name} transfer news"


FEEDS = {
    feed.kind: feed
    for feed in (LatestFeed, ClubFeed, PlayerFeed, AuthorFeed, TagFeed, CompetitionFeed)
}


def feed_patterns(prefix, feed_class):
    """The three URL patterns (RSS, Atom, JSON Feed) of one feed, under prefix."""
    return [
        path(
            f"{prefix}feed/{url_suffix}",
            feed_class(generator),
            name=f"{feed_class.kind}_feed{name_suffix}",
        )
        for _key, _label, _mime, url_suffix, name_suffix, generator in FORMATS
    ]


def feed_links(kind, obj=None):
    """Every format of one feed: dicts of key, label, type, title and (relative) url."""
    feed = FEEDS[kind]()
    kwargs = {"slug": obj.slug} if obj is not None else None
    title = feed.title(obj)
    return [
        {
            "key": key,
            "label": label,
            "type": mime,
            "title": f"{title} ({label})",
            "url": reverse(f"newsroom:{kind}_feed{name_suffix}", kwargs=kwargs),
        }
        for key, label, mime, _url_suffix, name_suffix, _generator in FORMATS
    ]


def in_the_news(model, article_field):
    """Subjects at least one public article is about: no point offering an empty feed."""
    about_it = Article.objects.published().filter(**{article_field: OuterRef("pk")})
    return model.objects.filter(Exists(about_it))


def in_the_latest_news(model, article_field):
    """Subjects of the newest public pieces: a short list where listing them all would not be."""
    latest = Article.objects.published().order_by("-published_at", "-id")[:RECENT_PIECES]
    about_them = Article.objects.filter(
        pk__in=latest.values("pk"), **{article_field: OuterRef("pk")}
    )
    return model.objects.filter(Exists(about_them))


class FeedDirectoryView(TemplateView):
    """/feeds/: every feed with its addresses, so a new subscriber finds one in one click."""

    template_name = "newsroom/feeds.html"

    def get_context_data(self, **kwargs):
        absolute = self.request.build_absolute_uri

        def entries(kind, objects):
            return [
                {
                    "name": str(obj),
                    "page_url": obj.get_absolute_url(),
                    "feeds": [
                        {**link, "url": absolute(link["url"])} for link in feed_links(kind, obj)
                    ],
                }
                for obj in objects
            ]

        site_feeds = [{**link, "url": absolute(link["url"])} for link in feed_links("latest")]
        groups = [
            {
                "id": "competitions",
                "heading": "Competitions",
                "caption": "News about every club in the competition.",
                "label": "Competition",
                "entries": entries("competition", Competition.objects.all()),
                "empty": "No competitions yet.",
            },
            {
                "id": "clubs",
                "heading": "Clubs",
                "caption": "Transfer news for one club: incoming, outgoing and rumours.",
                "label": "Club",
                "entries": entries("club", Club.objects.all()),
                "empty": "No clubs yet.",
            },
            {
                "id": "authors",
                "heading": "Writers",
                "caption": "Everything one writer has written or co-written.",
                "label": "Writer",
                "entries": entries("author", in_the_news(Author, "authors")),
                "empty": "No writer has published a piece yet.",
            },
            {
                "id": "tags",
                "heading": "Topics",
                "caption": "Pieces on one topic.",
                "label": "Topic",
                "entries": entries("tag", in_the_news(Tag, "tags")),
                "empty": "No topics yet.",
            },
        ]
        players = entries("player", in_the_latest_news(Player, "players"))
        return super().get_context_data(
            site_feeds=site_feeds, groups=groups, players=players, **kwargs
        )
