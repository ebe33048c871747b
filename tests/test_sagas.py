"""Transfer saga pages, their feeds, the tracker-search feeds, and the club window dashboard."""

import datetime
import json
import re
from decimal import Decimal
from urllib.parse import urlsplit

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Article
from transfers.models import Currency, Position, TransferStatus, TransferUpdate

pytestmark = pytest.mark.django_db

FEED_SUFFIXES = ["", "_atom", "_json"]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Count and see each view's own work, not the page cache's copies of it.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def tchouameni(make_club, make_player, make_link, make_source):
    """The Tchouameni saga: three dated reports from sources of different tiers."""
    madrid = make_club(name="Real Madrid", full_name="Real Madrid CF", slug="real-madrid")
    liverpool = make_club(name="Liverpool", full_name="Liverpool FC", slug="liverpool")
    player = make_player(
        full_name="Aurélien Tchouaméni",
        known_as="Tchouameni",
        slug="aurelien-tchouameni",
        current_club=madrid,
        position=Position.MIDFIELDER,
    )
    link = make_link(
        player=player,
        to_club=liverpool,
        status=TransferStatus.TALKS,
        fee_amount=Decimal(100_000_000),
        fee_currency=Currency.GBP,
    )
    now = timezone.now()
    blog = make_source(name="Transfer Blog", tier=4)
    paper = make_source(name="The Daily Paper", tier=2)
    insider = make_source(name="Star Insider", tier=1)
    report = TransferUpdate.objects.create
    report(
        link=link,
        status="rumour",
        source=blog,
        reported_at=now - datetime.timedelta(days=30),
        note="Liverpool are said to admire the midfielder.",
    )
    report(
        link=link,
        status="interest",
        source=paper,
        reported_at=now - datetime.timedelta(days=12),
        fee_amount=Decimal(80_000_000),
    )
    report(
        link=link,
        status="talks",
        source=insider,
        reported_at=now - datetime.timedelta(days=2),
        fee_amount=Decimal(100_000_000),
        note="Talks have opened between the clubs.",
    )
    return link


def saga_url(link):
    return link.get_absolute_url()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


# The saga page.


def test_a_link_lives_at_its_saga_address_with_a_derived_slug(tchouameni):
    assert saga_url(tchouameni) == (
        f"/transfers/{tchouameni.pk}-aurelien-tchouameni-real-madrid-to-liverpool/"
    )


def test_an_old_or_wrong_slug_redirects_permanently_to_the_saga(client, tchouameni):
    response = client.get(f"/transfers/{tchouameni.pk}-someone-else-to-somewhere/")
    assert response.status_code == 301
    assert response["Location"] == saga_url(tchouameni)
    assert client.get(f"/transfers/{tchouameni.pk + 999}-nobody/").status_code == 404


def test_the_saga_shows_the_move_the_likelihood_and_its_reasons(client, tchouameni):
    html = page(client, saga_url(tchouameni))
    assert "Aurélien Tchouaméni" in html
    assert "Real Madrid" in html and "Liverpool" in html
    assert "£100m" in html
    assert 'class="status status--talks">Talks<' in html
    score = tchouameni.likelihood_at(timezone.now()).score
    assert re.search(
        rf'<meter class="likelihood__meter" id="likelihood-\d+"[^>]*value="{score}"', html
    )
    assert f'<label class="likelihood__label" for="likelihood-{tchouameni.pk}">' in html
    assert "Talks reported by one tier-1 source and two others in the last week." in html
    assert "How the score is worked out" in html and "Star Insider" in html


def test_the_timeline_lists_every_update_in_date_order_with_what_changed(client, tchouameni):
    html = page(client, saga_url(tchouameni)).split('id="timeline-title"')[1]
    positions = [html.index(name) for name in ("Transfer Blog", "The Daily Paper", "Star Insider")]
    assert positions == sorted(positions)
    assert "Tier 4: speculative" in html and "Tier 1: most reliable" in html
    assert "Fee reported: £80m" in html
    assert re.search(r"Fee: £80m .*?£100m", html)
    assert re.search(r"Interest <span aria-hidden=\"true\">→</span>.*? Talks", html)
    assert "Talks have opened between the clubs." in html


def test_the_timeline_shows_public_coverage_and_never_a_draft(client, tchouameni, make_article):
    update = tchouameni.updates.last()
    cited = make_article(headline="Liverpool open talks for Tchouameni")
    update.article = cited
    update.save()
    later = make_article(headline="What Tchouameni would bring to Anfield")
    later.transfer_links.add(tchouameni)
    draft = make_article(headline="Secret draft about the deal", status=Article.Status.DRAFT)
    draft.transfer_links.add(tchouameni)
    tchouameni.updates.first().article = draft
    tchouameni.updates.first().save()

    html = page(client, saga_url(tchouameni))
    assert "Liverpool open talks for Tchouameni" in html
    assert "What Tchouameni would bring to Anfield" in html
    assert "Secret draft" not in html


def test_the_saga_has_open_graph_json_ld_and_breadcrumbs(client, tchouameni):
    html = page(client, saga_url(tchouameni))
    assert '<meta property="og:type" content="article">' in html
    assert 'property="og:url" content="http://127.0.0.1:8000/transfers/' in html or (
        'property="og:url"' in html
    )
    blocks = {block["@type"]: block for block in json_ld_blocks(html)}
    assert blocks["WebPage"]["about"][0] == {
        "@type": "Person",
        "name": "Aurélien Tchouaméni",
        "url": blocks["WebPage"]["about"][0]["url"],
    }
    trail = [item["name"] for item in blocks["BreadcrumbList"]["itemListElement"]]
    assert trail == [
        "Home",
        "Transfer tracker",
        "Tchouameni",
        "Aurélien Tchouaméni: Real Madrid to Liverpool",
    ]


def test_the_saga_page_offers_its_feeds(client, tchouameni):
    html = page(client, saga_url(tchouameni))
    feed = f"{saga_url(tchouameni)}feed/"
    assert f'href="{feed}"' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="http://testserver{feed}atom/"' in html


def test_the_saga_costs_the_same_queries_for_3_or_30_updates(
    client, tchouameni, make_source, make_article, django_assert_max_num_queries
):
    url = saga_url(tchouameni)
    for target in (3, 30):
        while tchouameni.updates.count() < target:
            article = make_article()
            article.transfer_links.add(tchouameni)
            TransferUpdate.objects.create(
                link=tchouameni, status="talks", source=make_source(), article=article
            )
        # The link, its updates (with sources and articles), its published coverage.
        with django_assert_max_num_queries(3):
            html = page(client, url)
        assert html.count('class="timeline__entry') >= target


def test_articles_citing_a_link_offer_to_follow_the_transfer(client, tchouameni, make_article):
    article = make_article(headline="Liverpool chase Tchouameni")
    article.transfer_links.add(tchouameni)
    html = page(client, article.get_absolute_url())
    assert "Follow this transfer" in html
    assert f'href="{saga_url(tchouameni)}"' in html


def test_a_piece_citing_several_links_offers_to_follow_each(
    client, tchouameni, make_article, make_link, make_player, make_club
):
    free_agent = make_link(
        player=make_player(known_as="Rabiot", full_name="Adrien Rabiot"),
        from_club=None,
        to_club=make_club(name="Marseille"),
        status=TransferStatus.TALKS,
    )
    article = make_article(headline="Two deals in the air")
    article.transfer_links.add(tchouameni, free_agent)
    html = page(client, article.get_absolute_url())
    follow = html.split('class="follow-transfer"')[1].split("</aside>")[0]
    assert "Follow these transfers" in follow
    assert f'href="{saga_url(tchouameni)}"' in follow
    assert f'href="{saga_url(free_agent)}">Rabiot: free agency to Marseille</a>' in follow
    assert "Talks · every report" in follow


def test_tracker_rows_link_to_the_saga_and_show_the_likelihood(client, tchouameni):
    html = page(client, reverse("transfers:tracker"))
    assert f'href="{saga_url(tchouameni)}"' in html
    assert f'id="likelihood-{tchouameni.pk}"' in html


def test_the_tracker_sorts_by_likelihood(client, tchouameni, make_link):
    unlikely = make_link(status=TransferStatus.RUMOUR)
    html = page(client, reverse("transfers:tracker") + "?sort=likelihood")
    assert html.index(f"likelihood-{tchouameni.pk}") < html.index(f"likelihood-{unlikely.pk}")


def test_the_player_page_shows_the_likelihood_of_his_links(client, tchouameni):
    html = page(client, tchouameni.player.get_absolute_url())
    assert f'id="likelihood-{tchouameni.pk}"' in html
    assert f'href="{saga_url(tchouameni)}"' in html


# Feeds: one saga, and any tracker search.


def fetch_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    if response["Content-Type"].startswith("application/feed+json"):
        data = json.loads(response.content)
        return [
            {"id": item["id"], "link": item["url"], "title": item["title"]}
            for item in data["items"]
        ]
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.bozo_exception
    return [{"id": e.id, "link": e.link, "title": e.title} for e in parsed.entries]


@pytest.mark.parametrize("suffix", FEED_SUFFIXES)
def test_the_saga_feed_lists_its_updates_newest_first_with_absolute_links(
    client, tchouameni, suffix
):
    url = reverse(f"transfers:saga_feed{suffix}", args=[tchouameni.pk, "anything"])
    entries = fetch_feed(client, url)
    assert [e["title"].split("(")[-1] for e in entries] == [
        "Star Insider, tier 1)",
        "The Daily Paper, tier 2)",
        "Transfer Blog, tier 4)",
    ]
    assert entries[0]["title"].startswith("Tchouameni, Real Madrid to Liverpool: talks")
    for entry in entries:
        assert urlsplit(entry["link"]).scheme == "http"
        assert entry["link"].startswith(f"http://testserver{saga_url(tchouameni)}#update-")


def test_the_saga_feed_content_has_absolute_links(client, tchouameni, make_article):
    update = tchouameni.updates.last()
    update.article = make_article(headline="Talks open")
    update.save()
    parsed = feedparser.parse(client.get(f"{saga_url(tchouameni)}feed/").content)
    content = parsed.entries[0].content[0].value
    assert 'href="http://testserver/' in content and 'href="/' not in content


def test_a_saga_feed_item_keeps_its_guid_when_the_update_is_edited(client, tchouameni):
    url = f"{saga_url(tchouameni)}feed/"
    before = fetch_feed(client, url)[0]["id"]
    update = tchouameni.updates.last()
    update.note = "Corrected: talks opened on Monday."
    update.reported_at -= datetime.timedelta(hours=1)
    update.save()
    assert (
        fetch_feed(client, url)[0]["id"]
        == before
        == f"urn:transferdesk:transfer-update:{update.pk}"
    )


def test_an_unknown_saga_has_no_feed(client):
    assert client.get("/transfers/999999-nobody/feed/").status_code == 404


@pytest.mark.parametrize("suffix", FEED_SUFFIXES)
def test_the_tracker_feed_follows_exactly_what_the_tracker_shows(
    client, tchouameni, make_link, make_source, suffix
):
    elsewhere = make_link(status=TransferStatus.TALKS)
    TransferUpdate.objects.create(link=elsewhere, status="talks", source=make_source())
    query = "?club=liverpool&direction=incoming&position=MF"
    entries = fetch_feed(client, reverse(f"transfers:tracker_feed{suffix}") + query)
    assert len(entries) == 3
    assert all("Tchouameni" in e["title"] for e in entries)

    tracker = page(client, reverse("transfers:tracker") + query)
    assert f'href="{saga_url(tchouameni)}"' in tracker
    assert elsewhere.get_absolute_url() not in tracker


def test_the_tracker_feed_ignores_sort_and_page(client, tchouameni):
    url = reverse("transfers:tracker_feed") + "?club=liverpool&sort=fee_high&page=9"
    assert len(fetch_feed(client, url)) == 3


@pytest.mark.parametrize(
    "query", ["?status=notastatus", "?fee_max=abc", "?club=no-such-club", "?max_age=old"]
)
@pytest.mark.parametrize("suffix", FEED_SUFFIXES)
def test_an_invalid_tracker_filter_answers_400_with_the_reason(client, query, suffix):
    response = client.get(reverse(f"transfers:tracker_feed{suffix}") + query)
    assert response.status_code == 400
    text = response.content.decode()
    assert text.startswith("This feed’s filter is not valid:")


def test_the_tracker_feed_is_capped_at_50_items(client, tchouameni, make_source, settings):
    for _ in range(55):
        TransferUpdate.objects.create(link=tchouameni, status="talks", source=make_source())
    assert len(fetch_feed(client, reverse("transfers:tracker_feed"))) == settings.FEED_ITEMS == 50


@pytest.mark.parametrize("suffix", FEED_SUFFIXES)
def test_feed_query_counts_do_not_grow_with_the_number_of_items(
    client, tchouameni, make_source, make_article, suffix, django_assert_max_num_queries
):
    saga = reverse(f"transfers:saga_feed{suffix}", args=[tchouameni.pk, "x"])
    tracker = reverse(f"transfers:tracker_feed{suffix}") + "?club=liverpool&status=talks"
    for target in (3, 40):
        while tchouameni.updates.count() < target:
            TransferUpdate.objects.create(
                link=tchouameni, status="talks", source=make_source(), article=make_article()
            )
        # The link or the club named in the filter, the newest ids, then those updates.
        with django_assert_max_num_queries(3):
            client.get(saga)
        with django_assert_max_num_queries(3):
            client.get(tracker)


def test_the_tracker_offers_a_feed_of_the_current_search(client, tchouameni):
    html = page(client, reverse("transfers:tracker") + "?club=liverpool&direction=incoming&page=1")
    feed = reverse("transfers:tracker_feed") + "?club=liverpool&amp;direction=incoming"
    assert "Follow this search" in html
    assert f'href="{feed}"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert "Transfer tracker: Liverpool, Incoming | Transfer Desk (Atom)" in html


# The club window dashboard.


@pytest.fixture
def liverpool_window(tchouameni, make_window, make_link, make_player):
    """Liverpool's current window: one arrival at £60m and one departure at €20m (rate 0.85)."""
    today = timezone.localdate()
    window = make_window(
        name="This window",
        slug="this-window",
        opens=today - datetime.timedelta(days=5),
        closes=today + datetime.timedelta(days=20),
        eur_to_gbp=Decimal("0.85"),
    )
    earlier = make_window(
        name="Last window",
        slug="last-window",
        opens=today - datetime.timedelta(days=200),
        closes=today - datetime.timedelta(days=150),
    )
    liverpool = tchouameni.to_club
    make_link(
        to_club=liverpool,
        status=TransferStatus.COMPLETED,
        window=window,
        fee_amount=Decimal(60_000_000),
    )
    make_link(
        player=make_player(current_club=liverpool, known_as="Leaver"),
        from_club=liverpool,
        status=TransferStatus.COMPLETED,
        window=window,
        fee_amount=Decimal(20_000_000),
        fee_currency=Currency.EUR,
    )
    make_link(
        to_club=liverpool,
        status=TransferStatus.COMPLETED,
        window=earlier,
        fee_amount=Decimal(30_000_000),
    )
    return liverpool, window, earlier


def window_url(club):
    return reverse("transfers:club_window", args=[club.slug])


def test_the_window_dashboard_shows_the_current_window_sums(client, liverpool_window):
    club, _, _ = liverpool_window
    html = page(client, window_url(club))
    assert "Liverpool’s This window window" in html
    assert "<dd>£60m</dd>" in html  # spent
    assert "<dd>€20m</dd>" in html  # received
    # Net: £60m − €20m × 0.85 = £43m.
    assert "<dd>+£43m</dd>" in html
    assert "€1 = £0.85" in html
    assert "Leaver" in html
    assert '<svg role="img" aria-labelledby="net-spend-chart-title net-spend-chart-desc"' in html
    assert '<svg role="img" aria-labelledby="age-contract-chart-title' in html
    # The open Tchouameni link has no window: it counts towards the current one.
    assert f'href="{saga_url(liverpool_window[0].incoming_links.get(status="talks"))}"' in html


def test_an_earlier_window_is_chosen_with_a_get_form(client, liverpool_window):
    club, _, _ = liverpool_window
    html = page(client, window_url(club) + "?window=last-window")
    assert '<option value="last-window" selected>' in html
    assert '<form class="window-picker" method="get"' in html
    assert "<dd>£30m</dd>" in html
    assert "Tchouameni" not in html.split('id="targets-in-title"')[1].split("</section>")[0]


def test_an_unknown_window_or_club_is_a_404(client, liverpool_window):
    club, _, _ = liverpool_window
    assert client.get(window_url(club) + "?window=nope").status_code == 404
    assert client.get("/clubs/nobody/window/").status_code == 404


def test_a_club_with_no_windows_at_all_still_has_a_page(client, make_club):
    club = make_club()
    html = page(client, window_url(club))
    assert "No transfer windows have been set up yet" in html


def test_the_club_page_links_to_its_window_dashboard(client, liverpool_window):
    club, _, _ = liverpool_window
    assert f'href="{window_url(club)}"' in page(client, club.get_absolute_url())


def test_the_window_dashboard_costs_the_same_queries_whatever_the_data(
    client, liverpool_window, make_link, make_player, make_source, django_assert_max_num_queries
):
    club, window, _ = liverpool_window
    for size in (1, 12):
        while club.incoming_links.filter(window=window).count() < size * 2:
            link = make_link(to_club=club, status=TransferStatus.BID, window=window)
            TransferUpdate.objects.create(link=link, status="bid", source=make_source())
            make_link(to_club=club, status=TransferStatus.COMPLETED, window=window)
            make_player(current_club=club, contract_expires=timezone.localdate())
        # Club, windows, the money aggregate, arrivals, departures, live targets in and out
        # (each with its updates), the squad.
        with django_assert_max_num_queries(9):
            page(client, window_url(club))
