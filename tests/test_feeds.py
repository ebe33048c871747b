"""Feeds as a subscriber's reader sees them: parsed with feedparser, or as JSON Feed 1.1."""

import datetime
import json
from io import StringIO
from urllib.parse import urlsplit

import feedparser
import pytest
import time_machine
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError

from newsroom.feedgenerators import QuickXMLGenerator
from newsroom.images import social_rendition
from newsroom.models import Article

pytestmark = pytest.mark.django_db

KINDS = ["latest", "club", "player", "author", "tag", "competition"]
XML_FORMATS = {"rss": "", "atom": "_atom"}


@pytest.fixture
def subjects(make_club, make_player, make_author, make_tag):
    """One of everything a reader can follow; the club is in the competition."""
    club = make_club(name="Liverpool", slug="liverpool")
    return {
        "latest": None,
        "club": club,
        "competition": club.competition,
        "player": make_player(full_name="Aurélien Tchouaméni", slug="aurelien-tchouameni"),
        "author": make_author(name="Sam Reporter", slug="sam-reporter"),
        "tag": make_tag(name="Deadline day", slug="deadline-day"),
    }


@pytest.fixture
def make_story(make_article, subjects, make_author):
    """A published piece about every subject, by the subjects' author and one more writer."""

    def make(**kwargs):
        kwargs.setdefault("authors", [subjects["author"], make_author(name="Alex Second")])
        return make_article(
            primary_club=subjects["club"],
            players=[subjects["player"]],
            tags=[subjects["tag"]],
            **kwargs,
        )

    return make


def feed_url(kind, subjects, suffix=""):
    obj = subjects[kind]
    kwargs = {"slug": obj.slug} if obj is not None else None
    return reverse(f"newsroom:{kind}_feed{suffix}", kwargs=kwargs)


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def json_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/feed+json")
    return json.loads(response.content)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_every_xml_feed_parses_cleanly_newest_first_with_absolute_links_that_resolve(
    client, subjects, make_story, kind, fmt
):
    older = make_story(published_at=timezone.now() - datetime.timedelta(hours=3))
    newer = make_story(published_at=timezone.now() - datetime.timedelta(hours=1))

    parsed = parse(client, feed_url(kind, subjects, XML_FORMATS[fmt]))

    assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
    assert [entry.title for entry in parsed.entries] == [newer.headline, older.headline]
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/")
        assert client.get(urlsplit(entry.link).path).status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_every_json_feed_has_the_fields_json_feed_1_1_requires(client, subjects, make_story, kind):
    older = make_story(published_at=timezone.now() - datetime.timedelta(hours=3))
    newer = make_story(published_at=timezone.now() - datetime.timedelta(hours=1))

    feed = json_feed(client, feed_url(kind, subjects, "_json"))

    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert feed["home_page_url"].startswith("http://testserver/")
    assert feed["feed_url"] == "http://testserver" + feed_url(kind, subjects, "_json")
    assert [item["title"] for item in feed["items"]] == [newer.headline, older.headline]
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert "content_html" in item or "content_text" in item
        assert item["url"].startswith("http://testserver/")
        assert client.get(urlsplit(item["url"]).path).status_code == 200
        datetime.datetime.fromisoformat(item["date_published"])
        datetime.datetime.fromisoformat(item["date_modified"])
        assert [author["name"] for author in item["authors"]] == ["Sam Reporter", "Alex Second"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", ["", "_atom", "_json"])
def test_an_empty_feed_is_a_valid_feed(client, subjects, kind, suffix):
    response = client.get(feed_url(kind, subjects, suffix))

    assert response.status_code == 200
    if suffix == "_json":
        assert json.loads(response.content)["items"] == []
    else:
        parsed = feedparser.parse(response.content)
        assert parsed.bozo == 0
        assert parsed.entries == []


@pytest.mark.parametrize("prefix", ["clubs", "players", "authors", "tags", "competitions"], ids=str)
@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/", "feed/json/"])
def test_a_feed_for_an_unknown_slug_answers_404(client, prefix, suffix):
    assert client.get(f"/{prefix}/no-such-thing/{suffix}").status_code == 404


def test_rss_items_carry_byline_categories_summary_body_and_image(
    client, subjects, make_story, make_image
):
    image = make_image(alt_text="Tchouaméni in training", credit="Agency")
    make_story(
        headline="Liverpool & Madrid agree “£100m” fee",
        standfirst="The Reds move for a midfielder.",
        body='<p>Full story with a <a href="/clubs/liverpool/">link</a>.</p>',
        hero_image=image,
    )

    entry = parse(client, feed_url("latest", subjects)).entries[0]

    assert entry.title == "Liverpool & Madrid agree “£100m” fee"
    assert entry.summary == "The Reds move for a midfielder."
    assert "Full story" in entry.content[0].value
    assert 'href="http://testserver/clubs/liverpool/"' in entry.content[0].value
    assert [author["name"] for author in entry.authors] == ["Sam Reporter", "Alex Second"]
    terms = {tag.term for tag in entry.tags}
    assert {"Liverpool", "Aurélien Tchouaméni", "Deadline day"} <= terms
    enclosure = entry.enclosures[0]
    # A 16x9 JPEG rendition of the hero image, which every feed reader can show.
    rendition = social_rendition(image)
    assert enclosure.href == "http://testserver" + rendition.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == default_storage.size(rendition.name) > 0
    media = entry.media_content[0]
    assert media["url"] == enclosure.href
    assert media["medium"] == "image"
    assert media["filesize"] == enclosure.length
    assert entry.published_parsed and entry.updated_parsed


def test_categories_are_clubs_then_players_then_tags_each_name_once(
    client, make_article, make_club, make_player, make_tag
):
    everton, arsenal = make_club(name="Everton"), make_club(name="Arsenal")
    # Players in the order their pages list them: by the name they are known by.
    zed = make_player(full_name="Zed Player", known_as="Zed")
    abe = make_player(full_name="Abe Other", known_as="Abe")
    make_article(
        primary_club=everton,
        clubs=[arsenal],
        players=[zed, abe],
        # A tag named like a club is listed once, where the club is.
        tags=[make_tag(name="Window"), make_tag(name="Arsenal")],
    )

    entry = parse(client, reverse("newsroom:latest_feed")).entries[0]
    item = client.get(reverse("newsroom:latest_feed_json")).json()["items"][0]

    expected = ["Arsenal", "Everton", "Abe Other", "Zed Player", "Window"]
    assert [tag.term for tag in entry.tags] == expected
    assert item["tags"] == expected


def test_atom_entries_carry_every_author_the_body_and_the_image_as_enclosure(
    client, subjects, make_story, make_image
):
    image = make_image()
    make_story(body="<p>Atom body.</p>", hero_image=image)

    entry = parse(client, feed_url("club", subjects, "_atom")).entries[0]

    assert [author["name"] for author in entry.authors] == ["Sam Reporter", "Alex Second"]
    assert entry.authors[0]["href"] == "http://testserver/authors/sam-reporter/"
    assert entry.content[0].value == "<p>Atom body.</p>"
    enclosures = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosures[0].href == "http://testserver" + social_rendition(image).url
    assert enclosures[0].type == "image/jpeg"
    assert int(enclosures[0].length) == default_storage.size(social_rendition(image).name)


def test_json_feed_items_carry_image_summary_and_tags(client, subjects, make_story, make_image):
    image = make_image()
    make_story(standfirst="Plain & simple.", hero_image=image)

    item = json_feed(client, feed_url("tag", subjects, "_json"))["items"][0]

    assert item["image"] == "http://testserver" + social_rendition(image).url
    assert item["summary"] == "Plain & simple."
    assert {"Liverpool", "Aurélien Tchouaméni", "Deadline day"} <= set(item["tags"])
    assert item["authors"][0] == {
        "name": "Sam Reporter",
        "url": "http://testserver/authors/sam-reporter/",
    }


def test_guid_stays_the_same_when_headline_and_slug_are_edited(client, subjects, make_story):
    article = make_story(headline="Before", slug="before")
    before_rss = parse(client, feed_url("latest", subjects)).entries[0].id
    before_atom = parse(client, feed_url("latest", subjects, "_atom")).entries[0].id
    before_json = json_feed(client, feed_url("latest", subjects, "_json"))["items"][0]["id"]

    article.headline, article.slug = "After the edit", "after-the-edit"
    article.save()

    rss = parse(client, feed_url("latest", subjects)).entries[0]
    atom = parse(client, feed_url("latest", subjects, "_atom")).entries[0]
    item = json_feed(client, feed_url("latest", subjects, "_json"))["items"][0]
    assert (rss.title, rss.id) == ("After the edit", before_rss)
    assert (atom.title, atom.id) == ("After the edit", before_atom)
    assert (item["title"], item["id"]) == ("After the edit", before_json)
    assert rss.guidislink is False
    assert rss.link.endswith("/after-the-edit/")


def test_updated_date_is_the_significant_update_not_any_save(client, subjects, make_story):
    published = timezone.now() - datetime.timedelta(days=2)
    article = make_story(published_at=published)
    article.standfirst = "Typo fixed."
    article.save()

    item = json_feed(client, feed_url("latest", subjects, "_json"))["items"][0]
    assert datetime.datetime.fromisoformat(item["date_modified"]) == published

    article.significant_update_at = timezone.now() - datetime.timedelta(hours=1)
    article.save()
    item = json_feed(client, feed_url("latest", subjects, "_json"))["items"][0]
    modified = datetime.datetime.fromisoformat(item["date_modified"])
    assert modified == article.significant_update_at


@pytest.mark.parametrize("kind", KINDS)
def test_drafts_pieces_in_review_archived_and_scheduled_pieces_stay_out(
    client, subjects, make_story, kind
):
    make_story(headline="Public piece")
    make_story(headline="Draft piece", status=Article.Status.DRAFT)
    make_story(headline="Piece in review", status=Article.Status.IN_REVIEW)
    make_story(
        headline="Archived piece",
        status=Article.Status.ARCHIVED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    make_story(
        headline="Scheduled piece", published_at=timezone.now() + datetime.timedelta(hours=1)
    )

    rss = parse(client, feed_url(kind, subjects))
    atom = parse(client, feed_url(kind, subjects, "_atom"))
    items = json_feed(client, feed_url(kind, subjects, "_json"))["items"]

    assert [entry.title for entry in rss.entries] == ["Public piece"]
    assert [entry.title for entry in atom.entries] == ["Public piece"]
    assert [item["title"] for item in items] == ["Public piece"]


def test_a_scheduled_piece_appears_once_its_time_has_come(client, subjects, make_story):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    make_story(headline="Scheduled piece", published_at=go_live)
    url = feed_url("club", subjects)
    first = client.get(url)
    assert feedparser.parse(first.content).entries == []

    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        # The feed changed, so the old ETag no longer earns a 304.
        later = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert later.status_code == 200
        assert [entry.title for entry in feedparser.parse(later.content).entries] == [
            "Scheduled piece"
        ]


def test_item_count_is_capped_at_fifty(client, subjects, make_article, settings):
    assert settings.FEED_ITEMS == 50
    for _ in range(53):
        make_article(primary_club=subjects["club"])

    assert len(parse(client, feed_url("club", subjects)).entries) == 50
    assert len(parse(client, feed_url("latest", subjects, "_atom")).entries) == 50
    assert len(json_feed(client, feed_url("club", subjects, "_json"))["items"]) == 50


@pytest.mark.parametrize("suffix", ["", "_atom", "_json"])
def test_a_repeated_conditional_request_answers_304(client, subjects, make_story, suffix):
    make_story()
    url = feed_url("player", subjects, suffix)
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert "max-age=300" in first["Cache-Control"] and "public" in first["Cache-Control"]

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert by_date.status_code == 304


def test_an_edited_piece_changes_the_etag(client, subjects, make_story):
    article = make_story()
    url = feed_url("latest", subjects)
    first = client.get(url)

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        article.headline = "Corrected headline"
        article.save()

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert feedparser.parse(again.content).entries[0].title == "Corrected headline"


def test_formats_have_different_etags(client, subjects, make_story):
    make_story()
    etags = {client.get(feed_url("latest", subjects, s))["ETag"] for s in ("", "_atom", "_json")}
    assert len(etags) == 3


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", ["", "_atom", "_json"])
def test_query_count_does_not_grow_with_the_number_of_items(
    client, subjects, make_story, make_image, django_assert_max_num_queries, settings, kind, suffix
):
    # Count the feed's own queries, not the page cache's bookkeeping around it.
    settings.PAGE_CACHE_SECONDS = 0
    image = make_image()
    url = feed_url(kind, subjects, suffix)
    for count in (5, 60):
        while Article.objects.count() < count:
            make_story(hero_image=image)
        # Subject, validators, articles, then bylines, clubs, players and tags as plain values.
        with django_assert_max_num_queries(7):
            assert client.get(url).status_code == 200


def test_pages_announce_their_feeds_for_autodiscovery(client, subjects, make_story):
    make_story()
    home = client.get("/").content.decode()
    club = client.get(subjects["club"].get_absolute_url()).content.decode()

    latest = 'type="application/rss+xml" title="Latest transfer news | Transfer Desk (RSS)"'
    assert f'{latest} href="http://testserver/feed/"' in home
    assert 'type="application/atom+xml"' in home and 'href="http://testserver/feed/atom/"' in home
    assert 'type="application/feed+json"' in home and 'href="http://testserver/feed/json/"' in home
    club_rss = 'href="http://testserver/clubs/liverpool/feed/"'
    assert club_rss in club
    # The page's own feed comes first, then the site-wide one.
    assert club.index(club_rss) < club.index('href="http://testserver/feed/"')


@pytest.mark.parametrize("kind", ["player", "author", "tag", "competition"])
def test_subject_pages_announce_their_own_feed(client, subjects, make_story, kind):
    make_story()
    page = client.get(subjects[kind].get_absolute_url())
    assert page.status_code == 200
    own = f'href="http://testserver{feed_url(kind, subjects)}"'
    assert own in page.content.decode()


def test_an_article_page_announces_its_club_feed_and_the_site_wide_one(
    client, subjects, make_story
):
    article = make_story()
    html = client.get(article.get_absolute_url()).content.decode()

    assert 'href="http://testserver/clubs/liverpool/feed/"' in html
    assert 'href="http://testserver/feed/"' in html


def test_a_page_with_no_feed_of_its_own_still_announces_the_site_wide_feed(client):
    html = client.get("/no-such-page/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="http://testserver/feed/"' in html


def test_the_feeds_page_lists_every_feed_with_copyable_addresses(client, subjects, make_story):
    make_story()
    response = client.get(reverse("newsroom:feeds"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "<title>Follow Transfer Desk: RSS, Atom and JSON feeds</title>" in html
    for suffix in ("", "_atom", "_json"):
        assert f'value="http://testserver{feed_url("latest", subjects, suffix)}" readonly' in html
    for kind in ("club", "competition", "author", "tag", "player"):
        for suffix in ("", "_atom", "_json"):
            assert f'href="http://testserver{feed_url(kind, subjects, suffix)}"' in html
    assert f"<code>http://testserver{feed_url('club', subjects)}</code>" in html


def test_the_feeds_page_lists_players_of_the_latest_pieces_only(
    client, subjects, make_article, make_player, monkeypatch
):
    monkeypatch.setattr("newsroom.feeds.RECENT_PIECES", 1)
    old_news = make_player(full_name="Yesterday's Man")
    make_article(players=[old_news], published_at=timezone.now() - datetime.timedelta(days=3))
    make_article(players=[subjects["player"]])

    html = client.get(reverse("newsroom:feeds")).content.decode()

    assert "Aurélien Tchouaméni" in html
    assert "Yesterday" not in html
    assert client.get(feed_url("player", {"player": old_news})).status_code == 200


def test_the_feeds_page_query_count_does_not_grow(
    client, make_article, make_club, make_player, make_tag, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    for count in (2, 20):
        while Article.objects.count() < count:
            make_article(primary_club=make_club(), players=[make_player()], tags=[make_tag()])
        # Competitions, clubs, writers, topics and players: one query each.
        with django_assert_max_num_queries(5):
            assert client.get(reverse("newsroom:feeds")).status_code == 200


@pytest.mark.parametrize("suffix", XML_FORMATS.values(), ids=XML_FORMATS.keys())
def test_the_quick_xml_writer_writes_what_djangos_writer_writes(
    client, subjects, make_story, make_image, monkeypatch, settings, suffix
):
    settings.PAGE_CACHE_SECONDS = 0
    image = make_image(alt_text='A "quoted" <alt> & more', credit="Photo: O'Neil & Co")
    make_story(
        headline="Reds & Blues: “£100m” <deal> for O'Neil",
        standfirst='He said "yes" & <meant> it.',
        body='<p>Body with <a href="/clubs/liverpool/">a link</a> &amp; an ampersand.</p>',
        hero_image=image,
    )
    make_story(standfirst="", body="")
    url = feed_url("latest", subjects, suffix)

    quick = client.get(url).content
    monkeypatch.setattr(
        "newsroom.feedgenerators.QuickXMLGenerator.addQuickElement",
        SimplerXMLGenerator.addQuickElement,
    )
    assert client.get(url).content == quick


def test_the_quick_xml_writer_refuses_control_characters_as_djangos_does():
    handler = QuickXMLGenerator(StringIO(), "utf-8", short_empty_elements=True)
    with pytest.raises(UnserializableContentError):
        handler.addQuickElement("title", "Bell \x07 inside")
