"""The editorial app: articles, authors, tags, images, feeds and sitemaps."""

from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from newsroom import cache

        # Every public change (newsroom's and transfers' models) makes cached pages stale.
        cache.connect_signals()
