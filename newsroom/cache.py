"""The page cache's bookkeeping: a site-wide content version, and when the next piece goes live.

Every cached page is stored under the current content version, and saving or deleting any
public object sets a new one, so the next request renders afresh and old entries simply age
out. A scheduled piece goes live without any signal, so no entry may outlive the next
scheduled ``published_at``: ``expiry()`` caps each entry's lifetime at that moment.

Readers need not ask for the version on every request: each process may hold it for a short
lease (``PAGE_CACHE_VERSION_LEASE``, 20 ms with Redis), and every change waits out the lease
before it commits. Before the first write of a change, the writer counts itself in flight
(``FLIGHT_KEY``) and then waits one lease: every lease taken before the mark has run out by
the time the change commits, and every reader that asks after the mark finds a change in flight
and neither serves nor stores a cached page until the writer, after its commit, has set a new
version and counted itself out. So no reader is served a page the commit made stale, and the
version is read at most fifty times a second in each process rather than on every hit. A
writer's transaction thus takes one lease longer; docs/performance.md gives the measurements.

The cache is an optimisation, never a dependency: every call here swallows and logs cache
errors, and callers treat a missing version as "serve without the cache". With Redis,
``BreakerConnectionPool`` stops a dead or hung server from costing every cache call a timeout.
"""

import contextlib
import datetime
import logging
import math
import threading
import time
import uuid
from collections import OrderedDict

import redis
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Min, Q
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils import timezone

logger = logging.getLogger(__name__)

# Bump the number when what is stored changes shape: during a rolling deploy, old and new
# code share the cache and must not read each other's entries.
KEY_PREFIX = "pagecache:3:"
VERSION_KEY = f"{KEY_PREFIX}version"
# How many writers are between their mark and their new version (see the module's docstring).
FLIGHT_KEY = f"{KEY_PREFIX}changes-in-flight"
# A writer that dies between the two leaves its mark for at most this long, renewed by each mark:
# until then pages are rendered afresh. A transaction that stays open longer after its last
# change loses its mark, and with it the guarantee for one lease after its commit.
FLIGHT_SECONDS = 120
# Added to a writer's wait: room for clocks that run at slightly different rates on two machines.
LEASE_MARGIN = 0.005
# Set for FLIGHT_SECONDS by whoever finds no version, before making one (Redis restarted empty):
# a writer whose mark was lost with Redis's data may still be on its way to its commit, so until
# then no process leases the version.
NO_LEASE_KEY = f"{KEY_PREFIX}no-lease"
# What a process asks for when it holds no lease, in this order: the marks must be read no later
# than the version (a single MGET with Redis).
LEASE_KEYS = [FLIGHT_KEY, NO_LEASE_KEY, VERSION_KEY]
NOTHING_SCHEDULED = "none"

# Apps whose models are public content (or feed a public page), less the private ones.
PUBLIC_APPS = {"newsroom", "transfers"}
# Derived rows (club news entries) change only with a piece that bumps the version itself.
PRIVATE_MODELS = {"newsroom.transition", "newsroom.clubnewsentry"}
# Models with a go-live time: (app label, model name); absent models are skipped.
SCHEDULED_MODELS = [("newsroom", "Article"), ("newsroom", "LivePage")]


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def safe_get(key):
    try:
        return page_cache().get(key)
    except Exception:
        logger.warning("Page cache unavailable: could not read %s", key, exc_info=True)
        return None


def safe_get_many(keys):
    try:
        return page_cache().get_many(keys)
    except Exception:
        logger.warning("Page cache unavailable: could not read %s", keys, exc_info=True)
        return {}


def safe_set(key, value, timeout):
    try:
        page_cache().set(key, value, timeout)
    except Exception:
        logger.warning("Page cache unavailable: could not write %s", key, exc_info=True)


class RecentPages:
    """The pages this process served last, held in memory up to `max_bytes` of content.

    A copy is used only for the content version it was stored under, and the version is still
    read from the shared cache on every request: holding the page here saves fetching and
    unpickling its 40 KB again, never the check that it is current. 0 bytes holds nothing.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # runserver answers requests in threads

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = len(entry["content"])
        if size > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old["content"])
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped["content"])


def new_version():
    # The time first, so the age of a version can be read back (see ``version_age``); random
    # after it, because a frozen test clock, or two servers in one tick, must still differ.
    return f"{time.time_ns():x}.{uuid.uuid4().hex[:8]}"


def version_age(version):
    """Seconds since ``version`` was set, or None when it cannot be read."""
    try:
        return time.time() - int(version.split(".", 1)[0], 16) / 1e9
    except (AttributeError, ValueError):
        return None


def current_version():
    """The content version, created on first use; None when the cache cannot be reached."""
    version = safe_get(VERSION_KEY)
    if version is None:
        try:
            hold_leases()  # first, so no reader can lease the version made next
            page_cache().add(VERSION_KEY, new_version(), None)
        except Exception:
            logger.warning("Page cache unavailable: could not create a version", exc_info=True)
            return None
        version = safe_get(VERSION_KEY)
    return version


def bump_content_version():
    """Make every cached page stale: call after any change a reader could see."""
    if safe_get(VERSION_KEY) is None:
        # Redis restarted empty (or this is its first version): no leases for a while first.
        try:
            hold_leases()
        except Exception:
            logger.warning("Page cache unavailable: could not stop leases", exc_info=True)
    safe_set(VERSION_KEY, new_version(), None)


def hold_leases():
    """No process leases the version for FLIGHT_SECONDS: a lost mark's writer may be under way."""
    page_cache().add(NO_LEASE_KEY, 1, FLIGHT_SECONDS)


def lift_lease_hold():
    """End ``hold_leases()`` early, as its two minutes would: for benchmarks that just loaded."""
    page_cache().delete(NO_LEASE_KEY)


class VersionLease:
    """The content version this process may use without asking, until its lease runs out.

    A lease starts when the version was asked for, not when the answer came, and is never given
    while a change is in flight, nor while ``NO_LEASE_KEY`` lives (see the module).
    """

    def __init__(self):
        self.held = (None, 0.0)  # One tuple, so threads never see a version with another's end.

    def get(self, now):
        version, until = self.held
        return version if now < until else None

    def grant(self, version, asked):
        seconds = settings.PAGE_CACHE_VERSION_LEASE
        if seconds > 0:
            self.held = (version, asked + seconds)


def in_flight(found):
    """Whether a writer is between its mark and its new version, from ``safe_get_many``'s answer."""
    count = found.get(FLIGHT_KEY)
    return isinstance(count, int) and count > 0


def mark_in_flight():
    """Count a writer in flight; True when the mark was stored."""
    try:
        store = page_cache()
        store.add(FLIGHT_KEY, 0, FLIGHT_SECONDS)
        count = store.incr(FLIGHT_KEY)
        store.touch(FLIGHT_KEY, FLIGHT_SECONDS)
    except (ValueError, RedisSkipped):
        # The key expired between the calls (too rare to retry), or the breaker is open and
        # has logged the failure once already.
        return False
    except Exception:
        logger.warning("Page cache unavailable: could not mark a change", exc_info=True)
        return False
    return isinstance(count, int) and count > 0


def unmark_in_flight():
    try:
        page_cache().decr(FLIGHT_KEY)
    except (ValueError, RedisSkipped):
        pass  # The mark expired or went with Redis's data, or the breaker is open.
    except Exception:
        logger.warning("Page cache unavailable: could not unmark a change", exc_info=True)


def begin_change(using=None):
    """Before the first write of a change to public content: mark it in flight, wait out the lease.

    Once per transaction (or per write outside one, or per ``changing()`` block): later writes
    find the mark and wait only for what is left of the lease. Nothing to do without a lease.
    """
    seconds = settings.PAGE_CACHE_VERSION_LEASE
    if seconds <= 0:
        return
    connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
    flight = connection.__dict__.get("pagecache_flight")
    if flight is None or time.monotonic() - flight["since"] > FLIGHT_SECONDS / 2:
        # A mark older than that (a long transaction, or a write that failed long ago) may be
        # about to expire: a new one first, then the old one down.
        marked = mark_in_flight()
        # Whether or not Redis took the mark, leases taken before now must run out first.
        connection.pagecache_flight = {"marked": marked, "since": time.monotonic()}
        if flight is not None and flight["marked"]:
            unmark_in_flight()
        flight = connection.pagecache_flight
    left = flight["since"] + seconds + LEASE_MARGIN - time.monotonic()
    if left > 0:
        wait(left)


def wait(seconds):
    time.sleep(seconds)


def end_change(using=None):
    """After a write to public content: a new version now, and the change's end after its commit.

    The new version now is for readers who may still cache during the transaction (no lease, or
    the mark was not stored); the one after the commit makes stale whatever they cached under
    it. Readers who found the mark store nothing, so a marked change skips the first.
    """
    using = using or DEFAULT_DB_ALIAS
    connection = transaction.get_connection(using)
    if not (connection.__dict__.get("pagecache_flight") or {}).get("marked"):
        bump_content_version()
    if connection.in_atomic_block:
        transaction.on_commit(lambda: change_committed(using), using=using)
    else:
        change_committed(using)  # Outside a transaction the write has committed.


def change_committed(using=None):
    """After the commit: a new version, then the mark down, in that order.

    So no reader finds the change out of flight under the old version. Inside a ``changing()``
    block the mark stays up until the block ends.
    """
    connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
    bump_content_version()
    if connection.__dict__.get("pagecache_holds"):
        return
    flight = connection.__dict__.pop("pagecache_flight", None)
    if flight and flight["marked"]:
        unmark_in_flight()


@contextlib.contextmanager
def changing(using=None):
    """Wrap writes to public content that send no signals: ``update()``, ``bulk_create()``, SQL.

    The writes inside wait out the lease first, and readers see them all at once at the end (at
    the commit, inside a transaction). A block that runs for minutes keeps its mark for two,
    renewed by any save inside it; its new version at the end makes every page fresh all the same.
    """
    using = using or DEFAULT_DB_ALIAS
    connection = transaction.get_connection(using)
    begin_change(using)
    connection.pagecache_holds = connection.__dict__.get("pagecache_holds", 0) + 1
    try:
        yield
    finally:
        connection.pagecache_holds -= 1
        end_change(using)


def forget_unfinished_changes(**kwargs):
    """After a request: take down the marks of transactions that rolled back.

    A committed change has already unmarked itself; one rolled back changed nothing, so its
    mark goes without a new version.
    """
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block or connection.__dict__.get("pagecache_holds"):
            continue
        flight = connection.__dict__.pop("pagecache_flight", None)
        if flight and flight["marked"]:
            unmark_in_flight()


def _next_go_live(now):
    """The earliest future moment a page changes by itself: one indexed query per model.

    For articles that is a scheduled ``published_at``; for live pages (a small table) also the
    start and the end of coverage, when their "Live now" box appears and goes.
    """
    times = []
    for app_label, model_name in SCHEDULED_MODELS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        published = model.objects.filter(status="published")
        if model_name == "LivePage":
            found = published.aggregate(
                **{
                    field: Min(field, filter=Q(**{f"{field}__gt": now}))
                    for field in ("published_at", "starts_at", "ends_at")
                }
            )
            times.extend(moment for moment in found.values() if moment is not None)
            continue
        upcoming = published.filter(published_at__gt=now).order_by("published_at")
        first = upcoming.values_list("published_at", flat=True).first()
        if first is not None:
            times.append(first)
    return min(times) if times else None


def next_go_live_timestamp(version, now=None):
    """When the next scheduled piece goes live (a POSIX timestamp), or None if nothing waits.

    Cached under the content version: publishing, rescheduling or unpublishing bumps the
    version, and a cached time that has passed is looked up again. The answer holds only from
    the moment it was looked up, should the clock ever go back (a test's clock does).
    """
    now = (now or timezone.now()).timestamp()
    key = f"{KEY_PREFIX}next-go-live:{version}"
    try:
        looked_up, go_live = safe_get(key)
        if looked_up <= now and (go_live == NOTHING_SCHEDULED or now < go_live):
            return None if go_live == NOTHING_SCHEDULED else go_live
    except (TypeError, ValueError):
        pass  # Not cached, or written in another format by other code: look it up.
    upcoming = _next_go_live(datetime.datetime.fromtimestamp(now, datetime.UTC))
    go_live = upcoming.timestamp() if upcoming else NOTHING_SCHEDULED
    safe_set(key, (now, go_live), settings.PAGE_CACHE_SECONDS)
    return None if go_live == NOTHING_SCHEDULED else go_live


def expiry(version, now=None):
    """The POSIX time a page cached now must expire: the default lifetime, or the next go-live."""
    now = now or timezone.now()
    expires = now.timestamp() + settings.PAGE_CACHE_SECONDS
    go_live = next_go_live_timestamp(version, now)
    if go_live is not None:
        expires = min(expires, go_live)
    return expires


def timeout_until(expires, now=None):
    """Whole seconds from now until ``expires`` (rounded up; 0 means do not store)."""
    now = now if now is not None else time.time()
    return max(0, math.ceil(expires - now))


def is_public(model):
    return model._meta.app_label in PUBLIC_APPS and model._meta.label_lower not in PRIVATE_MODELS


def change_starting(sender, **kwargs):
    """Signal receiver, before any write to a model: see ``begin_change``."""
    if is_public(sender):
        begin_change(kwargs.get("using"))


def content_changed(sender, **kwargs):
    """Signal receiver, after any write to a model: see ``end_change``."""
    if is_public(sender):
        end_change(kwargs.get("using"))


def m2m_content_starting(sender, instance, action, **kwargs):
    if action.startswith("pre_"):
        change_starting(type(instance), using=kwargs.get("using"))


def m2m_content_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        content_changed(type(instance), using=kwargs.get("using"))


def deployed(sender, **kwargs):
    # Every deploy runs migrate: new templates must not be hidden behind pages cached by the
    # old code, and data migrations send no save signals.
    if sender.label == "newsroom":
        bump_content_version()


def connect_signals():
    """Listen to every model save and delete; ``content_changed`` keeps the public ones."""
    pre_save.connect(change_starting, dispatch_uid="pagecache_pre_save")
    pre_delete.connect(change_starting, dispatch_uid="pagecache_pre_delete")
    m2m_changed.connect(m2m_content_starting, dispatch_uid="pagecache_m2m_starting")
    post_save.connect(content_changed, dispatch_uid="pagecache_post_save")
    post_delete.connect(content_changed, dispatch_uid="pagecache_post_delete")
    m2m_changed.connect(m2m_content_changed, dispatch_uid="pagecache_m2m_changed")
    request_finished.connect(forget_unfinished_changes, dispatch_uid="pagecache_request_finished")
    post_migrate.connect(deployed, dispatch_uid="pagecache_post_migrate")


class RedisSkipped(redis.ConnectionError):
    """Raised instead of trying Redis while the breaker is open (django-redis ignores it)."""


class BreakerConnectionPool(redis.ConnectionPool):
    """A connection pool that, after failing to reach Redis, skips it for a few seconds.

    A page makes a few dozen cache calls; against a hung Redis each one would wait for the
    socket timeout, and the page would take seconds. One failed connection opens the breaker:
    for ``CACHE_RETRY_SECONDS`` every call fails at once (a cache miss), then one is tried again.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.skip_until = 0.0

    def get_connection(self, *args, **kwargs):
        if time.monotonic() < self.skip_until:
            raise RedisSkipped("Redis was unreachable moments ago; not trying again yet")
        try:
            return super().get_connection(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            self.skip_until = time.monotonic() + settings.CACHE_RETRY_SECONDS
            logger.warning(
                "Redis is unreachable: serving without the cache for %s seconds",
                settings.CACHE_RETRY_SECONDS,
            )
            raise
