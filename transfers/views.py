"""Club, player, competition and transfer-tracker pages."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from transfers.models import Club, Competition, Player, TransferLink


class ClubView(ListView):
    """“Latest <Club> transfer news”: the club's published pieces, newest first."""

    template_name = "transfers/club_detail.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.club = get_object_or_404(
            Club.objects.select_related("competition"), slug=self.kwargs["slug"]
        )
        return self.club.articles.published().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(club=self.club, **kwargs)


class PlayerView(DetailView):
    template_name = "transfers/player_detail.html"
    context_object_name = "player"
    queryset = Player.objects.select_related("current_club")


class CompetitionView(DetailView):
    template_name = "transfers/competition_detail.html"
    context_object_name = "competition"
    model = Competition


class TrackerView(ListView):
    template_name = "transfers/tracker.html"
    context_object_name = "links"
    paginate_by = settings.PAGE_SIZE
    queryset = TransferLink.objects.for_tracker()
