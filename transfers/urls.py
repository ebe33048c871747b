"""Club, player, competition and tracker pages."""

from django.urls import path

from transfers import views
from transfers.feeds import SagaFeed, TrackerFeed, feed_patterns

app_name = "transfers"

urlpatterns = [
    path("clubs/<slug:slug>/", views.ClubView.as_view(), name="club"),
    path("players/<slug:slug>/", views.PlayerView.as_view(), name="player"),
    path("competitions/<slug:slug>/", views.CompetitionView.as_view(), name="competition"),
    path("transfers/", views.TrackerView.as_view(), name="tracker"),
    path("transfers/<int:pk>-<slug:slug>/", views.SagaView.as_view(), name="saga"),
    *feed_patterns("transfers/<int:pk>-<slug:slug>/", SagaFeed, "saga_feed"),
    *feed_patterns("transfers/", TrackerFeed, "tracker_feed"),
    path("clubs/<slug:slug>/window/", views.ClubWindowView.as_view(), name="club_window"),
]
