"""Deep archives: numbered pages near the top with a bounded count, then pages by position."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from transfers import pagination

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_numbered_page(monkeypatch):
    # One numbered page of 20, so a few dozen pieces reach the archive by position; and no
    # planner's estimate of an unanalysed test table taken on trust at that tiny size.
    monkeypatch.setattr(pagination, "MAX_NUMBERED_PAGES", 1)
    monkeypatch.setattr(pagination, "TRUST_ESTIMATES_ABOVE", 10**9)


@pytest.fixture
def club_with_45_pieces(make_club, make_article):
    club = make_club(slug="busy-club")
    now = timezone.now()
    for n in range(45):
        # Two pieces share each publishing time, so the id must break ties.
        make_article(
            primary_club=club,
            headline=f"Club story {n:02d}",
            published_at=now - datetime.timedelta(hours=n // 2),
        )
    return club


def headlines(html):
    return re.findall(r"Club story (\d\d)", html)


def older_link(html):
    match = re.search(r'<a class="pagination__link" rel="next" href="([^"]+)"', html)
    return unescape(match[1]) if match else None


def newer_link(html):
    match = re.search(r'<a class="pagination__link" rel="prev" href="([^"]+)"', html)
    return unescape(match[1]) if match else None


def test_walking_older_links_reads_every_piece_once_newest_first(
    client, one_numbered_page, club_with_45_pieces
):
    url = club_with_45_pieces.get_absolute_url()
    seen, query = [], ""
    for _ in range(10):
        html = client.get(url + query).content.decode()
        seen += headlines(html)
        query = older_link(html)
        if query is None:
            break
    stories = sorted({int(n) for n in seen})
    assert stories == list(range(45))
    assert len(seen) == 45
    # Newest first: story 00 and 01 share a time, and the later id comes first.
    assert seen[:2] == ["01", "00"] and seen[-1] in {"43", "44"}


def test_past_the_cap_the_page_says_no_total_and_links_on_by_position(
    client, one_numbered_page, club_with_45_pieces
):
    html = client.get(club_with_45_pieces.get_absolute_url()).content.decode()
    assert "Page 1 of" not in html and "Page 1<" in html
    assert older_link(html).startswith("?before=")
    deeper = client.get(club_with_45_pieces.get_absolute_url() + older_link(html))
    assert deeper.status_code == 200
    deeper_html = deeper.content.decode()
    assert newer_link(deeper_html).startswith("?after=")
    # Its own address is canonical, and its title says where in the archive it starts.
    assert re.search(r'<link rel="canonical" href="http[^"]+\?before=\d+\.\d+"', deeper_html)
    assert re.search(r"<title>[^<]*: from \d{1,2} \w+ \d{4} \|", deeper_html)


def test_newer_link_from_the_archive_goes_back_up(client, one_numbered_page, club_with_45_pieces):
    url = club_with_45_pieces.get_absolute_url()
    first = client.get(url).content.decode()
    second = client.get(url + older_link(first)).content.decode()
    third = client.get(url + older_link(second)).content.decode()
    back = client.get(url + newer_link(third)).content.decode()
    assert headlines(back) == headlines(second)
    # From the second page, "Newer" reaches the top of the list: its first page.
    top = client.get(url + newer_link(second)).content.decode()
    assert headlines(top) == headlines(first)


@pytest.mark.parametrize("cursor", ["x", "1.2.3", "99999999999999999999.1", "1.0", "", "-5.-5"])
def test_a_malformed_position_is_a_404(client, make_club, cursor):
    club = make_club()
    response = client.get(f"{club.get_absolute_url()}?before={cursor}")
    assert response.status_code in (200, 404)
    if cursor:
        assert response.status_code == 404


def test_small_lists_keep_exact_page_counts(client, make_club, make_article):
    club = make_club()
    for _ in range(25):
        make_article(primary_club=club)
    html = client.get(club.get_absolute_url()).content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?page=2"' in html
    assert client.get(club.get_absolute_url() + "?page=3").status_code == 404


def test_the_count_is_bounded_and_position_pages_cost_what_the_first_does(
    client, one_numbered_page, club_with_45_pieces
):
    url = club_with_45_pieces.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        html = client.get(url).content.decode()
    counts = [q["sql"] for q in first.captured_queries if "COUNT(" in q["sql"]]
    assert counts and all("LIMIT" in sql for sql in counts)
    with CaptureQueriesContext(connection) as deep:
        client.get(url + older_link(html))
    assert len(deep.captured_queries) <= len(first.captured_queries)


@pytest.mark.parametrize("path", ["/", "/tags/{tag}/", "/authors/{author}/"])
def test_home_tag_and_author_lists_reach_the_archive_by_position(
    client, one_numbered_page, make_article, make_tag, make_author, path
):
    tag, author = make_tag(), make_author()
    for _ in range(45):
        make_article(tags=[tag], authors=[author])
    url = path.format(tag=tag.slug, author=author.slug)
    html = client.get(url).content.decode()
    link = older_link(html)
    assert link and link.startswith("?before=")
    assert client.get(url + link).status_code == 200


def test_tracker_counts_at_most_its_cap_and_says_so(client, monkeypatch, make_link):
    from transfers import views

    monkeypatch.setattr(views, "TRACKER_MAX_PAGES", 1)
    monkeypatch.setattr(pagination, "TRUST_ESTIMATES_ABOVE", 10**9)
    for _ in range(25):
        make_link()
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/transfers/").content.decode()
    assert "More than 20 transfer links" in html
    assert "page 1 of" not in html
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]
    assert counts and all("LIMIT" in sql for sql in counts)


def test_tracker_club_list_offers_every_club_and_keeps_the_choice(client, make_club):
    from transfers.filters import LongSelect

    clubs = [make_club(name=f"Club & Co {n}") for n in range(3)]
    html = client.get(f"/transfers/?club={clubs[1].slug}").content.decode()
    select = re.search(r'<select[^>]*name="club"[^>]*>(.*?)</select>', html, re.S)[1]
    assert '<option value="">Any club</option>' in select
    assert f'<option value="{clubs[1].slug}" selected>Club &amp; Co 1</option>' in select
    assert all(f'value="{club.slug}"' in select for club in clubs)
    widget = LongSelect(choices=[("a", "A"), ("b", "<B>")])
    assert widget.render("x", "b", {"id": "id_x"}) == (
        '<select id="id_x" name="x"><option value="a">A</option>'
        '<option value="b" selected>&lt;B&gt;</option></select>'
    )


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"published_at__year": "2024"},
        {"published_at__year": "2024", "published_at__month": "3"},
    ],
)
def test_admin_date_drill_down_matches_djangos_own(client, admin_user, make_article, query):
    from django.contrib.admin.templatetags.admin_list import date_hierarchy

    from newsroom.templatetags.admin_dates import indexed_date_hierarchy

    london = timezone.get_current_timezone()
    for year, month, day in [
        (2022, 12, 31),
        (2024, 1, 1),
        (2024, 3, 5),
        (2024, 3, 9),
        (2025, 7, 1),
    ]:
        when = datetime.datetime(year, month, day, 0, 30, tzinfo=london)
        make_article(published_at=when)
    make_article(status="draft", published_at=None)
    client.force_login(admin_user)
    response = client.get("/admin/newsroom/article/", query)
    cl = response.context["cl"]
    assert indexed_date_hierarchy(cl) == date_hierarchy(cl)
    assert date_hierarchy(cl)["choices"]


def test_admin_list_counts_short_lists_exactly(make_article):
    from newsroom.models import Article

    for _ in range(3):
        make_article()
    assert pagination.EstimatedCountPaginator(Article.objects.all(), 100).count == 3
