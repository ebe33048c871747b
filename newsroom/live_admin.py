"""The editors' live-page admin: a quick entry form at the top of each page, its entries below.

Writers and Editors both post. Editing follows the article roles: writers change only their
own entries and delete none; editors change and delete any. Moving a transfer link's status
from an entry is an editor's call, as editing the link itself is. Every save is a revision.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from reversion import create_revision, set_comment, set_user
from reversion.admin import VersionAdmin

from newsroom.live import save_entry
from newsroom.models import LiveEntry, LivePage
from newsroom.sanitize import sanitize_html
from newsroom.workflow import author_of

# A subset of the article editor (newsroom.forms): an entry is a few lines, not a feature.
ENTRY_EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False},
    "BulletList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "History": True,
}
QUICK_FIELDS = [
    "body",
    "title",
    "shown_at",
    "image",
    "transfer_link",
    "new_status",
    "is_key_event",
    "is_pinned",
]
QUICK_FORM_MARKER = "_post_live_entry"
# Field names apart from the live page's own form on the same admin page.
QUICK_FORM_PREFIX = "entry"
RECENT_ENTRIES = 50
STATUS_PERMISSION = "transfers.change_transferlink"


def can_change_entry(user, entry=None):
    """Editors change any entry; writers only the ones they posted."""
    if not user.has_perm("newsroom.change_liveentry"):
        return False
    if entry is None or user.has_perm("newsroom.change_any_article"):
        return True
    return entry.created_by_id == user.pk


def can_move_transfers(user):
    return user.has_perm(STATUS_PERMISSION)


class LiveEntryForm(forms.ModelForm):
    body = ProseEditorFormField(
        extensions=ENTRY_EDITOR_EXTENSIONS,
        sanitize=sanitize_html,
        widget=AdminProseEditorWidget,
        label="Update",
        help_text="A few lines: bold, italic, links, lists and quotes.",
    )

    class Meta:
        model = LiveEntry
        fields = QUICK_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "shown_at" in self.fields:
            # Empty means "when I press Post", not when the form was opened minutes ago.
            if self.instance.pk is None:
                self.initial["shown_at"] = None
            self.fields["shown_at"].required = False
            self.fields["shown_at"].help_text = "Leave empty to show the moment you post."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_status") and not cleaned.get("transfer_link"):
            self.add_error("transfer_link", "Choose the transfer whose status this update moves.")
        if "shown_at" in self.fields and not cleaned.get("shown_at"):
            cleaned["shown_at"] = timezone.now()
            self.instance.shown_at = cleaned["shown_at"]
        return cleaned


@admin.register(LiveEntry)
class LiveEntryAdmin(VersionAdmin):
    form = LiveEntryForm
    list_display = ["shown_at", "__str__", "live_page", "is_key_event", "is_pinned", "created_by"]
    list_filter = ["live_page", "is_key_event", "is_pinned"]
    list_select_related = ["live_page", "created_by"]
    search_fields = ["title", "body"]
    date_hierarchy = "shown_at"
    autocomplete_fields = ["live_page", "image", "transfer_link", "author"]
    show_full_result_count = False

    def get_fields(self, request, obj=None):
        return ["live_page", *QUICK_FIELDS, "author"]

    def get_readonly_fields(self, request, obj=None):
        readonly = []
        if obj is not None:
            readonly.append("live_page")
            if obj.transfer_update_id:
                # The move is in the transfer's story now: correct it there, not here.
                readonly += ["transfer_link", "new_status"]
        if not can_move_transfers(request.user) and "new_status" not in readonly:
            readonly.append("new_status")
        return readonly

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("author", author_of(request.user))
        return initial

    def has_change_permission(self, request, obj=None):
        return can_change_entry(request.user, obj)

    def save_model(self, request, obj, form, change):
        save_entry(obj, request.user)

    def live_page_url(self, entry):
        return reverse("admin:newsroom_livepage_change", args=[entry.live_page_id])

    def response_add(self, request, obj, post_url_continue=None):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        messages.success(request, f"Update posted on “{obj.live_page}”.")
        return HttpResponseRedirect(self.live_page_url(obj))

    def response_change(self, request, obj):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return super().response_change(request, obj)
        messages.success(request, f"Update of {timezone.localtime(obj.shown_at):%H:%M} saved.")
        return HttpResponseRedirect(self.live_page_url(obj))

    def delete_view(self, request, object_id, extra_context=None):
        # Remembered before the delete so the editor lands back on the live page.
        entry = self.get_object(request, unquote(object_id))
        response = super().delete_view(request, object_id, extra_context)
        if entry is not None and request.method == "POST" and response.status_code == 302:
            return HttpResponseRedirect(self.live_page_url(entry))
        return response


@admin.register(LivePage)
class LivePageAdmin(VersionAdmin):
    change_form_template = "admin/newsroom/livepage/change_form.html"
    list_display = [
        "headline",
        "status",
        "starts_at",
        "ends_at",
        "is_running",
        "entry_count",
        "primary_club",
        "view_on_site_link",
    ]
    list_filter = ["status", "primary_club"]
    list_select_related = ["primary_club"]
    search_fields = ["headline", "standfirst"]
    prepopulated_fields = {"slug": ["headline"]}
    date_hierarchy = "starts_at"
    autocomplete_fields = ["primary_club", "authors"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "primary_club", "authors"]}),
        ("Coverage", {"fields": ["starts_at", "ends_at"]}),
        ("Publishing", {"fields": ["status", "published_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_total=Count("entries"))

    @admin.display(description="updates", ordering="entry_total")
    def entry_count(self, live_page):
        return live_page.entry_total

    @admin.display(boolean=True, description="running now")
    def is_running(self, live_page):
        return live_page.is_running

    @admin.display(description="page")
    def view_on_site_link(self, live_page):
        if not live_page.is_public:
            return "—"
        return format_html('<a href="{}">View</a>', live_page.get_absolute_url())

    def entry_form_class(self, request):
        fields = [f for f in QUICK_FIELDS if f != "new_status" or can_move_transfers(request.user)]
        entry_admin = self.admin_site._registry[LiveEntry]
        return entry_admin.get_form(request, fields=fields)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        live_page = self.get_object(request, unquote(object_id))
        entry_form = None
        if live_page is not None and request.method == "POST" and QUICK_FORM_MARKER in request.POST:
            if not request.user.has_perm("newsroom.add_liveentry"):
                raise PermissionDenied
            entry_form = self.entry_form_class(request)(
                request.POST,
                request.FILES,
                instance=LiveEntry(live_page=live_page),
                prefix=QUICK_FORM_PREFIX,
            )
            if entry_form.is_valid():
                entry = entry_form.save(commit=False)
                entry.author = author_of(request.user)
                with create_revision():
                    set_user(request.user)
                    set_comment("Posted from the live page's quick form.")
                    save_entry(entry, request.user)
                messages.success(
                    request, f"Update posted at {timezone.localtime(entry.shown_at):%H:%M}."
                )
                return HttpResponseRedirect(request.path)
            # Show the page again with the entry's errors; the live page itself is not saved.
            request.method = "GET"
        if live_page is not None:
            extra_context = {
                **(extra_context or {}),
                **self.entries_context(request, live_page, entry_form),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def entries_context(self, request, live_page, entry_form):
        user = request.user
        if entry_form is None and user.has_perm("newsroom.add_liveentry"):
            entry_form = self.entry_form_class(request)(
                instance=LiveEntry(live_page=live_page), prefix=QUICK_FORM_PREFIX
            )
        entries = list(
            live_page.entries.select_related(
                "created_by", "transfer_link__player", "transfer_link__to_club"
            )[:RECENT_ENTRIES]
        )
        for entry in entries:
            entry.can_change = can_change_entry(user, entry)
        return {
            "live_entry_form": entry_form,
            "quick_form_marker": QUICK_FORM_MARKER,
            "live_entries": entries,
            "live_entry_total": live_page.entries.count(),
            "can_delete_entries": user.has_perm("newsroom.delete_liveentry"),
        }

    def render_change_form(self, request, context, *args, **kwargs):
        entry_form = context.get("live_entry_form")
        if entry_form is not None:
            context["media"] = context["media"] + entry_form.media
        return super().render_change_form(request, context, *args, **kwargs)
