"""The workflow rules: who may do what from which state, the checks before publishing, the log,
scheduling without cron, and slugs that keep working."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from newsroom import workflow
from newsroom.models import Article, Transition

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def ready_draft(make_article, make_club, make_image):
    """A draft with everything publishing needs."""

    def make(**kwargs):
        kwargs.setdefault("status", Status.DRAFT)
        kwargs.setdefault("primary_club", make_club())
        kwargs.setdefault("hero_image", make_image())
        return make_article(**kwargs)

    return make


@pytest.fixture
def writer(make_staff):
    return make_staff("Writers")


@pytest.fixture
def editor(make_staff):
    return make_staff("Editors")


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"headline": " "}, "a headline"),
        ({"standfirst": ""}, "a standfirst"),
        ({"body": "<p> </p>"}, "body text"),
        ({"primary_club": None}, "a primary club"),
        ({"hero_image": None}, "a hero image"),
    ],
)
def test_publishing_check_names_what_is_missing(ready_draft, changes, named):
    article = ready_draft()
    for name, value in changes.items():
        setattr(article, name, value)
    assert workflow.publish_problems(article) == [named]


def test_publishing_check_wants_alt_text_on_the_hero_image(ready_draft, make_image):
    article = ready_draft(hero_image=make_image(alt_text="  "))
    assert workflow.publish_problems(article) == ["alt text on the hero image"]


def test_publishing_check_refuses_a_slug_that_still_redirects_elsewhere(ready_draft, make_article):
    other = make_article(slug="old-name")
    other.slug = "new-name"
    other.save()
    article = ready_draft()
    article.slug = "old-name"
    assert workflow.publish_problems(article) == [
        "a unique slug (“old-name” still redirects to another article)"
    ]


def test_a_complete_draft_passes_the_checks(ready_draft):
    assert workflow.publish_problems(ready_draft()) == []


def test_refusal_lists_every_missing_piece_in_one_sentence(ready_draft, editor):
    article = ready_draft(standfirst="", primary_club=None)
    assert workflow.refusal(article, "publish", editor) == (
        "Not published: it still needs a standfirst and a primary club."
    )


def test_writer_submits_own_draft_but_cannot_publish_it(ready_draft, writer):
    article = ready_draft(authors=[writer.author])
    assert workflow.refusal(article, "submit", writer) is None
    assert workflow.refusal(article, "publish", writer) == (
        "Only editors can publish, schedule, unpublish or archive articles."
    )
    assert [a.name for a in workflow.available_actions(article, writer)] == ["submit"]


def test_writer_cannot_submit_someone_elses_draft(ready_draft, writer):
    assert workflow.refusal(ready_draft(), "submit", writer) == (
        "You can only submit your own drafts."
    )


def test_editor_is_offered_every_step_the_state_allows(ready_draft, editor, make_article):
    names = lambda article: [a.name for a in workflow.available_actions(article, editor)]  # noqa: E731
    assert names(ready_draft()) == ["submit", "publish", "schedule"]
    assert names(ready_draft(status=Status.IN_REVIEW)) == ["publish", "schedule", "send_back"]
    assert names(make_article()) == ["unpublish", "archive"]
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    assert names(scheduled) == ["publish", "schedule", "unpublish", "archive"]
    assert names(make_article(status=Status.ARCHIVED)) == ["send_back"]


def test_a_step_from_the_wrong_state_is_refused(make_article, editor):
    live = make_article()
    assert workflow.refusal(live, "submit", editor) == (
        "Only drafts can be submitted for review; this one is live."
    )
    assert workflow.refusal(live, "publish", editor) == (
        "It is live already: unpublish it first to publish or schedule it again."
    )
    draft = make_article(status=Status.DRAFT)
    assert workflow.refusal(draft, "archive", editor) == (
        "Only published pieces can be archived; this one is a draft."
    )


def test_sending_back_needs_a_note(ready_draft, editor):
    article = ready_draft(status=Status.IN_REVIEW)
    assert "Add a note" in workflow.refusal(article, "send_back", editor, note="  ")
    assert workflow.refusal(article, "send_back", editor, note="Check the fee.") is None


def test_scheduling_needs_a_time_in_the_future(ready_draft, editor):
    article = ready_draft()
    now = timezone.now()
    assert "Choose a date and time" in workflow.refusal(article, "schedule", editor)
    past = workflow.refusal(article, "schedule", editor, when=now - datetime.timedelta(minutes=1))
    assert "in the future" in past
    later = now + datetime.timedelta(hours=2)
    assert workflow.refusal(article, "schedule", editor, when=later) is None


def test_perform_records_who_when_from_to_and_note(ready_draft, editor):
    article = ready_draft(status=Status.IN_REVIEW)
    moment = timezone.now().replace(microsecond=0)
    with time_machine.travel(moment, tick=False):
        workflow.perform(article, "send_back", editor, note="Needs a second source.")
    step = Transition.objects.get(article=article)
    assert (step.from_status, step.to_status) == (Status.IN_REVIEW, Status.DRAFT)
    assert (step.by, step.at, step.note) == (editor, moment, "Needs a second source.")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.version == 2


def test_perform_keeps_a_revision_of_each_step(ready_draft, editor):
    article = ready_draft()
    workflow.perform(article, "publish", editor)
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Draft → Published"
    assert version.field_dict["status"] == Status.PUBLISHED


def test_a_refused_step_changes_nothing(ready_draft, writer):
    article = ready_draft(hero_image=None)
    with pytest.raises(workflow.Refused):
        workflow.perform(article, "publish", writer)
    article.refresh_from_db()
    assert (article.status, article.version, article.published_at) == (Status.DRAFT, 1, None)
    assert not Transition.objects.exists()
    assert not Version.objects.exists()


def test_publishing_a_scheduled_piece_brings_it_forward_to_now(ready_draft, editor):
    article = ready_draft(
        status=Status.PUBLISHED, published_at=timezone.now() + datetime.timedelta(days=2)
    )
    moment = timezone.now().replace(microsecond=0)
    with time_machine.travel(moment, tick=False):
        workflow.perform(article, "publish", editor)
    article.refresh_from_db()
    assert article.published_at == moment
    assert article.is_public


def test_republishing_keeps_the_original_publication_time(ready_draft, editor):
    first = timezone.now() - datetime.timedelta(days=3)
    article = ready_draft(status=Status.PUBLISHED, published_at=first)
    workflow.perform(article, "unpublish", editor)
    workflow.perform(article, "publish", editor)
    article.refresh_from_db()
    assert article.published_at == first
    assert article.is_public


def test_a_stale_copy_cannot_overwrite_a_newer_state(ready_draft, editor):
    article = ready_draft()
    stale = Article.objects.get(pk=article.pk)
    workflow.perform(article, "publish", editor)
    with pytest.raises(workflow.EditConflict):
        workflow.perform(stale, "submit", editor)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_scheduled_piece_is_hidden_until_its_time_then_appears_by_itself(
    ready_draft, editor, client
):
    start = timezone.now().replace(microsecond=0)
    go_live = start + datetime.timedelta(hours=3)
    article = ready_draft(headline="Scheduled bid story")
    listings = [
        reverse("newsroom:home"),
        reverse("newsroom:latest_feed"),
        reverse("newsroom:sitemap_section", args=["articles"]),
        reverse("newsroom:news_sitemap"),
    ]

    def shows_it(url):
        return "Scheduled bid story" in text(url) or article.slug in text(url)

    def text(url):
        return client.get(url).content.decode()

    with time_machine.travel(start, tick=False):
        workflow.perform(article, "schedule", editor, when=go_live)
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article not in Article.objects.published()
        assert not [url for url in listings if shows_it(url)]
    # Nothing is run at the time: the clock alone makes it public, caches included.
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Scheduled bid story" in response.content.decode()
        assert [url for url in listings if shows_it(url)] == listings


def test_changed_slugs_redirect_permanently_and_chains_collapse_to_one_hop(make_article, client):
    article = make_article(slug="first-name")
    for slug in ["second-name", "third-name"]:
        article.slug = slug
        article.save()
    for old in ["first-name", "second-name"]:
        response = client.get(reverse("newsroom:article", args=[old]))
        assert response.status_code == 301
        assert response["Location"] == "/news/third-name/"
    assert client.get("/news/third-name/").status_code == 200


def test_an_old_slug_taken_back_is_no_longer_a_redirect(make_article, client):
    article = make_article(slug="alpha")
    article.slug = "beta"
    article.save()
    article.slug = "alpha"
    article.save()
    assert client.get("/news/alpha/").status_code == 200
    assert client.get("/news/beta/")["Location"] == "/news/alpha/"
