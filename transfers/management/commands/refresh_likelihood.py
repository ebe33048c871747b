"""Re-store every open link's likelihood, so the tracker's “most likely” sort fades old reports.

Run it once a day (cron or a scheduled job): see docs/likelihood.md.
"""

from django.core.management.base import BaseCommand

from newsroom import cache
from transfers.models import TransferLink


class Command(BaseCommand):
    help = "Recompute the stored likelihood of every open transfer link as of now."

    def handle(self, *args, **options):
        # A bulk update sends no signals: the tracker's pages sorted by likelihood change all the
        # same, so the page cache is told around it.
        with cache.changing():
            changed = TransferLink.objects.open().refresh_likelihood()
        self.stdout.write(f"Refreshed {changed} stored likelihood score(s).")
