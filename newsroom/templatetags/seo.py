"""Search and social metadata: title, description, canonical URL, Open Graph and JSON-LD."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom import images

register = template.Library()

DEFAULT_DESCRIPTION = "Transfer news, rumours and the transfer tracker from Transfer Desk."
DEFAULT_SHARE_IMAGE = ("img/share.png", 1200, 630)
LOGO = ("img/logo.png", 600, 60)

# The characters that could close the <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(url):
    """An absolute URL for metadata: crawlers and social cards do not resolve relative ones."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"


def image_fields(image):
    """(absolute URL, width, height) of an Image's 16x9 social JPEG, or of the default picture."""
    if image is not None and image.file:
        try:
            rendition = images.social_rendition(image)
        except (OSError, ValueError):  # a missing or unreadable original: share the default
            pass
        else:
            return absolute(rendition.url), rendition.width, rendition.height
    path, width, height = DEFAULT_SHARE_IMAGE
    return absolute(static(path)), width, height


def image_objects(image):
    """NewsArticle's images: 16x9, 4x3 and 1x1 crops around the focal point, as Google asks."""
    if image is not None and image.file:
        try:
            renditions = images.structured_data_renditions(image)
        except (OSError, ValueError):
            renditions = []
        if renditions:
            return [
                {
                    "@type": "ImageObject",
                    "url": absolute(r.url),
                    "width": r.width,
                    "height": r.height,
                }
                for r in renditions
            ]
    url, width, height = image_fields(None)
    return [{"@type": "ImageObject", "url": url, "width": width, "height": height}]


def canonical_url(context):
    """The page's own URL: its path, plus the page number beyond the first page of a list."""
    request = context.get("request")
    path = request.path if request is not None else "/"
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number is None:
        # A page of the archive found by position (transfers.pagination).
        path = f"{path}?{page_obj.query}"
    elif page_obj is not None and page_obj.number > 1:
        path = f"{path}?page={page_obj.number}"
    return absolute(path)


@register.simple_tag(takes_context=True)
def canonical(context):
    return canonical_url(context)


@register.simple_tag(takes_context=True)
def page_meta(
    context, title="", description="", image=None, kind="website", canonical="", noindex=False
):
    """Every tag a search engine or a social network reads, built from one set of values."""
    site_name = settings.SITE_NAME
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number is None:
        title = f"{title or 'Latest transfer news'}: {page_obj.title_part}"
    elif page_obj is not None and page_obj.number > 1:
        title = f"{title or 'Latest transfer news'}: page {page_obj.number}"
    full_title = f"{title} | {site_name}" if title else f"{site_name}: football transfer news"
    description = " ".join(str(description or DEFAULT_DESCRIPTION).split())
    url = absolute(canonical) if canonical else canonical_url(context)
    image_url, width, height = image_fields(image)
    alt = image.alt_text if image is not None and image.file else site_name
    properties = [
        ("og:site_name", site_name),
        ("og:type", kind),
        ("og:title", title or full_title),
        ("og:description", description),
        ("og:url", url),
        ("og:image", image_url),
        ("og:image:width", width),
        ("og:image:height", height),
        ("og:image:alt", alt),
        ("og:locale", "en_GB"),
    ]
    names = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", title or full_title),
        ("twitter:description", description),
        ("twitter:image", image_url),
        ("twitter:image:alt", alt),
    ]
    if noindex:
        names.append(("robots", "noindex"))
    return format_html(
        '<title>{}</title>\n<meta name="description" content="{}">\n'
        '<link rel="canonical" href="{}">\n{}\n{}',
        full_title,
        description,
        url,
        format_html_join("\n", '<meta property="{}" content="{}">', properties),
        format_html_join("\n", '<meta name="{}" content="{}">', names),
    )


def json_ld(data):
    """Structured data in a <script type="application/ld+json">: data, not script, for CSP."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # escaped for the script element above
    )


def publisher():
    path, width, height = LOGO
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static(path)),
            "width": width,
            "height": height,
        },
    }


@register.simple_tag
def article_json_ld(article):
    """NewsArticle for Google: one author object per byline name, each with a URL."""
    if article.published_at is None:  # an unscheduled draft in preview has no dates to give
        return ""
    url = absolute(article.get_absolute_url())
    modified = article.significant_update_at or article.published_at
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.headline[:110],
            "description": article.seo_description or article.standfirst,
            "image": image_objects(article.hero_image),
            "datePublished": article.published_at.isoformat(),
            "dateModified": max(modified, article.published_at).isoformat(),
            "author": [
                {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
                for author in article.byline
            ],
            "publisher": publisher(),
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
        }
    )


@register.simple_tag
def breadcrumbs_json_ld(crumbs):
    """BreadcrumbList from the same (name, URL) pairs the visible breadcrumb trail shows."""
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": number, "name": name, "item": absolute(url)}
                for number, (name, url) in enumerate(crumbs, start=1)
            ],
        }
    )
