"""load_demo: a rich, valid demo newsroom that loads the same rows however often it runs."""

import datetime
import io
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags

from newsroom.demo.dates import Calendar
from newsroom.models import Article, ArticleAuthor, Author, Image, Tag
from transfers.models import (
    Club,
    Competition,
    Player,
    PlayerSeason,
    Source,
    TransferLink,
    TransferUpdate,
    TransferWindow,
)

pytestmark = pytest.mark.django_db

DEMO_MODELS = [
    Competition, Club, Player, PlayerSeason, TransferWindow, Source, TransferLink,
    TransferUpdate, Author, Tag, Image, Article, ArticleAuthor, get_user_model(),
]  # fmt: skip
ALLOWED_BODY_TAGS = {"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote"}
# Every lead says who the story comes from.
ATTRIBUTIONS = ("told transfer desk", "according to reports", "have confirmed")
MAIN_SLUG = "liverpool-tchouameni-real-madrid-january-bid"
# A fixed moment, frozen, so that two loads in one test see the same "now".
LOAD_TIME = datetime.datetime(2026, 11, 24, 21, 5, tzinfo=datetime.UTC)


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    return load_demo()


def words(html):
    return len(strip_tags(html).split())


def snapshot():
    """Everything a second load could change, row by row."""
    return {
        "counts": {model.__name__: model.objects.count() for model in DEMO_MODELS},
        "articles": list(
            Article.objects.order_by("id").values_list(
                "id", "slug", "headline", "body", "status", "published_at", "hero_image_id"
            )
        ),
        "clubs": list(Article.clubs.through.objects.order_by("id").values_list()),
        "related": list(Article.related.through.objects.order_by("id").values_list()),
        "bylines": list(ArticleAuthor.objects.order_by("id").values_list()),
        # Without ids: the live pages (newsroom/demo/live.py) rebuild their own updates.
        "updates": sorted(
            TransferUpdate.objects.values_list(
                "link_id", "reported_at", "status", "fee_amount", "source_id", "note", "article_id"
            )
        ),
        "links": list(
            TransferLink.objects.order_by("id").values_list(
                "id", "player_id", "status", "fee_amount", "window_id", "updated_at", "likelihood"
            )
        ),
        "seasons": list(PlayerSeason.objects.order_by("id").values_list()),
        "images": list(Image.objects.order_by("id").values_list("id", "file", "alt_text")),
    }


def media_files():
    return sorted(str(path) for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def test_load_demo_prints_the_demo_logins_and_the_admin_address(demo):
    assert "Admin: admin / admin-demo-pass" in re.sub(r" +", " ", demo)
    assert "Editor: editor / editor-demo-pass" in re.sub(r" +", " ", demo)
    assert "Writer: writer / writer-demo-pass" in re.sub(r" +", " ", demo)
    assert f"{settings.SITE_URL}/admin/" in demo
    assert "demo" in demo.lower()


def test_running_load_demo_twice_gives_exactly_the_same_rows_and_files():
    with time_machine.travel(LOAD_TIME, tick=False):
        load_demo()
        first, first_files = snapshot(), media_files()
        load_demo()
    assert snapshot() == first
    assert media_files() == first_files
    assert first["counts"]["Article"] >= 20


def test_the_demo_leaves_planner_statistics_behind(demo, analysed_rows):
    assert analysed_rows("newsroom_article") == Article.objects.count()


def test_if_empty_loads_into_an_empty_database():
    output = load_demo("--if-empty")

    assert "Demo loaded" in output
    assert Article.objects.filter(slug=MAIN_SLUG).exists()


def test_if_empty_does_nothing_when_an_article_exists(make_article):
    make_article()

    output = load_demo("--if-empty")

    assert "not loaded" in output
    assert Article.objects.count() == 1
    assert not Club.objects.filter(slug="liverpool").exists()


def test_demo_has_at_least_sixteen_published_pieces_of_300_to_600_words(demo):
    published = Article.objects.published()

    assert published.count() >= 16
    for article in published:
        assert 300 <= words(article.body) <= 600, article.slug


def test_demo_has_a_draft_a_piece_in_review_an_archived_piece_and_a_hidden_scheduled_one(demo):
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.filter(status=Article.Status.IN_REVIEW).count() == 1
    assert Article.objects.filter(status=Article.Status.ARCHIVED).count() == 1
    scheduled = Article.objects.scheduled().get()
    assert scheduled.published_at > timezone.now() + datetime.timedelta(days=1)
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()


def test_published_pieces_spread_over_five_weeks_with_the_newest_today_and_one_lead(demo):
    times = sorted(Article.objects.published().values_list("published_at", flat=True))
    now = timezone.now()

    assert now - times[-1] < datetime.timedelta(days=1)
    assert datetime.timedelta(days=21) < now - times[0] <= datetime.timedelta(days=35)
    assert Article.objects.published().filter(is_featured=True).count() == 1


def test_demo_users_are_staff_in_their_groups_with_their_demo_passwords(demo):
    users = {user.username: user for user in get_user_model().objects.all()}

    assert users["admin"].is_superuser
    assert [g.name for g in users["editor"].groups.all()] == ["Editors"]
    assert [g.name for g in users["writer"].groups.all()] == ["Writers"]
    for username in ("admin", "editor", "writer"):
        assert users[username].is_staff
        assert users[username].check_password(f"{username}-demo-pass")
    assert Author.objects.count() == 3
    assert {a.user.username for a in Author.objects.exclude(user=None)} == {"editor", "writer"}


def test_every_published_piece_has_a_described_hero_image_a_byline_and_its_primary_club(demo):
    for article in Article.objects.published():
        image = article.hero_image
        assert image is not None, article.slug
        assert len(image.alt_text) > 40
        assert image.credit == "Transfer Desk graphic"
        assert (image.width, image.height) == (1600, 900)
        assert image.file.storage.exists(image.file.name)
        assert article.primary_club in article.clubs.all()
        assert article.bylines.exists()
        assert article.tags.exists()
        assert 2 <= article.related.count() <= 3, article.slug
        assert article.standfirst and article.seo_description


def test_demo_bodies_use_the_house_tags_an_attributed_lead_and_a_question_subheading(demo):
    for article in Article.objects.published():
        tags = set(re.findall(r"<([a-z0-9]+)", article.body))
        assert tags <= ALLOWED_BODY_TAGS, (article.slug, tags - ALLOWED_BODY_TAGS)
        subheadings = re.findall(r"<h2>(.*?)</h2>", article.body)
        assert any(heading.endswith("?") for heading in subheadings), article.slug
        lead = re.search(r"<p>(.*?)</p>", article.body).group(1).lower()
        assert any(phrase in lead for phrase in ATTRIBUTIONS), article.slug


def test_demo_bodies_link_only_to_older_public_pieces(demo):
    published = {a.slug: a for a in Article.objects.published()}
    read_more = 0
    for article in published.values():
        read_more += article.body.count('<p class="read-more"><strong>READ MORE:</strong>')
        for slug in re.findall(r'href="/news/([^/"]+)/"', article.body):
            assert slug in published, (article.slug, slug)
            assert published[slug].published_at < article.published_at, (article.slug, slug)
    assert read_more >= 10


def test_demo_rows_pass_model_validation(demo):
    for model in (Club, Player, PlayerSeason, TransferLink, TransferUpdate, Article, Image):
        for obj in model.objects.all():
            obj.full_clean()


def test_demo_covers_the_clubs_competitions_and_statuses_later_pages_need(demo):
    assert Club.objects.count() >= 10
    assert Club.objects.values("competition").distinct().count() >= 4
    assert Player.objects.count() >= 20
    assert Source.objects.values("tier").distinct().count() == 4
    assert TransferLink.objects.count() >= 10
    statuses = set(TransferLink.objects.values_list("status", flat=True))
    assert {"rumour", "interest", "talks", "bid", "agreed", "completed", "collapsed"} <= statuses
    liverpool = Club.objects.get(slug="liverpool")
    assert (liverpool.name, liverpool.stadium, liverpool.brand_colour) == (
        "Liverpool",
        "Anfield",
        "#c8102e",
    )
    assert "the Reds" in liverpool.alias_list
    assert "Los Blancos" in Club.objects.get(slug="real-madrid").alias_list


def test_tchouameni_saga_has_a_dated_timeline_from_sources_of_several_tiers(demo):
    link = TransferLink.objects.get(player__slug="aurelien-tchouameni", to_club__slug="liverpool")
    # Sourced reports only: the live pages add unsourced entries of their own.
    updates = list(link.updates.exclude(source=None).select_related("source"))

    assert len(updates) >= 5
    assert len({update.source.tier for update in updates}) >= 3
    assert len({update.fee_amount for update in updates if update.fee_amount}) >= 2
    assert link.updated_at >= updates[-1].reported_at
    assert any(update.is_denial for update in updates)
    assert sum(1 for update in updates if update.article_id) >= 3
    assert link.window.name.startswith("January")
    assert link.articles.filter(slug=MAIN_SLUG).exists()


def test_tchouameni_has_a_season_record_and_closes_the_main_piece(demo):
    tchouameni = Player.objects.get(slug="aurelien-tchouameni")
    this_season = tchouameni.seasons.get(season=Calendar().season(0), competition__slug="la-liga")

    assert this_season.appearances_display == "10/11"
    assert tchouameni.current_club.slug == "real-madrid"
    assert tchouameni.date_of_birth == datetime.date(2000, 1, 27)
    assert Article.objects.get(slug=MAIN_SLUG).record_player == tchouameni


def test_some_demo_contracts_are_in_their_final_year(demo):
    final_year = [p.slug for p in Player.objects.all() if p.contract_in_final_year]

    assert "trent-alexander-arnold" in final_year
    assert len(final_year) >= 3


def test_the_demo_calendar_follows_the_season_under_way():
    calendar = Calendar(datetime.datetime(2026, 11, 24, 12, tzinfo=datetime.UTC))

    assert calendar.season(0) == "2026/27"
    assert calendar.season(-4) == "2022/23"
    assert calendar.contract_expiry(1) == datetime.date(2027, 6, 30)
    windows = calendar.windows()
    assert windows["january"]["name"] == "January 2027"
    assert windows["summer"]["name"] == "Summer 2026"
    spring = Calendar(datetime.datetime(2027, 3, 1, 12, tzinfo=datetime.UTC))
    assert spring.season(0) == "2026/27"
    assert spring.contract_expiry(1) == datetime.date(2027, 6, 30)


def test_the_demo_pages_answer(demo, client):
    assert client.get("/").status_code == 200
    assert client.get(f"/news/{MAIN_SLUG}/").status_code == 200
    assert client.get("/clubs/liverpool/").status_code == 200
    assert client.get("/players/aurelien-tchouameni/").status_code == 200
