"""The editors' admin: articles with their bylines, images, authors and tags."""

from django.contrib import admin
from django.utils.html import format_html

from newsroom.models import Article, ArticleAuthor, Author, Image, SlugRedirect, Tag


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "credit", "width", "height", "uploaded_at"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"

    @admin.display(description="Image")
    def thumbnail(self, image):
        return (
            format_html('<img src="{}" alt="" width="80">', image.file.url) if image.file else "—"
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "user", "social_handle"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user", "photo"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "byline author"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "status",
        "published_at",
        "primary_club",
        "is_featured",
        "updated_at",
    ]
    list_filter = ["status", "is_featured", "primary_club", "authors"]
    list_select_related = ["primary_club"]
    search_fields = ["headline", "standfirst", "body"]
    prepopulated_fields = {"slug": ["headline"]}
    date_hierarchy = "published_at"
    autocomplete_fields = [
        "hero_image",
        "primary_club",
        "clubs",
        "players",
        "transfer_links",
        "tags",
        "related",
        "record_player",
    ]
    inlines = [BylineInline]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body", "hero_image"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_featured",
                    "significant_update_at",
                    "correction",
                ]
            },
        ),
        (
            "Football",
            {"fields": ["primary_club", "clubs", "players", "transfer_links", "record_player"]},
        ),
        ("Related and tags", {"fields": ["related", "tags"]}),
        ("Search engines", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.include_primary_club()


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__headline"]
    autocomplete_fields = ["article"]
