"""Shared fixtures: an isolated media folder, a fast hasher, and small factories for the domain."""

import datetime
import itertools

import pytest
from django.db import connection
from django.utils import timezone

from newsroom.models import Article, ArticleAuthor, Author, Image, Tag
from transfers.models import (
    Club,
    Competition,
    Player,
    Position,
    Source,
    TransferLink,
    TransferWindow,
)

_counter = itertools.count(1)


@pytest.fixture
def analysed_rows(db):
    """The row count the planner's statistics give a table, or None if it has none."""

    def rows(table):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                query = "SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx IS NOT NULL"
                cursor.execute(query, [table])
                row = cursor.fetchone()
                return int(row[0].split()[0]) if row else None
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            estimate = cursor.fetchone()[0]
            return None if estimate < 0 else int(estimate)

    return rows


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each save would wait out the version lease, and under a test's transaction never commit;
    # tests/test_cache_lease.py turns the lease on where it is the subject.
    settings.PAGE_CACHE_VERSION_LEASE = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache
    from django.db import connections

    cache.clear()
    yield
    cache.clear()
    # A change marked in flight by a test whose transaction never committed must not carry over.
    for wrapper in connections.all(initialized_only=True):
        wrapper.__dict__.pop("pagecache_flight", None)


@pytest.fixture
def make_competition(db):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("name", f"League {n}")
        kwargs.setdefault("slug", f"league-{n}")
        kwargs.setdefault("country", "England")
        return Competition.objects.create(**kwargs)

    return make


@pytest.fixture
def make_club(db, make_competition):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("name", f"Club {n}")
        kwargs.setdefault("full_name", f"{kwargs['name']} FC")
        kwargs.setdefault("slug", f"club-{n}")
        kwargs.setdefault("country", "England")
        if "competition" not in kwargs:
            kwargs["competition"] = make_competition()
        return Club.objects.create(**kwargs)

    return make


@pytest.fixture
def make_player(db, make_club):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("full_name", f"Player Number{n}")
        kwargs.setdefault("known_as", f"Number{n}")
        kwargs.setdefault("slug", f"player-{n}")
        kwargs.setdefault("date_of_birth", datetime.date(2000, 1, 15))
        kwargs.setdefault("nationality", "France")
        kwargs.setdefault("position", Position.MIDFIELDER)
        if "current_club" not in kwargs:
            kwargs["current_club"] = make_club()
        return Player.objects.create(**kwargs)

    return make


@pytest.fixture
def make_link(db, make_player, make_club):
    def make(**kwargs):
        player = kwargs.pop("player", None) or make_player()
        kwargs.setdefault("from_club", player.current_club)
        if "to_club" not in kwargs:
            kwargs["to_club"] = make_club()
        return TransferLink.objects.create(player=player, **kwargs)

    return make


@pytest.fixture
def make_author(db):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("name", f"Writer {n}")
        kwargs.setdefault("slug", f"writer-{n}")
        return Author.objects.create(**kwargs)

    return make


@pytest.fixture
def make_tag(db):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("name", f"Tag {n}")
        kwargs.setdefault("slug", f"tag-{n}")
        return Tag.objects.create(**kwargs)

    return make


@pytest.fixture
def make_article(db, make_author):
    """A published article by default; pass status/published_at for drafts or scheduled pieces."""

    def make(*, authors=None, clubs=(), players=(), tags=(), **kwargs):
        n = next(_counter)
        kwargs.setdefault("headline", f"Transfer story number {n}")
        kwargs.setdefault("slug", f"transfer-story-{n}")
        kwargs.setdefault("standfirst", f"Standfirst for story {n}.")
        kwargs.setdefault("body", f"<p>First paragraph of story {n}.</p><p>Second paragraph.</p>")
        kwargs.setdefault("status", Article.Status.PUBLISHED)
        if kwargs["status"] == Article.Status.PUBLISHED:
            # Seconds, not minutes: a long session must not push defaults days into the past.
            kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(seconds=n))
        article = Article.objects.create(**kwargs)
        for position, author in enumerate(authors if authors is not None else [make_author()]):
            ArticleAuthor.objects.create(article=article, author=author, position=position)
        article.clubs.add(*clubs)
        article.players.add(*players)
        article.tags.add(*tags)
        article.include_primary_club()
        return article

    return make


@pytest.fixture
def make_source(db):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("name", f"Source {n}")
        kwargs.setdefault("slug", f"source-{n}")
        kwargs.setdefault("tier", 2)
        return Source.objects.create(**kwargs)

    return make


@pytest.fixture
def make_window(db):
    def make(**kwargs):
        n = next(_counter)
        kwargs.setdefault("name", f"Window {n}")
        kwargs.setdefault("slug", f"window-{n}")
        kwargs.setdefault("opens", datetime.date(2026, 1, 1))
        kwargs.setdefault("closes", datetime.date(2026, 2, 2))
        return TransferWindow.objects.create(**kwargs)

    return make


@pytest.fixture
def make_image(db):
    """A real (tiny) JPEG stored through the Image model."""

    def make(**kwargs):
        from io import BytesIO

        from django.core.files.uploadedfile import SimpleUploadedFile
        from PIL import Image as PILImage

        buffer = BytesIO()
        PILImage.new("RGB", (160, 90), "#c8102e").save(buffer, "JPEG")
        kwargs.setdefault("alt_text", "A footballer in a red shirt")
        upload = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
        return Image.objects.create(file=upload, **kwargs)

    return make


@pytest.fixture
def count_queries(client, settings):
    """Queries one GET of a page runs, with the page cache off so the view itself is measured."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count


@pytest.fixture
def make_staff(db, make_author):
    """A staff user in a role group ("Writers" or "Editors") with an author profile by default."""

    def make(group, username=None, *, author=True, **kwargs):
        from django.contrib.auth.models import Group, User

        n = next(_counter)
        username = username or f"{group.lower()}{n}"
        kwargs.setdefault("first_name", username.capitalize())
        kwargs.setdefault("last_name", "Staff")
        user = User.objects.create_user(username, password="pass-word-123", is_staff=True, **kwargs)
        user.groups.add(Group.objects.get(name=group))
        if author:
            make_author(user=user, name=f"{user.first_name} {user.last_name}")
        return User.objects.get(pk=user.pk)  # fresh, without cached permissions

    return make


@pytest.fixture
def form_values():
    """What a browser would submit for a page's form: its fields' current values, no buttons.

    Pass the form's id (the admin's is "<model>_form"); returns a dict of lists for client.post.
    """
    from html.parser import HTMLParser

    class FormReader(HTMLParser):
        def __init__(self, form_id):
            super().__init__(convert_charrefs=True)
            self.form_id, self.inside, self.values = form_id, False, {}
            self.select = self.textarea = None

        def add(self, name, value):
            self.values.setdefault(name, []).append(value)

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form":
                self.inside = attrs.get("id") == self.form_id
            if not self.inside or "disabled" in attrs:
                return
            kind = (attrs.get("type") or "text").lower()
            if tag == "input" and attrs.get("name") and kind not in {"submit", "button", "file"}:
                if kind not in {"checkbox", "radio"} or "checked" in attrs:
                    self.add(attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select":
                self.select = attrs.get("name")
            elif tag == "option" and self.select and "selected" in attrs:
                self.add(self.select, attrs.get("value", ""))
            elif tag == "textarea" and attrs.get("name"):
                self.textarea = attrs["name"]
                self.add(self.textarea, "")

        def handle_endtag(self, tag):
            if tag == "form":
                self.inside = False
            elif tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                value = self.values[self.textarea][-1] + data
                # A browser drops the one newline that may follow <textarea>.
                self.values[self.textarea][-1] = value.removeprefix("\n")

    def read(response, form_id):
        reader = FormReader(form_id)
        reader.feed(response.content.decode())
        assert reader.values, f"no form #{form_id} on the page"
        return reader.values

    return read


@pytest.fixture
def make_live_page(db):
    """A public live page running now (an hour in, ends in five hours) unless told otherwise."""

    def make(**kwargs):
        from newsroom.models import LivePage

        n = next(_counter)
        now = timezone.now()
        kwargs.setdefault("headline", f"Deadline day live {n}")
        kwargs.setdefault("slug", f"deadline-day-live-{n}")
        kwargs.setdefault("standfirst", "Every deal, bid and medical as the window closes.")
        kwargs.setdefault("status", Article.Status.PUBLISHED)
        kwargs.setdefault("starts_at", now - datetime.timedelta(hours=1))
        kwargs.setdefault("ends_at", now + datetime.timedelta(hours=5))
        if kwargs["status"] == Article.Status.PUBLISHED:
            kwargs.setdefault("published_at", kwargs["starts_at"])
        return LivePage.objects.create(**kwargs)

    return make


@pytest.fixture
def make_live_entry(db):
    """An entry on a live page, shown now: each one made is the newest."""

    def make(live_page, **kwargs):
        from newsroom.models import LiveEntry

        n = next(_counter)
        kwargs.setdefault("body", f"<p>Update number {n} from the desk.</p>")
        return LiveEntry.objects.create(live_page=live_page, **kwargs)

    return make


@pytest.fixture(autouse=True)
def _fresh_name_matcher(settings):
    """Each test has its own players and clubs: pages must not keep another test's matcher."""
    settings.LINKING_REBUILD_SECONDS = 0
