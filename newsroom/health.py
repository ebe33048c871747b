"""``/healthz`` for load balancers and monitors: does the app reach its database and its cache?"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers(alias):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: database %r does not answer", alias, exc_info=True)
        return False


def cache_answers():
    # A round trip, not a ping: with IGNORE_EXCEPTIONS a dead Redis reads as an empty cache.
    token = uuid.uuid4().hex
    try:
        cache = caches[settings.PAGE_CACHE_ALIAS]
        cache.set("healthz", token, 10)
        if cache.get("healthz") == token:
            return True
    except Exception:
        pass
    logger.warning("Health check: the cache does not answer")
    return False


@require_safe
@never_cache
def healthz(request):
    checks = {"database": database_answers("default")}
    if "replica" in settings.DATABASES:
        checks["replica"] = database_answers("replica")
    checks["cache"] = cache_answers()
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error"}
    body.update({part: "ok" if fine else "error" for part, fine in checks.items()})
    response = JsonResponse(body, status=200 if healthy else 503)
    # The failing part was logged above as a warning; Django would add an error for the 503.
    response._has_been_logged = True
    return response
