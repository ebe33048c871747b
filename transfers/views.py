"""Club, player, competition and transfer-tracker pages.

News on these pages is read through the clubs' and players' reverse relations
(`club.articles`), so this app imports nothing from the editorial app.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from transfers.filters import TransferLinkFilterSet
from transfers.models import Club, Competition, Player, Position, TransferLink, TransferStatus
from transfers.records import record_tables

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


class ClubView(ListView):
    """The club hub: “Latest <Club> transfer news”, its transfer links and its squad."""

    template_name = "transfers/club_detail.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.club = get_object_or_404(
            Club.objects.select_related("competition"), slug=self.kwargs["slug"]
        )
        return self.club.articles.published().for_listing()

    def get_context_data(self, **kwargs):
        club = self.club
        links = list(TransferLink.objects.involving(club).for_tracker()[:CLUB_LINKS_SHOWN])
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
            links=player.transfer_links.for_tracker(),
            news=player.articles.published().for_listing()[:PLAYER_NEWS_SHOWN],
            breadcrumbs=crumbs(*trail),
            **kwargs,
        )


class CompetitionView(ListView):
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
    queryset = TransferLink.objects.for_tracker()

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
            has_errors=self.filterset.is_bound and bool(self.filterset.form.errors),
        )
        return context
