"""Sitemaps: an index of sections for search engines, and a Google News sitemap of 48 hours.

Only public content is listed: articles through published(), and authors, tags and players only
once a public piece is about them. Sitemap lastmod follows updated_at (a crawler should refetch a
corrected page), unlike the feeds' "updated", which marks significant updates only.
"""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from newsroom.feeds import in_the_news
from newsroom.models import Article, Author, Tag
from transfers.models import Club, Player

NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000


class ArticleSitemap(Sitemap):
    limit = 1000

    def items(self):
        # Oldest first, so that a page's contents stay put as new pieces are published.
        return (
            Article.objects.published()
            .only("slug", "published_at", "updated_at", "significant_update_at")
            .order_by("published_at", "id")
        )

    def lastmod(self, article):
        return max(
            article.published_at,
            article.updated_at,
            article.significant_update_at or article.published_at,
        )

    def get_latest_lastmod(self):
        # The default walks every item in Python; one aggregate does the same work in the database.
        latest = Article.objects.published().aggregate(
            published=Max("published_at"),
            updated=Max("updated_at"),
            significant=Max("significant_update_at"),
        )
        return max((value for value in latest.values() if value), default=None)


class ClubSitemap(Sitemap):
    def items(self):
        return Club.objects.only("slug").order_by("name", "id")


class PlayerSitemap(Sitemap):
    limit = 5000

    def items(self):
        return in_the_news(Player, "players").only("slug").order_by("known_as", "id")


class AuthorSitemap(Sitemap):
    def items(self):
        return in_the_news(Author, "authors").only("slug").order_by("name", "id")


class TagSitemap(Sitemap):
    def items(self):
        return in_the_news(Tag, "tags").only("slug").order_by("name", "id")


class StaticSitemap(Sitemap):
    """Pages that are not about one object: the home page, the tracker, the feed directory."""

    def items(self):
        return ["newsroom:home", "transfers:tracker", "newsroom:feeds"]

    def location(self, name):
        return reverse(name)


class NewsSitemap(Sitemap):
    """Google News: pieces published in the last 48 hours, newest first, at most 1,000."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "headline", "published_at")
            .order_by("-published_at", "-id")[:NEWS_LIMIT]
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            # W3C date-time to the second, in UTC: what the news schema documents.
            published = url["item"].published_at.astimezone(datetime.UTC).replace(microsecond=0)
            url["publication_date"] = published.isoformat().replace("+00:00", "Z")
        return urls


SITEMAPS = {
    "articles": ArticleSitemap,
    "clubs": ClubSitemap,
    "players": PlayerSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
    "pages": StaticSitemap,
}

NEWS_SITEMAPS = {"news": NewsSitemap}
