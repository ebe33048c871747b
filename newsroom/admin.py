"""The editors' admin: articles with their bylines, images, authors and tags."""

from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.shortcuts import redirect
from django.utils.html import format_html

from newsroom import images, linking
from newsroom.forms import ArticleAdminForm, ImageAdminForm
from newsroom.models import Article, ArticleAuthor, Author, Image, SlugRedirect, Tag


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "alt_text", "credit", "width", "height", "uploaded_at"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    actions = ["delete_selected"]

    @admin.display(description="Image")
    def thumbnail(self, image):
        if not image.file:
            return "—"
        try:
            small = images.get_rendition(image, 400, fmt="jpeg")
        except Exception:
            return "(unreadable)"
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', small.url)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        new_file = "file" in form.changed_data
        replaced = form.initial.get("file") if change and new_file else None
        try:
            super().save_model(request, obj, form, change)
        except Exception:
            # The file is written before the row: do not leave it behind without one.
            if new_file and obj.file.name:
                obj.file.storage.delete(obj.file.name)
            raise
        if replaced:
            pk, old_name = obj.pk, replaced.name
            transaction.on_commit(lambda: images.delete_files(pk, old_name))
        transaction.on_commit(lambda: images.make_standard_renditions(obj))

    def _in_use_message(self, queryset):
        """Why these images cannot go, naming the articles that show them; None if free."""
        heroes = (
            Article.objects.filter(hero_image__in=queryset)
            .order_by("headline")
            .values_list("headline", flat=True)
        )
        headlines = [f"“{headline}”" for headline in heroes[:6]]
        if not headlines:
            return None
        if len(headlines) > 5:
            listed = ", ".join(headlines[:5]) + f" and {heroes.count() - 5} more"
        elif len(headlines) > 1:
            listed = ", ".join(headlines[:-1]) + " and " + headlines[-1]
        else:
            listed = headlines[0]
        noun = "articles use" if len(headlines) > 1 else "article uses"
        return (
            f"Not deleted: the {noun} this image as the lead picture: {listed}. "
            "Choose another image for them first."
        )

    def delete_view(self, request, object_id, extra_context=None):
        image = self.get_object(request, unquote(object_id))
        if image is not None and (reason := self._in_use_message([image])):
            self.message_user(request, reason, messages.ERROR)
            return redirect("admin:newsroom_image_change", image.pk)
        return super().delete_view(request, object_id, extra_context)

    @admin.action(permissions=["delete"], description="Delete selected images")
    def delete_selected(self, request, queryset):
        if reason := self._in_use_message(queryset):
            self.message_user(request, reason, messages.ERROR)
            return None
        return admin_actions.delete_selected(self, request, queryset)

    def delete_model(self, request, obj):
        pk, name = obj.pk, obj.file.name
        super().delete_model(request, obj)
        transaction.on_commit(lambda: images.delete_files(pk, name))

    def delete_queryset(self, request, queryset):
        files = list(queryset.values_list("pk", "file"))
        super().delete_queryset(request, queryset)
        transaction.on_commit(lambda: [images.delete_files(pk, name) for pk, name in files])


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
    form = ArticleAdminForm
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
        # Players and clubs newly named in the body are tagged; the editor may remove any.
        found = linking.tag_mentions(form.instance, form.initial.get("body", ""))
        if found:
            self.message_user(request, linking.describe(found), messages.INFO)


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__headline"]
    autocomplete_fields = ["article"]


# The live pages register their own admin (newsroom/live_admin.py).
from newsroom import live_admin  # noqa: E402, F401
