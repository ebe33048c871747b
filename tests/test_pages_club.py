"""The club hub: facts, paginated news, links in and out grouped by status, squad, feed link."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Article
from transfers.models import Position, TransferStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def liverpool(make_club, make_competition):
    league = make_competition(name="Premier League", slug="premier-league")
    return make_club(
        name="Liverpool",
        full_name="Liverpool FC",
        slug="liverpool",
        competition=league,
        stadium="Anfield",
        brand_colour="#c8102e",
    )


def test_club_page_shows_crest_competition_stadium_and_feed_link(client, liverpool):
    response = client.get("/clubs/liverpool/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Latest Liverpool transfer news</h1>" in html
    assert 'href="/competitions/premier-league/">Premier League</a>' in html
    assert "Anfield" in html
    assert 'class="crest crest--badge' in html
    assert 'href="/clubs/liverpool/feed/"' in html


def test_club_news_lists_public_pieces_twenty_a_page(client, liverpool, make_article):
    for number in range(23):
        make_article(headline=f"Reds story {number:02d}", primary_club=liverpool)
    make_article(headline="Reds draft", primary_club=liverpool, status=Article.Status.DRAFT)
    make_article(
        headline="Reds embargo",
        primary_club=liverpool,
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    html = client.get("/clubs/liverpool/").content.decode()
    assert html.count('<article class="card') == 20
    assert "Reds draft" not in html and "Reds embargo" not in html
    second = client.get("/clubs/liverpool/?page=2").content.decode()
    assert second.count('<article class="card') == 3
    assert client.get("/clubs/liverpool/?page=3").status_code == 404


def test_club_links_are_split_by_direction_and_grouped_by_status(
    client, liverpool, make_link, make_player, make_club
):
    madrid = make_club(name="Real Madrid")
    make_link(
        player=make_player(known_as="Tchouameni", current_club=madrid),
        to_club=liverpool,
        status=TransferStatus.TALKS,
    )
    make_link(
        player=make_player(known_as="Kerkez"), to_club=liverpool, status=TransferStatus.COMPLETED
    )
    make_link(
        player=make_player(known_as="Alexander-Arnold", current_club=liverpool),
        to_club=madrid,
        status=TransferStatus.AGREED,
    )
    html = client.get("/clubs/liverpool/").content.decode()
    incoming = html.split('id="incoming"')[1].split("</section>")[0]
    outgoing = html.split('id="outgoing"')[1].split("</section>")[0]
    assert "Tchouameni" in incoming and "Kerkez" in incoming
    assert incoming.index("Completed") < incoming.index("Kerkez") < incoming.index("Talks")
    assert "Alexander-Arnold" in outgoing and "Fee agreed" in outgoing
    assert "Alexander-Arnold" not in incoming
    assert "?club=liverpool&amp;direction=incoming" in incoming


def test_each_club_link_names_the_player_with_a_link_the_other_club_and_the_fee(
    client, liverpool, make_link, make_player, make_club
):
    madrid = make_club(name="Real Madrid")
    tchouameni = make_player(known_as="Tchouameni", current_club=madrid)
    make_link(player=tchouameni, to_club=liverpool, fee_amount=100_000_000, fee_currency="GBP")
    make_link(
        player=make_player(known_as="Free Man"), from_club=None, to_club=liverpool, fee_text="Free"
    )
    make_link(
        player=make_player(known_as="Salah", current_club=liverpool),
        to_club=madrid,
        fee_amount=45_000_000,
        fee_currency="EUR",
    )
    html = client.get("/clubs/liverpool/").content.decode()
    incoming = html.split('id="incoming"')[1].split("</section>")[0]
    outgoing = html.split('id="outgoing"')[1].split("</section>")[0]
    assert f'<a href="{tchouameni.get_absolute_url()}">Tchouameni</a>' in incoming
    assert "from Real Madrid · £100m" in incoming
    assert "from free agency · Free" in incoming
    assert "to Real Madrid · €45m" in outgoing


def test_squad_is_grouped_by_position_goalkeepers_first(client, liverpool, make_player):
    make_player(known_as="Salah", position=Position.FORWARD, current_club=liverpool)
    make_player(known_as="Alisson", position=Position.GOALKEEPER, current_club=liverpool)
    make_player(
        known_as="Van Dijk",
        position=Position.DEFENDER,
        current_club=liverpool,
        contract_expires=timezone.localdate() + datetime.timedelta(days=100),
    )
    html = client.get("/clubs/liverpool/").content.decode()
    squad = html.split('id="squad"')[1].split("</section>")[0]
    assert squad.index("Goalkeepers") < squad.index("Alisson") < squad.index("Defenders")
    assert squad.index("Van Dijk") < squad.index("Forwards") < squad.index("Salah")
    assert "final year of contract" in squad


def test_club_page_has_breadcrumbs_and_metadata(client, liverpool):
    html = client.get("/clubs/liverpool/").content.decode()
    assert '"@type":"BreadcrumbList"' in html
    assert "<title>Latest Liverpool transfer news | Transfer Desk</title>" in html
    assert '<meta property="og:title" content="Latest Liverpool transfer news">' in html


def test_unknown_club_is_404(client):
    assert client.get("/clubs/no-such-club/").status_code == 404


@pytest.mark.parametrize("page", ["999", "-1", "abc"])
def test_bad_club_page_numbers_are_404(client, liverpool, page):
    assert client.get(f"/clubs/liverpool/?page={page}").status_code == 404


def test_club_query_count_does_not_grow_with_content(
    count_queries, liverpool, make_article, make_link, make_player, make_author, make_image
):
    def grow(count):
        for number in range(count):
            make_article(
                primary_club=liverpool,
                authors=[make_author(), make_author()],
                hero_image=make_image() if number % 4 == 0 else None,
            )
            make_link(to_club=liverpool, status=TransferStatus.TALKS)
            make_link(player=make_player(current_club=liverpool), status=TransferStatus.BID)
            make_player(current_club=liverpool)

    grow(5)
    few = count_queries("/clubs/liverpool/")
    grow(55)
    assert count_queries("/clubs/liverpool/") == few <= 12
