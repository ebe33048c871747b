"""The transfer tracker: each filter narrows correctly, with combinations, sorting and errors."""

import datetime
import re

import pytest
from django.utils import timezone

from transfers.filters import birthday_cutoff
from transfers.models import Position, TransferKind, TransferStatus

pytestmark = pytest.mark.django_db


def players_listed(response):
    """The players' names in the result list, in order."""
    html = response.content.decode()
    results = html.split('class="results"')[1]
    return [
        chunk.split("</a>")[0].split(">")[-1]
        for chunk in results.split('class="link-row__player"')[1:]
    ]


@pytest.fixture
def market(make_club, make_competition, make_player, make_link, make_window):
    today = timezone.localdate()
    prem = make_competition(name="Premier League", slug="premier-league")
    liga = make_competition(name="La Liga", slug="la-liga")
    liverpool = make_club(name="Liverpool", slug="liverpool", competition=prem)
    arsenal = make_club(name="Arsenal", slug="arsenal", competition=prem)
    madrid = make_club(name="Real Madrid", slug="real-madrid", competition=liga)
    january = make_window(name="January 2026", slug="january-2026")
    summer = make_window(name="Summer 2026", slug="summer-2026")

    def player(name, age, position, club):
        born = today.replace(year=today.year - age) - datetime.timedelta(days=30)
        return make_player(known_as=name, date_of_birth=born, position=position, current_club=club)

    now = timezone.now()
    links = {
        "Tchouameni": make_link(
            player=player("Tchouameni", 24, Position.MIDFIELDER, madrid),
            to_club=liverpool,
            status=TransferStatus.TALKS,
            fee_amount=100_000_000,
            window=january,
            updated_at=now - datetime.timedelta(hours=1),
        ),
        "Alexander-Arnold": make_link(
            player=player("Alexander-Arnold", 26, Position.DEFENDER, liverpool),
            to_club=madrid,
            status=TransferStatus.AGREED,
            kind=TransferKind.PRE_CONTRACT,
            window=summer,
            updated_at=now - datetime.timedelta(hours=2),
        ),
        "Chiesa": make_link(
            player=player("Chiesa", 28, Position.FORWARD, liverpool),
            to_club=arsenal,
            status=TransferStatus.RUMOUR,
            kind=TransferKind.LOAN,
            fee_amount=2_000_000,
            window=january,
            updated_at=now - datetime.timedelta(hours=3),
        ),
        "Saka": make_link(
            player=player("Saka", 23, Position.FORWARD, arsenal),
            to_club=madrid,
            status=TransferStatus.COLLAPSED,
            fee_amount=150_000_000,
            window=summer,
            updated_at=now - datetime.timedelta(hours=4),
        ),
        "Kerkez": make_link(
            player=player("Kerkez", 21, Position.DEFENDER, arsenal),
            to_club=liverpool,
            status=TransferStatus.COMPLETED,
            fee_amount=40_000_000,
            window=summer,
            updated_at=now - datetime.timedelta(hours=5),
        ),
    }
    return links


def test_tracker_lists_every_link_newest_update_first(client, market):
    response = client.get("/transfers/")
    assert response.status_code == 200
    assert players_listed(response) == [
        "Tchouameni",
        "Alexander-Arnold",
        "Chiesa",
        "Saka",
        "Kerkez",
    ]
    assert "5 transfer links" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("club=liverpool", {"Tchouameni", "Alexander-Arnold", "Chiesa", "Kerkez"}),
        ("club=liverpool&direction=incoming", {"Tchouameni", "Kerkez"}),
        ("club=liverpool&direction=outgoing", {"Alexander-Arnold", "Chiesa"}),
        ("status=talks", {"Tchouameni"}),
        ("status=open", {"Tchouameni", "Alexander-Arnold", "Chiesa"}),
        ("status=completed", {"Kerkez"}),
        ("window=january-2026", {"Tchouameni", "Chiesa"}),
        ("position=DF", {"Alexander-Arnold", "Kerkez"}),
        ("kind=loan", {"Chiesa"}),
        ("kind=pre_contract", {"Alexander-Arnold"}),
        ("fee_min=50", {"Tchouameni", "Saka"}),
        ("fee_max=50", {"Chiesa", "Kerkez"}),
        ("fee_min=30&fee_max=120", {"Tchouameni", "Kerkez"}),
        ("max_age=24", {"Tchouameni", "Saka", "Kerkez"}),
        ("max_age=23", {"Saka", "Kerkez"}),
        ("competition=la-liga", {"Tchouameni", "Alexander-Arnold", "Saka"}),
        ("competition=premier-league&max_age=24", {"Tchouameni", "Saka", "Kerkez"}),
        ("club=liverpool&direction=incoming&status=open", {"Tchouameni"}),
        ("club=arsenal&position=FW&window=summer-2026", {"Saka"}),
        ("club=liverpool&kind=loan&max_age=30&fee_max=5", {"Chiesa"}),
        ("player=" + "{tchouameni_slug}", {"Tchouameni"}),
    ],
)
def test_each_filter_and_combination_narrows_the_list(client, market, query, expected):
    query = query.format(tchouameni_slug=market["Tchouameni"].player.slug)
    response = client.get(f"/transfers/?{query}")
    assert response.status_code == 200
    assert set(players_listed(response)) == expected
    count = len(expected)
    assert f"{count} transfer link{'s' if count != 1 else ''}" in response.content.decode()


def test_sorting_by_fee_puts_unknown_fees_last(client, market):
    high = players_listed(client.get("/transfers/?sort=fee_high"))
    assert high == ["Saka", "Tchouameni", "Kerkez", "Chiesa", "Alexander-Arnold"]
    low = players_listed(client.get("/transfers/?sort=fee_low"))
    assert low == ["Chiesa", "Kerkez", "Tchouameni", "Saka", "Alexander-Arnold"]


def test_a_filtered_view_keeps_its_values_in_the_form_so_it_can_be_shared(client, market):
    html = client.get("/transfers/?club=liverpool&direction=incoming").content.decode()
    assert '<option value="liverpool" selected>Liverpool</option>' in html
    assert '<option value="incoming" selected>Incoming</option>' in html
    assert 'method="get"' in html
    assert "Club: Liverpool" in html  # the active filter, with a link that removes it


def test_the_empty_state_says_what_to_change(client, market):
    html = client.get("/transfers/?club=liverpool&kind=loan&status=completed").content.decode()
    assert "No transfer links match all of these filters." in html
    assert "Remove one of the filters above" in html
    assert 'href="/transfers/"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("fee_min=abc", "Enter a number."),
        ("fee_max=1e", "Enter a number."),
        ("fee_min=-5", "greater than or equal to 0"),
        ("max_age=twenty", "Enter a whole number."),
        ("max_age=200", "less than or equal to 50"),
        ("club=no-such-club", "There is no club called “no-such-club”."),
        ("status=maybe", "Select a valid choice."),
        ("direction=incoming", "Choose a club to see its incoming or outgoing transfers."),
        ("fee_min=80&fee_max=10", "The highest fee must be at least the lowest fee."),
        ("sort=random", "Select a valid choice."),
    ],
)
def test_invalid_filters_show_a_form_error_not_a_500(client, market, query, message):
    response = client.get(f"/transfers/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="field__error"' in html
    assert players_listed(response) == []


@pytest.mark.parametrize(
    "query", ["club=%00", "player=%00", "fee_min=%00", "q=%00&page=1", "fee_min=NaN", "max_age=1e9"]
)
def test_hostile_parameters_never_cause_a_500(client, market, query):
    assert client.get(f"/transfers/?{query}").status_code == 200


def test_tracker_paginates_and_pagination_keeps_the_filters(client, make_link, make_club):
    club = make_club(slug="busy")
    for _ in range(25):
        make_link(to_club=club)
    html = client.get("/transfers/?club=busy").content.decode()
    assert "25 transfer links" in html and "page 1 of 2" in html
    assert 'href="?club=busy&amp;page=2"' in html
    second = client.get("/transfers/?club=busy&page=2")
    assert len(players_listed(second)) == 5
    for page in ("999", "-1", "abc"):
        assert client.get(f"/transfers/?club=busy&page={page}").status_code == 404


def test_under_25_is_one_click(client, market):
    html = client.get("/transfers/?club=liverpool").content.decode()
    assert 'href="?club=liverpool&amp;max_age=24">Under 25</a>' in html


def test_birthday_cutoff_handles_29_february():
    assert birthday_cutoff(24, datetime.date(2028, 2, 29)) == datetime.date(2003, 2, 28)
    assert birthday_cutoff(24, datetime.date(2026, 11, 24)) == datetime.date(2001, 11, 24)


def test_tracker_query_count_does_not_grow_with_links(count_queries, make_link, make_club):
    club = make_club(slug="busy")
    url = "/transfers/?club=busy&status=open&max_age=40&sort=fee_high"

    def grow(count):
        for _ in range(count):
            make_link(to_club=club, fee_amount=1_000_000)
            make_club()

    grow(5)
    few = count_queries(url)
    grow(55)
    assert count_queries(url) == few <= 12
    assert count_queries("/transfers/") <= 12


def club_box(html):
    """The club filter's <input> (the text box that replaces a long club list)."""
    return re.search(r'<input[^>]*id="id_club"[^>]*>', html)[0]


def test_a_short_club_list_is_a_select(client, market):
    html = client.get("/transfers/").content.decode()
    assert '<select id="id_club" name="club">' in html
    assert '<option value="liverpool">Liverpool</option>' in html


def test_a_long_club_list_becomes_a_text_box_that_takes_a_name(client, market, settings):
    settings.TRACKER_CLUB_SELECT_MAX = 2
    html = client.get("/transfers/").content.decode()
    assert '<select name="club"' not in html and '<option value="liverpool"' not in html
    assert '<label for="id_club">Club</label>' in html
    box = club_box(html)
    assert 'type="text"' in box and 'name="club"' in box and 'placeholder="Any club"' in box
    incoming = {"Tchouameni", "Kerkez"}
    for typed in ("Liverpool", "  liverpool ", "LIVERPOOL FC", "liverpool"):
        response = client.get("/transfers/", {"club": typed, "direction": "incoming"})
        assert set(players_listed(response)) == incoming, typed
    # Followed from a link (the club's slug), the box shows the club's name.
    html = client.get("/transfers/?club=liverpool&direction=incoming").content.decode()
    assert 'value="Liverpool"' in club_box(html)
    assert "Club: Liverpool" in html


def test_an_unknown_club_name_is_a_form_error_that_keeps_what_was_typed(client, market, settings):
    settings.TRACKER_CLUB_SELECT_MAX = 2
    response = client.get("/transfers/", {"club": "Liverpol"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no club called “Liverpol”. Check the spelling" in html
    box = club_box(html)
    assert 'value="Liverpol"' in box and 'aria-describedby="id_club_error"' in box
    assert players_listed(response) == []


def test_a_shared_club_name_asks_for_the_full_name(client, make_club, make_link, settings):
    settings.TRACKER_CLUB_SELECT_MAX = 2
    north = make_club(name="United", full_name="Northtown United", slug="northtown")
    south = make_club(name="United", full_name="Southtown United", slug="southtown")
    make_link(to_club=north)
    make_link(to_club=south)
    html = client.get("/transfers/", {"club": "united"}).content.decode()
    assert "More than one club is called “united”. Use the club’s full name instead." in html
    response = client.get("/transfers/", {"club": "Southtown United"})
    assert len(players_listed(response)) == 1
    assert "Club: United" in response.content.decode()
    # From a link, the box shows the full name: the name alone would be ambiguous.
    html = client.get("/transfers/?club=southtown").content.decode()
    assert 'value="Southtown United"' in club_box(html)


def test_a_shared_full_name_points_to_the_club_page(client, make_club, make_link, settings):
    settings.TRACKER_CLUB_SELECT_MAX = 1
    for slug in ("rovers-1", "rovers-2"):
        make_link(to_club=make_club(name="Rovers", full_name="Rovers FC", slug=slug))
    html = client.get("/transfers/", {"club": "rovers fc"}).content.decode()
    assert "More than one club is called “rovers fc”. Follow the transfer links on the club" in html
    # Reached from the club page's link, the box can only show the slug.
    response = client.get("/transfers/?club=rovers-2")
    assert 'value="rovers-2"' in club_box(response.content.decode())
    assert len(players_listed(response)) == 1


@pytest.mark.parametrize("typed", ["%00", "a%00b", "x" * 3000, "%", "'--"])
def test_hostile_club_names_in_the_text_box_are_form_errors(client, market, settings, typed):
    settings.TRACKER_CLUB_SELECT_MAX = 2
    response = client.get(f"/transfers/?club={typed}")
    assert response.status_code == 200
    assert 'id="id_club_error"' in response.content.decode()
    assert "\x00" not in club_box(response.content.decode())


def test_the_text_box_keeps_the_tracker_query_count_fixed(count_queries, make_link, settings):
    settings.TRACKER_CLUB_SELECT_MAX = 2
    for _ in range(6):
        make_link()
    slug = make_link().to_club.slug
    assert count_queries(f"/transfers/?club={slug}") <= 12
    assert count_queries("/transfers/?club=Nowhere") <= 12
