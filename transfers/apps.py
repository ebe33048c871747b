"""The football domain: clubs, players, transfer links and the tracker."""

from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "transfers"
    verbose_name = "Transfers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from transfers import signals  # noqa: F401  (connects the likelihood receivers)
