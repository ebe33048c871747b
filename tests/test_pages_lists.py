"""Tag, author and competition pages: their stories, public only, paginated, fixed query counts."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Article

pytestmark = pytest.mark.django_db


def test_tag_page_lists_its_public_stories(client, make_tag, make_article):
    tag = make_tag(name="Deadline day", slug="deadline-day")
    make_article(headline="Late bid lands", tags=[tag])
    make_article(headline="Untagged story")
    make_article(headline="Tagged draft", tags=[tag], status=Article.Status.DRAFT)
    response = client.get("/tags/deadline-day/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Deadline day</h1>" in html
    assert "Late bid lands" in html
    assert "Untagged story" not in html and "Tagged draft" not in html


def test_author_page_shows_bio_and_public_stories(client, make_author, make_article):
    author = make_author(name="Sam Reporter", slug="sam-reporter", bio="Covers Liverpool.")
    make_article(headline="Sam’s scoop", authors=[author])
    make_article(
        headline="Sam’s embargoed scoop",
        authors=[author],
        published_at=timezone.now() + datetime.timedelta(hours=3),
    )
    html = client.get("/authors/sam-reporter/").content.decode()
    assert "Sam Reporter</h1>" in html
    assert "Covers Liverpool." in html
    assert "Sam’s scoop" in html and "embargoed" not in html


def test_competition_page_lists_clubs_and_news_about_them(
    client, make_competition, make_club, make_article
):
    league = make_competition(name="Premier League", slug="premier-league")
    liverpool = make_club(name="Liverpool", slug="liverpool", competition=league)
    elsewhere = make_club(name="Real Madrid")
    make_article(headline="Liverpool news", primary_club=liverpool)
    make_article(
        headline="Madrid news mentioning Liverpool", primary_club=elsewhere, clubs=[liverpool]
    )
    make_article(headline="Only Madrid news", primary_club=elsewhere)
    html = client.get("/competitions/premier-league/").content.decode()
    assert "Premier League transfer news</h1>" in html
    assert 'href="/clubs/liverpool/"' in html
    assert "Liverpool news" in html
    assert html.count("Madrid news mentioning Liverpool") == 1
    assert "Only Madrid news" not in html


@pytest.mark.parametrize("url", ["/tags/nope/", "/authors/nope/", "/competitions/nope/"])
def test_unknown_slugs_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["999", "-1", "abc"])
def test_bad_page_numbers_are_404(client, make_tag, make_article, page):
    tag = make_tag(slug="transfers")
    make_article(tags=[tag])
    assert client.get(f"/tags/transfers/?page={page}").status_code == 404


def test_list_query_counts_do_not_grow_with_content(
    count_queries, make_tag, make_author, make_competition, make_club, make_article, make_image
):
    tag = make_tag(slug="big-deals")
    author = make_author(slug="ace")
    league = make_competition(slug="league")
    urls = ["/tags/big-deals/", "/authors/ace/", "/competitions/league/"]

    def grow(count):
        for number in range(count):
            club = make_club(competition=league)
            make_article(
                tags=[tag],
                authors=[author, make_author()],
                primary_club=club,
                hero_image=make_image() if number % 5 == 0 else None,
            )

    grow(5)
    few = [count_queries(url) for url in urls]
    grow(55)
    assert [count_queries(url) for url in urls] == few
    assert max(few) <= 12
