"""Responsive pictures from the image library: `{% picture %}` and `{% rendition_url %}`.

{% load images %}
{% picture article.hero_image sizes="(min-width: 60rem) 40rem, 100vw" ratio="16x9" %}
<meta property="og:image" content="{% rendition_url article.hero_image ratio='16x9' %}">
"""

import logging

from django import template
from django.conf import settings
from django.utils.html import format_html

from newsroom import images

register = template.Library()
logger = logging.getLogger(__name__)


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.simple_tag
def picture(image, sizes="", ratio=None, loading="", css_class="", alt=None, fetchpriority=None):
    """A <picture> with WebP and JPEG sources at every rendition width, sized to avoid reflow.

    `sizes` is the layout width (100vw if not given); `ratio` one of images.RATIOS for a crop;
    `loading` "lazy" (default) or "eager", which also asks for the image first (fetchpriority);
    `alt` overrides the image's own alt text (pass "" for a purely decorative use).
    """
    if not image or not image.file:
        return ""
    sizes = sizes or "100vw"
    loading = loading or "lazy"
    if fetchpriority is None:
        # An eager image is the one above the fold, usually the page's largest paint.
        fetchpriority = "high" if loading == "eager" else ""
    alt_text = image.alt_text if alt is None else alt
    extra = format_html(
        "{}{}",
        format_html(' fetchpriority="{}"', fetchpriority) if fetchpriority else "",
        format_html(' class="{}"', css_class) if css_class else "",
    )
    try:
        webp, jpeg = images.responsive_set(image, ratio or None)
    except Exception:
        # A missing or unreadable original must not take the page down with it.
        logger.exception("Could not make renditions for image %s", image.pk)
        return format_html(
            '<img src="{}" alt="{}" loading="{}" decoding="async"{}>',
            image.file.url,
            alt_text,
            loading,
            extra,
        )
    fallback = jpeg[min(1, len(jpeg) - 1)]
    largest = jpeg[-1]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" '
        'decoding="async"{}></picture>',
        _srcset(webp),
        sizes,
        fallback.url,
        _srcset(jpeg),
        sizes,
        largest.width,
        largest.height,
        alt_text,
        loading,
        extra,
    )


@register.simple_tag
def rendition_url(image, width=1200, ratio="16x9", fmt="jpeg", absolute=True):
    """The URL of one rendition (JPEG by default: what feeds and social cards read)."""
    if not image or not image.file:
        return ""
    try:
        url = images.get_rendition(image, int(width), ratio=ratio or None, fmt=fmt).url
    except Exception:
        logger.exception("Could not make a rendition for image %s", image.pk)
        url = image.file.url
    if absolute and url.startswith("/"):
        url = settings.SITE_URL + url
    return url
