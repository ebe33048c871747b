"""Deadline-day live pages: posting by role, transfer moves, the reader page, polling and feeds."""

import datetime
import json
import re
import time

import feedparser
import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from newsroom.live import live_state
from newsroom.models import Article, LiveEntry
from transfers.models import TransferLink, TransferStatus, TransferUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_user(db, make_author):
    def make(role, name):
        user = User.objects.create_user(name, password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        make_author(name=name.title(), user=user)
        return user

    return make


@pytest.fixture
def writer(make_user):
    return make_user("Writers", "wendy")


@pytest.fixture
def other_writer(make_user):
    return make_user("Writers", "walter")


@pytest.fixture
def editor(make_user):
    return make_user("Editors", "eddie")


def change_url(live_page):
    return reverse("admin:newsroom_livepage_change", args=[live_page.pk])


def quick_post(client, live_page, **fields):
    data = {"_post_live_entry": "1", "entry-body": "<p>Medical booked for the morning.</p>"}
    data.update({f"entry-{name}": value for name, value in fields.items()})
    return client.post(change_url(live_page), data)


def page_main(client, live_page):
    """The page's visible content (the head's structured data repeats every entry)."""
    html = client.get(live_page.get_absolute_url()).content.decode()
    return html[html.index("<main") :]


def updates(client, live_page, after, **headers):
    url = reverse("newsroom:live_updates", args=[live_page.slug])
    return client.get(url, {"after": after}, **headers)


# Which pages are public and running.


def test_running_lists_only_public_pages_under_way_now(make_live_page):
    now = timezone.now()
    running = make_live_page()
    make_live_page(
        starts_at=now - datetime.timedelta(days=2), ends_at=now - datetime.timedelta(days=1)
    )
    make_live_page(
        starts_at=now + datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=9)
    )
    make_live_page(status=Article.Status.DRAFT)
    make_live_page(published_at=now + datetime.timedelta(minutes=5))

    from newsroom.models import LivePage

    assert list(LivePage.objects.running()) == [running]


def test_draft_and_scheduled_live_pages_answer_404(client, make_live_page):
    draft = make_live_page(status=Article.Status.DRAFT)
    scheduled = make_live_page(published_at=timezone.now() + datetime.timedelta(hours=1))
    for page in (draft, scheduled):
        assert client.get(page.get_absolute_url()).status_code == 404
        assert updates(client, page, 0).status_code == 404
        assert client.get(reverse("newsroom:live_feed", args=[page.slug])).status_code == 404


# The reader's page, complete without JavaScript.


def test_page_lists_entries_newest_first_with_time_and_permalink(
    client, make_live_page, make_live_entry
):
    page = make_live_page()
    first = make_live_entry(page, body="<p>Bid lodged for the winger.</p>")
    second = make_live_entry(page, body="<p>Bid accepted, terms next.</p>")

    html = page_main(client, page)

    assert html.index("Bid accepted") < html.index("Bid lodged")
    assert f'id="entry-{second.pk}"' in html
    assert f'href="#entry-{first.pk}"' in html
    local = timezone.localtime(first.shown_at)
    assert f'<time datetime="{local:%Y-%m-%dT%H:%M:%S%z}">{local:%H:%M}</time>' in html


def test_pinned_entry_leads_and_key_events_are_summarised(client, make_live_page, make_live_entry):
    page = make_live_page()
    pinned = make_live_entry(page, body="<p>Welcome to our coverage.</p>", is_pinned=True)
    key = make_live_entry(page, title="Deal done for the striker", is_key_event=True)
    make_live_entry(page, body="<p>Latest of all.</p>")

    html = page_main(client, page)

    assert html.index("Welcome to our coverage") < html.index("Latest of all")
    summary = html[html.index('id="key-events-heading"') :]
    assert f'#entry-{key.pk}">' in summary
    assert "Deal done for the striker" in summary
    assert html.count(f'id="entry-{pinned.pk}"') == 1


def test_entry_tied_to_a_transfer_link_cites_its_saga(
    client, make_live_page, make_live_entry, make_link
):
    link = make_link()
    page = make_live_page()
    make_live_entry(page, transfer_link=link, new_status=TransferStatus.AGREED)

    html = client.get(page.get_absolute_url()).content.decode()

    assert f'href="{link.get_absolute_url()}"' in html.replace("&amp;", "&")
    assert "Fee agreed" in html


def test_page_carries_live_blog_posting_structured_data(client, make_live_page, make_live_entry):
    page = make_live_page()
    entry = make_live_entry(page, title="Medical under way", body="<p>He <b>arrived</b>.</p>")

    html = client.get(page.get_absolute_url()).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "LiveBlogPosting"
    assert data["coverageStartTime"] == page.starts_at.isoformat()
    assert data["coverageEndTime"] == page.ends_at.isoformat()
    [update] = data["liveBlogUpdate"]
    assert update["@type"] == "BlogPosting"
    assert update["headline"] == "Medical under way"
    assert update["articleBody"] == "He arrived."
    assert update["datePublished"] == entry.shown_at.isoformat()


def test_structured_data_cannot_close_its_script_element(client, make_live_page):
    page = make_live_page(headline="Live: </script><script>alert(1)</script>")

    html = client.get(page.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html


def test_page_script_is_a_file_and_configured_by_data_attributes(client, make_live_page):
    page = make_live_page()

    html = client.get(page.get_absolute_url()).content.decode()

    assert re.search(r'<script src="[^"]*js/live\.js" defer></script>', html)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert all("application/ld+json" in attrs for attrs in inline)
    assert f'data-live-updates="{reverse("newsroom:live_updates", args=[page.slug])}"' in html
    assert 'aria-live="polite"' in html


def test_finished_page_is_complete_but_does_not_poll(client, make_live_page, make_live_entry):
    now = timezone.now()
    page = make_live_page(
        starts_at=now - datetime.timedelta(days=30), ends_at=now - datetime.timedelta(days=29)
    )
    make_live_entry(page, body="<p>The window is shut.</p>")

    html = client.get(page.get_absolute_url()).content.decode()

    assert "The window is shut." in html
    assert "Coverage ended" in html
    assert "data-live-updates" not in html
    assert "live.js" not in html


def test_page_query_count_does_not_grow_with_entries(
    client,
    make_live_page,
    make_live_entry,
    make_link,
    make_image,
    make_author,
    django_assert_max_num_queries,
):
    page = make_live_page()
    page.authors.add(make_author())

    def add(count):
        for _ in range(count):
            make_live_entry(
                page,
                transfer_link=make_link(),
                image=make_image(),
                author=make_author(),
                is_key_event=True,
            )

    add(2)
    with django_assert_max_num_queries(9) as small:
        client.get(page.get_absolute_url())
    add(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(page.get_absolute_url(), {"fresh": "1"})


# The polling endpoint.


def test_updates_returns_only_entries_newer_than_after(client, make_live_page, make_live_entry):
    page = make_live_page()
    seen = make_live_entry(page, body="<p>Already on screen.</p>")
    new = make_live_entry(page, body="<p>Just in.</p>")

    data = updates(client, page, seen.pk).json()

    assert data["count"] == 1
    assert data["latest"] == new.pk
    assert "Just in." in data["html"]
    assert "Already on screen." not in data["html"]
    assert f'id="entry-{new.pk}"' in data["html"]


def test_updates_with_nothing_new_cost_no_query_on_a_warm_cache(
    client, make_live_page, make_live_entry, django_assert_num_queries
):
    page = make_live_page()
    latest = make_live_entry(page)
    assert updates(client, page, latest.pk).status_code == 200  # warms the cache

    with django_assert_num_queries(0):
        response = updates(client, page, latest.pk)

    assert response.json() == {"latest": latest.pk, "count": 0, "html": ""}


def test_updates_answer_304_when_nothing_changed(client, make_live_page, make_live_entry):
    page = make_live_page()
    latest = make_live_entry(page)
    first = updates(client, page, latest.pk)

    again = updates(client, page, latest.pk, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_updates_change_etag_when_an_entry_is_posted_or_edited(
    client, make_live_page, make_live_entry
):
    page = make_live_page()
    latest = make_live_entry(page)
    etag = updates(client, page, latest.pk)["ETag"]

    latest.body = "<p>Corrected.</p>"
    latest.save()
    edited = updates(client, page, latest.pk, HTTP_IF_NONE_MATCH=etag)
    assert edited.status_code == 200
    make_live_entry(page, body="<p>Newer still.</p>")
    posted = updates(client, page, latest.pk, HTTP_IF_NONE_MATCH=edited["ETag"])

    assert posted.status_code == 200
    assert "Newer still." in posted.json()["html"]


def test_updates_are_publicly_cacheable_for_a_few_seconds(client, make_live_page):
    page = make_live_page()

    response = updates(client, page, 0)

    assert response["Cache-Control"] == "public, max-age=5"
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("after", ["abc", "-1", "1.5", "9" * 40])
def test_updates_refuse_a_bad_after_with_400(client, make_live_page, after):
    page = make_live_page()

    assert updates(client, page, after).status_code == 400


def test_unpublishing_stops_updates_at_once(client, make_live_page):
    page = make_live_page()
    assert updates(client, page, 0).status_code == 200

    page.status = Article.Status.DRAFT
    page.save()

    assert updates(client, page, 0).status_code == 404
    assert live_state(page.slug) is None


# Posting, editing and deleting through the admin, by role.


def test_anonymous_cannot_reach_the_live_admin(client, make_live_page):
    page = make_live_page()

    response = quick_post(client, page)

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not LiveEntry.objects.exists()


def test_writer_posts_an_entry_with_one_click(client, writer, make_live_page):
    page = make_live_page()
    client.force_login(writer)

    started = time.perf_counter()
    response = quick_post(client, page, title="Medical booked", is_key_event="on")
    assert time.perf_counter() - started < 1

    assert response.status_code == 302
    assert response["Location"] == change_url(page)
    entry = page.entries.get()
    assert entry.created_by == writer
    assert entry.author == writer.author
    assert entry.is_key_event
    assert abs(entry.shown_at - timezone.now()) < datetime.timedelta(seconds=5)
    followed = client.get(response["Location"]).content.decode()
    assert "Update posted at" in followed
    assert "Medical booked" in followed


def test_quick_form_sits_above_the_page_settings(client, editor, make_live_page):
    page = make_live_page()
    client.force_login(editor)

    html = client.get(change_url(page)).content.decode()

    assert html.index("Post an update") < html.index('id="livepage_form"')
    assert 'name="entry-body"' in html


def test_editor_entry_with_new_status_moves_the_link_and_its_saga(
    client, editor, make_live_page, make_link
):
    link = make_link(status=TransferStatus.TALKS)
    page = make_live_page()
    client.force_login(editor)

    quick_post(
        client,
        page,
        body="<p>Fee agreed at last.</p>",
        transfer_link=link.pk,
        new_status=TransferStatus.AGREED,
    )

    link.refresh_from_db()
    assert link.status == TransferStatus.AGREED
    update = TransferUpdate.objects.get(link=link)
    assert update.status == TransferStatus.AGREED
    assert update.note == "Fee agreed at last."
    entry = page.entries.get()
    assert entry.transfer_update == update


def test_a_failed_status_move_posts_nothing(editor, make_live_page, make_link, monkeypatch):
    from newsroom import live

    link = make_link(status=TransferStatus.TALKS)
    page = make_live_page()
    entry = LiveEntry(
        live_page=page, body="<p>Done.</p>", transfer_link=link, new_status="completed"
    )

    def broken(**kwargs):
        raise RuntimeError("saga unavailable")

    monkeypatch.setattr(live.TransferUpdate.objects, "create", broken)
    with pytest.raises(RuntimeError):
        live.save_entry(entry, editor)

    link.refresh_from_db()
    assert link.status == TransferStatus.TALKS
    assert not LiveEntry.objects.exists()


def test_editing_an_entry_never_moves_the_link_twice(client, editor, make_live_page, make_link):
    link = make_link()
    page = make_live_page()
    client.force_login(editor)
    quick_post(client, page, transfer_link=link.pk, new_status=TransferStatus.BID)
    entry = page.entries.get()

    response = client.post(
        reverse("admin:newsroom_liveentry_change", args=[entry.pk]),
        {
            "body": "<p>Bid made: the fee is £40m.</p>",
            "shown_at_0": timezone.localtime(entry.shown_at).strftime("%d/%m/%Y"),
            "shown_at_1": timezone.localtime(entry.shown_at).strftime("%H:%M:%S"),
        },
    )

    assert response.status_code == 302
    assert response["Location"] == change_url(page)
    assert TransferUpdate.objects.filter(link=link).count() == 1
    entry.refresh_from_db()
    assert entry.body == "<p>Bid made: the fee is £40m.</p>"


def test_writer_cannot_move_a_transfer_status(client, writer, make_live_page, make_link):
    link = make_link(status=TransferStatus.TALKS)
    page = make_live_page()
    client.force_login(writer)

    assert 'name="entry-new_status"' not in client.get(change_url(page)).content.decode()
    quick_post(client, page, transfer_link=link.pk, new_status=TransferStatus.COMPLETED)

    link.refresh_from_db()
    assert link.status == TransferStatus.TALKS
    assert not TransferUpdate.objects.exists()
    assert page.entries.get().transfer_link == link


def test_status_without_a_link_is_refused_with_a_message(client, editor, make_live_page):
    page = make_live_page()
    client.force_login(editor)

    response = quick_post(client, page, new_status=TransferStatus.AGREED)

    assert response.status_code == 200
    assert "Choose the transfer whose status this update moves." in response.content.decode()
    assert not LiveEntry.objects.exists()


def test_an_empty_entry_is_refused(client, editor, make_live_page):
    page = make_live_page()
    client.force_login(editor)

    response = quick_post(client, page, body="<p> </p>")

    assert response.status_code == 200
    assert "nothing was posted" in response.content.decode()
    assert not LiveEntry.objects.exists()


def test_entry_body_is_sanitised(client, editor, make_live_page):
    page = make_live_page()
    client.force_login(editor)

    quick_post(client, page, body='<p onclick="x()">Signed.<script>alert(1)</script></p>')

    assert page.entries.get().body == "<p>Signed.</p>"


def test_writer_edits_own_entry_but_not_another_writers(
    client, writer, other_writer, make_live_page, make_live_entry
):
    page = make_live_page()
    own = make_live_entry(page, created_by=writer)
    theirs = make_live_entry(page, created_by=other_writer, body="<p>Original.</p>")
    client.force_login(writer)

    def edit(entry, text):
        local = timezone.localtime(entry.shown_at)
        return client.post(
            reverse("admin:newsroom_liveentry_change", args=[entry.pk]),
            {
                "body": f"<p>{text}</p>",
                "shown_at_0": local.strftime("%d/%m/%Y"),
                "shown_at_1": local.strftime("%H:%M:%S"),
            },
        )

    assert edit(own, "Mine, corrected.").status_code == 302
    assert edit(theirs, "Hijacked.").status_code == 403
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.body == "<p>Mine, corrected.</p>"
    assert theirs.body == "<p>Original.</p>"


def test_only_editors_delete_entries(client, writer, editor, make_live_page, make_live_entry):
    page = make_live_page()
    entry = make_live_entry(page, created_by=writer)
    url = reverse("admin:newsroom_liveentry_delete", args=[entry.pk])

    client.force_login(writer)
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert LiveEntry.objects.filter(pk=entry.pk).exists()

    client.force_login(editor)
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert response["Location"] == change_url(page)
    assert not LiveEntry.objects.filter(pk=entry.pk).exists()


def test_writer_cannot_change_the_live_page_itself(client, writer, make_live_page):
    page = make_live_page(headline="Deadline day live")
    client.force_login(writer)

    response = client.post(change_url(page), {"headline": "Renamed", "slug": page.slug})

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.headline == "Deadline day live"


def test_pinning_an_entry_unpins_the_previous_one(client, editor, make_live_page, make_live_entry):
    page = make_live_page()
    old = make_live_entry(page, is_pinned=True)
    client.force_login(editor)

    quick_post(client, page, body="<p>Now read this first.</p>", is_pinned="on")

    old.refresh_from_db()
    assert not old.is_pinned
    assert page.entries.get(is_pinned=True).body == "<p>Now read this first.</p>"


def test_posted_entries_keep_revisions(client, editor, make_live_page):
    from reversion.models import Version

    page = make_live_page()
    client.force_login(editor)

    quick_post(client, page)

    entry = page.entries.get()
    [version] = Version.objects.get_for_object(entry)
    assert version.revision.user == editor


def test_posting_reaches_readers_polling(client, editor, make_live_page, make_live_entry):
    page = make_live_page()
    seen = make_live_entry(page)
    reader = client.__class__()
    assert updates(reader, page, seen.pk).json()["count"] == 0
    client.force_login(editor)

    quick_post(client, page, body="<p>Here we go.</p>")

    assert "Here we go." in updates(reader, page, seen.pk).json()["html"]


# Feeds and the "Live now" box.


@pytest.mark.parametrize("name", ["live_feed", "live_feed_atom", "live_feed_json"])
def test_feed_has_an_item_per_entry(client, make_live_page, make_live_entry, name):
    page = make_live_page()
    entries = [make_live_entry(page, title=f"Update {n}") for n in range(3)]

    response = client.get(reverse(f"newsroom:{name}", args=[page.slug]))

    assert response.status_code == 200
    if name == "live_feed_json":
        items = response.json()["items"]
        assert [item["id"] for item in items] == [
            f"urn:transferdesk:live-entry:{e.pk}" for e in reversed(entries)
        ]
    else:
        feed = feedparser.parse(response.content)
        assert [item.id for item in feed.entries] == [
            f"urn:transferdesk:live-entry:{e.pk}" for e in reversed(entries)
        ]
        assert feed.entries[0].link.endswith(f"{page.get_absolute_url()}#entry-{entries[-1].pk}")


def test_feed_answers_304_when_nothing_changed(client, make_live_page, make_live_entry):
    page = make_live_page()
    make_live_entry(page)
    url = reverse("newsroom:live_feed", args=[page.slug])
    etag = client.get(url)["ETag"]

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_home_and_club_pages_show_a_running_live_page(client, make_live_page, make_club):
    club, other = make_club(), make_club()
    club_page = make_live_page(headline="Club deadline day", primary_club=club)
    now = timezone.now()
    make_live_page(
        headline="Finished page",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=2),
    )

    home = client.get(reverse("newsroom:home")).content.decode()
    assert "Live now" in home
    assert club_page.get_absolute_url() in home
    assert "Finished page" not in home
    assert "Club deadline day" in client.get(club.get_absolute_url()).content.decode()
    assert "Live now" not in client.get(other.get_absolute_url()).content.decode()


def test_site_wide_live_page_shows_on_every_club_page(client, make_live_page, make_club):
    club = make_club()
    make_live_page(headline="Deadline day across the league")

    assert "Deadline day across the league" in client.get(club.get_absolute_url()).content.decode()


def test_page_offers_its_own_feeds_for_discovery(client, make_live_page):
    page = make_live_page()

    html = client.get(page.get_absolute_url()).content.decode()

    for name in ("live_feed", "live_feed_atom", "live_feed_json"):
        assert f'href="http://testserver{reverse(f"newsroom:{name}", args=[page.slug])}"' in html


def test_entry_plain_text_keeps_words_apart():
    entry = LiveEntry(body="<p>Bid in.</p><ul><li>£40m</li><li>add-ons</li></ul>Done<br>now")

    assert entry.plain_text == "Bid in. £40m add-ons Done now"


def test_quick_form_time_is_left_empty_to_mean_the_moment_of_posting(
    client, editor, make_live_page
):
    page = make_live_page()
    client.force_login(editor)

    html = client.get(change_url(page)).content.decode()

    assert re.search(r'<input type="text" name="entry-shown_at_1"[^>]*>', html)
    assert not re.search(r'name="entry-shown_at_1"[^>]*value="', html)


def test_demo_live_pages_run_now_and_rerun_cleanly(make_club, make_player, make_link, make_author):
    from newsroom.demo import live as demo

    keys = {entry[4] for entry in demo.RUNNING_ENTRIES + demo.FINISHED_ENTRIES if entry[4]}
    clubs, players = {}, {}
    for player, origin, destination in sorted(keys):
        for slug in (origin, destination):
            if slug not in clubs:
                clubs[slug] = make_club(slug=slug, name=slug.title())
        if player not in players:
            players[player] = make_player(slug=player, current_club=clubs[origin])
        make_link(
            player=players[player],
            from_club=clubs[origin],
            to_club=clubs[destination],
            status=TransferStatus.INTEREST,
        )
    make_author(slug="hannah-whitlock", name="Hannah Whitlock")

    running, finished = demo.load_live_pages()
    running, finished = demo.load_live_pages()

    assert running.is_running
    assert running.entries.count() == 12
    assert abs(running.starts_at - (timezone.now() - datetime.timedelta(hours=1))) < (
        datetime.timedelta(minutes=1)
    )
    assert running.ends_at.date() >= running.starts_at.date()
    assert not finished.is_running and finished.ends_at < timezone.now()
    assert finished.entries.count() == 6
    moved = TransferLink.objects.get(player__slug="denis-zakaria", to_club__slug="juventus")
    assert moved.status == TransferStatus.COMPLETED
    assert TransferUpdate.objects.filter(live_entry__isnull=False).count() == 5


def test_deleting_a_cited_transfer_link_keeps_the_entry(make_live_page, make_live_entry, make_link):
    link = make_link()
    page = make_live_page()
    entry = make_live_entry(page, transfer_link=link, new_status=TransferStatus.BID)

    link.player.delete()

    entry.refresh_from_db()
    assert entry.transfer_link is None
    assert entry.new_status == ""
