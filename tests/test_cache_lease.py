"""The version lease: hits that ask nothing, and changes that wait it out before they commit.

Every test goes through the configured cache backend: the local-memory cache on a plain run,
Redis when ``.ci/run`` sets ``REDIS_URL``. The lease is off in every other test (conftest).
"""

import io
import time

import pytest
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import connection, transaction
from django.db.models.signals import pre_save
from django.test import RequestFactory

from newsroom import cache as page_cache
from newsroom import workflow
from newsroom.middleware import PageCacheMiddleware
from newsroom.models import Article
from transfers.models import Club

pytestmark = pytest.mark.django_db

LEASE = 0.2


@pytest.fixture
def world(make_club, make_article):
    club = make_club(name="Liverpool", slug="liverpool")
    article = make_article(headline="Liverpool weigh up a January move", primary_club=club)
    return {"club": club, "article": article}


@pytest.fixture(autouse=True)
def long_up_redis():
    """As if Redis had been up for minutes: each test starts with it empty (conftest)."""
    page_cache.bump_content_version()
    page_cache.lift_lease_hold()


@pytest.fixture
def lease(settings):
    """The lease on, after the world was made (its saves would each have waited)."""
    settings.PAGE_CACHE_VERSION_LEASE = LEASE
    return LEASE


@pytest.fixture
def cache_calls(monkeypatch):
    asked = []
    real_get_many = page_cache.safe_get_many
    monkeypatch.setattr(
        page_cache, "safe_get_many", lambda keys: asked.append(keys) or real_get_many(keys)
    )
    return asked


def flight_count():
    return page_cache.page_cache().get(page_cache.FLIGHT_KEY) or 0


@pytest.fixture
def everton(make_club, settings, monkeypatch):
    """A club made before the lease is on, then the lease on with writers that do not sleep."""
    club = make_club(name="Everton", slug="everton")
    settings.PAGE_CACHE_VERSION_LEASE = LEASE
    monkeypatch.setattr(page_cache, "wait", lambda seconds: None)
    return club


def test_a_hit_within_the_lease_asks_the_shared_cache_nothing(client, world, settings, cache_calls):
    settings.PAGE_CACHE_VERSION_LEASE = 30  # longer than a first render in a cold process
    first = client.get("/")
    again = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    # The miss asked for the marks, the version and the page; the hit asked for nothing.
    assert cache_calls == [
        [*page_cache.LEASE_KEYS, PageCacheMiddleware.key(RequestFactory().get("/"))]
    ]


def test_once_the_lease_runs_out_the_version_is_asked_for_again(
    client, world, settings, cache_calls
):
    settings.PAGE_CACHE_VERSION_LEASE = 0.05
    client.get("/")
    time.sleep(0.06)

    assert client.get("/")["X-Page-Cache"] == "hit"
    assert cache_calls[-1] == page_cache.LEASE_KEYS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_waits_out_the_lease_before_it_is_written(world, lease, monkeypatch):
    waits = []
    monkeypatch.setattr(page_cache, "wait", waits.append)
    seen = []

    def count_in_flight(sender, **kwargs):
        if sender is Club:
            seen.append(flight_count())

    pre_save.connect(count_in_flight)
    try:
        world["club"].save()
    finally:
        pre_save.disconnect(count_in_flight)

    assert len(waits) == 1
    assert LEASE < waits[0] <= LEASE + page_cache.LEASE_MARGIN
    assert seen == [1]  # marked before it waited, and so before the write
    # Outside a transaction the write has committed: a new version, and the mark taken down.
    assert flight_count() == 0
    assert not connection.__dict__.get("pagecache_flight")


def test_changes_in_one_transaction_wait_once_and_unmark_after_the_commit(
    world, lease, monkeypatch, django_capture_on_commit_callbacks
):
    waits = []
    monkeypatch.setattr(
        page_cache, "wait", lambda seconds: waits.append(seconds) or time.sleep(seconds)
    )
    before = page_cache.current_version()

    with django_capture_on_commit_callbacks(execute=True):
        world["club"].save()
        world["article"].headline = "Liverpool make their move"
        world["article"].save()
        world["article"].clubs.add(world["club"])
        assert flight_count() == 1
        during = page_cache.current_version()

    assert len(waits) == 1  # later writes found the mark and little or nothing left to wait
    assert flight_count() == 0
    assert page_cache.current_version() not in {before, during}


def test_private_models_neither_mark_nor_wait(lease, admin_user, monkeypatch):
    waits = []
    monkeypatch.setattr(page_cache, "wait", waits.append)

    admin_user.save()

    assert waits == []
    assert flight_count() == 0


def test_while_a_change_is_in_flight_readers_neither_serve_nor_store_copies(
    client, world, lease, django_capture_on_commit_callbacks
):
    path = world["club"].get_absolute_url()
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    during = []

    def read_the_page(sender, **kwargs):
        if sender is Article:
            during.append(client.get(path))

    pre_save.connect(read_the_page)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            world["article"].headline = "Liverpool end their interest"
            world["article"].save()
    finally:
        pre_save.disconnect(read_the_page)

    # By the write, the writer had waited out the reader's lease; the reader then found the
    # change in flight and rendered the page afresh, without storing it.
    assert len(during) == 1
    assert during[0].status_code == 200
    assert "X-Page-Cache" not in during[0]
    after = client.get(path)
    assert after["X-Page-Cache"] == "miss"
    assert b"Liverpool end their interest" in after.content
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_a_reader_with_a_lease_never_sees_a_piece_after_its_unpublishing(
    client, world, lease, admin_user, django_capture_on_commit_callbacks
):
    headline = world["article"].headline.encode()
    paths = ["/", world["club"].get_absolute_url(), world["article"].get_absolute_url()]
    for path in paths:
        client.get(path)
        hit = client.get(path)
        assert hit["X-Page-Cache"] == "hit" and headline in hit.content, path

    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(world["article"], "unpublish", admin_user, note="Taken down.")

    # The very next requests, from the process that held the lease: none shows the piece.
    assert client.get(paths[0]).content.count(headline) == 0
    assert client.get(paths[1]).content.count(headline) == 0
    assert client.get(paths[2]).status_code == 404


def test_a_writer_that_cannot_mark_its_change_still_waits_out_the_lease(world, lease, monkeypatch):
    waits = []
    monkeypatch.setattr(page_cache, "wait", waits.append)
    monkeypatch.setattr(page_cache, "mark_in_flight", lambda: False)

    world["club"].save()

    assert len(waits) == 1 and waits[0] > LEASE


def test_after_redis_restarts_empty_no_process_leases_the_version_for_a_while(
    client, world, settings, cache_calls
):
    """A writer's mark may have been lost with Redis's data: no leases until it must be done."""
    settings.PAGE_CACHE_VERSION_LEASE = 30
    page_cache.page_cache().clear()  # what a restart without persistence leaves

    for _ in range(3):
        client.get("/")  # the first finds no version, stops leases, then makes one

    assert page_cache.page_cache().get(page_cache.NO_LEASE_KEY)
    assert all(keys[: len(page_cache.LEASE_KEYS)] == page_cache.LEASE_KEYS for keys in cache_calls)
    assert len(cache_calls) == 3

    page_cache.lift_lease_hold()  # two minutes later
    client.get("/")
    client.get("/")

    assert len(cache_calls) == 4  # leased by the first of the two


def test_a_written_version_is_leased_until_the_lease_runs_out(settings):
    settings.PAGE_CACHE_VERSION_LEASE = 0.5
    lease = page_cache.VersionLease()
    asked = time.monotonic()

    lease.grant(page_cache.new_version(), asked)

    assert lease.get(asked + 0.49) is not None
    assert lease.get(asked + 0.5) is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_takes_its_mark_down_when_the_request_ends(everton):
    club = everton

    with pytest.raises(RuntimeError), transaction.atomic():
        club.name = "Everton FC"
        club.save()
        raise RuntimeError("the editor's save failed half-way")

    assert flight_count() == 1  # nothing committed, so nothing took it down yet
    request_finished.send(sender=None)

    assert flight_count() == 0
    assert not connection.__dict__.get("pagecache_flight")
    assert Club.objects.get(pk=club.pk).name == "Everton"


def test_writes_that_send_no_signals_are_marked_when_wrapped_in_changing(
    world, lease, monkeypatch, django_capture_on_commit_callbacks
):
    waits = []
    monkeypatch.setattr(page_cache, "wait", waits.append)
    before = page_cache.current_version()

    with django_capture_on_commit_callbacks(execute=True):
        with page_cache.changing():
            assert flight_count() == 1
            Article.objects.filter(pk=world["article"].pk).update(headline="Changed quietly")
        assert flight_count() == 1  # until the commit

    assert len(waits) == 1
    assert flight_count() == 0
    assert page_cache.current_version() != before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saves_inside_a_changing_block_leave_its_mark_up_until_it_ends(everton):
    club = everton

    with page_cache.changing():
        club.save()  # committed at once, but the bulk writes after it are still to come
        assert flight_count() == 1
        Club.objects.filter(pk=club.pk).update(name="Everton FC")

    assert flight_count() == 0
    assert not connection.__dict__.get("pagecache_flight")


def test_refreshing_likelihoods_makes_cached_pages_stale(world):
    before = page_cache.current_version()

    call_command("refresh_likelihood", stdout=io.StringIO())

    assert page_cache.current_version() != before


def test_a_writer_that_finds_no_version_stops_leases_before_it_makes_one(world):
    page_cache.page_cache().clear()  # Redis restarted empty, and a writer is first to it

    page_cache.bump_content_version()

    assert page_cache.page_cache().get(page_cache.NO_LEASE_KEY)
    assert page_cache.page_cache().get(page_cache.VERSION_KEY)


def test_a_mark_skipped_by_the_open_breaker_is_not_logged_again(monkeypatch, caplog):
    def skipped(*args, **kwargs):
        raise page_cache.RedisSkipped("Redis was unreachable moments ago")

    monkeypatch.setattr(page_cache.page_cache(), "add", skipped)

    assert page_cache.mark_in_flight() is False
    assert not [r for r in caplog.records if r.name == "newsroom.cache"]
