"""READ MORE: editor-picked pieces first; otherwise published pieces sharing players and clubs."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Article

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def story(make_article, make_player, make_club):
    liverpool, madrid, monaco = make_club(), make_club(), make_club()
    tchouameni, salah = make_player(), make_player()
    article = make_article(
        headline="Liverpool weigh Tchouameni move",
        clubs=[liverpool, madrid],
        players=[tchouameni],
        published_at=hours_ago(1),
    )
    return {
        "article": article,
        "liverpool": liverpool,
        "madrid": madrid,
        "monaco": monaco,
        "tchouameni": tchouameni,
        "salah": salah,
    }


def test_editor_picks_come_first_and_suggestions_are_not_mixed_in(story, make_article):
    picked = make_article(headline="Picked by the editor", clubs=[story["monaco"]])
    make_article(headline="Shares everything", clubs=[story["liverpool"], story["madrid"]])
    story["article"].related.add(picked)

    assert [a.headline for a in story["article"].read_more()] == ["Picked by the editor"]


def test_suggestions_rank_by_shared_players_and_clubs_then_recency(story, make_article):
    s = story
    make_article(
        headline="Old, shares three",
        published_at=hours_ago(90),
        clubs=[s["liverpool"], s["madrid"]],
        players=[s["tchouameni"]],
    )
    make_article(headline="New, shares one", published_at=hours_ago(2), clubs=[s["madrid"]])
    make_article(
        headline="Newer, shares two",
        published_at=hours_ago(5),
        clubs=[s["liverpool"]],
        players=[s["tchouameni"]],
    )
    make_article(
        headline="Oldest, shares two",
        published_at=hours_ago(50),
        clubs=[s["liverpool"], s["madrid"]],
    )
    make_article(
        headline="Shares nothing",
        published_at=hours_ago(3),
        clubs=[s["monaco"]],
        players=[s["salah"]],
    )

    suggested = [a.headline for a in s["article"].read_more(limit=4)]

    assert suggested == [
        "Old, shares three",
        "Newer, shares two",
        "Oldest, shares two",
        "New, shares one",
    ]


def test_suggestions_are_only_published_pieces(story, make_article):
    s = story
    make_article(headline="Draft", status=Article.Status.DRAFT, clubs=[s["liverpool"]])
    make_article(headline="In review", status=Article.Status.IN_REVIEW, clubs=[s["liverpool"]])
    make_article(headline="Archived", status=Article.Status.ARCHIVED, clubs=[s["liverpool"]])
    make_article(
        headline="Scheduled",
        published_at=timezone.now() + datetime.timedelta(hours=3),
        clubs=[s["liverpool"]],
    )
    make_article(headline="Live", clubs=[s["liverpool"]])

    assert [a.headline for a in s["article"].read_more()] == ["Live"]


def test_editor_picks_that_are_not_public_give_way_to_suggestions(story, make_article):
    draft = make_article(headline="Unpublished pick", status=Article.Status.DRAFT)
    make_article(headline="Suggested", clubs=[story["madrid"]])
    story["article"].related.add(draft)

    assert [a.headline for a in story["article"].read_more()] == ["Suggested"]


def test_a_piece_never_suggests_itself_and_a_piece_with_no_tags_suggests_nothing(
    make_article, make_club
):
    club = make_club()
    lonely = make_article(headline="Untagged")
    alone = make_article(headline="Only one about this club", clubs=[club])

    assert lonely.read_more() == []
    assert alone.read_more() == []


@pytest.mark.parametrize("others", [3, 30])
def test_suggestions_take_a_fixed_number_of_queries(
    story, make_article, make_author, django_assert_max_num_queries, others
):
    for n in range(others):
        make_article(
            headline=f"Related {n}",
            clubs=[story["liverpool"]],
            players=[story["tchouameni"]] if n % 2 else [],
            authors=[make_author(), make_author()],
        )
    article = Article.objects.get(pk=story["article"].pk)

    with django_assert_max_num_queries(5):
        pieces = article.read_more()
        bylines = [author.name for piece in pieces for author in piece.byline]

    assert len(pieces) == 3
    assert len(bylines) == 6
