"""Revisions: every admin save kept in full, readable differences, restoring as a new one."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from newsroom import revisions, workflow
from newsroom.models import Article

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def editor(make_staff):
    return make_staff("Editors", first_name="Bea", last_name="Editor")


@pytest.fixture
def edited(client, form_values, editor, make_article, make_club, make_tag, make_author):
    """A piece saved three times in the admin: two rewrites and a club and byline change."""
    first_club, second_club = make_club(name="Lyon"), make_club(name="Monaco")
    tag = make_tag(name="Loans")
    article = make_article(
        status=Status.DRAFT,
        headline="Midfielder close to a move",
        body="<p>The fee is twenty million.</p><p>Talks continue.</p>",
        primary_club=first_club,
        tags=[tag],
    )
    client.force_login(editor)
    url = reverse("admin:newsroom_article_change", args=[article.pk])

    def save(**changes):
        data = form_values(client.get(url), "article_form")
        data.update(changes)
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]

    save(headline=["Midfielder agrees a move"])
    save(
        body=["<p>The fee is thirty million.</p><p>Talks continue.</p>"],
        primary_club=[str(second_club.pk)],
        clubs=[str(second_club.pk)],
    )
    extra = make_author(name="Second Writer")
    data_author = {"bylines-1-author": [str(extra.pk)], "bylines-1-position": ["1"]}
    save(headline=["Midfielder signs"], **data_author)
    article.refresh_from_db()
    return article


def versions(article):
    return list(revisions.versions_of(article))


def test_every_admin_save_keeps_a_full_revision(edited, editor):
    kept = versions(edited)
    assert len(kept) == 4  # as first opened, then three saves
    newest = kept[0]
    assert newest.revision.user == editor
    assert newest.field_dict["headline"] == "Midfielder signs"
    snapshot = revisions.snapshot(newest)
    assert snapshot["primary_club_id"] == edited.primary_club_id
    assert snapshot["clubs"] == [edited.primary_club_id]
    assert len(snapshot["tags"]) == 1
    assert [a.name for a in edited.byline][1] == "Second Writer"
    assert len(snapshot["byline"]) == 2


def test_an_article_is_kept_as_found_before_its_first_admin_edit(client, editor, make_article):
    article = make_article(headline="Loaded in bulk")
    client.force_login(editor)
    url = reverse("admin:newsroom_article_change", args=[article.pk])
    client.get(url)
    client.get(url)
    (initial,) = versions(article)
    assert initial.field_dict["headline"] == "Loaded in bulk"
    assert initial.revision.user is None


def test_history_page_lists_revisions_and_the_workflow_log(client, edited):
    page = client.get(reverse("admin:newsroom_article_history", args=[edited.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count('name="from"') == 4
    assert "As it was before its first edit in the admin." in text
    assert "Bea Editor" in text
    assert "Compare the two chosen versions" in text
    assert "Workflow log" in text


def test_comparison_marks_changed_words_and_fields(client, edited):
    newer, _middle, older, _as_found = versions(edited)
    url = reverse("admin:newsroom_article_compare", args=[edited.pk])
    page = client.get(url, {"from": older.pk, "to": newer.pk}).content.decode()
    assert "<del>agrees a move</del><ins>signs</ins>" in page or (
        "<del>agrees</del>" in page and "<ins>signs</ins>" in page
    )
    assert "<del>twenty</del><ins>thirty</ins>" in page
    assert "<del>Lyon</del> → <ins>Monaco</ins>" in page
    assert "Second Writer" in page


def test_comparison_reads_oldest_first_whichever_way_it_is_asked(client, edited):
    older, newer = versions(edited)[-1], versions(edited)[0]
    url = reverse("admin:newsroom_article_compare", args=[edited.pk])
    for chosen in [(older, newer), (newer, older)]:
        context = client.get(url, {"from": chosen[0].pk, "to": chosen[1].pk}).context
        assert (context["older"], context["newer"]) == (older, newer)


def test_comparison_without_a_choice_shows_the_last_change(client, edited):
    page = client.get(reverse("admin:newsroom_article_compare", args=[edited.pk]))
    assert "<del>Midfielder agrees a move</del>" in page.content.decode() or (
        "<ins>signs</ins>" in page.content.decode()
    )


def test_comparison_refuses_a_revision_of_another_article(client, edited, make_article, editor):
    other = make_article()
    workflow.perform(other, "unpublish", editor)
    foreign = revisions.versions_of(other).get()
    url = reverse("admin:newsroom_article_compare", args=[edited.pk])
    mine = versions(edited)[0]
    assert client.get(url, {"from": mine.pk, "to": foreign.pk}).status_code == 404
    assert client.get(url, {"from": mine.pk, "to": "999999"}).status_code == 404


def test_restore_brings_back_words_and_clubs_as_a_new_revision(client, edited):
    first_save = versions(edited)[-2]
    edited.correction = "An earlier version gave the wrong fee."
    edited.save()
    url = reverse("admin:newsroom_article_revision", args=[edited.pk, first_save.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Restore this version" in confirm.content.decode()
    assert [change.label for change in confirm.context["changes"]] == [
        "Headline",
        "Body",
        "Primary club",
        "Clubs",
        "Byline",
    ]
    response = client.post(url, {"expected_version": str(edited.version)})
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("as a new revision" in message for message in shown)
    restored = Article.objects.get(pk=edited.pk)
    assert restored.headline == "Midfielder agrees a move"
    assert "twenty million" in restored.body
    assert restored.primary_club.name == "Lyon"
    assert set(restored.clubs.values_list("name", flat=True)) >= {"Lyon"}
    assert [a.name for a in restored.byline] == [edited.byline[0].name]
    # What moves only forwards stays put.
    assert restored.correction == "An earlier version gave the wrong fee."
    assert (restored.status, restored.slug) == (edited.status, edited.slug)
    assert restored.version == edited.version + 1
    newest = versions(restored)[0]
    assert newest.revision.comment.startswith("Restored the version of")
    assert len(versions(restored)) == 5


def test_restore_is_refused_if_the_article_changed_meanwhile(client, edited):
    oldest = versions(edited)[-1]
    url = reverse("admin:newsroom_article_revision", args=[edited.pk, oldest.pk])
    response = client.post(url, {"expected_version": str(edited.version - 1)})
    assert response.status_code == 302
    assert response["Location"] == url
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Nothing was restored" in message for message in shown)
    assert Article.objects.get(pk=edited.pk).headline == "Midfielder signs"


def test_a_writer_cannot_restore_someone_elses_piece(client, edited, make_staff):
    client.force_login(make_staff("Writers"))
    oldest = versions(edited)[-1]
    url = reverse("admin:newsroom_article_revision", args=[edited.pk, oldest.pk])
    assert client.post(url).status_code == 403
    assert client.get(reverse("admin:newsroom_article_history", args=[edited.pk])).status_code == (
        200
    )


def test_word_diff_escapes_what_it_shows():
    html = revisions.word_diff("Fee <b>agreed</b>", "Fee <i>agreed</i> today")
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.endswith("<ins>&lt;i&gt;agreed&lt;/i&gt; today</ins>")
    assert revisions.word_diff("Fee agreed", "Fee agreed today") == "Fee agreed<ins> today</ins>"


def test_body_text_reads_paragraphs_and_entities():
    assert revisions.body_text("<p>One &amp; two</p><h2>Next</h2><ul><li>A</li></ul>") == (
        "One & two\nNext\nA"
    )
