"""The site's URL map: the admin, the editorial pages and the football pages."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from newsroom import feeds, health, live, live_feeds, preview, views
from newsroom.sitemaps import NEWS_SITEMAPS, SITEMAPS

newsroom_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("preview/<str:token>/", preview.shared_preview, name="preview"),
]

# Feeds (RSS, Atom and JSON Feed for each), sitemaps and robots.txt.
newsroom_patterns += [
    *feeds.feed_patterns("", feeds.LatestFeed),
    *feeds.feed_patterns("clubs/<slug:slug>/", feeds.ClubFeed),
    *feeds.feed_patterns("players/<slug:slug>/", feeds.PlayerFeed),
    *feeds.feed_patterns("authors/<slug:slug>/", feeds.AuthorFeed),
    *feeds.feed_patterns("tags/<slug:slug>/", feeds.TagFeed),
    *feeds.feed_patterns("competitions/<slug:slug>/", feeds.CompetitionFeed),
    path("feeds/", feeds.FeedDirectoryView.as_view(), name="feeds"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "newsroom:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": NEWS_SITEMAPS, "template_name": "sitemaps/news.xml"},
        name="news_sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
]

# Live pages: the page, its polling endpoint and its feeds (newsroom/live.py, live_feeds.py).
newsroom_patterns += [
    path("live/<slug:slug>/", live.live_page, name="live"),
    path("live/<slug:slug>/updates/", live.live_updates, name="live_updates"),
    *live_feeds.live_feed_patterns(),
]

handler500 = "newsroom.views.server_error"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("", include((newsroom_patterns, "newsroom"))),
    path("", include("transfers.urls")),
]

# Uploaded images under runserver (DEBUG only: the helper returns nothing otherwise); in
# production the proxy or object storage serves MEDIA_URL.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
