"""Small presentation helpers for the reader site: club colours, initials and times."""

from django import template
from django.utils import timezone

from newsroom.rendering import render_body

register = template.Library()


def _luminance(hex_colour):
    """WCAG relative luminance of a #rrggbb colour."""
    channels = []
    for start in (1, 3, 5):
        value = int(hex_colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _is_dark(hex_colour):
    try:
        luminance = _luminance(hex_colour)
    except (TypeError, ValueError, IndexError):
        return True
    # White text needs 4.5:1; (1.05) / (L + 0.05) >= 4.5 means L <= 0.1833.
    return luminance <= 0.1833


@register.filter
def text_on(hex_colour):
    """The text colour that reads on a club's brand colour: white or near-black."""
    return "#ffffff" if _is_dark(hex_colour) else "#111111"


@register.filter
def tone(hex_colour):
    """'dark' or 'light', for a CSS class that sets readable text over the brand colour."""
    return "dark" if _is_dark(hex_colour) else "light"


@register.filter
def initials(name):
    """'Real Madrid' → 'RM', 'Liverpool' → 'LIV': a stand-in for a missing crest."""
    words = [word for word in str(name).split() if word[:1].isalnum()]
    if len(words) >= 2:
        return "".join(word[0] for word in words[:3]).upper()
    return str(name)[:3].upper()


@register.simple_tag
def article_body(article, read_more=()):
    """The body through newsroom.rendering: the one place stored HTML is marked safe."""
    return render_body(article, read_more)


# English month abbreviations, as Django's "M" date format gives them; the site is in English.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _local(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


# Cards and link rows print two times each, twenty to a page. These give what
# |date:"Y-m-d\TH:i:sO", |date:"j M Y, H:i" and |date:"j M Y" give, at a tenth of the cost of
# the general date filter (docs/performance.md).


@register.filter
def machine_time(value):
    """'2026-11-24T18:05:00+0000', for a <time datetime> or a meta tag."""
    return _local(value).strftime("%Y-%m-%dT%H:%M:%S%z") if value else ""


@register.filter
def short_date(value):
    """'24 Nov 2026'."""
    if not value:
        return ""
    local = _local(value)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"


@register.filter
def short_time(value):
    """'24 Nov 2026, 18:05'."""
    return f"{short_date(value)}, {_local(value):%H:%M}" if value else ""
