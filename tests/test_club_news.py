"""Club news entries: the derived list a club page and its feed read their newest pieces from.

Whatever an editor does to a piece (publish, schedule, reschedule, withdraw, delete, change its
clubs from either side), a club's entries must list exactly the club's published pieces.
"""

import datetime
from io import StringIO

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone

from newsroom.models import Article, ClubNewsEntry
from transfers.models import Club

pytestmark = pytest.mark.django_db


def entries(club):
    return list(
        ClubNewsEntry.objects.filter(club=club)
        .order_by("-published_at", "-article_id")
        .values_list("article_id", "published_at")
    )


def expected(club):
    """What the entries must mirror: every published piece naming the club, scheduled or not."""
    pieces = club.articles.filter(status=Article.Status.PUBLISHED).order_by("-published_at", "-id")
    return list(pieces.values_list("pk", "published_at"))


def test_a_published_piece_is_entered_for_each_of_its_clubs(make_article, make_club):
    home, away = make_club(), make_club()
    article = make_article(primary_club=home, clubs=[away])
    assert entries(home) == entries(away) == [(article.pk, article.published_at)]


def test_drafts_are_not_entered_until_published(make_article, make_club):
    club = make_club()
    draft = make_article(status=Article.Status.DRAFT, clubs=[club])
    assert entries(club) == []
    draft.status = Article.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save()
    assert entries(club) == [(draft.pk, draft.published_at)]


def test_withdrawing_or_deleting_a_piece_removes_its_entries(make_article, make_club):
    club = make_club()
    withdrawn, deleted, kept = (make_article(clubs=[club]) for _ in range(3))
    withdrawn.status = Article.Status.ARCHIVED
    withdrawn.save()
    deleted.delete()
    assert entries(club) == [(kept.pk, kept.published_at)] == expected(club)


def test_rescheduling_moves_the_entry_and_scheduled_pieces_wait(client, make_article, make_club):
    club = make_club()
    article = make_article(clubs=[club])
    later = timezone.now() + datetime.timedelta(hours=2)
    article.published_at = later
    article.save()
    assert entries(club) == [(article.pk, later)]
    assert list(club.news_entries.newest_first()) == []
    assert article.headline not in client.get(club.get_absolute_url()).text


def test_clubs_changed_from_either_side_are_followed(make_article, make_club):
    first, second = make_club(), make_club()
    article, other = make_article(), make_article()
    article.clubs.add(first, second)
    second.articles.add(other)
    assert [pk for pk, _ in entries(second)] == [article.pk, other.pk]
    article.clubs.remove(second)
    assert [pk for pk, _ in entries(second)] == [other.pk]
    article.clubs.set([second])
    assert entries(first) == [] and len(entries(second)) == 2
    second.articles.remove(other)
    assert [pk for pk, _ in entries(second)] == [article.pk]
    second.articles.clear()
    assert entries(second) == []
    article.clubs.add(first)
    article.clubs.clear()
    assert entries(first) == []
    assert ClubNewsEntry.objects.count() == 0


def test_club_page_and_feed_list_what_the_archive_says(client, make_article, make_club):
    club, elsewhere = make_club(), make_club()
    now = timezone.now()
    public = [
        make_article(clubs=[club], published_at=now - datetime.timedelta(hours=n))
        for n in range(25)
    ]
    make_article(clubs=[club], status=Article.Status.DRAFT)
    make_article(clubs=[club], published_at=now + datetime.timedelta(days=1))
    make_article(clubs=[elsewhere])
    withdrawn = public.pop(3)
    withdrawn.status = Article.Status.ARCHIVED
    withdrawn.save()

    first = client.get(club.get_absolute_url())
    second = client.get(club.get_absolute_url() + "?page=2")
    shown = [a.pk for a in first.context["articles"]] + [a.pk for a in second.context["articles"]]
    assert shown == [a.pk for a in public]

    feed = feedparser.parse(client.get(club.get_absolute_url() + "feed/").content)
    guids = [entry.id for entry in feed.entries]
    assert guids == [f"urn:transferdesk:article:{a.pk}" for a in public]


def test_an_entry_left_behind_never_shows_a_withdrawn_piece(client, make_article, make_club):
    """Pages read the pieces themselves through published(): a stale entry shows nothing."""
    club = make_club()
    shown, hidden = make_article(clubs=[club]), make_article(clubs=[club])
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.DRAFT)  # no signal sent
    assert len(entries(club)) == 2
    page = client.get(club.get_absolute_url())
    assert [a.pk for a in page.context["articles"]] == [shown.pk]
    assert hidden.headline not in client.get(club.get_absolute_url() + "feed/").text


def test_load_bulk_enters_its_published_pieces():
    call_command("load_bulk", articles=60, clubs=5, players=10, links=5, batch_size=25)
    assert ClubNewsEntry.objects.exists()
    for club in Club.objects.all():
        assert entries(club) == expected(club)


def test_rebuild_club_news_restores_entries_the_signals_never_saw(make_article, make_club):
    club = make_club()
    missed, kept = make_article(clubs=[club]), make_article(clubs=[club])
    withdrawn = make_article(clubs=[club])
    ClubNewsEntry.objects.filter(article=missed).delete()  # as if published by older code
    Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.ARCHIVED)
    out = StringIO()
    call_command("rebuild_club_news", stdout=out)
    assert entries(club) == expected(club)
    assert {pk for pk, _ in entries(club)} == {missed.pk, kept.pk}
    assert out.getvalue() == "Rebuilt the clubs' news entries: 2 in all.\n"
