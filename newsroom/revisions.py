"""Revisions of articles (stored by django-reversion): readable differences, and restoring one.

A restore brings back what was written (text, pictures, clubs, players, tags, byline) but not
the workflow state, the slug or the correction: those move only forwards, through the workflow,
so that restoring old words never unpublishes a piece, breaks its URL or hides a correction.
"""

import difflib
import html
import re
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from reversion.models import Version

from newsroom import workflow
from newsroom.models import Article, ArticleAuthor, Author, Image
from transfers.models import Club, Player, TransferLink

TEXT_FIELDS = [
    ("headline", "Headline"),
    ("standfirst", "Standfirst"),
    ("body", "Body"),
    ("seo_title", "Search engine title"),
    ("seo_description", "Search engine description"),
]
RELATED_FIELDS = [
    ("hero_image_id", "Hero image", Image),
    ("primary_club_id", "Primary club", Club),
    ("record_player_id", "Record table", Player),
]
MANY_FIELDS = [
    ("clubs", "Clubs", Club),
    ("players", "Players", Player),
    ("transfer_links", "Transfer links", TransferLink),
    ("tags", "Tags", "newsroom.Tag"),
    ("related", "Read more", Article),
]
# Shown in the comparison so that a reader sees the whole change, but never restored.
WORKFLOW_FIELDS = [
    ("status", "State"),
    ("published_at", "Publication time"),
    ("slug", "Slug"),
    ("correction", "Correction"),
    ("significant_update_at", "Significant update"),
]


def versions_of(article):
    """The article's revisions, newest first, with who saved them."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def snapshot(version):
    """A revision's content as plain values: field values, lists of ids and the byline."""
    data = dict(version.field_dict)
    byline_type = ContentType.objects.get_for_model(ArticleAuthor)
    bylines = [
        v.field_dict
        for v in version.revision.version_set.filter(content_type=byline_type)
        if str(v.field_dict.get("article_id")) == version.object_id
    ]
    data["byline"] = [b["author_id"] for b in sorted(bylines, key=lambda b: b["position"])]
    return data


def current_snapshot(article):
    """The same shape as snapshot(), read from the article as it is now."""
    data = {field.attname: getattr(article, field.attname) for field in Article._meta.local_fields}
    for name, _label, _model in MANY_FIELDS:
        data[name] = list(getattr(article, name).values_list("pk", flat=True))
    data["byline"] = list(article.bylines.order_by("position").values_list("author_id", flat=True))
    return data


def body_text(value):
    """An article body as text, one paragraph a line: what a reader would compare."""
    value = re.sub(r"(?i)<br\s*/?>|</(p|h[1-6]|li|blockquote|div)>", "\n", value or "")
    text = html.unescape(strip_tags(value))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def word_diff(old, new):
    """Inline HTML with <del> and <ins> around the words that changed."""
    old_tokens = re.findall(r"\s+|[^\s]+", old)
    new_tokens = re.findall(r"\s+|[^\s]+", new)
    out = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(old_tokens[a1:a2])))
            continue
        if op in {"delete", "replace"}:
            out.append(f"<del>{escape(''.join(old_tokens[a1:a2]))}</del>")
        if op in {"insert", "replace"}:
            out.append(f"<ins>{escape(''.join(new_tokens[b1:b2]))}</ins>")
    return mark_safe("".join(out))  # every piece above is escaped


@dataclass
class Change:
    label: str
    diff: str = ""  # inline HTML for text
    before: str = ""
    after: str = ""


def _names(model, ids):
    if isinstance(model, str):
        from django.apps import apps

        model = apps.get_model(model)
    found = {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)}
    return [found.get(pk, f"(deleted, id {pk})") for pk in ids]


def _display(value):
    if value is None or value == "":
        return "—"
    if hasattr(value, "tzinfo"):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    return str(value)


def compare(old, new, *, workflow_fields=True):
    """What changed between two snapshots, field by field, in the order an editor reads them.

    Without `workflow_fields`, only what a restore brings back.
    """
    changes = []
    for name, label in TEXT_FIELDS:
        before, after = old.get(name) or "", new.get(name) or ""
        if name == "body":
            before, after = body_text(before), body_text(after)
        if before != after:
            changes.append(Change(label, diff=word_diff(before, after)))
    for name, label, model in RELATED_FIELDS:
        if old.get(name) != new.get(name):
            ids = [pk for pk in (old.get(name), new.get(name)) if pk is not None]
            names = dict(zip(ids, _names(model, ids), strict=True))
            changes.append(
                Change(
                    label, before=names.get(old.get(name), "—"), after=names.get(new.get(name), "—")
                )
            )
    for name, label, model in [*MANY_FIELDS, ("byline", "Byline", Author)]:
        before, after = list(old.get(name) or []), list(new.get(name) or [])
        if (sorted(before) if name != "byline" else before) != (
            sorted(after) if name != "byline" else after
        ):
            changes.append(
                Change(
                    label,
                    before=", ".join(_names(model, before)) or "—",
                    after=", ".join(_names(model, after)) or "—",
                )
            )
    for name, label in WORKFLOW_FIELDS if workflow_fields else []:
        if old.get(name) != new.get(name):
            before, after = old.get(name), new.get(name)
            if name == "status":
                labels = dict(Article.Status.choices)
                before, after = labels.get(before, before), labels.get(after, after)
            changes.append(Change(label, before=_display(before), after=_display(after)))
    return changes


def describe(version):
    user = version.revision.user
    when = date_format(timezone.localtime(version.revision.date_created), "j F Y, H:i")
    return f"{when} by {workflow.display_name(user)}"


def restore(article, version, user, *, expected_version=None):
    """Bring the article's content back to the revision's, as a new revision; return warnings.

    Raises workflow.EditConflict if the article changed since `expected_version` was read.
    """
    data = snapshot(version)
    warnings = []
    with transaction.atomic(), reversion.create_revision():
        workflow.claim_version(
            article, article.version if expected_version is None else expected_version
        )
        for name, _label in TEXT_FIELDS:
            setattr(article, name, data.get(name) or "")
        for name, label, model in RELATED_FIELDS:
            pk = data.get(name)
            if pk is not None and not model._default_manager.filter(pk=pk).exists():
                warnings.append(
                    f"The {label.lower()} of that version no longer exists; "
                    "the current one is kept."
                )
                continue
            setattr(article, name, pk)
        article.save()
        for name, _label, _model in MANY_FIELDS:
            field = getattr(article, name)
            wanted = data.get(name) or []
            field.set(field.model._default_manager.filter(pk__in=wanted))
        authors = list(Author.objects.filter(pk__in=data["byline"]).values_list("pk", flat=True))
        if authors:
            article.bylines.all().delete()
            for position, pk in enumerate(pk for pk in data["byline"] if pk in authors):
                ArticleAuthor.objects.create(article=article, author_id=pk, position=position)
        article.include_primary_club()
        reversion.set_user(user)
        reversion.set_comment(f"Restored the version of {describe(version)}.")
    return warnings
