"""Request ids, database routing, the anonymous page cache, and HTTP cache and security headers.

Public pages are the same for every anonymous reader, so they are cached whole, keyed by the
content version (see ``newsroom.cache``) and the full URL. Anything personal (the admin,
previews, a request carrying a session cookie, any form post) bypasses the cache entirely and
is marked ``private, no-store``. A page never reads the session to decide: it looks only for
the session cookie, so public pages carry no ``Vary: Cookie``.
"""

import base64
import hashlib
import re
import time
import uuid

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag

from newsroom import cache
from newsroom.logging import request_id
from newsroom.routers import use_primary

SAFE_METHODS = {"GET", "HEAD"}
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,128}")
IMPORTMAP_PATTERN = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)
STYLE_PATTERN = re.compile(rb"<style[^>]*>(.*?)</style>", re.DOTALL)
# Headers that belong to one response, never to a copy replayed from the cache.
UNCACHED_HEADERS = {"set-cookie", "x-request-id", "date"}


def admin_prefix():
    return "/" + settings.ADMIN_URL.lstrip("/")


def is_admin(request):
    return request.path_info.startswith(admin_prefix())


def has_session_cookie(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_personal(request):
    """Requests that must see fresh, unshared data: never cached, read from the primary."""
    return (
        request.method not in SAFE_METHODS
        or is_admin(request)
        or has_session_cookie(request)
        or "HTTP_AUTHORIZATION" in request.META
    )


def is_excluded(request):
    return any(
        re.search(pattern, request.get_full_path()) for pattern in settings.PAGE_CACHE_EXCLUDE
    )


class RequestIdMiddleware:
    """Tag the request (and every log line it causes) with an id, echoed in ``X-Request-ID``.

    An id from the load balancer is kept when it looks sane, so one id spans the whole path.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        value = incoming if REQUEST_ID_PATTERN.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = value
        token = request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = value
        return response


class HeadResponseMiddleware:
    """Answer HEAD with the GET's headers and no body, as HTTP says (gunicorn warns otherwise).

    Sits outside CommonMiddleware, so ``Content-Length`` still gives the GET's length.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            response.content = b""
        return response


class PrimaryDatabaseMiddleware:
    """Read from the primary whenever the replica could be behind what this request needs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = use_primary.set(is_personal(request))
        try:
            return self.get_response(request)
        finally:
            use_primary.reset(token)


class PageCacheMiddleware:
    """Serve anonymous readers' pages from the shared cache, and set ``Cache-Control``.

    Only a plain 200 that sets no cookie and does not forbid caching is stored. A cache that
    cannot be reached turns into "no cache": the page is rendered from the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.recent = cache.RecentPages(settings.PAGE_CACHE_LOCAL_BYTES)
        self.lease = cache.VersionLease()

    def __call__(self, request):
        if is_personal(request) or is_excluded(request):
            return self.mark_private(self.get_response(request))
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.mark(self.get_response(request), settings.PAGE_MAX_AGE)
        key = self.key(request)
        held = self.recent.get(key)
        now = time.monotonic()
        version = self.lease.get(now)
        # One round trip at most: for the version, while this process holds no lease on it,
        # and for the page, unless this process holds a copy. A page's key does not name the
        # version, its entry does, and an entry stored under another version is a miss.
        asked = (cache.LEASE_KEYS if version is None else []) + ([] if held else [key])
        found = cache.safe_get_many(asked) if asked else {}
        if version is None:
            if cache.in_flight(found):
                # A change is on its way to its commit: neither serve nor store a copy.
                return self.mark(self.get_response(request), settings.PAGE_MAX_AGE)
            version = found.get(cache.VERSION_KEY)
            if version is not None and not found.get(cache.NO_LEASE_KEY):
                self.lease.grant(version, now)
            version = version or cache.current_version()
            if version is None:
                return self.mark(self.get_response(request), settings.PAGE_MAX_AGE)
        if settings.REPLICA_LAG_SECONDS:
            age = cache.version_age(version)
            if age is not None and age < settings.REPLICA_LAG_SECONDS:
                # Just changed: a replica may not have the change yet, and whatever is rendered
                # now is cached for everyone.
                use_primary.set(True)
        entry = found.get(key)
        if held is not None:
            # The copy is out of date once the version moves on: another worker may already
            # have stored the page for the new one.
            entry = held if held["version"] == version else cache.safe_get(key)
        cached = self.from_entry(entry, version)
        if cached is not None:
            if entry is not held:
                self.recent.put(key, entry)
            return cached
        response = self.get_response(request)
        if not self.is_storable(response):
            return self.mark(response, settings.PAGE_MAX_AGE)
        # Stored with the page, so the conditional GET outside need not hash it on every hit.
        if not response.has_header("ETag"):
            set_response_etag(response)
        expires = cache.expiry(version)
        timeout = cache.timeout_until(expires)
        if timeout:
            entry = {
                "status": response.status_code,
                "content": response.content,
                "headers": [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in UNCACHED_HEADERS
                ],
                "created": time.time(),
                "expires": expires,
                "version": version,
            }
            cache.safe_set(key, entry, timeout)
            self.recent.put(key, entry)
        response["X-Page-Cache"] = "miss"
        return self.mark_public(response, timeout)

    def from_entry(self, entry, version):
        """The cached response, or None when there is none valid now and for this version."""
        try:
            if entry["version"] != version:
                return None
            if not entry["created"] <= time.time() < entry["expires"]:
                return None
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
        except (KeyError, TypeError, ValueError):
            return None  # Nothing cached, or an entry in a shape this code does not know.
        response["X-Page-Cache"] = "hit"
        return self.mark_public(response, cache.timeout_until(entry["expires"]))

    @staticmethod
    def key(request):
        url = request.build_absolute_uri()
        digest = hashlib.sha256(url.encode()).hexdigest()
        return f"{cache.KEY_PREFIX}page:{digest}"

    @staticmethod
    def is_storable(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        directives = response.get("Cache-Control", "").lower()
        return not any(word in directives for word in ("private", "no-store", "no-cache"))

    def mark(self, response, max_age):
        if response.cookies:
            # A response that sets a cookie is someone's own, whatever the request looked like.
            return self.mark_private(response)
        return self.mark_public(response, max_age)

    @staticmethod
    def mark_public(response, max_age):
        """A short public lifetime for a CDN, unless the view chose its own."""
        if response.has_header("Cache-Control"):
            return response
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=min(settings.PAGE_MAX_AGE, max_age))
        elif response.status_code >= 500:
            patch_cache_control(response, no_store=True)
        else:
            # A 404 may be a piece about to go live, a redirect an old slug: check each time.
            patch_cache_control(response, no_cache=True)
        return response

    @staticmethod
    def mark_private(response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response, and the admin's own inline code let through CSP.

    The admin renders an inline ``<script type="importmap">`` for the body editor and, on some
    lists, an inline ``<style>``; the editor also injects a fixed ``<style>`` from its script.
    The admin is never cached, so each response allows exactly its own inline blocks by hash
    (plus ``ADMIN_CSP_STYLE_HASHES`` for the injected one), rather than ``'unsafe-inline'``.
    Must sit inside ``csp.middleware.CSPMiddleware``, which reads ``_csp_update``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        if (
            is_admin(request)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            self.allow_inline_blocks(response)
        return response

    @staticmethod
    def allow_inline_blocks(response):
        scripts = [sha256_source(body) for body in IMPORTMAP_PATTERN.findall(response.content)]
        styles = [sha256_source(body) for body in STYLE_PATTERN.findall(response.content)]
        styles += settings.ADMIN_CSP_STYLE_HASHES
        update = dict(getattr(response, "_csp_update", None) or {})
        if scripts:
            update["script-src"] = [*update.get("script-src", []), *scripts]
        if styles:
            update["style-src"] = [*update.get("style-src", []), *styles]
        response._csp_update = update


def sha256_source(body):
    return f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
