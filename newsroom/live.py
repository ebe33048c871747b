"""Live pages for readers: the page, the cheap polling endpoint behind it, and posting an entry.

The polling endpoint is built for a thousand readers asking every fifteen seconds: each page's
state (its id and a token naming its newest entry and last change) lives in the cache, so a poll
that finds nothing new is answered from one cache read with no database query, and a poll that
finds something is answered from a cached fragment shared by every reader at the same point.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from newsroom.models import LiveEntry, LivePage
from transfers.models import TransferLink, TransferUpdate

POLL_INTERVAL_SECONDS = 15
POLL_MAX_AGE = 5
PAGE_MAX_AGE = 30
ENTRIES_PER_PAGE = 100
# A known page's state is dropped by signals whenever it or an entry changes; the timeout only
# bounds the damage should a signal ever be missed (an edit made straight in the database).
STATE_TIMEOUT = 5 * 60
# "No such public page" is remembered briefly: a scheduled page goes public without a signal.
MISSING_TIMEOUT = 30
FRAGMENT_TIMEOUT = 5 * 60


# Posting.


@transaction.atomic
def save_entry(entry, user):
    """Save a new or edited entry, keep one pinned entry per page, and move its transfer link."""
    if entry.pk is None:
        entry.created_by = user
    if entry.is_pinned:
        # Unpin first: the database allows one pinned entry per page.
        LiveEntry.objects.filter(live_page_id=entry.live_page_id, is_pinned=True).exclude(
            pk=entry.pk
        ).update(is_pinned=False)
    entry.save()
    apply_status_change(entry)
    return entry


def apply_status_change(entry):
    """Move the entry's transfer link to its new status and add the entry to the link's story.

    Runs once per entry: an entry that already made its move (transfer_update set) makes no other.
    """
    if not (entry.transfer_link_id and entry.new_status) or entry.transfer_update_id:
        return None
    link = TransferLink.objects.select_for_update().get(pk=entry.transfer_link_id)
    link.status = entry.new_status
    link.updated_at = timezone.now()
    link.save(update_fields=["status", "updated_at"])
    update = TransferUpdate.objects.create(
        link=link,
        reported_at=entry.shown_at,
        status=entry.new_status,
        note=entry.plain_text,
    )
    entry.transfer_update = update
    entry.save(update_fields=["transfer_update"])
    return update


# The cached state of a page, and the signals that keep it true.


def state_key(slug):
    return f"live:state:{slug}"


def live_state(slug):
    """{"id", "latest", "token"} for a public page, or None; one cache read when warm."""
    state = cache.get(state_key(slug))
    if state is None:
        row = (
            LivePage.objects.published()
            .filter(slug=slug)
            .annotate(
                latest=Max("entries__id"),
                changed=Max("entries__updated_at"),
                count=Count("entries"),
            )
            .values("pk", "latest", "changed", "count", "updated_at")
            .first()
        )
        if row is None:
            cache.set(state_key(slug), {}, MISSING_TIMEOUT)
            return None
        # Count and last change catch edits and deletions that leave the newest id as it was.
        fingerprint = repr(
            (row["pk"], row["latest"], row["count"], row["changed"], row["updated_at"])
        )
        state = {
            "id": row["pk"],
            "latest": row["latest"] or 0,
            "token": hashlib.sha256(fingerprint.encode()).hexdigest()[:20],
        }
        cache.set(state_key(slug), state, STATE_TIMEOUT)
    return state or None


@receiver(pre_save, sender=LivePage)
def remember_previous_slug(sender, instance, **kwargs):
    if instance.pk:
        instance._previous_slug = (
            LivePage.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


@receiver(post_save, sender=LivePage)
@receiver(post_delete, sender=LivePage)
def forget_page_state(sender, instance, **kwargs):
    # A renamed page must stop answering under its old slug at once.
    slugs = {instance.slug, getattr(instance, "_previous_slug", None)} - {None}
    cache.delete_many([state_key(slug) for slug in slugs])


@receiver(post_save, sender=LiveEntry)
@receiver(post_delete, sender=LiveEntry)
def forget_entry_page_state(sender, instance, **kwargs):
    slug = LivePage.objects.filter(pk=instance.live_page_id).values_list("slug", flat=True).first()
    if slug:
        cache.delete(state_key(slug))


@receiver(pre_delete, sender=TransferLink)
def forget_status_moves_of_deleted_link(sender, instance, **kwargs):
    # The entries stay, without the link (SET_NULL); a status move needs its link, in the
    # database too (entry_status_needs_a_link), so it goes first.
    LiveEntry.objects.filter(transfer_link=instance).exclude(new_status="").update(new_status="")


# Reader pages.


def entry_queryset():
    """What an entry needs on the page, in one query: image, author and the link it cites."""
    return LiveEntry.objects.select_related(
        "image",
        "author",
        "transfer_link__player",
        "transfer_link__from_club",
        "transfer_link__to_club",
    )


@require_safe
def live_page(request, slug):
    page = get_object_or_404(
        LivePage.objects.published()
        .select_related("primary_club")
        .prefetch_related("authors")
        .annotate(latest_entry_id=Max("entries__id")),
        slug=slug,
    )
    entries = entry_queryset().filter(live_page=page)
    pinned = entries.filter(is_pinned=True).first()
    key_events = list(
        page.entries.filter(is_key_event=True).only("id", "title", "body", "shown_at", "live_page")
    )
    paginator = Paginator(entries.exclude(is_pinned=True), ENTRIES_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    now = timezone.now()
    context = {
        "live_page": page,
        "pinned": pinned,
        "key_events": key_events,
        "entries": page_obj.object_list,
        "page_obj": page_obj,
        "is_paginated": page_obj.has_other_pages(),
        "is_running": page.starts_at <= now < page.ends_at,
        "has_ended": now >= page.ends_at,
        # Readers on the first page of an unfinished page follow it; older pages stay still.
        "polls": page_obj.number == 1 and now < page.ends_at,
        "poll_interval": POLL_INTERVAL_SECONDS,
        "structured_data": structured_data(request, page, pinned, page_obj.object_list),
    }
    response = render(request, "newsroom/live_detail.html", context)
    patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
    return response


@require_safe
def live_updates(request, slug):
    """GET ?after=<entry id>: the entries posted since, as JSON with their rendered HTML.

    Nothing new is answered with an empty list (or 304 to a matching If-None-Match) straight
    from the cached state, without touching the database.
    """
    after = request.GET.get("after", "0")
    if not after.isdigit() or len(after) > 18:
        return HttpResponseBadRequest(
            "“after” must be the number of the last entry you have.",
            content_type="text/plain; charset=utf-8",
        )
    after = int(after)
    state = live_state(slug)
    if state is None:
        return JsonResponse({"error": "No live page here."}, status=404)
    etag = quote_etag(f"live-{state['token']}")
    response = get_conditional_response(request, etag=etag)
    if response is None:
        if after >= state["latest"]:
            payload = {"latest": state["latest"], "count": 0, "html": ""}
        else:
            payload = new_entries_payload(state, after)
        response = HttpResponse(
            json.dumps(payload, ensure_ascii=False), content_type="application/json"
        )
    response.headers["ETag"] = etag
    patch_cache_control(response, public=True, max_age=POLL_MAX_AGE)
    return response


def new_entries_payload(state, after):
    """Entries with an id above `after`, newest first; cached per state, shared by readers."""
    key = f"live:fragment:{state['id']}:{state['token']}:{after}"
    payload = cache.get(key)
    if payload is None:
        entries = list(
            entry_queryset().filter(live_page_id=state["id"], id__gt=after)[:ENTRIES_PER_PAGE]
        )
        html = "".join(
            render_to_string("newsroom/includes/live_entry.html", {"entry": entry})
            for entry in entries
        )
        payload = {"latest": state["latest"], "count": len(entries), "html": html}
        cache.set(key, payload, FRAGMENT_TIMEOUT)
    return payload


# Structured data.


def structured_data(request, page, pinned, entries):
    """The page as schema.org LiveBlogPosting JSON-LD, escaped for a <script> element."""
    absolute = request.build_absolute_uri
    url = absolute(page.get_absolute_url())
    updates = ([pinned] if pinned else []) + list(entries)
    updates.sort(key=lambda entry: (entry.shown_at, entry.pk), reverse=True)
    modified = max([page.updated_at, *(entry.updated_at for entry in updates)])
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": url,
        "url": url,
        "headline": page.headline,
        "description": page.standfirst,
        "datePublished": page.published_at.isoformat(),
        "dateModified": modified.isoformat(),
        "coverageStartTime": page.starts_at.isoformat(),
        "coverageEndTime": page.ends_at.isoformat(),
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute("/")},
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "@id": f"{url}#entry-{entry.pk}",
                "url": f"{url}#entry-{entry.pk}",
                "headline": entry.title or entry.summary,
                "datePublished": entry.shown_at.isoformat(),
                "dateModified": entry.updated_at.isoformat(),
                "articleBody": entry.plain_text,
                **(
                    {"author": {"@type": "Person", "name": entry.author.name}}
                    if entry.author
                    else {}
                ),
                **({"image": absolute(entry.image.file.url)} if entry.image else {}),
            }
            for entry in updates
        ],
    }
    authors = list(page.authors.all())
    if authors:
        data["author"] = [
            {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
            for author in authors
        ]
    text = json.dumps(data, ensure_ascii=False)
    # As django.utils.html.json_script does: nothing in the data can close the element.
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(text)
