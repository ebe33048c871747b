"""Dates for the demo, worked out from today so that the site always looks current.

The data modules say when things happen relative to now (`ago(days=3)`) or within a transfer
window (`in_window("summer", 4)`); `Calendar` turns those into real dates when loading.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

# The window keys used by the data modules, oldest first; the season is the one under way.
WINDOW_KEYS = ["summer_prev", "january_prev", "summer", "january", "summer_next"]


@dataclass(frozen=True)
class Moment:
    """A time relative to the load: `hours` ago when positive, ahead when negative."""

    hours: float


@dataclass(frozen=True)
class WindowDay:
    """Midday, `day` days after a transfer window opens."""

    window: str
    day: int


def ago(days=0, hours=0):
    return Moment(days * 24 + hours)


def ahead(days=0, hours=0):
    return Moment(-(days * 24 + hours))


def in_window(window, day):
    if window not in WINDOW_KEYS:
        raise ValueError(f"Unknown window {window!r}; use one of {WINDOW_KEYS}.")
    return WindowDay(window, day)


class Calendar:
    """Today's football calendar: the season under way, the windows around it, demo moments."""

    def __init__(self, now=None):
        local_now = timezone.localtime(now or timezone.now())
        self.today = local_now.date()
        # Moments hang off the start of the hour, so two runs in the same hour store the same times.
        self.anchor = local_now.replace(minute=0, second=0, microsecond=0)
        # A football season starts in July: in November 2026 the season is 2026/27.
        self.season_start = self.today.year if self.today.month >= 7 else self.today.year - 1

    def season(self, offset=0):
        """'2026/27' for offset 0, '2025/26' for -1, and so on."""
        year = self.season_start + offset
        return f"{year}/{(year + 1) % 100:02d}"

    def contract_expiry(self, seasons_left):
        """30 June at the end of the player's last contracted season (1 = this season)."""
        return datetime.date(self.season_start + seasons_left, 6, 30)

    def windows(self):
        """The five windows around today, keyed as in WINDOW_KEYS."""
        start = self.season_start
        return {
            "summer_prev": self._summer(start - 1),
            "january_prev": self._january(start),
            "summer": self._summer(start),
            "january": self._january(start + 1),
            "summer_next": self._summer(start + 1),
        }

    def moment(self, when):
        """The aware datetime for a Moment or WindowDay."""
        if isinstance(when, Moment):
            return self.anchor - datetime.timedelta(hours=when.hours)
        if isinstance(when, WindowDay):
            opens = self.windows()[when.window]["opens"]
            day = opens + datetime.timedelta(days=when.day)
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
        raise TypeError(f"Not a demo moment: {when!r}")

    @staticmethod
    def _summer(year):
        return {
            "name": f"Summer {year}",
            "slug": f"summer-{year}",
            "opens": datetime.date(year, 6, 16),
            "closes": datetime.date(year, 9, 1),
        }

    @staticmethod
    def _january(year):
        return {
            "name": f"January {year}",
            "slug": f"january-{year}",
            "opens": datetime.date(year, 1, 1),
            "closes": datetime.date(year, 2, 2),
        }
