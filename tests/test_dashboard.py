"""The club window dashboard: sums checked against figures worked out by hand, and its charts."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.utils import timezone

from newsroom.demo.dates import Calendar
from transfers import charts
from transfers.dashboard import Totals, WindowDashboard, default_window, format_signed
from transfers.models import Club, Currency, TransferStatus, TransferWindow

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)
M = Decimal(1_000_000)


@pytest.fixture
def liverpool_windows(make_club, make_player, make_link, make_window):
    """Liverpool's summer and January windows, with fees worked out by hand in the tests."""
    club = make_club(name="Liverpool", slug="liverpool")
    summer = make_window(
        name="Summer 2026",
        slug="summer-2026",
        opens=datetime.date(2026, 6, 15),
        closes=datetime.date(2026, 9, 1),
    )
    january = make_window(
        name="January 2027",
        slug="january-2027",
        opens=datetime.date(2027, 1, 1),
        closes=datetime.date(2027, 2, 2),
        eur_to_gbp=Decimal("0.85"),
    )
    done = TransferStatus.COMPLETED

    def arrive(fee, currency=Currency.GBP, window=january, **kwargs):
        return make_link(
            to_club=club,
            status=done,
            fee_amount=fee,
            fee_currency=currency,
            window=window,
            **kwargs,
        )

    def leave(fee, currency=Currency.GBP, window=january):
        player = make_player(current_club=club)
        return make_link(
            player=player,
            from_club=club,
            status=done,
            fee_amount=fee,
            fee_currency=currency,
            window=window,
        )

    arrive(100 * M)  # £100m
    arrive(40 * M, Currency.EUR)  # €40m
    arrive(None)  # a free transfer: no fee
    leave(20 * M)  # £20m
    leave(10 * M, Currency.EUR)  # €10m
    arrive(50 * M, window=summer)  # summer: £50m in
    leave(Decimal(5_500_000), window=summer)  # summer: £5.5m out
    # Not completed, or not Liverpool's: never summed.
    make_link(to_club=club, status=TransferStatus.COLLAPSED, fee_amount=70 * M, window=january)
    make_link(status=done, fee_amount=90 * M, window=january)
    return club, summer, january


def dashboard_for(club, window):
    return WindowDashboard(club, window, TransferWindow.objects.all(), today=TODAY)


def test_the_default_window_is_the_open_one_else_the_next_else_the_latest(make_window):
    past = make_window(opens=datetime.date(2026, 6, 15), closes=datetime.date(2026, 9, 1))
    later = make_window(opens=datetime.date(2027, 6, 15), closes=datetime.date(2027, 9, 1))
    nearer = make_window(opens=datetime.date(2027, 1, 1), closes=datetime.date(2027, 2, 2))
    windows = [past, later, nearer]
    assert default_window(windows, TODAY) == nearer
    assert default_window(windows, datetime.date(2026, 7, 1)) == past
    assert default_window(windows, datetime.date(2028, 1, 1)) == later
    assert default_window([], TODAY) is None


def test_spent_received_and_net_are_summed_per_currency(liverpool_windows):
    club, _, january = liverpool_windows
    board = dashboard_for(club, january)

    assert len(board.arrivals) == 3
    assert len(board.departures) == 2
    assert board.spent.amounts == {"GBP": 100 * M, "EUR": 40 * M}
    assert board.received.amounts == {"GBP": 20 * M, "EUR": 10 * M}
    assert board.net.amounts == {"GBP": 80 * M, "EUR": 30 * M}
    assert board.undisclosed == 1
    assert board.spent.display() == "€40m + £100m"
    assert board.net.display(signed=True) == "+€30m + +£80m"


def test_totals_are_converted_to_pounds_at_the_windows_rate(liverpool_windows):
    club, _, january = liverpool_windows
    board = dashboard_for(club, january)
    # £100m + €40m × 0.85 = £134m; £20m + €10m × 0.85 = £28.5m; net £105.5m.
    assert board.in_pounds == {
        "spent": Decimal(134_000_000),
        "received": Decimal(28_500_000),
        "net": Decimal(105_500_000),
    }
    assert board.rates_note == "€1 = £0.85"


def test_without_a_rate_there_is_no_pounds_total(liverpool_windows):
    club, _, january = liverpool_windows
    january.eur_to_gbp = None
    board = dashboard_for(club, january)
    assert board.needs_conversion
    assert board.in_pounds is None


def test_the_spend_history_covers_recent_windows_oldest_first(liverpool_windows):
    club, summer, january = liverpool_windows
    history = dashboard_for(club, january).spend_history
    assert [spend.window for spend in history] == [summer, january]
    assert history[0].net_in_pounds == Decimal(44_500_000)  # £50m − £5.5m
    assert history[1].net_in_pounds == Decimal(105_500_000)

    # Viewing the summer window shows nothing later than it.
    assert [s.window for s in dashboard_for(club, summer).spend_history] == [summer]


def test_live_targets_are_the_open_links_of_the_window_most_likely_first(
    liverpool_windows, make_link, make_source
):
    club, summer, january = liverpool_windows
    wanted = make_link(to_club=club, status=TransferStatus.BID, window=january)
    rumoured = make_link(to_club=club, status=TransferStatus.RUMOUR)  # no window yet
    make_link(to_club=club, status=TransferStatus.TALKS, window=summer)  # an older window
    leaving = make_link(player=None, from_club=club, status=TransferStatus.INTEREST, window=january)
    board = dashboard_for(club, january)
    assert board.targets_in == [wanted, rumoured]
    assert board.targets_out == [leaving]
    assert board.targets_in[0].current_likelihood.score == 45

    # An earlier window lists only links filed under it.
    assert [x.status for x in dashboard_for(club, summer).targets_in] == ["talks"]


def test_contracts_expiring_and_the_age_profile_read_the_squad(make_club, make_player):
    club = make_club()

    def squad_player(born, expires):
        return make_player(current_club=club, date_of_birth=born, contract_expires=expires)

    soon = squad_player(datetime.date(1995, 1, 1), datetime.date(2027, 6, 30))  # 31
    squad_player(datetime.date(2006, 3, 1), datetime.date(2030, 6, 30))  # 20
    later = squad_player(datetime.date(2002, 12, 1), datetime.date(2027, 11, 24))  # 23
    squad_player(datetime.date(1999, 5, 5), datetime.date(2026, 6, 30))  # 27, expired
    squad_player(datetime.date(1998, 1, 1), None)  # 28, no date
    board = WindowDashboard(club, None, [], today=TODAY)

    assert board.expiring_contracts == [soon, later]
    assert [(row["label"], row["count"]) for row in board.age_profile] == [
        ("Under 21", 1),
        ("21 to 24", 1),
        ("25 to 29", 2),
        ("30 and over", 1),
    ]
    assert board.average_age == pytest.approx((31.9 + 20.7 + 23.98 + 27.55 + 28.9) / 5, abs=0.05)


def test_the_net_spend_chart_is_accessible_svg_with_its_data_table(liverpool_windows):
    club, _, january = liverpool_windows
    chart = charts.net_spend_chart(club, dashboard_for(club, january).spend_history)
    assert chart.svg.startswith('<svg role="img" aria-labelledby="net-spend-chart-title')
    assert '<title id="net-spend-chart-title">Liverpool’s net spend' in chart.svg
    assert '<desc id="net-spend-chart-desc">' in chart.svg
    assert "+£105.5m" in chart.svg
    assert chart.rows == [
        ["Summer 2026", "£50m", "£5.5m", "+£44.5m"],
        ["January 2027", "€40m + £100m", "€10m + £20m", "+£105.5m"],
    ]
    assert "highest net spend was +£105.5m, in January 2027" in chart.description


def test_the_age_chart_escapes_names_and_lists_undated_players(make_club, make_player):
    club = make_club(name="Brighton & Hove")
    make_player(current_club=club, known_as="<O'Neil>", contract_expires=datetime.date(2027, 5, 1))
    make_player(current_club=club, known_as="Undated", contract_expires=None)
    chart = charts.age_contract_chart(club, list(club.squad.all()), TODAY)
    assert "&lt;O&#x27;Neil&gt;: 26 years old, contract until May 2027" in chart.svg
    assert "<O'Neil>" not in chart.svg
    assert "Brighton &amp; Hove" in chart.svg
    assert chart.rows[0][0] == "<O'Neil>"
    assert chart.notes == ["Not shown, with no current contract date on record: Undated."]
    assert "1 of 1 players shown have 12 months or less" in chart.description


def test_signed_money_uses_a_true_minus_sign():
    assert format_signed(Decimal(-5_000_000), "EUR") == "−€5m"
    assert format_signed(Decimal(0), "GBP") == "£0"
    assert Totals({}).display() == "£0"


# The demo's dashboards, with figures worked out by hand from newsroom/demo.


@pytest.fixture
def demo_boards():
    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())
    windows = list(TransferWindow.objects.all())
    today = timezone.localdate()
    shown = default_window(windows, today)

    def board(slug, window=None):
        return WindowDashboard(Club.objects.get(slug=slug), window or shown, windows, today)

    return board


def test_the_demo_dashboards_open_on_ins_outs_and_fees(demo_boards):
    liverpool = demo_boards("liverpool")
    assert [x.player.known_as for x in liverpool.arrivals] == ["Albrecht"]
    assert [x.player.known_as for x in liverpool.departures] == ["Reid"]
    assert liverpool.spent.amounts == {"GBP": 34 * M}
    assert liverpool.received.amounts == {"GBP": 18 * M}
    assert liverpool.net.display_signed == "+£16m"

    madrid = demo_boards("real-madrid")
    assert madrid.spent.amounts == {"EUR": 30 * M}
    assert madrid.received.amounts == {"EUR": 22 * M}
    # €8m net at the demo's €1 = £0.85: £6.8m.
    assert madrid.in_pounds["net"] == Decimal(6_800_000)


def test_the_demo_summer_window_sums_the_done_deals(demo_boards):
    summer = TransferWindow.objects.get(slug=f"summer-{Calendar().season_start}")
    liverpool = demo_boards("liverpool", summer)
    # Wirtz in for £100m; Diaz out for €70m, £59.5m at 0.85: net £40.5m.
    assert liverpool.in_pounds == {
        "spent": Decimal(100_000_000),
        "received": Decimal(59_500_000),
        "net": Decimal(40_500_000),
    }
    madrid = demo_boards("real-madrid", summer)
    # Huijsen in for £50m; Modric out on a free (a fee of 0 on record).
    assert madrid.spent.amounts == {"GBP": 50 * M}
    assert madrid.received.amounts == {"GBP": Decimal(0)}
