"""A club's transfer window in figures: who came and went for how much, who is wanted, the squad.

`WindowDashboard` reads everything in a fixed handful of queries and does the sums in Python, so
the page costs the same whatever the size of the club's history.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

from transfers.models import (
    CURRENCY_SYMBOLS,
    Currency,
    TransferLink,
    TransferStatus,
    TransferWindow,
    format_money,
)

RECENT_WINDOWS = 6
AGE_BANDS = [
    ("Under 21", 0, 20),
    ("21 to 24", 21, 24),
    ("25 to 29", 25, 29),
    ("30 and over", 30, 200),
]


def exact_age(player, day):
    """Age in years with the fraction, for averages and charts (whole years everywhere else)."""
    return (day - player.date_of_birth).days / 365.25


def default_window(windows, today):
    """The window open today, else the next to open, else the latest: what a fan means by "now"."""
    windows = sorted(windows, key=lambda w: w.opens)
    for window in windows:
        if window.opens <= today <= window.closes:
            return window
    upcoming = [w for w in windows if w.opens > today]
    if upcoming:
        return upcoming[0]
    return windows[-1] if windows else None


def format_signed(amount, currency):
    """'+£20m' for money spent on balance, '−€5m' for money made (a true minus sign)."""
    if not amount:
        return format_money(Decimal(0), currency)
    sign = "+" if amount > 0 else "−"
    return sign + format_money(abs(amount), currency)


@dataclass(frozen=True)
class Totals:
    """Money by currency, e.g. {'GBP': Decimal('100000000')}; empty when nothing had a fee."""

    amounts: dict

    def __bool__(self):
        return bool(self.amounts)

    def get(self, currency):
        return self.amounts.get(currency, Decimal(0))

    @property
    def display_signed(self):
        return self.display(signed=True)

    def display(self, signed=False):
        fmt = format_signed if signed else format_money
        parts = [fmt(amount, currency) for currency, amount in sorted(self.amounts.items())]
        return " + ".join(parts) if parts else fmt(Decimal(0), Currency.GBP)

    def in_pounds(self, window):
        """The total in pounds at the window's rates, or None when a rate it needs is not set."""
        rates = {
            Currency.GBP: Decimal(1),
            Currency.EUR: window.eur_to_gbp,
            Currency.USD: window.usd_to_gbp,
        }
        total = Decimal(0)
        for currency, amount in self.amounts.items():
            rate = rates.get(currency)
            if rate is None:
                return None
            total += amount * rate
        return total.quantize(Decimal(1))


def add_fees(links):
    amounts = defaultdict(Decimal)
    for link in links:
        if link.fee_amount is not None:
            amounts[link.fee_currency] += link.fee_amount
    return Totals(dict(amounts))


def subtract(spent, received):
    amounts = {c: spent.get(c) - received.get(c) for c in {*spent.amounts, *received.amounts}}
    return Totals(amounts)


def rates_used(window, *totals):
    """The window's rates that a pounds total relied on, as text: '€1 = £0.85'."""
    currencies = {c for t in totals for c in t.amounts}
    notes = []
    for currency, rate in ((Currency.EUR, window.eur_to_gbp), (Currency.USD, window.usd_to_gbp)):
        if currency in currencies and rate is not None:
            notes.append(f"{CURRENCY_SYMBOLS[currency]}1 = £{rate.normalize():f}")
    return ", ".join(notes)


@dataclass(frozen=True)
class WindowSpend:
    """One window's completed business for the net-spend chart."""

    window: TransferWindow
    spent: Totals
    received: Totals

    @property
    def net(self):
        return subtract(self.spent, self.received)

    @property
    def net_in_pounds(self):
        return self.net.in_pounds(self.window)


class WindowDashboard:
    """The figures for one club in one window. Call with the club and the window list."""

    def __init__(self, club, window, windows, today=None):
        self.club = club
        self.window = window
        self.windows = list(windows)
        self.today = today or timezone.localdate()

    # Queries: each runs once, whatever the data size.

    @cached_property
    def recent_windows(self):
        """Up to six windows ending with the one shown, oldest first."""
        earlier = [w for w in self.windows if w.opens <= self.window.opens]
        return sorted(earlier, key=lambda w: w.opens)[-RECENT_WINDOWS:]

    @cached_property
    def completed_links(self):
        return list(
            TransferLink.objects.involving(self.club)
            .filter(status=TransferStatus.COMPLETED, window__in=self.recent_windows)
            .select_related("player", "from_club", "to_club")
            .order_by("-updated_at", "-id")
        )

    @cached_property
    def open_links(self):
        in_window = Q(window=self.window)
        if self.is_default:
            # A live rumour with no window yet is about the coming one.
            in_window |= Q(window__isnull=True)
        return list(
            TransferLink.objects.involving(self.club)
            .open()
            .filter(in_window)
            .select_related("player", "from_club", "to_club")
            .with_likelihood()
            .order_by("-likelihood", "-updated_at", "-id")
        )

    @cached_property
    def squad(self):
        return list(self.club.squad.order_by("date_of_birth", "known_as"))

    # Figures.

    @cached_property
    def is_default(self):
        return self.window == default_window(self.windows, self.today)

    @property
    def arrivals(self):
        return [x for x in self.completed_links if x.window_id == self.window.pk and self._is_in(x)]

    @property
    def departures(self):
        return [
            x for x in self.completed_links if x.window_id == self.window.pk and not self._is_in(x)
        ]

    def _is_in(self, link):
        return link.to_club_id == self.club.pk

    @property
    def targets_in(self):
        return self._by_live_likelihood([x for x in self.open_links if self._is_in(x)])

    @property
    def targets_out(self):
        return self._by_live_likelihood([x for x in self.open_links if not self._is_in(x)])

    @staticmethod
    def _by_live_likelihood(links):
        return sorted(links, key=lambda x: (-x.current_likelihood.score, -x.pk))

    @property
    def spent(self):
        return add_fees(self.arrivals)

    @property
    def received(self):
        return add_fees(self.departures)

    @property
    def net(self):
        return subtract(self.spent, self.received)

    @property
    def undisclosed(self):
        """Completed moves with no fee on record (free transfers, undisclosed fees, most loans)."""
        return sum(1 for x in self.arrivals + self.departures if x.fee_amount is None)

    @property
    def in_pounds(self):
        """Spent, received and net in pounds at the window's rates, or None if a rate is missing."""
        spent, received = self.spent.in_pounds(self.window), self.received.in_pounds(self.window)
        if spent is None or received is None:
            return None
        return {"spent": spent, "received": received, "net": spent - received}

    @property
    def needs_conversion(self):
        currencies = {*self.spent.amounts, *self.received.amounts}
        return bool(currencies - {Currency.GBP})

    @property
    def rates_note(self):
        return rates_used(self.window, self.spent, self.received)

    @cached_property
    def spend_history(self):
        spends = []
        for window in self.recent_windows:
            done = [x for x in self.completed_links if x.window_id == window.pk]
            spends.append(
                WindowSpend(
                    window,
                    add_fees(x for x in done if self._is_in(x)),
                    add_fees(x for x in done if not self._is_in(x)),
                )
            )
        return spends

    @property
    def expiring_contracts(self):
        """Squad players whose contracts end within the next 12 months, soonest first."""
        horizon = self.today + datetime.timedelta(days=365)
        players = [
            p
            for p in self.squad
            if p.contract_expires and self.today <= p.contract_expires <= horizon
        ]
        return sorted(players, key=lambda p: (p.contract_expires, p.known_as))

    @property
    def ages(self):
        return [(player, player.age_on(self.today)) for player in self.squad]

    @property
    def age_profile(self):
        """Head counts per age band, with each band's share of the squad."""
        total = len(self.squad)
        rows = []
        for label, low, high in AGE_BANDS:
            count = sum(1 for _, age in self.ages if low <= age <= high)
            rows.append({"label": label, "count": count, "share": count / total if total else 0})
        return rows

    @property
    def average_age(self):
        if not self.squad:
            return None
        return sum(exact_age(p, self.today) for p in self.squad) / len(self.squad)
