"""The editors' admin for the football domain."""

from django.contrib import admin
from django.db import models

from transfers.models import (
    Club,
    Competition,
    Player,
    PlayerSeason,
    Source,
    TransferLink,
    TransferUpdate,
    TransferWindow,
)


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name", "country"]
    search_fields = ["name", "country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Club)
class ClubAdmin(admin.ModelAdmin):
    list_display = ["name", "full_name", "competition", "country", "stadium"]
    list_filter = ["competition", "country"]
    list_select_related = ["competition"]
    search_fields = ["name", "full_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["competition"]


class PlayerSeasonInline(admin.TabularInline):
    model = PlayerSeason
    extra = 0
    autocomplete_fields = ["club", "competition"]


@admin.register(Player)
class PlayerAdmin(admin.ModelAdmin):
    list_display = ["full_name", "known_as", "position", "current_club", "age", "contract_expires"]
    list_filter = ["position", "current_club__competition", "nationality"]
    list_select_related = ["current_club"]
    search_fields = ["full_name", "known_as", "aliases"]
    prepopulated_fields = {"slug": ["full_name"]}
    autocomplete_fields = ["current_club"]
    inlines = [PlayerSeasonInline]

    @admin.display(description="Age")
    def age(self, player):
        return player.age


@admin.register(TransferWindow)
class TransferWindowAdmin(admin.ModelAdmin):
    list_display = ["name", "opens", "closes", "eur_to_gbp", "usd_to_gbp"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "opens"


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    # A web address typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "outlet", "tier", "is_journalist"]
    list_filter = ["tier", "is_journalist"]
    search_fields = ["name", "outlet"]
    prepopulated_fields = {"slug": ["name"]}


class TransferUpdateInline(admin.TabularInline):
    model = TransferUpdate
    extra = 0
    autocomplete_fields = ["source", "article"]


@admin.register(TransferLink)
class TransferLinkAdmin(admin.ModelAdmin):
    list_display = [
        "player",
        "from_club",
        "to_club",
        "kind",
        "status",
        "fee_display",
        "window",
        "likelihood",
        "updated_at",
    ]
    list_filter = ["status", "kind", "window", "to_club__competition"]
    list_select_related = ["player", "from_club", "to_club", "window"]
    search_fields = ["player__full_name", "player__known_as", "from_club__name", "to_club__name"]
    autocomplete_fields = ["player", "from_club", "to_club", "window", "sources"]
    date_hierarchy = "updated_at"
    inlines = [TransferUpdateInline]

    @admin.display(description="Fee")
    def fee_display(self, link):
        return link.fee_display
