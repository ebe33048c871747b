"""Club, player, competition and tracker pages."""

from django.urls import path

from transfers import views

app_name = "transfers"

urlpatterns = [
    path("clubs/<slug:slug>/", views.ClubView.as_view(), name="club"),
    path("players/<slug:slug>/", views.PlayerView.as_view(), name="player"),
    path("competitions/<slug:slug>/", views.CompetitionView.as_view(), name="competition"),
    path("transfers/", views.TrackerView.as_view(), name="tracker"),
]
