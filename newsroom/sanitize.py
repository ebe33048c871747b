"""The one allow-list for article HTML: what the body editor can produce, and nothing else.

Every save runs the body through `sanitize_html`, so what is stored is already safe to render;
pasted markup, old imports and hand-written HTML all end up in the same small vocabulary.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "br",
}
# The "READ MORE" line is a paragraph with this one class; no other class survives.
READ_MORE_CLASS = "read-more"
# "*" is set empty on purpose: otherwise nh3 lets lang and title through on every tag.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "p": {"class"}, "*": set()}
URL_SCHEMES = {"http", "https", "mailto"}


_URL_WHITESPACE = str.maketrans("", "", "\t\n\r")


def _site_relative_only(url):
    """Keep links within the site ("/news/...", "#section"); drop "//host" and "\\\\host" tricks."""
    # Browsers delete tabs and newlines inside URLs, so "/\t/host" would become "//host".
    url = url.translate(_URL_WHITESPACE).strip()
    if url.startswith("#"):
        return url
    if url.startswith("/") and not url.startswith(("//", "/\\")):
        return url
    return None


def _filter_attribute(tag, attribute, value):
    if attribute == "class":
        return READ_MORE_CLASS if READ_MORE_CLASS in value.split() else None
    # The editor's link dialog leaves title="" when the field is left blank.
    return value if value.strip() else None


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    # Script and style bodies are dropped with their tags rather than left behind as text.
    clean_content_tags={"script", "style", "template", "noscript", "textarea", "title"},
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=URL_SCHEMES,
    url_relative=_site_relative_only,
    link_rel="noopener",
    strip_comments=True,
)


def sanitize_html(html):
    """Return `html` reduced to the allow-list; empty or whitespace-only markup becomes ""."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    if not nh3.clean(cleaned, tags=set()).strip():
        # The editor always submits at least "<p></p>": an empty body should stay empty.
        return ""
    return cleaned
