"""Article HTML is sanitised on every save: no XSS vector survives into the page or the feeds.

Every vector in tests/xss_vectors.txt goes through the real admin add and change forms as a
logged-in superuser, and the public page and the RSS, Atom and JSON feeds are then inspected.
"""

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Article
from newsroom.sanitize import sanitize_html

pytestmark = pytest.mark.django_db

PLACEHOLDERS = {"{NL}": "\n", "{TAB}": "\t", "{CR}": "\r", "{NUL}": "\0"}


def load_vectors():
    vectors = []
    for line in (Path(__file__).parent / "xss_vectors.txt").read_text().splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        for placeholder, char in PLACEHOLDERS.items():
            line = line.replace(placeholder, char)
        vectors.append(line)
    return vectors


VECTORS = load_vectors()

DANGEROUS_TAGS = {
    "script", "svg", "math", "style", "iframe", "frame", "frameset", "object", "embed",
    "base", "form", "template", "noscript", "xmp", "plaintext", "img", "input", "textarea",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "to",
}  # fmt: skip
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "livescript:")
RAW_MARKERS = ("<script", "<svg", "<math", "<style", "<iframe", "<object", "<embed")


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = Counter()

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.found[f"<{tag}>"] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.found[f"{tag}[{name}]"] += 1
            if name in ("style", "srcdoc", "formaction"):
                self.found[f"{tag}[{name}]"] += 1
            if name in URL_ATTRIBUTES and value:
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squeezed.startswith(BAD_SCHEMES):
                    self.found[f"{tag}[{name}={squeezed.split(':')[0]}:]"] += 1

    handle_startendtag = handle_starttag


def dangers(html):
    """What in `html` could run script or restyle the page: tags, handlers, URLs, raw markers."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    lowered = html.lower()
    for marker in RAW_MARKERS:
        if count := lowered.count(marker):
            inspector.found[f"raw {marker}"] += count
    return inspector.found


class _FormScraper(HTMLParser):
    """The values a browser would submit from the admin's change form, as rendered."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self.in_form = False
        self.textarea = None
        self.select = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        if not self.in_form or attrs.get("disabled") is not None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self.textarea:
                # A browser drops the newline that follows <textarea>.
                self.data[self.textarea][-1] = self.data[self.textarea][-1].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


_scraped = {}


def submit_admin_form(client, url, *, reuse=False, **changes):
    """Post the admin form at `url` as a browser would, with `changes` typed in.

    Returns True if it saved, False if the form refused the input with an error on the body.
    `reuse` keeps the blank add form's fields between tests: it is the same for every vector.
    """
    if not (reuse and url in _scraped):
        page = client.get(url)
        assert page.status_code == 200
        scraper = _FormScraper()
        scraper.feed(page.content.decode())
        _scraped[url] = scraper.data
    data = {**_scraped[url], **{name: [value] for name, value in changes.items()}}
    response = client.post(url, data)
    if response.status_code == 200:
        # Refusing the input is fine too (Django forbids NUL characters, for one), but only as
        # an error on the body, not as some other failure of the form.
        assert set(response.context["adminform"].form.errors) == {"body"}
        return False
    assert response.status_code == 302, response.content.decode()[:3000]
    return True


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return client


def publish(article):
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now()
    )


def public_page(article):
    """The page as an anonymous reader gets it (a fresh client: the editor stays logged in)."""
    cache.clear()
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def feed_texts():
    """Every piece of text in the latest RSS, Atom and JSON feeds, unescaped as a reader would."""
    cache.clear()
    client = Client()
    texts = []
    for name in ("newsroom:latest_feed", "newsroom:latest_feed_atom"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        root = ElementTree.fromstring(response.content)
        texts += [element.text for element in root.iter() if element.text]
        texts += [value for element in root.iter() for value in element.attrib.values()]
    response = client.get(reverse("newsroom:latest_feed_json"))
    assert response.status_code == 200

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)
        elif isinstance(value, str):
            yield value

    texts += list(walk(json.loads(response.content)))
    return texts


@pytest.fixture
def baseline(make_article):
    """The dangers a harmless article page has anyway (the site's own head and scripts)."""
    article = make_article(body="<p>A harmless paragraph.</p>")
    return dangers(public_page(article))


@pytest.mark.parametrize(
    "html",
    [
        "<script>x</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<p style="color:red">x</p>',
        "<svg></svg>",
        "<math></math>",
        "<iframe></iframe>",
        "<style></style>",
    ],
)
def test_the_inspector_sees_what_it_looks_for(html):
    assert dangers(html)


def test_the_corpus_has_at_least_a_hundred_vectors():
    assert len(VECTORS) >= 100
    assert len(set(VECTORS)) == len(VECTORS)


@pytest.mark.parametrize("vector", VECTORS, ids=[f"v{n:03d}" for n in range(len(VECTORS))])
def test_no_vector_survives_the_admin_into_the_page_or_the_feeds(
    editor_client, baseline, make_article, vector
):
    # Add form: a new piece with the vector as its body.
    pieces = []
    if submit_admin_form(
        editor_client,
        reverse("admin:newsroom_article_add"),
        reuse=True,
        headline="Vector test",
        slug="vector-test",
        body=f"<p>Before.</p>{vector}<p>After.</p>",
    ):
        pieces.append(Article.objects.get(slug="vector-test"))
    else:
        assert not Article.objects.filter(slug="vector-test").exists()
    # Change form: an existing piece whose body is replaced by the vector.
    existing = make_article(
        headline="Existing piece", body="<p>Clean.</p>", status=Article.Status.DRAFT
    )
    url = reverse("admin:newsroom_article_change", args=[existing.pk])
    submit_admin_form(editor_client, url, body=vector)
    existing.refresh_from_db()
    pieces.append(existing)

    for article in pieces:
        assert not dangers(article.body), article.body
        publish(article)
        page = public_page(article)
        assert dangers(page) == baseline, article.body
    texts = feed_texts()
    if len(pieces) == 2:
        assert any("Before." in text for text in texts)  # the feeds carry the bodies
    for text in texts:
        assert not dangers(text), text


def test_the_allowed_vocabulary_survives_intact():
    html = (
        "<h2>Will Real Madrid sell?</h2><h3>The fee</h3>"
        "<p>Plain, <strong>strong</strong>, <b>bold</b>, <em>em</em>, <i>italic</i>.<br>Line.</p>"
        '<ul><li>One</li></ul><ol><li>Two</li></ol><blockquote><p>"Quote"</p></blockquote>'
        '<p class="read-more">READ MORE: <a href="/news/salah/" title="Salah">Salah latest</a></p>'
        '<p><a href="https://example.com/a?b=1&amp;c=2">out</a> '
        '<a href="mailto:desk@example.com">mail</a> <a href="#table">down</a></p>'
    )
    cleaned = sanitize_html(html)

    assert '<p class="read-more">READ MORE: <a href="/news/salah/" title="Salah"' in cleaned
    assert '<a href="https://example.com/a?b=1&amp;c=2" rel="noopener">out</a>' in cleaned
    assert '<a href="mailto:desk@example.com" rel="noopener">mail</a>' in cleaned
    assert '<a href="#table" rel="noopener">down</a>' in cleaned
    for tag in ("h2", "h3", "strong", "b", "em", "i", "br", "ul", "ol", "li", "blockquote"):
        assert f"<{tag}>" in cleaned
    assert sanitize_html(cleaned) == cleaned


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p class="read-more highlight">x</p>', '<p class="read-more">x</p>'),
        ('<p class="highlight" lang="fr" title="t">x</p>', "<p>x</p>"),
        ('<a href="/x/" rel="opener" target="_blank">x</a>', '<a href="/x/" rel="noopener">x</a>'),
        ('<a href="//evil.example/">x</a>', '<a rel="noopener">x</a>'),
        ('<a href="/x/" title="">x</a>', '<a href="/x/" rel="noopener">x</a>'),
        ('<a href="ftp://files.example/">x</a>', '<a rel="noopener">x</a>'),
        ("<h1>Big</h1><h4>Small</h4>", "BigSmall"),
        ("<p></p>", ""),
        ("<p> <br> </p>", ""),
        (None, ""),
    ],
)  # fmt: skip
def test_sanitiser_keeps_only_the_allow_list(html, expected):
    assert sanitize_html(html) == expected


def test_every_save_sanitises_even_outside_the_admin(make_article):
    article = make_article(body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"
