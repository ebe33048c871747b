"""Search: players and clubs first, then public articles; helpful pages for odd queries.

Runs on SQLite (plain lookups) and on PostgreSQL (the stored tsvector, ranked): set
DATABASE_URL to a PostgreSQL database to exercise the full-text path.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from newsroom import search
from newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(make_club, make_player, make_article):
    madrid = make_club(name="Real Madrid", full_name="Real Madrid CF", slug="real-madrid")
    liverpool = make_club(
        name="Liverpool", full_name="Liverpool FC", slug="liverpool", aliases="the Reds, LFC"
    )
    tchouameni = make_player(
        known_as="Tchouameni",
        full_name="Aurelien Tchouameni",
        slug="aurelien-tchouameni",
        current_club=madrid,
    )
    make_article(
        headline="Slot wants a new midfielder",
        slug="slot-midfielder",
        body="<p>The Anfield boss has asked for reinforcements in January.</p>",
        primary_club=liverpool,
    )
    make_article(
        headline="Madrid open to offers",
        slug="madrid-offers",
        body="<p>The Frenchman could be sold for the right price.</p>",
        players=[tchouameni],
    )
    make_article(
        headline="Embargoed reinforcements story",
        slug="embargoed",
        body="<p>Reinforcements arrive.</p>",
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    make_article(
        headline="Draft reinforcements story",
        slug="draft",
        body="<p>Reinforcements arrive.</p>",
        status=Article.Status.DRAFT,
    )
    return {"liverpool": liverpool, "tchouameni": tchouameni}


def stories(response):
    html = response.content.decode()
    if 'id="search-stories"' not in html:
        return []
    section = html.split('id="search-stories"')[1]
    return [chunk.split('"')[0] for chunk in section.split('class="card__title"><a href="')[1:]]


def test_search_finds_articles_by_body_text_and_never_unpublished_ones(client, newsroom):
    response = client.get("/search/?q=reinforcements")
    assert response.status_code == 200
    assert stories(response) == ["/news/slot-midfielder/"]


def test_search_finds_articles_by_headline(client, newsroom):
    assert stories(client.get("/search/?q=offers")) == ["/news/madrid-offers/"]


def test_a_players_name_finds_him_first_and_the_articles_tagged_with_him(client, newsroom):
    response = client.get("/search/?q=Tchouameni")
    html = response.content.decode()
    assert html.index('href="/players/aurelien-tchouameni/"') < html.index('id="search-stories"')
    assert stories(response) == ["/news/madrid-offers/"]


def test_a_query_naming_a_club_finds_the_club_and_its_tagged_articles(client, newsroom):
    response = client.get("/search/?q=liverpool+midfield")
    html = response.content.decode()
    assert 'href="/clubs/liverpool/"' in html.split('id="search-stories"')[0]
    assert "/news/slot-midfielder/" in stories(response)


def test_club_aliases_and_partial_names_match(client, newsroom):
    assert 'href="/clubs/liverpool/"' in client.get("/search/?q=reds").content.decode()
    assert (
        'href="/players/aurelien-tchouameni/"' in client.get("/search/?q=tchoua").content.decode()
    )


def test_text_matches_rank_before_tag_only_matches_on_postgresql(client, newsroom, make_article):
    if connection.vendor != "postgresql":
        pytest.skip("ranking needs PostgreSQL full-text search")
    make_article(
        headline="Tchouameni price tag revealed",
        slug="price-tag",
        published_at=timezone.now() - datetime.timedelta(days=30),
    )
    assert stories(client.get("/search/?q=tchouameni")) == [
        "/news/price-tag/",
        "/news/madrid-offers/",
    ]


def test_postgresql_understands_web_search_syntax(client, newsroom):
    if connection.vendor != "postgresql":
        pytest.skip("websearch_to_tsquery is PostgreSQL only")
    assert stories(client.get('/search/?q="new+midfielder"')) == ["/news/slot-midfielder/"]
    assert stories(client.get("/search/?q=reinforcements+-anfield")) == []


def test_empty_query_gets_a_helpful_page(client, newsroom):
    response = client.get("/search/?q=+++")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Type a player, a club or a subject" in html
    assert html.count("<h1") == 1


def test_over_long_query_gets_a_helpful_page(client, newsroom):
    response = client.get("/search/?q=" + "a" * 101)
    assert response.status_code == 200
    assert "That search is too long" in response.content.decode()


def test_no_match_says_what_to_try(client, newsroom):
    html = client.get("/search/?q=zzzzqqq").content.decode()
    assert "No stories match “zzzzqqq”." in html
    assert "Check the spelling" in html


@pytest.mark.parametrize(
    "query", ["%00", "%27%22%5C", "!!!", "a%26b|c", "(", "-", '"', "%E2%80%9C", "a:*"]
)
def test_odd_characters_never_cause_a_500(client, newsroom, query):
    assert client.get(f"/search/?q={query}").status_code == 200


def test_search_results_are_paginated_and_bad_pages_are_404(client, make_article):
    for number in range(23):
        make_article(headline=f"Deadline deal {number}")
    response = client.get("/search/?q=deadline")
    assert len(stories(response)) == 20
    assert 'href="?q=deadline&amp;page=2"' in response.content.decode()
    assert len(stories(client.get("/search/?q=deadline&page=2"))) == 3
    assert client.get("/search/?q=deadline&page=9").status_code == 404


def test_search_pages_are_not_indexed(client, newsroom):
    html = client.get("/search/?q=madrid").content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_a_timed_out_search_gets_a_helpful_page(client, newsroom, monkeypatch):
    def too_slow(*args, **kwargs):
        raise search.SearchTooSlow

    monkeypatch.setattr(search, "matching_clubs", too_slow)
    response = client.get("/search/?q=madrid")
    assert response.status_code == 200
    assert "That search took too long" in response.content.decode()


def test_postgresql_search_runs_under_a_statement_timeout(newsroom):
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL only")
    with search.time_limit(), connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
        assert cursor.fetchone()[0] == str(search.STATEMENT_TIMEOUT_MS)


def test_search_query_count_does_not_grow_with_results(
    count_queries, make_article, make_author, make_player
):
    def grow(count):
        for _ in range(count):
            make_article(headline="Window news", authors=[make_author(), make_author()])
            make_player(known_as="Windows")

    grow(5)
    few = count_queries("/search/?q=window")
    grow(55)
    assert count_queries("/search/?q=window") == few <= 12
