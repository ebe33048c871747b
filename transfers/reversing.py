"""`cached_reverse()`: reverse() for the URLs every list and feed links to, remembered.

A page of twenty cards reverses sixty-odd URLs (article, club, player, saga) and a feed of fifty
items more than a hundred; each reverse() walks the resolver, a cost that showed in every list
page's profile (docs/performance.md). URLs depend only on the view name, its arguments, the
URLconf and the script prefix, so each answer is remembered for the life of the process, up to
CACHE_SIZE of them, and forgotten when a test swaps the URLconf.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

CACHE_SIZE = 50_000


@functools.lru_cache(maxsize=CACHE_SIZE)
def _reverse(prefix, urlconf, viewname, args):
    return reverse(viewname, urlconf=urlconf, args=args)


def cached_reverse(viewname, *args):
    """reverse(viewname, args=args), remembered per script prefix and URLconf."""
    return _reverse(get_script_prefix(), get_urlconf(), viewname, args)


@receiver(setting_changed)
def forget_on_urlconf_change(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _reverse.cache_clear()
