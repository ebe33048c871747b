"""Club, player, competition and transfer-tracker pages.

News on these pages is read through the clubs' and players' reverse relations
(`club.articles`), so this app imports nothing from the editorial app.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from transfers import charts
from transfers.dashboard import WindowDashboard, default_window, format_signed
from transfers.feeds import saga_feed_links, tracker_feed_links
from transfers.filters import TransferLinkFilterSet
from transfers.models import (
    Club,
    Competition,
    Player,
    Position,
    TransferLink,
    TransferStatus,
    TransferUpdate,
    TransferWindow,
    format_money,
)
from transfers.pagination import ArchivePaginationMixin, CappedPaginator
from transfers.records import record_tables
from transfers.saga import saga_slug, saga_title, timeline

# Most advanced first: done deals, then the live ones, with the collapsed ones last.
STATUS_ORDER = [
    TransferStatus.COMPLETED,
    TransferStatus.AGREED,
    TransferStatus.BID,
    TransferStatus.TALKS,
    TransferStatus.INTEREST,
    TransferStatus.RUMOUR,
    TransferStatus.COLLAPSED,
]
CLUB_LINKS_SHOWN = 60
TRACKER_MAX_PAGES = 50
PLAYER_NEWS_SHOWN = 6


def crumbs(*pairs):
    return [("Home", reverse("newsroom:home")), *pairs]


def by_status(links):
    """[(status label, [links])] in STATUS_ORDER, leaving out empty groups."""
    groups = {status: [] for status in STATUS_ORDER}
    for link in links:
        groups[link.status].append(link)
    return [(status.label, group) for status, group in groups.items() if group]


def by_position(players):
    """[(plural position name, [players])] goalkeepers first, leaving out empty groups."""
    groups = {position: [] for position in Position}
    for player in players:
        groups[player.position].append(player)
    return [(f"{position.label}s", group) for position, group in groups.items() if group]


def newest_links_involving(club, limit):
    """The club's `limit` most recently updated links, incoming or outgoing.

    Where the database allows it, the newest links each way are read from their own index and
    merged, rather than sorting every link a big club has ever had to satisfy one OR.
    """
    if not connection.features.supports_slicing_ordering_in_compound:
        return TransferLink.objects.involving(club).mentions(limit)
    newest = TransferLink.objects.order_by("-updated_at", "-id").values("pk")
    nearest = newest.filter(to_club=club)[:limit].union(
        newest.filter(from_club=club)[:limit], all=True
    )
    return TransferLink.objects.filter(pk__in=nearest).mentions(limit)


class ClubView(ArchivePaginationMixin, ListView):
    """The club hub: “Latest <Club> transfer news”, its transfer links and its squad."""

    template_name = "transfers/club_detail.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.club = get_object_or_404(
            Club.objects.select_related("competition"), slug=self.kwargs["slug"]
        )
        return self.club.articles.published().for_listing()

    def positions(self, queryset):
        # The club's news entries (newsroom.ClubNewsEntry) keep each piece's time by the club.
        entries = self.club.news_entries.newest_first()
        return entries.values_list("published_at", "article_id"), "article_id"

    def get_context_data(self, **kwargs):
        club = self.club
        links = newest_links_involving(club, CLUB_LINKS_SHOWN)
        tracker = reverse("transfers:tracker")
        trail = [(club.name, club.get_absolute_url())]
        if club.competition is not None:
            trail.insert(0, (club.competition.name, club.competition.get_absolute_url()))
        return super().get_context_data(
            club=club,
            incoming=by_status(link for link in links if link.to_club_id == club.pk),
            outgoing=by_status(link for link in links if link.from_club_id == club.pk),
            incoming_url=f"{tracker}?club={club.slug}&direction=incoming",
            outgoing_url=f"{tracker}?club={club.slug}&direction=outgoing",
            squad=by_position(club.squad.order_by("known_as")),
            feed_url=f"{club.get_absolute_url()}feed/",
            breadcrumbs=crumbs(*trail),
            **kwargs,
        )


class PlayerView(DetailView):
    template_name = "transfers/player_detail.html"
    context_object_name = "player"
    queryset = Player.objects.select_related("current_club__competition")

    def get_context_data(self, **kwargs):
        player = self.object
        seasons = player.seasons.select_related("club", "competition")
        trail = [(player.known_as, player.get_absolute_url())]
        if player.current_club is not None:
            club = player.current_club
            trail.insert(0, (club.name, club.get_absolute_url()))
        where = f" at {player.current_club.name}" if player.current_club else ", free agent"
        description = (
            f"{player.full_name}, {player.get_position_display().lower()}{where}: "
            "the latest transfer links, fees, contract and his record season by season."
        )
        return super().get_context_data(
            meta_description=description,
            record=record_tables(player, seasons),
            links=player.transfer_links.for_tracker().with_likelihood(),
            news=player.articles.published().for_listing()[:PLAYER_NEWS_SHOWN],
            breadcrumbs=crumbs(*trail),
            **kwargs,
        )


class CompetitionView(ArchivePaginationMixin, ListView):
    """A competition's clubs and the latest news about any of them."""

    template_name = "transfers/competition_detail.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.competition = get_object_or_404(Competition, slug=self.kwargs["slug"])
        # The editorial Article model, reached through the clubs' reverse relation rather than
        # imported: the same way the club page reads `club.articles`.
        articles = Club.articles.rel.related_model.objects
        return articles.published().for_competition(self.competition).for_listing()

    def get_context_data(self, **kwargs):
        competition = self.competition
        return super().get_context_data(
            competition=competition,
            clubs=competition.clubs.order_by("name"),
            breadcrumbs=crumbs((competition.name, competition.get_absolute_url())),
            **kwargs,
        )


class TrackerView(FilterView):
    """Every transfer link, filtered by plain GET parameters so any view can be shared."""

    template_name = "transfers/tracker.html"
    context_object_name = "links"
    paginate_by = settings.PAGE_SIZE
    filterset_class = TransferLinkFilterSet
    # Counting 100,000 links on every view costs more than the page: count up to 50 pages.
    paginator_class = CappedPaginator
    # Each row's likelihood bar is computed live from its prefetched updates.
    queryset = TransferLink.objects.for_tracker().with_likelihood()

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, max_pages=TRACKER_MAX_PAGES, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        active = []
        for name, label, shown in self.filterset.active_filters():
            without = params.copy()
            without.pop(name, None)
            if name == "club":
                without.pop("direction", None)
            active.append({"label": label, "value": shown, "remove_url": f"?{without.urlencode()}"})
        page = context.get("page_obj")
        context.update(
            active_filters=active,
            result_count=page.paginator.count if page is not None else 0,
            result_count_is_floor=page is not None and page.paginator.more,
            has_errors=self.filterset.is_bound and bool(self.filterset.form.errors),
            search_feeds=tracker_feed_links(self.filterset),
        )
        return context


class SagaView(DetailView):
    """One transfer link's story: where it stands, how likely it is, and every report in order.

    Three queries whatever the length of the timeline: the link, its updates (with sources and
    articles), and its published coverage.
    """

    template_name = "transfers/saga.html"
    context_object_name = "link"
    queryset = TransferLink.objects.select_related(
        "player__current_club", "from_club", "to_club", "window"
    ).prefetch_related(
        Prefetch(
            "updates",
            queryset=TransferUpdate.objects.select_related("source", "article").order_by(
                "reported_at", "id"
            ),
        )
    )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if kwargs.get("slug") != saga_slug(self.object):
            # An old or mistyped slug: one permanent hop to the canonical address.
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        link = self.object
        updates = list(link.updates.all())
        articles = link.articles.published().order_by("published_at", "id")
        likelihood = link.current_likelihood
        title = saga_title(link)
        player = link.player
        url = link.get_absolute_url()
        latest = updates[-1].reported_at if updates else None
        clubs = [club for club in (link.from_club, link.to_club) if club is not None]
        structured_data = {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": title,
            "description": likelihood.sentence,
            "url": settings.SITE_URL + url,
            "about": [
                {
                    "@type": "Person",
                    "name": player.full_name,
                    "url": settings.SITE_URL + player.get_absolute_url(),
                },
                *[
                    {
                        "@type": "SportsTeam",
                        "name": club.full_name,
                        "url": settings.SITE_URL + club.get_absolute_url(),
                    }
                    for club in clubs
                ],
            ],
            "isPartOf": {"@type": "WebSite", "name": settings.SITE_NAME, "url": settings.SITE_URL},
        }
        if latest is not None:
            structured_data["dateModified"] = latest.isoformat()
        tracker = reverse("transfers:tracker")
        return super().get_context_data(
            title=f"{title}: transfer timeline and likelihood",
            meta_description=(
                f"Every report on {player.full_name}’s move "
                f"{'from ' + link.from_club.name + ' ' if link.from_club else ''}to "
                f"{link.to_club.name}, with its sources and how likely it is: "
                f"{likelihood.sentence}"
            ),
            likelihood=likelihood,
            entries=timeline(link, updates, articles),
            saga_feeds=saga_feed_links(link),
            tracker_url=f"{tracker}?player={player.slug}",
            structured_data=structured_data,
            breadcrumbs=crumbs(
                ("Transfer tracker", tracker),
                (player.known_as, player.get_absolute_url()),
                (title, url),
            ),
            **kwargs,
        )


def tracker_url(club, direction, window=None, **query):
    """The tracker filtered to one club's moves one way: where a capped list continues."""
    query = {"club": club.slug, "direction": direction, **query}
    if window is not None:
        query["window"] = window.slug
    return f"{reverse('transfers:tracker')}?{urlencode(query)}"


class ClubWindowView(TemplateView):
    """A club's window in figures: the current or next one, unless ?window= names another."""

    template_name = "transfers/window.html"

    def get_context_data(self, **kwargs):
        club = get_object_or_404(Club.objects.select_related("competition"), slug=kwargs["slug"])
        windows = list(TransferWindow.objects.order_by("-opens"))
        today = timezone.localdate()
        chosen = self.request.GET.get("window")
        if chosen:
            window = next((w for w in windows if w.slug == chosen), None)
            if window is None:
                raise Http404("No transfer window has that name.")
        else:
            window = default_window(windows, today)
        context = {
            "club": club,
            "window": window,
            "windows": windows,
            "title": f"{club.name} transfer window: ins, outs and net spend",
            "meta_description": (
                f"{club.name}’s arrivals, departures, live targets and net spend"
                f"{' in the ' + window.name + ' window' if window else ''}, with contracts "
                "running down and the squad’s age profile."
            ),
            "canonical_path": self.request.get_full_path() if chosen else self.request.path,
            "breadcrumbs": crumbs(
                (club.name, club.get_absolute_url()),
                (f"{window.name} window" if window else "Transfer window", self.request.path),
            ),
        }
        if window is not None:
            board = WindowDashboard(club, window, windows, today)
            pounds = board.in_pounds
            if window.opens <= today <= window.closes:
                state = "open"
            elif window.opens > today:
                state = "upcoming"
            else:
                state = "closed"
            earlier = [w for w in windows if w.opens < window.opens]
            context.update(
                board=board,
                window_state=state,
                previous_window=earlier[0] if earlier else None,
                tracker_urls={
                    "arrivals": tracker_url(club, "incoming", status="completed", window=window),
                    "departures": tracker_url(club, "outgoing", status="completed", window=window),
                    "targets_in": tracker_url(club, "incoming", status="open", sort="likelihood"),
                    "targets_out": tracker_url(club, "outgoing", status="open", sort="likelihood"),
                },
                horizon=today + datetime.timedelta(days=365),
                pounds=pounds
                and {
                    "spent": format_money(pounds["spent"], "GBP"),
                    "received": format_money(pounds["received"], "GBP"),
                    "net": format_signed(pounds["net"], "GBP"),
                },
                spend_chart=charts.net_spend_chart(club, board.spend_history),
                age_chart=charts.age_contract_chart(club, board.squad, today),
            )
        return super().get_context_data(**context, **kwargs)
