"""`manage.py load_demo`: the demo newsroom, loaded the same way however often it runs."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from newsroom.dbstats import refresh_planner_statistics
from newsroom.demo import people
from newsroom.demo.live import load_live_pages
from newsroom.demo.loader import DemoLoader
from newsroom.demo.sagas import load_window_deals
from newsroom.models import Article
from transfers.models import Player, TransferLink


class Command(BaseCommand):
    help = "Load the demo clubs, players, transfer links, articles and logins (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds articles (used by `make run`).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("The database already holds articles: the demo was not loaded.")
            self.print_logins(heading="Demo logins, if the demo was loaded before:")
            return
        with transaction.atomic():
            DemoLoader().load()
            load_window_deals()
            load_live_pages()
        refresh_planner_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {Article.objects.count()} articles, {Player.objects.count()} "
                f"players, {TransferLink.objects.count()} transfer links."
            )
        )
        self.print_logins(heading="Demo logins (demo passwords only, never use them elsewhere):")

    def print_logins(self, heading):
        self.stdout.write(heading)
        for user in people.USERS:
            self.stdout.write(f"  {user['label'] + ':':8}{user['username']} / {user['password']}")
        self.stdout.write(f"Admin: {settings.SITE_URL}{reverse('admin:index')}")
