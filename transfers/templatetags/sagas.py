"""Template helpers for transfer sagas: the likelihood bar and structured data."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Characters that could end the <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/likelihood_bar.html")
def likelihood_bar(link, detailed=False):
    """The live score as a <meter> with its number and sentence in text, so it reads without
    JavaScript or colour. Give it links fetched with `with_likelihood()`: no query per bar."""
    return {"link": link, "likelihood": link.current_likelihood, "detailed": detailed}


@register.simple_tag
def json_ld(data):
    """Structured data in <script type="application/ld+json">: data, not script, for CSP."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # escaped for the script element above
    )
