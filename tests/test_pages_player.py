"""The player page: derived age, contract flag, value, record per club with totals, links, news."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Article
from transfers.models import PlayerSeason, Position, TransferStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def tchouameni(make_player, make_club):
    madrid = make_club(name="Real Madrid", slug="real-madrid")
    today = timezone.localdate()
    return make_player(
        full_name="Aurelien Tchouameni",
        known_as="Tchouameni",
        slug="aurelien-tchouameni",
        date_of_birth=today.replace(year=today.year - 24) - datetime.timedelta(days=10),
        nationality="France",
        position=Position.MIDFIELDER,
        role="defensive midfielder",
        current_club=madrid,
        contract_expires=today + datetime.timedelta(days=200),
        market_value=100_000_000,
    )


def test_player_page_shows_his_facts(client, tchouameni):
    response = client.get("/players/aurelien-tchouameni/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aurelien Tchouameni</h1>" in html
    assert "<dt>Age</dt><dd>24 " in html
    assert "Defensive midfielder at Real Madrid" in html
    assert "France" in html
    assert "in the final year of his contract" in html
    assert "£100m" in html
    assert '"@type":"BreadcrumbList"' in html


def test_contract_beyond_a_year_is_not_flagged(client, tchouameni):
    tchouameni.contract_expires = timezone.localdate() + datetime.timedelta(days=800)
    tchouameni.save()
    html = client.get(tchouameni.get_absolute_url()).content.decode()
    assert "final year" not in html


def test_record_has_a_table_per_club_with_totals(client, tchouameni, make_club):
    madrid = tchouameni.current_club
    monaco = make_club(name="Monaco")
    for club, season, apps, played in [
        (madrid, "2024/25", 10, 11),
        (madrid, "2023/24", 28, 38),
        (monaco, "2021/22", 35, 38),
    ]:
        PlayerSeason.objects.create(
            player=tchouameni,
            club=club,
            season=season,
            competition=club.competition,
            appearances=apps,
            starts=apps,
            goals=1,
            assists=1,
            minutes=apps * 80,
            club_matches_played=played,
        )
    html = client.get(tchouameni.get_absolute_url()).content.decode()
    madrid_table = html.split("Tchouameni’s Real Madrid record")[1].split("</section>")[0]
    monaco_table = html.split("Tchouameni’s Monaco record")[1].split("</section>")[0]
    assert "10/11" in madrid_table and "38/49" in madrid_table
    assert "2021/22" in monaco_table and "2021/22" not in madrid_table
    assert html.index("Real Madrid record") < html.index("Monaco record")


def test_player_links_show_status_fee_and_window(
    client, tchouameni, make_link, make_club, make_window
):
    make_link(
        player=tchouameni,
        to_club=make_club(name="Liverpool"),
        status=TransferStatus.BID,
        fee_amount=100_000_000,
        window=make_window(name="January 2026"),
    )
    html = client.get(tchouameni.get_absolute_url()).content.decode()
    links = html.split('id="player-links"')[1].split("</section>")[0]
    assert "Bid made" in links and "£100m" in links and "January 2026" in links
    assert "Liverpool" in links


def test_player_news_lists_public_pieces_only(client, tchouameni, make_article):
    make_article(headline="Tchouameni story", players=[tchouameni])
    make_article(headline="Tchouameni draft", players=[tchouameni], status=Article.Status.DRAFT)
    html = client.get(tchouameni.get_absolute_url()).content.decode()
    assert "Tchouameni story" in html and "Tchouameni draft" not in html


def test_unknown_player_is_404(client):
    assert client.get("/players/nobody/").status_code == 404


def test_player_query_count_does_not_grow_with_content(
    count_queries, tchouameni, make_article, make_link, make_club, make_competition
):
    def grow(count):
        for number in range(count):
            make_article(players=[tchouameni])
            make_link(player=tchouameni, to_club=make_club())
            club = make_club()
            PlayerSeason.objects.create(
                player=tchouameni,
                club=club,
                season=f"{1960 + number}/{(61 + number) % 100:02d}",
                competition=make_competition(),
                appearances=3,
                club_matches_played=5,
            )

    grow(5)
    few = count_queries(tchouameni.get_absolute_url())
    grow(55)
    assert count_queries(tchouameni.get_absolute_url()) == few <= 12
