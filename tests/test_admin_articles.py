"""The article admin at work: workflow buttons, the log, safe concurrent saves, the list page."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from newsroom import admin as newsroom_admin
from newsroom import workflow
from newsroom.models import Article, Transition

pytestmark = pytest.mark.django_db

Status = Article.Status
CHANGELIST = "admin:newsroom_article_changelist"


@pytest.fixture
def editor(make_staff):
    return make_staff("Editors", first_name="Bea", last_name="Editor")


@pytest.fixture
def writer(make_staff):
    return make_staff("Writers", first_name="Sam", last_name="Writer")


@pytest.fixture
def story(make_article, make_club, make_image):
    def make(user=None, **kwargs):
        kwargs.setdefault("status", Status.DRAFT)
        kwargs.setdefault("primary_club", make_club())
        kwargs.setdefault("hero_image", make_image())
        return make_article(authors=[user.author] if user else None, **kwargs)

    return make


def change_url(article):
    return reverse("admin:newsroom_article_change", args=[article.pk])


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def press(client, form_values, article, **changes):
    page = client.get(change_url(article))
    data = form_values(page, "article_form")
    data.update({name: [value] for name, value in changes.items()})
    return client.post(change_url(article), data)


def test_writer_sees_only_submit_and_editor_sees_the_publishing_steps(
    client, writer, editor, story
):
    article = story(writer)
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in page
    assert 'value="publish"' not in page
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    for step in ["submit", "publish", "schedule"]:
        assert f'value="{step}"' in page
    assert 'value="unpublish"' not in page


def test_publish_button_publishes_confirms_and_logs(client, form_values, editor, story):
    article = story(headline="Striker signs")
    client.force_login(editor)
    response = press(client, form_values, article, _transition="publish")
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    assert messages_of(response) == ["Published “Striker signs”. It is live now."]
    article.refresh_from_db()
    assert article.is_public
    step = Transition.objects.get(article=article)
    assert (step.from_status, step.to_status, step.by) == (Status.DRAFT, Status.PUBLISHED, editor)
    page = client.get(change_url(article)).content.decode()
    assert "Draft → Published" in page
    assert "Bea Editor" in page


def test_publish_button_names_what_is_missing_and_keeps_the_text(
    client, form_values, editor, story
):
    article = story(hero_image=None, standfirst="")
    client.force_login(editor)
    response = press(
        client, form_values, article, _transition="publish", headline="Keeper joins on loan"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Not published: it still needs a standfirst and a hero image." in page
    assert 'value="Keeper joins on loan"' in page
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.headline != "Keeper joins on loan"
    assert not Transition.objects.exists()


def test_sending_back_keeps_the_note_in_the_log(client, form_values, editor, writer, story):
    article = story(writer, status=Status.IN_REVIEW)
    client.force_login(editor)
    refused = press(client, form_values, article, _transition="send_back")
    assert "Add a note saying what needs doing" in refused.content.decode()
    response = press(
        client,
        form_values,
        article,
        _transition="send_back",
        transition_note="Second source needed for the fee.",
    )
    assert messages_of(response) == [f"Sent “{article.headline}” back to draft with your note."]
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert "Second source needed for the fee." in page
    assert 'value="submit"' in page


def test_scheduling_from_the_form_shows_the_time_everywhere(client, form_values, editor, story):
    article = story(headline="Deadline deal")
    client.force_login(editor)
    when = (timezone.localtime() + datetime.timedelta(days=2)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    response = press(
        client,
        form_values,
        article,
        _transition="schedule",
        schedule_at_0=when.strftime("%d/%m/%Y"),
        schedule_at_1="09:30",
    )
    label = f"Scheduled for {when:%-d %b %Y}, 09:30"
    assert messages_of(response) == [
        f"Scheduled “Deadline deal” for {when:%-d %B %Y}, 09:30. It goes live by itself then."
    ]
    article.refresh_from_db()
    assert article.published_at == when
    assert label in client.get(change_url(article)).content.decode()
    listed = f"Scheduled for {workflow.short_time(when)}"
    assert listed in client.get(reverse(CHANGELIST)).content.decode()


def test_every_save_moves_the_version_on(client, form_values, editor, story):
    article = story()
    client.force_login(editor)
    press(client, form_values, article, headline="One")
    press(client, form_values, article, headline="Two")
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Two", 3)


def test_a_save_over_someone_elses_newer_save_is_refused_and_both_texts_survive(
    client, form_values, editor, make_staff, story
):
    other = make_staff("Editors", first_name="Ali", last_name="Desk")
    article = story()
    client.force_login(editor)
    my_form = form_values(client.get(change_url(article)), "article_form")

    client.force_login(other)
    press(client, form_values, article, standfirst="Their standfirst, saved first.")

    client.force_login(editor)
    my_form["standfirst"] = ["My standfirst, saved second."]
    response = client.post(change_url(article), my_form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ali Desk changed this article on" in page
    assert "My standfirst, saved second." in page
    article.refresh_from_db()
    assert article.standfirst == "Their standfirst, saved first."

    # Pressing Save again changes nothing; ticking the box overwrites on purpose.
    again = form_values(response, "article_form")
    assert client.post(change_url(article), again).status_code == 200
    article.refresh_from_db()
    assert article.standfirst == "Their standfirst, saved first."
    again["overwrite"] = ["1"]
    assert client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.standfirst == "My standfirst, saved second."


def test_a_save_losing_the_race_after_its_check_is_refused_without_a_trace(
    client, form_values, editor, story, monkeypatch
):
    article = story(headline="Original")
    client.force_login(editor)
    data = form_values(client.get(change_url(article)), "article_form")
    data["headline"] = ["Mine"]
    real_check = newsroom_admin.WorkflowFormMixin._check_version
    calls = []

    def check_that_read_too_early(form):
        calls.append(1)
        if len(calls) == 1:
            form.claimed_version = 1  # as read a moment before the other save landed
            return
        real_check(form)

    # The other save: committed after this request's check, before its UPDATE.
    Article.objects.filter(pk=article.pk).update(headline="Theirs", version=2)
    monkeypatch.setattr(
        newsroom_admin.WorkflowFormMixin, "_check_version", check_that_read_too_early
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "changed this article" in response.content.decode()
    assert 'value="Mine"' in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Theirs", 2)
    assert len(calls) == 2
    kept = Version.objects.get_for_object(article)
    assert [v.field_dict["headline"] for v in kept] == ["Original"]  # as first opened


def test_the_form_shows_who_else_has_the_article_open(client, editor, make_staff, story):
    other = make_staff("Editors", first_name="Ali", last_name="Desk")
    article = story()
    client.force_login(other)
    client.get(change_url(article))
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "Also open" in page
    assert "Ali Desk (opened at" in page


def test_editor_marks_a_significant_update(client, form_values, editor, story):
    article = story(status=Status.PUBLISHED, published_at=timezone.now())
    client.force_login(editor)
    response = press(client, form_values, article, _significant_update="1")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.significant_update_at is not None
    assert "readers now see “Updated" in messages_of(response)[0]


def test_only_editors_write_corrections(client, form_values, writer, editor, story):
    article = story(writer)
    client.force_login(writer)
    press(client, form_values, article, correction="Not true.")
    article.refresh_from_db()
    assert article.correction == ""
    client.force_login(editor)
    press(client, form_values, article, correction="An earlier version misstated the fee.")
    article.refresh_from_db()
    assert article.correction == "An earlier version misstated the fee."


def test_save_and_preview_saves_then_opens_the_preview(client, form_values, editor, story):
    article = story()
    client.force_login(editor)
    response = press(client, form_values, article, _saveandpreview="1", headline="Previewed")
    assert response["Location"] == reverse("admin:newsroom_article_preview", args=[article.pk])
    preview = client.get(response["Location"])
    assert "Previewed" in preview.content.decode()
    assert "Back to editing" in preview.content.decode()


def test_bulk_publish_reports_each_refusal(client, editor, story):
    ready, unready = story(), story(primary_club=None, headline="Half done")
    client.force_login(editor)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
    )
    assert messages_of(response) == [
        "Published 1 article.",
        "Not changed: “Half done”: Not published: it still needs a primary club.",
    ]
    ready.refresh_from_db()
    unready.refresh_from_db()
    assert (ready.status, unready.status) == (Status.PUBLISHED, Status.DRAFT)


def test_quick_views_count_my_drafts_and_pieces_awaiting_review(client, writer, story):
    story(writer)
    story(writer)
    story(writer, status=Status.IN_REVIEW)
    story(status=Status.IN_REVIEW)
    story()
    client.force_login(writer)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "My drafts" in page and ">2</span>" in page
    assert "Awaiting review" in page and ">2</span>" in page
    mine = client.get(reverse(CHANGELIST), {"queue": "mine"})
    assert len(mine.context["cl"].result_list) == 2
    waiting = client.get(reverse(CHANGELIST), {"queue": "review"})
    assert len(waiting.context["cl"].result_list) == 2


def test_list_filters_by_state_and_searches_headline_and_body(client, editor, story):
    story(headline="Winger talks stall", body="<p>The agent walked out.</p>")
    story(headline="Centre-back signs", status=Status.PUBLISHED, published_at=timezone.now())
    client.force_login(editor)
    found = client.get(reverse(CHANGELIST), {"q": "agent"}).context["cl"].result_list
    assert [a.headline for a in found] == ["Winger talks stall"]
    found = client.get(reverse(CHANGELIST), {"q": "winger"}).context["cl"].result_list
    assert [a.headline for a in found] == ["Winger talks stall"]
    live = client.get(reverse(CHANGELIST), {"state": "live"}).context["cl"].result_list
    assert [a.headline for a in live] == ["Centre-back signs"]


@pytest.mark.parametrize("size", [3, 15])
def test_the_article_list_costs_the_same_whatever_its_length(
    client, editor, story, size, django_assert_max_num_queries
):
    for _ in range(size):
        story()
    client.force_login(editor)
    with django_assert_max_num_queries(16):
        assert client.get(reverse(CHANGELIST)).status_code == 200


def test_writer_can_submit_a_new_piece_straight_from_the_add_page(client, form_values, writer):
    client.force_login(writer)
    url = reverse("admin:newsroom_article_add")
    page = client.get(url)
    assert 'value="submit"' in page.content.decode()
    assert "Corrections and updates" not in page.content.decode()
    data = form_values(page, "article_form")
    data.update(headline=["Goalkeeper joins"], slug=["goalkeeper-joins"], _transition=["submit"])
    response = client.post(url, data)
    article = Article.objects.get(slug="goalkeeper-joins")
    assert response["Location"] == change_url(article)
    assert article.status == Status.IN_REVIEW
    assert article.byline == [writer.author]
    assert article.transitions.get().to_status == Status.IN_REVIEW


def test_a_piece_the_user_cannot_change_shows_its_body_as_readers_see_it(client, writer, story):
    article = story(body="<p>Fee <strong>agreed</strong>.</p><script>alert(1)</script>")
    Article.objects.filter(pk=article.pk).update(body=article.body + "<script>x()</script>")
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert "<p>Fee <strong>agreed</strong>.</p>" in page
    assert "&lt;p&gt;" not in page
    assert "<script>x()" not in page


def test_a_taken_slug_is_explained_in_plain_words(client, form_values, editor, story):
    story(slug="striker-signs")
    client.force_login(editor)
    url = reverse("admin:newsroom_article_add")
    data = form_values(client.get(url), "article_form")
    data.update(headline=["Striker signs"], slug=["striker-signs"])
    page = client.post(url, data).content.decode()
    assert "Another article already uses this slug." in page
    assert "already exists" not in page


def test_editors_recover_a_deleted_article_and_writers_cannot(
    client, form_values, editor, writer, story
):
    article = story(headline="Deleted by mistake")
    client.force_login(editor)
    client.get(change_url(article))  # keeps the article as found
    client.post(reverse("admin:newsroom_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()
    recover_list = reverse("admin:newsroom_article_recoverlist")
    assert "Deleted by mistake" in client.get(recover_list).content.decode()
    version = Version.objects.get_deleted(Article).get()
    url = reverse("admin:newsroom_article_recover", args=[version.pk])
    response = client.post(url, form_values(client.get(url), "article_form"))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Deleted by mistake"
    client.force_login(writer)
    assert client.get(recover_list).status_code == 403
    assert client.get(url).status_code == 403
