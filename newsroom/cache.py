"""The page cache's bookkeeping: a site-wide content version, and when the next piece goes live.

Every cached page is stored under the current content version, and saving or deleting any
public object sets a new one, so the next request renders afresh and old entries simply age
out. A scheduled piece goes live without any signal, so no entry may outlive the next
scheduled ``published_at``: ``expiry()`` caps each entry's lifetime at that moment.

The cache is an optimisation, never a dependency: every call here swallows and logs cache
errors, and callers treat a missing version as "serve without the cache". With Redis,
``BreakerConnectionPool`` stops a dead or hung server from costing every cache call a timeout.
"""

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
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

# Bump the number when what is stored changes shape: during a rolling deploy, old and new
# code share the cache and must not read each other's entries.
KEY_PREFIX = "pagecache:3:"
VERSION_KEY = f"{KEY_PREFIX}version"
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
            page_cache().add(VERSION_KEY, new_version(), None)
        except Exception:
            logger.warning("Page cache unavailable: could not create a version", exc_info=True)
            return None
        version = safe_get(VERSION_KEY)
    return version


def bump_content_version():
    """Make every cached page stale: call after any change a reader could see."""
    safe_set(VERSION_KEY, new_version(), None)


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


def content_changed(sender, **kwargs):
    """Signal receiver: bump the version for any change to a public model."""
    if sender._meta.app_label not in PUBLIC_APPS or sender._meta.label_lower in PRIVATE_MODELS:
        return
    bump_content_version()
    # Bump again after the commit: a reader that fetched the new version before the commit
    # could have cached the old rows under it.
    if transaction.get_connection(kwargs.get("using") or "default").in_atomic_block:
        transaction.on_commit(bump_content_version, using=kwargs.get("using"))


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
    post_save.connect(content_changed, dispatch_uid="pagecache_post_save")
    post_delete.connect(content_changed, dispatch_uid="pagecache_post_delete")
    m2m_changed.connect(m2m_content_changed, dispatch_uid="pagecache_m2m_changed")
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
