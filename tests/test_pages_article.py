"""The article page: every part a reader expects, public pieces only, in fixed queries."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from newsroom.models import Article
from newsroom.rendering import paragraph_end, render_body
from transfers.models import PlayerSeason

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Liverpool are weighing a January move for the midfielder.</p>"
    "<p>Real Madrid would want around £100m.</p>"
    "<h2>Will Madrid sell?</h2>"
    "<p>The third paragraph follows the READ MORE links.</p>"
)


def json_ld(html, kind):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


@pytest.fixture
def story(make_article, make_club, make_player, make_author, make_tag, make_image):
    club = make_club(name="Liverpool", slug="liverpool", full_name="Liverpool FC")
    madrid = make_club(name="Real Madrid", slug="real-madrid")
    player = make_player(
        known_as="Tchouameni",
        full_name="Aurelien Tchouameni",
        slug="aurelien-tchouameni",
        current_club=madrid,
    )
    author = make_author(name="Sam Reporter", slug="sam-reporter")
    hero = make_image(caption="Tchouameni in action at the Bernabeu", credit="Photo Agency")
    article = make_article(
        headline="Liverpool line up January move for Tchouameni",
        slug="liverpool-tchouameni",
        standfirst="Arne Slot wants more legs in midfield.",
        body=BODY,
        authors=[author],
        primary_club=club,
        clubs=[madrid],
        players=[player],
        tags=[make_tag(name="January window", slug="january-window")],
        hero_image=hero,
        record_player=player,
        published_at=timezone.now() - datetime.timedelta(hours=3),
    )
    return {"article": article, "club": club, "madrid": madrid, "player": player}


def test_article_page_shows_headline_standfirst_linked_byline_and_time(client, story):
    response = client.get("/news/liverpool-tchouameni/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Liverpool line up January move for Tchouameni</h1>" in html
    assert "Arne Slot wants more legs in midfield." in html
    assert 'By <a href="/authors/sam-reporter/">Sam Reporter</a>' in html
    assert "Published <time datetime=" in html
    assert "Updated" not in html


def test_article_shows_updated_time_only_when_an_editor_marked_an_update(client, story):
    article = story["article"]
    article.significant_update_at = timezone.now()
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Updated <time datetime=" in html
    ld = json_ld(html, "NewsArticle")
    assert ld["dateModified"] > ld["datePublished"]


def test_article_hero_has_caption_credit_and_dimensions(client, story):
    html = client.get("/news/liverpool-tchouameni/").content.decode()
    figure = html.split('<figure class="story__hero">')[1].split("</figure>")[0]
    assert 'alt="A footballer in a red shirt"' in figure
    assert re.search(r'width="\d+" height="\d+"', figure)
    assert "Tchouameni in action at the Bernabeu" in figure
    assert "Photo Agency" in figure


def test_read_more_sits_after_the_second_paragraph_and_again_at_the_end(
    client, story, make_article
):
    article = story["article"]
    related = make_article(headline="Salah exit route named", slug="salah-exit")
    hidden = make_article(headline="Unpublished related draft", status=Article.Status.DRAFT)
    article.related.add(related, hidden)
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('<div class="story__body prose">')[1].split("</div>")[0]
    second = body.index("would want around £100m.</p>")
    inline = body.index("READ MORE:")
    third = body.index("The third paragraph")
    assert second < inline < third
    assert '<a href="/news/salah-exit/">Salah exit route named</a>' in body
    end = html.split('id="read-more"')[1]
    assert "Salah exit route named" in end
    assert "Unpublished related draft" not in html


def test_tags_clubs_and_players_are_links(client, story):
    html = client.get("/news/liverpool-tchouameni/").content.decode()
    topics = html.split('class="story__topics"')[1].split("</footer>")[0]
    assert 'href="/clubs/liverpool/"' in topics
    assert 'href="/clubs/real-madrid/"' in topics
    assert 'href="/players/aurelien-tchouameni/"' in topics
    assert 'href="/tags/january-window/"' in topics


def test_topics_list_clubs_then_players_then_tags(client, story, make_tag):
    story["article"].tags.add(make_tag(name="Contracts", slug="contracts"))
    html = client.get("/news/liverpool-tchouameni/").content.decode()
    topics = html.split('class="story__topics"')[1].split("</footer>")[0]
    chips = re.findall(r'<a class="chip[^"]*" href="[^"]+">([^<]+)</a>', topics)
    assert chips == ["Liverpool", "Real Madrid", "Tchouameni", "Contracts", "January window"]


def test_latest_club_news_box_lists_five_newest_other_public_pieces(client, story, make_article):
    club = story["club"]
    for number in range(7):
        make_article(
            headline=f"Liverpool story {number}",
            primary_club=club,
            published_at=timezone.now() - datetime.timedelta(minutes=number),
        )
    make_article(headline="Liverpool draft", primary_club=club, status=Article.Status.DRAFT)
    html = client.get("/news/liverpool-tchouameni/").content.decode()
    box = html.split('id="club-news"')[1].split("</section>")[0]
    assert "Latest Liverpool transfer news" in box
    assert [f"Liverpool story {n}" in box for n in range(7)] == [True] * 5 + [False] * 2
    assert "Liverpool draft" not in box
    assert "Liverpool line up January move" not in box


def test_record_table_has_season_rows_and_totals(client, story):
    player, madrid = story["player"], story["madrid"]
    league = madrid.competition
    PlayerSeason.objects.create(
        player=player,
        club=madrid,
        season="2024/25",
        competition=league,
        appearances=10,
        starts=9,
        goals=1,
        assists=0,
        minutes=812,
        club_matches_played=11,
    )
    PlayerSeason.objects.create(
        player=player,
        club=madrid,
        season="2023/24",
        competition=league,
        appearances=28,
        starts=25,
        goals=2,
        assists=3,
        minutes=2240,
        club_matches_played=38,
    )
    html = client.get("/news/liverpool-tchouameni/").content.decode()
    table = html.split('class="record"')[1].split("</section>")[0]
    assert "Tchouameni’s Real Madrid record" in table
    assert "2024/25" in table and "10/11" in table
    assert "2023/24" in table and "28/38" in table
    totals = table.split("<tfoot>")[1]
    assert "38/49" in totals
    assert ">3<" in totals and ">3,052<" in totals


def test_correction_note_appears_at_the_foot(client, story):
    article = story["article"]
    article.correction = "An earlier version gave the wrong fee."
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<strong>Correction:</strong> An earlier version gave the wrong fee." in html
    assert html.index("Correction:") > html.index("The third paragraph")


def test_news_article_and_breadcrumb_structured_data(client, story):
    html = client.get("/news/liverpool-tchouameni/").content.decode()
    article = json_ld(html, "NewsArticle")
    assert article["headline"] == "Liverpool line up January move for Tchouameni"
    assert article["image"][0]["url"].startswith("http")
    assert article["datePublished"] and article["dateModified"]
    assert article["author"] == [
        {"@type": "Person", "name": "Sam Reporter", "url": article["author"][0]["url"]}
    ]
    assert article["author"][0]["url"].endswith("/authors/sam-reporter/")
    assert article["publisher"]["logo"]["url"].endswith(".png")
    assert article["mainEntityOfPage"]["@id"].endswith("/news/liverpool-tchouameni/")
    crumbs = json_ld(html, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == [
        "Home",
        "Liverpool",
        "Liverpool line up January move for Tchouameni",
    ]
    assert '<meta property="og:type" content="article">' in html
    assert 'rel="canonical" href="http' in html


def test_structured_data_cannot_break_out_of_its_script_element(client, make_article):
    article = make_article(headline="Fee </script><script>alert(1)</script> agreed")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html, "NewsArticle")["headline"].startswith("Fee </script>")


@pytest.mark.parametrize(
    "state",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.IN_REVIEW},
        {"status": Article.Status.ARCHIVED},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
)
def test_non_public_articles_answer_404(client, make_article, state):
    article = make_article(**state)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_unknown_article_slug_is_404(client):
    assert client.get("/news/no-such-story/").status_code == 404


def test_a_changed_slug_redirects_permanently(client, make_article):
    article = make_article(slug="first-slug")
    article.slug = "second-slug"
    article.save()
    response = client.get("/news/first-slug/")
    assert response.status_code == 301
    assert response["Location"] == "/news/second-slug/"


def test_article_query_count_does_not_grow_with_related_content(
    count_queries, story, make_article, make_author, make_tag, make_club, make_player
):
    article = story["article"]

    def grow(count):
        for _ in range(count):
            piece = make_article(primary_club=story["club"], authors=[make_author(), make_author()])
            article.related.add(piece)
            article.tags.add(make_tag())
            article.clubs.add(make_club())
            article.players.add(make_player())

    grow(5)
    few = count_queries(article.get_absolute_url())
    grow(55)
    assert count_queries(article.get_absolute_url()) == few <= 10


def test_render_body_leaves_a_short_body_alone(make_article):
    article = make_article(body="<p>Only one paragraph.</p>")
    related = make_article()
    assert render_body(article, [related]) == "<p>Only one paragraph.</p>"


def test_read_more_is_never_placed_inside_a_quote_or_list():
    html = (
        "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>"
        "<ul><li><p>Listed.</p></li></ul>"
        "<p>First.</p>\n<p>Second.</p><p>Third.</p>"
    )
    end = paragraph_end(html, 2)
    assert html[:end].endswith("<p>Second.</p>")


def test_inline_read_more_skips_pieces_the_copy_already_links_to(make_article):
    linked = make_article(slug="already-linked")
    fresh = make_article(slug="fresh-piece")
    article = make_article(
        body='<p>One.</p><p>Two with <a href="/news/already-linked/">a link</a>.</p><p>Three.</p>'
    )
    html = render_body(article, [linked, fresh])
    assert html.count("/news/already-linked/") == 1
    assert html.count("READ MORE:") == 1 and "/news/fresh-piece/" in html


def test_article_without_picks_keeps_a_fixed_query_count(
    count_queries, story, make_article, make_author
):
    """Suggested reading stands in for editors' picks; the page still runs a fixed number of
    queries once the process has built its name matcher (one warm-up request)."""
    article = story["article"]

    def grow(count):
        for _ in range(count):
            make_article(
                primary_club=story["club"],
                players=[story["player"]],
                authors=[make_author(), make_author()],
            )

    grow(5)
    count_queries(article.get_absolute_url())
    few = count_queries(article.get_absolute_url())
    grow(55)
    count_queries(article.get_absolute_url())
    assert count_queries(article.get_absolute_url()) == few <= 12
