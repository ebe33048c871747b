"""The anonymous page cache is never stale: edits, unpublishing, scheduling, football data.

Every test goes through the configured cache backend: the local-memory cache on a plain run,
Redis when ``.ci/run`` sets ``REDIS_URL``.
"""

import datetime

import pytest
import redis
import time_machine
from django.core.cache import caches
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from newsroom import cache as page_cache
from newsroom.middleware import PageCacheMiddleware
from newsroom.models import Article
from transfers.models import TransferStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_club, make_player, make_article, make_tag, make_author, make_link):
    club = make_club(name="Liverpool", slug="liverpool")
    player = make_player(known_as="Tchouameni", full_name="Aurelien Tchouameni", slug="aurelien")
    author = make_author(name="Jo Reporter", slug="jo-reporter")
    tag = make_tag(name="Deadline day", slug="deadline-day")
    article = make_article(
        headline="Liverpool agree fee for Tchouameni",
        primary_club=club,
        players=[player],
        tags=[tag],
        authors=[author],
    )
    link = make_link(player=player, to_club=club, status=TransferStatus.TALKS)
    return {
        "club": club,
        "player": player,
        "author": author,
        "tag": tag,
        "article": article,
        "link": link,
    }


def pages_showing_the_article(world):
    """Every cached view that lists or shows the world's article."""
    return [
        "/",
        world["article"].get_absolute_url(),
        world["club"].get_absolute_url(),
        world["player"].get_absolute_url(),
        world["tag"].get_absolute_url(),
        world["author"].get_absolute_url(),
        "/search/?q=Tchouameni",
        "/feed/",
        f"/clubs/{world['club'].slug}/feed/",
        f"/players/{world['player'].slug}/feed/",
        f"/tags/{world['tag'].slug}/feed/",
    ]


def warm(client, paths):
    for path in paths:
        first = client.get(path)
        assert first.status_code == 200, path
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_an_anonymous_page_is_stored_then_served_from_the_cache(client, world):
    first = client.get("/")
    second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert page_cache.safe_get(page_key("/"))["content"] == first.content
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_query_string_is_part_of_the_key(client, world):
    client.get("/transfers/")

    assert client.get("/transfers/?status=talks")["X-Page-Cache"] == "miss"


def test_an_edit_to_a_published_piece_shows_on_every_cached_page_and_feed(client, world):
    paths = pages_showing_the_article(world)
    warm(client, paths)

    article = world["article"]
    article.headline = "Liverpool complete Tchouameni signing"
    article.save()

    for path in paths:
        body = client.get(path).content.decode()
        assert "Liverpool complete Tchouameni signing" in body, path
        assert "Liverpool agree fee for Tchouameni" not in body, path


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.ARCHIVED])
def test_an_unpublished_or_archived_piece_disappears_at_once(client, world, status):
    paths = pages_showing_the_article(world)
    warm(client, paths)

    article = world["article"]
    article.status = status
    article.save()

    assert client.get(article.get_absolute_url()).status_code == 404
    for path in pages_showing_the_article(world):
        if path != article.get_absolute_url():
            assert article.headline not in client.get(path).content.decode(), path


def test_a_deleted_piece_disappears_at_once(client, world):
    warm(client, ["/"])
    headline = world["article"].headline

    world["article"].delete()

    assert headline not in client.get("/").content.decode()


def test_a_new_club_tag_on_a_piece_shows_on_that_club_page(client, world, make_club):
    other = make_club(name="Real Madrid", slug="real-madrid")
    warm(client, [other.get_absolute_url()])

    world["article"].clubs.add(other)

    assert world["article"].headline in client.get(other.get_absolute_url()).content.decode()


def test_a_scheduled_piece_appears_on_cached_pages_at_its_time(client, world, make_article):
    go_live = timezone.now() + datetime.timedelta(minutes=10)
    scheduled = make_article(
        headline="Tchouameni medical booked for Merseyside",
        primary_club=world["club"],
        published_at=go_live,
    )
    paths = ["/", world["club"].get_absolute_url(), "/feed/"]

    with time_machine.travel(go_live - datetime.timedelta(minutes=1), tick=False):
        warm(client, paths)
        for path in paths:
            assert scheduled.headline not in client.get(path).content.decode(), path

    with time_machine.travel(go_live, tick=False):
        for path in paths:
            response = client.get(path)
            assert scheduled.headline in response.content.decode(), path
            assert response["X-Page-Cache"] == "miss", path


def test_a_clock_set_back_is_not_fooled_by_pages_cached_later(client, world, make_article):
    """Only a test's clock goes back, but other suites' time-travelling tests rely on it."""
    now = timezone.now()
    piece = make_article(headline="Fee agreed in principle", published_at=now)

    with time_machine.travel(now + datetime.timedelta(minutes=1), tick=False):
        assert piece.headline in client.get("/").content.decode()
    with time_machine.travel(now - datetime.timedelta(minutes=1), tick=False):
        assert piece.headline not in client.get("/").content.decode()


def test_entries_in_a_shape_this_code_does_not_know_are_ignored(client, world):
    """In a rolling deploy, old and new code share the cache: neither may trip on the other."""
    version = page_cache.current_version()
    page_cache.safe_set(page_key("/"), ("written", "by", "other", "code"), 60)
    page_cache.safe_set(f"{page_cache.KEY_PREFIX}next-go-live:{version}", 1234.5, 60)

    response = client.get("/")

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_no_cache_entry_outlives_the_next_go_live(client, world, make_article, monkeypatch):
    now = timezone.now()
    make_article(published_at=now + datetime.timedelta(seconds=90))
    stored = {}
    real_set = page_cache.safe_set

    def spy(key, value, timeout):
        if key.startswith(f"{page_cache.KEY_PREFIX}page:"):
            stored[key] = (value, timeout)
        real_set(key, value, timeout)

    monkeypatch.setattr(page_cache, "safe_set", spy)

    with time_machine.travel(now, tick=False):
        response = client.get("/")

    ((entry, timeout),) = stored.values()
    assert timeout == 90
    assert entry["expires"] == pytest.approx((now + datetime.timedelta(seconds=90)).timestamp())
    # A CDN may not keep it longer either.
    assert response["Cache-Control"] == "public, max-age=60"


class TestExpiry:
    """The lifetime cap itself: the default lifetime, or the next go-live when sooner."""

    def test_without_scheduled_pieces_an_entry_lives_the_default_lifetime(self, settings):
        now = timezone.now()

        assert page_cache.expiry("v1", now) == now.timestamp() + settings.PAGE_CACHE_SECONDS

    def test_a_go_live_sooner_than_the_default_lifetime_caps_it(self, make_article):
        now = timezone.now()
        soon = now + datetime.timedelta(seconds=42)
        make_article(published_at=soon)
        make_article(published_at=now + datetime.timedelta(seconds=100))

        assert page_cache.expiry("v1", now) == soon.timestamp()

    def test_a_go_live_later_than_the_default_lifetime_does_not_extend_it(
        self, settings, make_article
    ):
        now = timezone.now()
        make_article(published_at=now + datetime.timedelta(days=1))

        assert page_cache.expiry("v1", now) == now.timestamp() + settings.PAGE_CACHE_SECONDS

    def test_drafts_and_past_pieces_do_not_count(self, settings, make_article):
        now = timezone.now()
        make_article(status=Article.Status.DRAFT, published_at=now + datetime.timedelta(seconds=5))
        make_article(published_at=now - datetime.timedelta(seconds=5))

        assert page_cache.expiry("v1", now) == now.timestamp() + settings.PAGE_CACHE_SECONDS

    def test_the_next_go_live_is_looked_up_again_once_it_has_passed(
        self, make_article, django_assert_num_queries
    ):
        now = timezone.now()
        first = now + datetime.timedelta(seconds=30)
        second = now + datetime.timedelta(seconds=60)
        make_article(published_at=first)
        make_article(published_at=second)
        # Articles and live pages: one cheap query per scheduled model.
        queries = len(page_cache.SCHEDULED_MODELS)

        with django_assert_num_queries(queries):
            assert page_cache.next_go_live_timestamp("v1", now) == first.timestamp()
        with django_assert_num_queries(0):
            assert page_cache.next_go_live_timestamp("v1", now) == first.timestamp()
        with django_assert_num_queries(queries):
            later = first + datetime.timedelta(seconds=1)
            assert page_cache.next_go_live_timestamp("v1", later) == second.timestamp()


def test_a_change_to_a_club_shows_at_once(client, world):
    club = world["club"]
    warm(client, [club.get_absolute_url()])

    club.stadium = "Anfield Road"
    club.save()

    assert "Anfield Road" in client.get(club.get_absolute_url()).content.decode()


def test_a_change_to_a_player_shows_at_once(client, world):
    player = world["player"]
    warm(client, [player.get_absolute_url()])

    player.known_as = "Tchoua"
    player.save()

    assert "Tchoua<" in client.get(player.get_absolute_url()).content.decode()


def test_a_change_to_a_transfer_link_shows_at_once(client, world):
    link = world["link"]
    paths = ["/transfers/", world["player"].get_absolute_url()]
    warm(client, paths)

    link.status = TransferStatus.COMPLETED
    link.save()

    for path in paths:
        assert "Completed" in client.get(path).content.decode(), path


def test_a_logged_in_editor_never_gets_a_cached_page(client, world, admin_user):
    warm(client, ["/"])
    client.force_login(admin_user)

    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_session_cookie_bypasses_the_cache_without_the_session_being_read(client, world):
    client.cookies["sessionid"] = "not-a-real-session"

    response = client.get("/")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "Cookie" not in response.get("Vary", "")


def test_other_cookies_do_not_split_or_bypass_the_cache(client, world):
    client.get("/")
    client.cookies["_analytics"] = "abc123"

    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_not_found_page_is_not_cached(client, make_article):
    assert client.get("/news/not-yet/").status_code == 404

    make_article(slug="not-yet")

    assert client.get("/news/not-yet/").status_code == 200


def test_the_admin_is_never_cached(client, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("admin:index"))

    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_a_shared_preview_link_is_never_cached_and_is_private(client, make_article):
    from newsroom.preview import make_token

    draft = make_article(status=Article.Status.DRAFT, headline="Draft about a medical")
    path = reverse("newsroom:preview", args=[make_token(draft)])
    client.get(path)

    response = client.get(path)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert page_cache.safe_get(page_key(path)) is None


def test_a_public_page_whose_address_mentions_a_preview_is_still_cached(client, make_article):
    path = make_article(slug="preview-liverpool-v-arsenal").get_absolute_url()
    client.get(path)

    response = client.get(path)

    assert response["X-Page-Cache"] == "hit"
    assert response["Cache-Control"] == "public, max-age=60"


def page_key(path):
    """The key a page at `path` would be cached under now."""
    request = RequestFactory().get(path)
    return PageCacheMiddleware.key(request)


def test_migrating_makes_cached_pages_stale(world):
    from django.core.management import call_command

    before = page_cache.current_version()

    call_command("migrate", "newsroom", verbosity=0)

    assert page_cache.current_version() != before


def test_a_conditional_request_for_an_unchanged_page_gets_304(client, world):
    etag = client.get("/")["ETag"]

    assert client.get("/", headers={"if-none-match": etag}).status_code == 304

    world["article"].headline = "A changed headline"
    world["article"].save()

    assert client.get("/", headers={"if-none-match": etag}).status_code == 200


def test_head_requests_share_the_cached_page(client, world):
    client.get("/")

    response = client.head("/")

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_saving_public_content_sets_a_new_version_now_and_again_after_commit(
    world, django_capture_on_commit_callbacks
):
    before = page_cache.current_version()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        world["club"].save()
        during = page_cache.current_version()

    assert during != before
    # A reader that fetched the version before the commit may have cached old rows under it.
    assert callbacks
    assert page_cache.current_version() != during


def test_private_models_do_not_invalidate_the_cache(world, admin_user):
    before = page_cache.current_version()

    admin_user.save()

    assert page_cache.current_version() == before


@pytest.fixture
def dead_redis(settings):
    """The production cache settings, pointed at a port where no Redis listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_CLASS": "newsroom.cache.BreakerConnectionPool",
            },
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # django-redis shares one pool per address across tests: start with the breaker closed.
    pool = caches["default"].client.get_client().connection_pool
    pool.skip_until = 0.0
    return pool


def test_with_redis_down_every_public_page_still_answers(client, world, dead_redis, caplog):
    paths = [
        "/",
        world["article"].get_absolute_url(),
        world["club"].get_absolute_url(),
        world["player"].get_absolute_url(),
        world["club"].competition.get_absolute_url(),
        world["tag"].get_absolute_url(),
        world["author"].get_absolute_url(),
        "/transfers/",
        "/search/?q=Tchouameni",
        "/feed/",
        f"/clubs/{world['club'].slug}/feed/",
        "/sitemap.xml",
        "/robots.txt",
    ]

    for path in paths:
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == 200, path
            assert "X-Page-Cache" not in response, path

    assert any("django_redis" in record.name for record in caplog.records)


def test_with_redis_down_pages_stop_trying_it_for_a_while(client, world, dead_redis, monkeypatch):
    attempts = []
    real_connect = redis.connection.Connection._connect

    def counting_connect(self):
        attempts.append(self)
        return real_connect(self)

    monkeypatch.setattr(redis.connection.Connection, "_connect", counting_connect)

    for path in ["/", world["club"].get_absolute_url(), "/transfers/"]:
        assert client.get(path).status_code == 200

    # One failed connection opens the breaker; every later cache call is a miss at once.
    assert len(attempts) == 1
    assert dead_redis.skip_until > 0


def test_a_page_this_process_holds_costs_only_a_read_of_the_version(client, world, monkeypatch):
    """Without a lease on the version (tests/test_cache_lease.py has one), that is."""
    first = client.get("/")
    asked = []
    real_get_many = page_cache.safe_get_many
    monkeypatch.setattr(
        page_cache, "safe_get_many", lambda keys: asked.append(keys) or real_get_many(keys)
    )

    again = client.get("/")

    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert asked == [page_cache.LEASE_KEYS]


def test_a_held_copy_gives_way_to_the_shared_page_of_a_newer_version(client, world):
    """Another worker rendered the page after a change: this process must serve that one."""
    client.get("/")
    page_cache.bump_content_version()
    version = page_cache.current_version()
    entry = dict(page_cache.safe_get(page_key("/")))
    entry |= {"version": version, "content": b"<p>Rendered by the other worker</p>"}
    page_cache.safe_set(page_key("/"), entry, 60)

    response = client.get("/")

    assert response["X-Page-Cache"] == "hit"
    assert response.content == b"<p>Rendered by the other worker</p>"


def test_held_pages_stay_within_their_byte_budget_dropping_the_least_recent():
    recent = page_cache.RecentPages(max_bytes=100)
    for name in ("a", "b", "c"):
        recent.put(name, {"content": b"x" * 40})
    assert recent.get("a") is None and recent.get("b") and recent.get("c")
    recent.get("b")  # now the most recent
    recent.put("d", {"content": b"x" * 40})
    assert recent.get("c") is None and recent.get("b") and recent.get("d")
    recent.put("huge", {"content": b"x" * 101})
    assert recent.get("huge") is None and recent.size == 80
    nothing = page_cache.RecentPages(max_bytes=0)
    nothing.put("a", {"content": b"x"})
    assert nothing.get("a") is None
