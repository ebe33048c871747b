"""Login lockout glue for django-axes: the client's real address, and the backend guard.

Behind a proxy every request comes from the proxy's address, and locking that out would lock
out everyone. ``TRUSTED_PROXY_COUNT`` says how many proxies append to ``X-Forwarded-For``; the
client is the address the outermost trusted proxy saw. Anything further left is written by the
client and cannot be trusted.
"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.cache import patch_cache_control


def client_ip(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check, for logins that come with a request (every login form does).

    Code that authenticates without a request (the test client's ``login()``, scripts) has no
    address to lock out; axes would raise there, so it is simply not checked.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login sees: what happened, for how long, and what to do."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed login attempts",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    response = render(request, "admin/lockout.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    patch_cache_control(response, private=True, no_store=True)
    return response
