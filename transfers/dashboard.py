"""A club's transfer window in figures: who came and went for how much, who is wanted, the squad.

`WindowDashboard` reads everything in a fixed handful of queries and does the sums in Python, so
the page costs the same whatever the size of the club's history.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
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
# Lists stay short whatever the data; the sums above them count every deal.
DEALS_SHOWN = 25
TARGETS_SHOWN = 10
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
    def money(self):
        """{(window id, is arrival, currency): (fees summed, deals, deals with a fee)}: one
        aggregate over the club's done deals in the recent windows, however many there are."""
        rows = (
            TransferLink.objects.involving(self.club)
            .filter(status=TransferStatus.COMPLETED, window__in=self.recent_windows)
            .values("window_id", "to_club_id", "fee_currency")
            .annotate(total=Sum("fee_amount"), deals=Count("id"), with_fee=Count("fee_amount"))
            .order_by()
        )
        return {
            (row["window_id"], row["to_club_id"] == self.club.pk, row["fee_currency"]): (
                row["total"],
                row["deals"],
                row["with_fee"],
            )
            for row in rows
        }

    def _totals(self, window, arriving):
        return Totals(
            {
                currency: total
                for (window_id, is_in, currency), (total, _, with_fee) in self.money.items()
                if window_id == window.pk and is_in == arriving and with_fee
            }
        )

    def _deal_count(self, arriving):
        return sum(
            deals
            for (window_id, is_in, _), (_, deals, _) in self.money.items()
            if window_id == self.window.pk and is_in == arriving
        )

    def _deals(self, links):
        return list(
            links.filter(status=TransferStatus.COMPLETED, window=self.window)
            .select_related("player", "from_club", "to_club")
            .order_by("-updated_at", "-id")[:DEALS_SHOWN]
        )

    def _open(self, links):
        in_window = Q(window=self.window)
        if self.is_default:
            # A live rumour with no window yet is about the coming one.
            in_window |= Q(window__isnull=True)
        shown = (
            links.open()
            .filter(in_window)
            .select_related("player", "from_club", "to_club")
            .with_likelihood()
            # The stored score picks the most likely few (indexed); the live one orders them.
            .order_by("-likelihood", "-updated_at", "-id")[:TARGETS_SHOWN]
        )
        return sorted(shown, key=lambda x: (-x.current_likelihood.score, -x.pk))

    @cached_property
    def squad(self):
        return list(self.club.squad.order_by("date_of_birth", "known_as"))

    # Figures.

    @cached_property
    def is_default(self):
        return self.window == default_window(self.windows, self.today)

    @cached_property
    def arrivals(self):
        """The latest DEALS_SHOWN done deals into the club in the window (the sums count all)."""
        return self._deals(TransferLink.objects.incoming(self.club))

    @cached_property
    def departures(self):
        return self._deals(TransferLink.objects.outgoing(self.club))

    @property
    def arrivals_count(self):
        return self._deal_count(arriving=True)

    @property
    def departures_count(self):
        return self._deal_count(arriving=False)

    @cached_property
    def targets_in(self):
        """The TARGETS_SHOWN likeliest live incoming links, most likely first."""
        return self._open(TransferLink.objects.incoming(self.club))

    @cached_property
    def targets_out(self):
        return self._open(TransferLink.objects.outgoing(self.club))

    @property
    def spent(self):
        return self._totals(self.window, arriving=True)

    @property
    def received(self):
        return self._totals(self.window, arriving=False)

    @property
    def net(self):
        return subtract(self.spent, self.received)

    @property
    def undisclosed(self):
        """Completed moves with no fee on record (free transfers, undisclosed fees, most loans)."""
        return sum(
            deals - with_fee
            for (window_id, _, _), (_, deals, with_fee) in self.money.items()
            if window_id == self.window.pk
        )

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
        return [
            WindowSpend(
                window,
                self._totals(window, arriving=True),
                self._totals(window, arriving=False),
            )
            for window in self.recent_windows
        ]

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
