"""`manage.py rebuild_club_news`: rebuild the clubs' news entries from the articles.

Run it once after deploying the release that adds them (migration `newsroom 0008`): the old code,
still serving while the migration ran, published pieces without entries. Safe at any time: it
replaces every entry in one transaction, and readers see the old ones until it commits.
"""

from django.core.management.base import BaseCommand

from newsroom.models import ClubNewsEntry


class Command(BaseCommand):
    help = "Rebuild every club's news entries from the published articles."

    def handle(self, *args, **options):
        count = ClubNewsEntry.rebuild()
        self.stdout.write(f"Rebuilt the clubs' news entries: {count:,} in all.")
