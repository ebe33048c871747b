"""Sitemaps and robots.txt as a crawler reads them: valid XML, public URLs only, all answering."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Article
from newsroom.sitemaps import ArticleSitemap

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(root, tag):
    return [element.text for element in root.findall(f"sm:{tag}/sm:loc", NS)]


def path_and_query(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.fixture
def site(make_club, make_player, make_author, make_tag, make_article):
    """Public pieces about a club, a player, a tag and an author, and pieces that are not public."""
    club, player, author, tag = make_club(), make_player(), make_author(), make_tag()
    public = make_article(primary_club=club, players=[player], tags=[tag], authors=[author])
    hidden = [
        make_article(status=Article.Status.DRAFT, headline="Draft"),
        make_article(status=Article.Status.IN_REVIEW, headline="In review"),
        make_article(
            headline="Scheduled", published_at=timezone.now() + datetime.timedelta(hours=2)
        ),
    ]
    return {"public": public, "hidden": hidden, "player": player, "tag": tag, "author": author}


def all_sitemap_urls(client):
    index = xml(client, reverse("newsroom:sitemap"))
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    urls = []
    for section in locations(index, "sitemap"):
        assert section.startswith("http://testserver/")
        urls += locations(xml(client, path_and_query(section)), "url")
    return urls


def test_the_index_lists_every_section_and_every_url_answers_200(client, site):
    urls = all_sitemap_urls(client)

    assert "http://testserver" + site["public"].get_absolute_url() in urls
    for key in ("player", "tag", "author"):
        assert "http://testserver" + site[key].get_absolute_url() in urls
    assert "http://testserver/" in urls
    assert "http://testserver/feeds/" in urls
    for url in urls:
        assert url.startswith("http://testserver/")
        assert client.get(urlsplit(url).path).status_code == 200, url


def test_no_draft_or_scheduled_piece_is_listed(client, site):
    urls = all_sitemap_urls(client)
    for article in site["hidden"]:
        assert "http://testserver" + article.get_absolute_url() not in urls


def test_articles_carry_lastmod(client, site):
    root = xml(client, reverse("newsroom:sitemap_section", args=["articles"]))
    entries = root.findall("sm:url", NS)
    assert len(entries) == 1
    assert entries[0].find("sm:lastmod", NS).text == timezone.localdate().isoformat()


def test_the_article_section_is_paginated(client, make_article, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for _ in range(5):
        make_article()

    index = xml(client, reverse("newsroom:sitemap"))
    pages = [url for url in locations(index, "sitemap") if "sitemap-articles.xml" in url]
    assert len(pages) == 3
    seen = []
    for page in pages:
        seen += locations(xml(client, path_and_query(page)), "url")
    assert len(seen) == len(set(seen)) == 5
    assert (
        client.get(reverse("newsroom:sitemap_section", args=["articles"]) + "?p=9").status_code
        == 404
    )


def test_authors_tags_and_players_with_no_public_piece_are_left_out(
    client, make_author, make_tag, make_player, make_article
):
    lonely = [make_author(), make_tag(), make_player()]
    make_article(
        status=Article.Status.DRAFT, authors=[lonely[0]], tags=[lonely[1]], players=[lonely[2]]
    )

    urls = all_sitemap_urls(client)
    for obj in lonely:
        assert "http://testserver" + obj.get_absolute_url() not in urls


def test_an_unknown_section_answers_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_news_sitemap_holds_only_the_last_48_hours(client, make_article):
    now = timezone.now()
    recent = make_article(
        headline="Deal done & dusted", published_at=now - datetime.timedelta(hours=47)
    )
    make_article(headline="Too old", published_at=now - datetime.timedelta(hours=49))
    make_article(headline="Scheduled", published_at=now + datetime.timedelta(hours=1))
    make_article(headline="Draft", status=Article.Status.DRAFT)

    root = xml(client, reverse("newsroom:news_sitemap"))

    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = root.findall("sm:url", NS)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find("sm:loc", NS).text == "http://testserver" + recent.get_absolute_url()
    assert client.get(recent.get_absolute_url()).status_code == 200
    news = entry.find("news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "Transfer Desk"
    assert news.find("news:publication/news:language", NS).text == "en"
    assert news.find("news:title", NS).text == "Deal done & dusted"
    published = datetime.datetime.fromisoformat(news.find("news:publication_date", NS).text)
    assert published == recent.published_at.replace(microsecond=0)


def test_the_news_sitemap_holds_at_most_1000_pieces(client, make_article):
    now = timezone.now()
    first = make_article(published_at=now - datetime.timedelta(hours=1))
    Article.objects.bulk_create(
        Article(
            headline=f"Piece {n}",
            slug=f"bulk-piece-{n}",
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=2, seconds=n),
        )
        for n in range(1000)
    )

    root = xml(client, reverse("newsroom:news_sitemap"))
    entries = root.findall("sm:url", NS)
    assert len(entries) == 1000
    # Newest first, so the cap drops the oldest.
    assert entries[0].find("sm:loc", NS).text.endswith(first.get_absolute_url())


def test_sitemap_query_counts_do_not_grow_with_content(
    client, make_article, make_club, make_player, django_assert_max_num_queries, settings
):
    # Count the sitemaps' own queries, not the page cache's bookkeeping around them.
    settings.PAGE_CACHE_SECONDS = 0
    for count in (3, 30):
        while Article.objects.count() < count:
            make_article(primary_club=make_club(), players=[make_player()])
        with django_assert_max_num_queries(8):
            client.get(reverse("newsroom:sitemap"))
        for section in ("articles", "clubs", "players", "authors", "tags", "pages"):
            with django_assert_max_num_queries(2):
                client.get(reverse("newsroom:sitemap_section", args=[section]))
        with django_assert_max_num_queries(2):
            client.get(reverse("newsroom:news_sitemap"))


def test_robots_txt_names_both_sitemaps_with_absolute_urls(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "User-agent: *" in lines
