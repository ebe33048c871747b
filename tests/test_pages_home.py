"""The home page: lead story, latest news, hottest links and clubs; public pieces only."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Article
from transfers.models import TransferStatus

pytestmark = pytest.mark.django_db


def test_home_leads_with_the_newest_featured_piece(client, make_article):
    make_article(headline="An older featured exclusive", is_featured=True)
    make_article(
        headline="A newer ordinary story",
        published_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    lead = html.split('class="lead"')[1].split("</section>")[0]
    assert "An older featured exclusive" in lead
    assert "A newer ordinary story" in html


def test_home_leads_with_the_newest_piece_when_none_is_featured(client, make_article):
    make_article(headline="Yesterday’s news", published_at=timezone.now() - datetime.timedelta(1))
    make_article(headline="This morning’s news", published_at=timezone.now())
    html = client.get("/").content.decode()
    lead = html.split('class="lead"')[1].split("</section>")[0]
    assert "This morning’s news" in lead
    # The lead is not repeated in the list below it.
    assert html.count("This morning’s news") == 1


def test_home_lists_hottest_open_links_and_clubs_in_the_news(
    client, make_article, make_link, make_club, make_player
):
    liverpool = make_club(name="Liverpool", slug="liverpool")
    make_article(primary_club=liverpool)
    make_link(player=make_player(known_as="Tchouameni"), to_club=liverpool, status="talks")
    make_link(player=make_player(known_as="Finished Deal"), status=TransferStatus.COMPLETED)
    free = make_player(known_as="Out Of Contract")
    make_link(player=free, from_club=None, to_club=liverpool, fee_text="Free")
    make_club(name="Quiet Town")
    html = client.get("/").content.decode()
    rail = html.split('id="hottest-links"')[1].split("</section>")[0]
    assert "Tchouameni" in rail
    assert "Talks" in rail
    assert f'href="{free.get_absolute_url()}">Out Of Contract</a>' in rail
    assert "Free agent <span" in rail and "Rumour</span> · Free" in rail
    assert "Finished Deal" not in rail
    clubs = html.split('id="clubs-in-news"')[1].split("</nav>")[0]
    assert 'href="/clubs/liverpool/"' in clubs
    assert "Quiet Town" not in clubs


def test_home_never_shows_drafts_reviews_or_scheduled_pieces(client, make_article):
    make_article(headline="Public story")
    make_article(headline="Secret draft", status=Article.Status.DRAFT)
    make_article(headline="Awaiting review", status=Article.Status.IN_REVIEW)
    make_article(
        headline="Embargoed signing",
        published_at=timezone.now() + datetime.timedelta(hours=2),
    )
    make_article(headline="Archived story", status=Article.Status.ARCHIVED)
    html = client.get("/").content.decode()
    assert "Public story" in html
    for hidden in ("Secret draft", "Awaiting review", "Embargoed signing", "Archived story"):
        assert hidden not in html


def test_home_with_no_stories_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No stories yet" in response.content.decode()


def test_home_paginates_twenty_a_page(client, make_article):
    for number in range(1, 43):
        make_article(headline=f"Story {number:02d}")
    first = client.get("/").content.decode()
    assert first.count('<article class="card') == 20
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/?page=2")
    assert second.status_code == 200
    html = second.content.decode()
    assert 'class="lead"' not in html
    assert "Page 2 of 3" in html
    assert '<link rel="canonical" href="http' in html and '/?page=2"' in html


@pytest.mark.parametrize("page", ["999", "-1", "0", "abc", "1.5", "%00"])
def test_a_page_number_out_of_range_or_not_a_number_is_a_clean_404(client, make_article, page):
    make_article()
    response = client.get(f"/?page={page}")
    assert response.status_code == 404
    assert "We cannot find that page" in response.content.decode()


def test_home_has_metadata_for_search_engines_and_social_cards(client, make_article):
    make_article()
    html = client.get("/").content.decode()
    assert html.count("<h1") == 1
    assert "<title>Transfer Desk: football transfer news</title>" in html
    assert '<meta name="description" content="' in html
    assert '<link rel="canonical" href="' in html
    assert '<meta property="og:image" content="http' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'class="skip-link" href="#main"' in html
    assert 'href="/feeds/"' in html


def test_home_neither_reads_the_session_nor_sets_cookies(client, make_article):
    make_article()
    response = client.get("/")
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def _add_stories(count, make_article, make_link, make_club, make_author, make_image):
    clubs = [make_club() for _ in range(max(2, count // 5))]
    for number in range(count):
        club = clubs[number % len(clubs)]
        make_article(
            primary_club=club,
            authors=[make_author(), make_author()],
            hero_image=make_image() if number % 3 == 0 else None,
            is_featured=number == 0,
        )
        make_link(to_club=club, status="talks")


def test_home_query_count_does_not_grow_with_content(
    count_queries, make_article, make_link, make_club, make_author, make_image
):
    _add_stories(5, make_article, make_link, make_club, make_author, make_image)
    few = count_queries("/")
    _add_stories(55, make_article, make_link, make_club, make_author, make_image)
    assert count_queries("/") == few <= 12
    assert count_queries("/?page=2") == few
