"""The editors' admin: articles with workflow, previews and revisions; images, authors, tags."""

import re

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin

from newsroom import images, linking, preview, revisions, workflow
from newsroom.forms import ArticleAdminForm, ImageAdminForm
from newsroom.models import Article, ArticleAuthor, Author, Image, SlugRedirect, Tag
from newsroom.sanitize import sanitize_html
from transfers.pagination import EstimatedCountPaginator


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
    """Bylines are part of the article: whoever may change the piece may change its byline."""

    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "byline author"

    def _article_admin(self):
        return self.admin_site.get_model_admin(Article)

    def has_view_permission(self, request, obj=None):
        return self._article_admin().has_view_or_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._article_admin().has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._article_admin().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._article_admin().has_change_permission(request, obj)


# Who else has an article open: advisory only, so a cache entry that may vanish is enough.
PRESENCE_SECONDS = 15 * 60


def _presence_key(article):
    return f"newsroom:article-open:{article.pk}"


def note_presence(article, user):
    """Remember that the user has the article open; return the others who opened it lately."""
    now = timezone.now()
    seen = {
        user_id: (name, at)
        for user_id, (name, at) in (cache.get(_presence_key(article)) or {}).items()
        if (now - at).total_seconds() < PRESENCE_SECONDS and user_id != user.pk
    }
    others = sorted(seen.values(), key=lambda entry: entry[1])
    seen[user.pk] = (workflow.display_name(user), now)
    cache.set(_presence_key(article), seen, PRESENCE_SECONDS)
    return others


def forget_presence(article, user):
    seen = cache.get(_presence_key(article)) or {}
    if seen.pop(user.pk, None):
        cache.set(_presence_key(article), seen, PRESENCE_SECONDS)


class WorkflowFormMixin:
    """Added to whatever article form the admin builds: the version the form was opened at,
    and the workflow step a button asks for, both checked before anything is saved."""

    workflow_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.edit_conflict = False
        self.current_version = None
        self.claimed_version = None
        self.workflow_action = None
        self.mark_significant = False
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
        if self.instance.is_scheduled:
            self.fields["schedule_at"].initial = timezone.localtime(self.instance.published_at)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            self._check_version()
        return cleaned_data

    def _check_version(self):
        current = self.instance.version
        expected = self.cleaned_data.get("expected_version")
        # A form posted without a version (a script, not a browser) takes the current one.
        if expected is None or expected == current:
            self.claimed_version = current
            return
        if self.data.get("overwrite") and self.data.get("conflict_version") == str(current):
            self.claimed_version = current
            return
        self.edit_conflict = True
        self.current_version = current
        raise ValidationError(
            workflow.conflict_message(self.instance, viewer=self.workflow_user),
            code="edit_conflict",
        )

    def _post_clean(self):
        # Runs once the instance holds the submitted values, which the checks need to see.
        super()._post_clean()
        if self.errors:
            return
        user = self.workflow_user
        if "_significant_update" in self.data:
            if not workflow.can_publish(user):
                self.add_error(None, "Only editors can mark a significant update.")
            elif not self.instance.is_public:
                self.add_error(None, "Only a live article can be marked as updated.")
            else:
                self.mark_significant = True
        name = self.data.get("_transition")
        if name:
            reason = workflow.refusal(
                self.instance,
                name,
                user,
                note=self.cleaned_data.get("transition_note") or "",
                when=self.cleaned_data.get("schedule_at"),
            )
            if reason:
                self.add_error(None, reason)
            else:
                self.workflow_action = name

    def _update_errors(self, errors):
        # Django's own wording (“Article with this Slug already exists.”) reads like a database.
        super()._update_errors(errors)
        slug_errors = self._errors.get("slug")
        if slug_errors and any(e.code == "unique" for e in slug_errors.as_data()):
            self._errors["slug"] = self.error_class(
                [
                    "Another article already uses this slug. Change it slightly, for example by "
                    "adding the player’s surname."
                ],
                renderer=self.renderer,
            )


def keep_initial_revision(request, article):
    """Keep the article as found before its first edit here (loaded, imported, made in bulk),
    so that the first change can be compared and undone like any other."""
    if request.method != "GET" or not reversion.is_active():
        return
    if not revisions.versions_of(article).exists():
        reversion.add_to_revision(article)
        reversion.set_user(None)
        reversion.set_comment("As it was before its first edit in the admin.")


def workflow_form(base, user):
    """The admin's article form class with the workflow fields added, bound to the user."""
    attrs = {
        "workflow_user": user,
        "expected_version": forms.IntegerField(
            required=False, min_value=1, widget=forms.HiddenInput
        ),
        "transition_note": forms.CharField(
            label="Note",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 2, "cols": 70}),
            help_text="Kept in the article’s log. Needed when sending a piece back to draft.",
        ),
        "schedule_at": forms.SplitDateTimeField(
            label="Go live at",
            required=False,
            widget=AdminSplitDateTime,
            help_text="For “Schedule”: UK time.",
        ),
    }
    return type(base)(base.__name__, (WorkflowFormMixin, base), attrs)


def queue_counts(request):
    """How many pieces wait in each quick view; counted once per request."""
    if not hasattr(request, "_article_queues"):
        author = workflow.author_of(request.user)
        drafts = Article.objects.filter(status=Article.Status.DRAFT)
        request._article_queues = {
            "mine": drafts.filter(bylines__author=author).count() if author else 0,
            "review": Article.objects.filter(status=Article.Status.IN_REVIEW).count(),
        }
    return request._article_queues


class QueueFilter(admin.SimpleListFilter):
    title = "quick views"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        counts = queue_counts(request)
        return [
            ("mine", f"My drafts ({counts['mine']})"),
            ("review", f"Awaiting review ({counts['review']})"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            author = workflow.author_of(request.user)
            if author is None:
                return queryset.none()
            return queryset.filter(status=Article.Status.DRAFT, bylines__author=author)
        if self.value() == "review":
            return queryset.filter(status=Article.Status.IN_REVIEW)
        return queryset


class StateFilter(admin.SimpleListFilter):
    """Status as editors think of it: a published piece is either live or scheduled."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("live", "Live"),
            ("archived", "Archived"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = Article.Status.PUBLISHED
        return {
            "draft": lambda: queryset.filter(status=Article.Status.DRAFT),
            "review": lambda: queryset.filter(status=Article.Status.IN_REVIEW),
            "scheduled": lambda: queryset.filter(status=published, published_at__gt=now),
            "live": lambda: queryset.filter(status=published, published_at__lte=now),
            "archived": lambda: queryset.filter(status=Article.Status.ARCHIVED),
        }.get(self.value(), lambda: queryset)()


def titled(filter_class, title):
    """A stock list filter under a title of our choosing (the field's name reads badly)."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


EDITORS_FIELDSET = "Corrections and updates"

BULK_DONE = {
    "submit": "Submitted {} for review.",
    "publish": "Published {}.",
    "unpublish": "Unpublished {}: they are drafts again.",
    "archive": "Archived {}.",
}


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    list_display = ["headline", "state", "byline_names", "primary_club", "last_saved"]
    list_filter = [
        QueueFilter,
        StateFilter,
        "primary_club",
        ("authors", titled(admin.RelatedFieldListFilter, "author")),
        ("is_featured", titled(admin.BooleanFieldListFilter, "home page lead")),
    ]
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
    # A million articles: the planner's estimate of the list's length, not COUNT(*) each time.
    paginator = EstimatedCountPaginator
    actions = ["submit_selected", "publish_selected", "unpublish_selected", "archive_selected"]
    change_form_template = "admin/newsroom/article/change_form.html"
    change_list_template = "admin/newsroom/article/change_list.html"
    object_history_template = "admin/newsroom/article/object_history.html"
    # State and publication time change only through the workflow buttons, which check and log.
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body", "hero_image"]}),
        (
            EDITORS_FIELDSET,
            {"fields": ["correction", "significant_update_at", "is_featured"]},
        ),
        (
            "Football",
            {"fields": ["primary_club", "clubs", "players", "transfer_links", "record_player"]},
        ),
        ("Related and tags", {"fields": ["related", "tags"]}),
        ("Search engines", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]

    class Media:
        css = {"all": ["css/admin-workflow.css"]}

    # Columns.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == "newsroom_article_changelist":
            # A page of a hundred rows need not carry a hundred bodies.
            bylines = ArticleAuthor.objects.select_related("author").order_by("position")
            queryset = queryset.defer("body", "search_vector").prefetch_related(
                Prefetch("bylines", bylines)
            )
        return queryset

    @admin.display(description="State", ordering="published_at")
    def state(self, article):
        key = "scheduled" if article.is_scheduled else article.status
        return format_html(
            '<span class="article-state article-state-{}">{}</span>',
            key,
            workflow.state_label(article, short=True),
        )

    @admin.display(description="Last saved", ordering="updated_at")
    def last_saved(self, article):
        return workflow.short_time(article.updated_at)

    @admin.display(description="Byline")
    def byline_names(self, article):
        return ", ".join(author.name for author in article.byline) or "—"

    def view_on_site(self, article):
        return article.get_absolute_url() if article.is_public else None

    def get_search_results(self, request, queryset, search_term):
        # On PostgreSQL the trigger-maintained tsvector answers in milliseconds where a LIKE
        # over every body would scan the table; each word matches as a prefix, as editors type.
        words = re.findall(r"\w+", search_term)
        if connection.vendor != "postgresql" or not words:
            return super().get_search_results(request, queryset, search_term)
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="english"
        )
        return queryset.filter(search_vector=query), False

    # Permissions: enforced here, on the server, whatever the buttons show.

    def has_add_permission(self, request):
        user = request.user
        return super().has_add_permission(request) and (
            user.has_perm("newsroom.change_any_article") or workflow.author_of(user) is not None
        )

    def has_change_permission(self, request, obj=None):
        if obj is None or obj.pk is None:
            return workflow.can_edit(request.user, obj)
        # The admin asks many times per page; ask the database once.
        memo = request.__dict__.setdefault("_article_can_edit", {})
        key = (obj.pk, obj.status)
        if key not in memo:
            memo[key] = workflow.can_edit(request.user, obj)
        return memo[key]

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not workflow.can_publish(request.user):
            # Corrections and the home page lead are editors' business.
            fieldsets = [(name, opts) for name, opts in fieldsets if name != EDITORS_FIELDSET]
        if obj is not None and not self.has_change_permission(request, obj):
            fieldsets = [
                (
                    name,
                    {
                        **opts,
                        "fields": ["body_as_read" if f == "body" else f for f in opts["fields"]],
                    },
                )
                for name, opts in fieldsets
            ]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if workflow.can_publish(request.user):
            return []
        return ["correction", "significant_update_at", "is_featured"]

    @admin.display(description="Body")
    def body_as_read(self, article):
        # Through the site's allow-list again: bulk loads do not pass through Article.save.
        return format_html(
            '<div class="article-body-read">{}</div>', mark_safe(sanitize_html(article.body))
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        return workflow_form(super().get_form(request, obj, change, **kwargs), request.user)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        author = workflow.author_of(request.user)
        # Only on the blank form: with posted data an unchanged initial row would not be saved.
        new_piece = obj.pk is None and request.method == "GET"
        if isinstance(inline, BylineInline) and new_piece and author is not None:
            kwargs["initial"] = [{"author": author.pk}]
        return kwargs

    # Saving.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except workflow.EditConflict:
            # Another save won the race after this form passed its check. Everything, the
            # revision included, was rolled back; running again shows the editor the conflict
            # with their text kept.
            return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            workflow.claim_version(obj, getattr(form, "claimed_version", None) or obj.version)
        transition = None
        action = getattr(form, "workflow_action", None)
        if action:
            transition = workflow.apply(
                obj,
                action,
                request.user,
                note=form.cleaned_data.get("transition_note") or "",
                when=form.cleaned_data.get("schedule_at"),
            )
        if getattr(form, "mark_significant", False):
            obj.significant_update_at = timezone.now()
        super().save_model(request, obj, form, change)
        if transition:
            transition.article = obj
            transition.save()
            request._article_transition = transition

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        article.include_primary_club()
        # Players and clubs newly named in the body are tagged; the editor may remove any.
        found = linking.tag_mentions(article, form.initial.get("body", ""))
        if found:
            self.message_user(request, linking.describe(found), messages.INFO)
        # A writer's piece stays theirs: they are always in the byline of what they write.
        author = workflow.author_of(request.user)
        if (
            author
            and not request.user.has_perm("newsroom.change_any_article")
            and not article.bylines.filter(author=author).exists()
        ):
            position = article.bylines.count()
            ArticleAuthor.objects.create(article=article, author=author, position=position)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        transition = getattr(request, "_article_transition", None)
        if transition and reversion.is_active():
            reversion.set_comment(
                f"{workflow.transition_comment(transition)}. {entry.get_change_message()}"
            )
        return entry

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        transition = getattr(request, "_article_transition", None)
        if transition and reversion.is_active():
            reversion.set_comment(f"Created. {workflow.transition_comment(transition)}.")
        return entry

    def response_add(self, request, obj, post_url_continue=None):
        return self._workflow_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._workflow_response(request, obj) or super().response_change(request, obj)

    def _workflow_response(self, request, obj):
        forget_presence(obj, request.user)
        change_url = reverse("admin:newsroom_article_change", args=[obj.pk])
        transition = getattr(request, "_article_transition", None)
        if transition:
            self.message_user(request, workflow.confirmation(obj, transition), messages.SUCCESS)
            return redirect(change_url)
        if "_significant_update" in request.POST:
            when = date_format(timezone.localtime(obj.significant_update_at), "j F Y, H:i")
            self.message_user(
                request,
                f"Saved “{obj.headline}” and marked it as updated: readers now see "
                f"“Updated {when}”.",
                messages.SUCCESS,
            )
            return redirect(change_url)
        if "_saveandpreview" in request.POST:
            return redirect("admin:newsroom_article_preview", obj.pk)
        return None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        user = request.user
        article = obj if obj is not None else Article()
        form = context["adminform"].form
        editable = self.has_change_permission(request, obj) if obj else add
        actions = workflow.available_actions(article, user) if editable else []
        context.update(
            workflow_state=workflow.state_label(article) if obj else "New draft",
            workflow_actions=actions,
            can_schedule=any(action.name == "schedule" for action in actions),
            edit_conflict=getattr(form, "edit_conflict", False),
            current_version=getattr(form, "current_version", None),
            can_mark_significant=bool(obj and editable and obj.is_public)
            and workflow.can_publish(user),
        )
        if obj is not None and obj.pk:
            keep_initial_revision(request, obj)
            who, when = workflow.last_change(obj)
            context.update(
                transitions=list(obj.transitions.select_related("by")[:8]),
                transition_count=obj.transitions.count(),
                last_changed_by=workflow.display_name(who) if who else None,
                last_changed_at=when,
                others_here=note_presence(obj, user),
                preview_url=reverse("admin:newsroom_article_preview", args=[obj.pk]),
                history_url=reverse("admin:newsroom_article_history", args=[obj.pk]),
            )
            if not obj.is_public:
                link, expires = preview.shareable_link(obj)
                context.update(share_link=link, share_expires=expires)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Bulk workflow actions on the list.

    def _bulk(self, request, queryset, name):
        done, refused = 0, []
        for article in queryset.select_related("hero_image"):
            try:
                workflow.perform(article, name, request.user)
            except (workflow.Refused, workflow.EditConflict) as reason:
                refused.append(f"“{article.headline}”: {reason}")
            else:
                done += 1
        if done:
            count = f"{done} article{'s' if done != 1 else ''}"
            self.message_user(request, BULK_DONE[name].format(count), messages.SUCCESS)
        for reason in refused:
            self.message_user(request, f"Not changed: {reason}", messages.WARNING)

    @admin.action(permissions=["change"], description="Submit selected articles for review")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit")

    @admin.action(permissions=["publish"], description="Publish selected articles now")
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(permissions=["publish"], description="Unpublish selected articles")
    def unpublish_selected(self, request, queryset):
        self._bulk(request, queryset, "unpublish")

    @admin.action(permissions=["publish"], description="Archive selected articles")
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, "archive")

    # The list page: quick views, and recovery for editors only.

    def changelist_view(self, request, extra_context=None):
        user = request.user
        if workflow.author_of(user) is None and not user.has_perm("newsroom.change_any_article"):
            self.message_user(
                request,
                "Your account is not linked to an author profile, so you cannot write articles "
                "yet. Ask an editor to link one.",
                messages.WARNING,
            )
        counts = queue_counts(request)
        context = {
            "quick_views": [
                ("mine", "My drafts", counts["mine"]),
                ("review", "Awaiting review", counts["review"]),
            ],
            "quick_view": request.GET.get(QueueFilter.parameter_name),
            "can_recover": workflow.can_publish(user),
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def recoverlist_view(self, request, extra_context=None):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    # Previews, history, comparison and restore.

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/preview/",
                view(self.preview_view),
                name="newsroom_article_preview",
            ),
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="newsroom_article_compare",
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id, *, change=False):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        allowed = (
            self.has_change_permission(request, article)
            if change
            else self.has_view_or_change_permission(request, article)
        )
        if not allowed:
            raise PermissionDenied
        return article

    def _page(self, request, article, template, title, **context):
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "module_name": self.opts.verbose_name_plural.capitalize(),
                "original": article,
                "object": article,
                "title": title,
                "history_url": reverse("admin:newsroom_article_history", args=[article.pk]),
                **context,
            },
        )

    def preview_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        return preview.render_preview(
            request, article, back_url=reverse("admin:newsroom_article_change", args=[article.pk])
        )

    def history_view(self, request, object_id, extra_context=None):
        article = self._article_or_404(request, object_id)
        versions = list(revisions.versions_of(article)[:200])
        return self._page(
            request,
            article,
            self.object_history_template,
            f"History of “{article.headline}”",
            versions=versions,
            transitions=article.transitions.select_related("by"),
            can_restore=self.has_change_permission(request, article),
        )

    def compare_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        versions = revisions.versions_of(article)
        chosen = [request.GET.get("from", ""), request.GET.get("to", "")]
        if not all(pk.isdigit() for pk in chosen):
            latest = list(versions.values_list("pk", flat=True)[:2])
            if len(latest) < 2:
                self.message_user(
                    request,
                    "There is only one revision, so nothing to compare yet.",
                    messages.INFO,
                )
                return redirect("admin:newsroom_article_history", article.pk)
            chosen = [str(pk) for pk in reversed(latest)]
        found = {str(v.pk): v for v in versions.filter(pk__in=chosen)}
        if len(found) != len(set(chosen)):
            raise Http404("No such revision of this article.")
        ordered = sorted(found.values(), key=lambda v: (v.revision.date_created, v.pk))
        older, newer = ordered[0], ordered[-1]
        return self._page(
            request,
            article,
            "admin/newsroom/article/compare.html",
            f"Changes to “{article.headline}”",
            older=older,
            newer=newer,
            changes=revisions.compare(revisions.snapshot(older), revisions.snapshot(newer)),
            can_restore=self.has_change_permission(request, article),
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore: a confirmation showing what would change, then a new revision on POST."""
        article = self._article_or_404(request, object_id, change=True)
        version = get_object_or_404(revisions.versions_of(article), pk=version_id)
        change_url = reverse("admin:newsroom_article_change", args=[article.pk])
        if request.method == "POST":
            expected = request.POST.get("expected_version", "")
            try:
                warnings = revisions.restore(
                    article,
                    version,
                    request.user,
                    expected_version=int(expected) if expected.isdigit() else None,
                )
            except workflow.EditConflict as conflict:
                self.message_user(
                    request,
                    f"{conflict.summary}, after you opened this page. Nothing was restored: "
                    "look at the changes again before restoring.",
                    messages.ERROR,
                )
                return redirect(request.path)
            described = revisions.describe(version)
            self.log_change(request, article, f"Restored the version of {described}.")
            self.message_user(
                request,
                f"Restored the version of {described} as a new revision. Its state, slug and "
                "correction are unchanged.",
                messages.SUCCESS,
            )
            for warning in warnings:
                self.message_user(request, warning, messages.WARNING)
            return redirect(change_url)
        return self._page(
            request,
            article,
            "admin/newsroom/article/restore.html",
            f"Restore “{article.headline}”",
            version=version,
            changes=revisions.compare(
                revisions.current_snapshot(article),
                revisions.snapshot(version),
                workflow_fields=False,
            ),
        )


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__headline"]
    autocomplete_fields = ["article"]


# The live pages register their own admin (newsroom/live_admin.py).
from newsroom import live_admin  # noqa: E402, F401
