"""The site's URL map: the admin, the editorial pages and the football pages."""

from django.contrib import admin
from django.urls import include, path

from newsroom import views

newsroom_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((newsroom_patterns, "newsroom"))),
    path("", include("transfers.urls")),
]
