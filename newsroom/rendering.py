"""The article body as readers see it: the stored HTML, any transforms, and the inline READ MORE.

The body is HTML that editors saved and that was sanitised on save, so it is marked safe here
and nowhere else; templates call `render_body()` rather than using `|safe`.
"""

import re
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from newsroom import linking

# Functions `(html, article) -> html` applied in order before READ MORE is placed, e.g. linking
# the first mention of a club or player. Register with BODY_TRANSFORMS.append(func).
BODY_TRANSFORMS = [linking.link_article_mentions]

READ_MORE_AFTER_PARAGRAPH = 2
NEWLINE = re.compile("\n")

VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


class _TopLevelParagraphEnds(HTMLParser):
    """Finds where each top-level </p> ends, so nothing is inserted inside a quote or a list."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0, *(newline.end() for newline in NEWLINE.finditer(html))]
        self.depth = 0
        self.ends = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        self.depth -= 1
        if tag == "p" and self.depth == 0:
            line, column = self.getpos()
            start = self.line_starts[line - 1] + column
            self.ends.append(self.html.index(">", start) + 1)


def paragraph_end(html, number):
    """The offset just after the `number`th top-level paragraph, or None if there is none."""
    finder = _TopLevelParagraphEnds(html)
    finder.feed(html)
    finder.close()
    if len(finder.ends) >= number:
        return finder.ends[number - 1]
    return None


def render_body(article, read_more=()):
    """The body HTML with READ MORE links after the second paragraph (when it has one)."""
    html = article.body
    for transform in BODY_TRANSFORMS:
        html = transform(html, article)
    # A piece the editor already links to in the copy is not offered again inline.
    pieces = [piece for piece in read_more if f'href="{piece.get_absolute_url()}"' not in html]
    if pieces:
        cut = paragraph_end(html, READ_MORE_AFTER_PARAGRAPH)
        if cut is not None:
            links = render_to_string("includes/read_more_inline.html", {"pieces": pieces})
            html = html[:cut] + links + html[cut:]
    return mark_safe(html)  # sanitised when saved: see the module docstring
