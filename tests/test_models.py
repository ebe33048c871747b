"""Model rules: database constraints, the one definition of "public", derived values."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from newsroom.models import Article, SlugRedirect
from transfers.models import PlayerSeason, TransferLink, format_money

pytestmark = pytest.mark.django_db


def test_a_link_from_a_club_to_itself_is_refused_by_the_database(make_player):
    player = make_player()
    with pytest.raises(IntegrityError), transaction.atomic():
        TransferLink.objects.create(
            player=player, from_club=player.current_club, to_club=player.current_club
        )


def test_a_negative_fee_is_refused_by_the_database(make_link):
    link = make_link()
    with pytest.raises(IntegrityError), transaction.atomic():
        TransferLink.objects.filter(pk=link.pk).update(fee_amount=Decimal("-1"))


def test_a_free_agent_link_needs_no_selling_club(make_player, make_club):
    player = make_player(current_club=None)
    link = TransferLink.objects.create(player=player, from_club=None, to_club=make_club())
    assert "free agency" in str(link)


def test_a_season_row_is_unique_per_player_club_season_and_competition(make_player):
    player = make_player()
    row = {
        "player": player,
        "club": player.current_club,
        "season": "2024/25",
        "competition": player.current_club.competition,
    }
    PlayerSeason.objects.create(**row, appearances=10, club_matches_played=11)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlayerSeason.objects.create(**row)


def test_appearances_read_as_out_of_the_clubs_matches(make_player):
    player = make_player()
    season = PlayerSeason(
        player=player,
        club=player.current_club,
        season="2024/25",
        appearances=10,
        club_matches_played=11,
    )
    assert season.appearances_display == "10/11"


def test_a_published_article_must_have_a_time(make_article):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(status=Article.Status.PUBLISHED, published_at=None)


def test_published_excludes_drafts_review_archived_and_scheduled(make_article):
    live = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.IN_REVIEW)
    make_article(status=Article.Status.ARCHIVED, published_at=timezone.now())
    make_article(published_at=timezone.now() + datetime.timedelta(hours=2))
    assert list(Article.objects.published()) == [live]


def test_a_scheduled_piece_appears_once_its_time_passes(make_article):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    scheduled = make_article(published_at=go_live)
    assert scheduled.is_scheduled
    assert scheduled not in Article.objects.published()
    with time_machine.travel(go_live + datetime.timedelta(seconds=1)):
        assert scheduled in Article.objects.published()


def test_listed_pieces_carry_their_bylines_in_order_in_one_more_query(
    make_article, make_author, django_assert_num_queries
):
    first, second, third = (make_author(name=name) for name in ("Ana Lopes", "Ben Ode", "Cy Hart"))
    make_article(headline="Three names", authors=[third, first, second])
    make_article(headline="One name", authors=[second])
    make_article(headline="No name", authors=[])
    with django_assert_num_queries(2):  # the pieces (with club and image), then the bylines
        pieces = {a.headline: a for a in Article.objects.published().for_listing()}
        bylines = {headline: piece.byline for headline, piece in pieces.items()}
        links = [author.get_absolute_url() for author in bylines["Three names"]]
    assert [a.name for a in bylines["Three names"]] == ["Cy Hart", "Ana Lopes", "Ben Ode"]
    assert links == [third.get_absolute_url(), first.get_absolute_url(), second.get_absolute_url()]
    assert [a.name for a in bylines["One name"]] == ["Ben Ode"]
    assert bylines["No name"] == []


def test_a_piece_read_without_its_bylines_still_gives_them_in_order(make_article, make_author):
    first, second = make_author(name="Ana Lopes"), make_author(name="Ben Ode")
    piece = make_article(authors=[second, first])
    assert [a.name for a in Article.objects.get(pk=piece.pk).byline] == ["Ben Ode", "Ana Lopes"]


def test_a_piece_reads_its_clubs_players_and_tags_in_one_query_each_kind_in_order(
    make_article, make_club, make_player, make_tag, django_assert_num_queries
):
    clubs = [make_club(name=name) for name in ("Real Madrid", "Liverpool")]
    players = [
        make_player(full_name="Aurelien Tchouameni", known_as="Tchouameni"),
        make_player(full_name="Jude Bellingham", known_as="Bellingham"),
    ]
    tags = [make_tag(name=name) for name in ("January window", "Contracts")]
    piece = Article.objects.get(pk=make_article(clubs=clubs, players=players, tags=tags).pk)
    with django_assert_num_queries(1):
        subjects = piece.subjects
        chips = [
            *((club.name, club.get_absolute_url()) for club in subjects.clubs),
            *((player.known_as, player.get_absolute_url()) for player in subjects.players),
            *((tag.name, tag.get_absolute_url()) for tag in subjects.tags),
        ]
        names = [player.full_name for player in subjects.players]
    assert chips == [
        ("Liverpool", clubs[1].get_absolute_url()),
        ("Real Madrid", clubs[0].get_absolute_url()),
        ("Bellingham", players[1].get_absolute_url()),
        ("Tchouameni", players[0].get_absolute_url()),
        ("Contracts", tags[1].get_absolute_url()),
        ("January window", tags[0].get_absolute_url()),
    ]
    assert names == ["Jude Bellingham", "Aurelien Tchouameni"]
    assert [club.pk for club in subjects.clubs] == [clubs[1].pk, clubs[0].pk]


def test_an_unsaved_piece_has_no_subjects_and_asks_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert Article(headline="Not saved yet").subjects == ([], [], [])


def test_a_link_mention_leads_to_the_link_page_as_the_link_itself_does(make_link, make_player):
    signed = make_link(player=make_player(full_name="Aurelien Tchouameni"))
    free = make_link(from_club=None, player=make_player(full_name="Free Agent Example"))
    for link in (signed, free):
        [mention] = TransferLink.objects.filter(pk=link.pk).mentions(1)
        assert mention.url == link.get_absolute_url()
    assert "free-agency-to" in free.get_absolute_url()


def test_age_is_derived_from_the_date_of_birth(make_player):
    player = make_player(date_of_birth=datetime.date(2000, 1, 27))
    assert player.age_on(datetime.date(2024, 1, 26)) == 23
    assert player.age_on(datetime.date(2024, 1, 27)) == 24
    with time_machine.travel(datetime.datetime(2026, 11, 24, 12, tzinfo=datetime.UTC)):
        assert player.age == 26
        assert not player.is_under_25


def test_a_contract_in_its_final_twelve_months_is_flagged(make_player):
    today = timezone.localdate()
    assert make_player(contract_expires=today + datetime.timedelta(days=200)).contract_in_final_year
    assert not make_player(
        contract_expires=today + datetime.timedelta(days=800)
    ).contract_in_final_year
    assert not make_player(contract_expires=None).contract_in_final_year


def test_fees_are_written_as_a_newsroom_writes_them():
    assert format_money(Decimal("100000000"), "GBP") == "£100m"
    assert format_money(Decimal("12500000"), "EUR") == "€12.5m"
    assert format_money(Decimal("850000"), "GBP") == "£850k"
    assert format_money(None, "GBP") == ""


def test_an_articles_clubs_always_include_its_primary_club(make_article, make_club):
    club = make_club()
    article = make_article(primary_club=club)
    assert list(Article.objects.for_club(club)) == [article]


def test_a_changed_slug_leaves_a_single_hop_redirect(make_article):
    article = make_article(slug="first")
    article.slug = "second"
    article.save()
    article.slug = "third"
    article.save()
    targets = dict(SlugRedirect.objects.values_list("old_slug", "article__slug"))
    assert targets == {"first": "third", "second": "third"}


def test_reusing_an_old_slug_removes_its_redirect(make_article):
    article = make_article(slug="first")
    article.slug = "second"
    article.save()
    article.slug = "first"
    article.save()
    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["second"]


def test_migrations_match_the_models():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
