"""load_bulk: generated content at a small size has the right counts and every page renders."""

import re

import pytest
from django.core.management import CommandError, call_command

from newsroom.models import Article, Author, ClubNewsEntry, Tag
from transfers.models import Club, Player, PlayerSeason, TransferLink, TransferUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulk():
    call_command("load_bulk", articles=120, clubs=8, players=30, links=20, batch_size=50)


def test_load_bulk_creates_what_it_was_asked_for(bulk):
    assert Article.objects.count() == 120
    assert Club.objects.count() == 8
    assert Player.objects.count() == 30
    assert TransferLink.objects.count() == 20
    assert TransferUpdate.objects.count() >= 20
    assert PlayerSeason.objects.count() == 60
    statuses = set(Article.objects.values_list("status", flat=True))
    assert {"published", "draft"} <= statuses
    assert 0 < Article.objects.published().count() < 120


def test_generated_articles_read_like_transfer_pieces(bulk):
    for article in Article.objects.all()[:40]:
        words = len(re.sub(r"<[^>]+>", " ", article.body).split())
        assert 300 <= words <= 600
        assert "<h2>" in article.body
        assert article.primary_club_id in set(article.clubs.values_list("pk", flat=True))
        assert article.bylines.exists()


def test_a_second_run_adds_and_reset_starts_again(bulk):
    call_command("load_bulk", articles=10, clubs=3, players=5, links=2)
    assert Article.objects.count() == 130
    call_command("load_bulk", articles=10, clubs=3, players=5, links=2, reset=True)
    assert Article.objects.count() == 10
    assert Club.objects.count() == 3


def test_bad_arguments_are_refused_with_a_message():
    with pytest.raises(CommandError, match="at least"):
        call_command("load_bulk", articles=-1)


def test_every_page_renders_with_bulk_content(bulk, client):
    article = Article.objects.published().first()
    club = article.primary_club
    player = Player.objects.first()
    paths = [
        "/",
        article.get_absolute_url(),
        club.get_absolute_url(),
        player.get_absolute_url(),
        club.competition.get_absolute_url(),
        Tag.objects.filter(articles__isnull=False).first().get_absolute_url(),
        Author.objects.filter(articles__isnull=False).first().get_absolute_url(),
        "/transfers/",
        f"/transfers/?club={club.slug}",
        "/search/?q=transfer",
        "/feed/",
        f"{club.get_absolute_url()}feed/",
        "/sitemap.xml",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path


def test_a_load_leaves_planner_statistics_behind(bulk, analysed_rows):
    """Without them SQLite walks the date index over the whole archive to find a handful of
    pieces by id (docs/performance.md); with them it fetches those pieces by primary key."""
    assert analysed_rows("newsroom_article") == 120
    assert analysed_rows("newsroom_clubnewsentry") == ClubNewsEntry.objects.count()
