"""Feed formats for the newsroom's feeds: RSS and Atom with full content and images, and JSON Feed.

All three take the same items from django.contrib.syndication, so one Feed class serves every
format through its feed_type. Items carry three extra keys: content_html (the body),
authors ([{"name", "url"}] in byline order) and image (the hero picture's url, type, size,
dimensions, alt text and credit, or None).
"""

import json
import re
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from django.utils import feedgenerator
from django.utils.feedgenerator import rfc3339_date
from django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0B-\x0C\x0E-\x1F]")


class QuickXMLGenerator(SimplerXMLGenerator):
    """Django's XML writer, with each childless element written in one piece: the same bytes
    in a third of the calls (a fifty-item feed writes about a thousand such elements)."""

    def addQuickElement(self, name, contents=None, attrs=None):
        if not (contents is None or isinstance(contents, str)) or not self._short_empty_elements:
            return super().addQuickElement(name, contents, attrs)
        if contents and CONTROL_CHARACTERS.search(contents):
            # As Django's writer says it: XML 1.0 cannot carry them.
            raise UnserializableContentError("Control characters are not supported in XML 1.0")
        self._finish_pending_start_element()
        attributes = (
            "".join(f" {key}={quoteattr(value)}" for key, value in sorted(attrs.items()))
            if attrs
            else ""
        )
        if contents:
            self._write(f"<{name}{attributes}>{escape(contents)}</{name}>")
        else:
            self._write(f"<{name}{attributes}/>")


def _without_single_author(item):
    """The item as the base classes should see it when we write every byline ourselves."""
    if item.get("authors"):
        return {**item, "author_name": None, "author_email": None, "author_link": None}
    return item


class RssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with content:encoded, one dc:creator per byline and media:content for the image."""

    def write(self, outfile, encoding):
        # Django's own write(), with the quicker writer.
        handler = QuickXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, _without_single_author(item))
        for author in item.get("authors") or ():
            handler.addQuickElement("dc:creator", author["name"])
        # RSS has no "updated"; readers that know Atom pick this up, the rest ignore it.
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        image = item.get("image")
        if image:
            attrs = {"url": image["url"], "medium": "image", "type": image["type"]}
            if image["length"]:
                attrs["fileSize"] = str(image["length"])
            if image["width"] and image["height"]:
                attrs["width"], attrs["height"] = str(image["width"]), str(image["height"])
            handler.startElement("media:content", attrs)
            if image["alt"]:
                handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
            if image["credit"]:
                handler.addQuickElement("media:credit", image["credit"])
            handler.endElement("media:content")


class AtomFeed(feedgenerator.Atom1Feed):
    """Atom 1.0 with the full body as content and one author element per byline."""

    def write(self, outfile, encoding):
        # Django's own write(), with the quicker writer.
        handler = QuickXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, _without_single_author(item))
        for author in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author.get("url"):
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

    content_type = "application/feed+json; charset=utf-8"
    version = "https://jsonfeed.org/version/1.1"

    def as_dict(self):
        feed = {
            "version": self.version,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item_as_dict(item) for item in self.items],
        }
        if self.feed["author_name"]:
            home_page = urljoin(self.feed["link"], "/")
            feed["authors"] = [{"name": self.feed["author_name"], "url": home_page}]
        return {key: value for key, value in feed.items() if value is not None}

    def item_as_dict(self, item):
        entry = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "title": item["title"],
            # 1.1 requires content_html or content_text: an empty body still yields the key.
            "content_html": item.get("content_html") or "",
            # JSON Feed's summary is plain text, unlike RSS's description.
            "summary": item.get("summary_text", item["description"]),
        }
        image = item.get("image")
        if image:
            entry["image"] = image["url"]
        if item["pubdate"] is not None:
            entry["date_published"] = rfc3339_date(item["pubdate"])
        if item["updateddate"] is not None:
            entry["date_modified"] = rfc3339_date(item["updateddate"])
        authors = item.get("authors")
        if authors:
            entry["authors"] = [
                {key: value for key, value in author.items() if value} for author in authors
            ]
        elif item["author_name"]:
            entry["authors"] = [{"name": item["author_name"]}]
        if item["categories"]:
            entry["tags"] = list(item["categories"])
        return entry

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False))
