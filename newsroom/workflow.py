"""The editorial workflow: who may move an article between states, what publishing needs, the log.

The admin calls this module and so should anything else that changes an article's state, so
that the rules live in one place and every move leaves a Transition row and a revision behind.
"""

from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags

from newsroom.models import Article, ArticleAuthor, Author, SlugRedirect, Transition

Status = Article.Status

if not reversion.is_registered(Article):
    # Bylines travel with the article, so a revision holds the whole piece; the search vector
    # is derived by PostgreSQL and not worth keeping.
    reversion.register(ArticleAuthor)
    reversion.register(Article, follow=["bylines"], exclude=["search_vector"])


@dataclass(frozen=True)
class Action:
    """One button in the workflow: where it may start, where it leads, who may press it."""

    name: str
    label: str
    sources: frozenset
    target: str
    editors_only: bool = True
    note_required: bool = False
    help_text: str = ""
    only_from: str = ""


ACTIONS = {
    action.name: action
    for action in [
        Action(
            "submit",
            "Submit for review",
            frozenset({Status.DRAFT}),
            Status.IN_REVIEW,
            editors_only=False,
            help_text="Hand the piece to an editor. You can no longer change it after this.",
            only_from="Only drafts can be submitted for review",
        ),
        Action(
            "publish",
            "Publish now",
            frozenset({Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
            Status.PUBLISHED,
            help_text="Put it on the site straight away.",
            only_from="Only drafts, pieces in review and scheduled pieces can be published",
        ),
        Action(
            "schedule",
            "Schedule",
            frozenset({Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
            Status.PUBLISHED,
            help_text="It goes live by itself at the time chosen below.",
            only_from="Only drafts, pieces in review and scheduled pieces can be scheduled",
        ),
        Action(
            "unpublish",
            "Unpublish",
            frozenset({Status.PUBLISHED}),
            Status.DRAFT,
            help_text="Take it off the site and make it a draft again.",
            only_from="Only published or scheduled pieces can be unpublished",
        ),
        Action(
            "archive",
            "Archive",
            frozenset({Status.PUBLISHED}),
            Status.ARCHIVED,
            help_text="Take it off the site for good, keeping it here.",
            only_from="Only published pieces can be archived",
        ),
        Action(
            "send_back",
            "Send back to draft",
            frozenset({Status.IN_REVIEW, Status.ARCHIVED}),
            Status.DRAFT,
            note_required=True,
            help_text="Return it to its writer with a note saying what needs doing.",
            only_from="Only pieces in review or archived can be sent back to draft",
        ),
    ]
}

PUBLISH_PERMISSION = "newsroom.publish_article"


class Refused(Exception):
    """A transition the rules do not allow; the message says why, in words for the editor."""


class EditConflict(Exception):
    """The article changed after the form was opened; saving would overwrite someone's work."""

    def __init__(self, article, viewer=None):
        self.article = article
        self.summary = change_summary(article, viewer)
        super().__init__(conflict_message(article, viewer, summary=self.summary))


# Who owns what.


def author_of(user):
    """The user's byline profile, or None (anonymous users and staff without one)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.author
    except Author.DoesNotExist:
        return None


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def is_own(user, article):
    """An article is the user's own when their author profile is in its byline."""
    author = author_of(user)
    if author is None or article.pk is None:
        return False
    return ArticleAuthor.objects.filter(article=article, author=author).exists()


def can_edit(user, article=None):
    """Editors change any article; writers only their own drafts (not once handed over)."""
    if not user.has_perm("newsroom.change_article"):
        return False
    # A piece not yet saved is its writer's own: saving puts them in its byline.
    if article is None or article.pk is None or user.has_perm("newsroom.change_any_article"):
        return True
    return article.status == Status.DRAFT and is_own(user, article)


# The checks.


def publish_problems(article):
    """What the article still lacks before it may go live, in words an editor understands."""
    missing = []
    if not article.headline.strip():
        missing.append("a headline")
    if not article.standfirst.strip():
        missing.append("a standfirst")
    if not strip_tags(article.body).strip():
        missing.append("body text")
    if article.primary_club_id is None:
        missing.append("a primary club")
    if article.hero_image_id is None:
        missing.append("a hero image")
    elif not article.hero_image.alt_text.strip():
        missing.append("alt text on the hero image")
    if not article.slug:
        missing.append("a slug")
    else:
        others = Article.objects.exclude(pk=article.pk)
        if others.filter(slug=article.slug).exists():
            missing.append(f"a unique slug (“{article.slug}” is taken)")
        elif (
            SlugRedirect.objects.filter(old_slug=article.slug)
            .exclude(article_id=article.pk)
            .exists()
        ):
            missing.append(f"a unique slug (“{article.slug}” still redirects to another article)")
    return missing


def short_time(moment, now=None):
    """“27 Nov, 09:30” this year, “27 Nov 2025, 09:30” otherwise: for lists read at a glance."""
    local = timezone.localtime(moment)
    same_year = local.year == timezone.localtime(now or timezone.now()).year
    return date_format(local, "j M, H:i" if same_year else "j M Y, H:i")


def state_label(article, now=None, short=False):
    """The state as an editor says it: “Scheduled for …” rather than a bare status."""
    now = now or timezone.now()
    if article.status == Status.PUBLISHED and article.published_at:
        when = (
            short_time(article.published_at, now)
            if short
            else date_format(timezone.localtime(article.published_at), "j M Y, H:i")
        )
        if article.published_at > now:
            return f"Scheduled for {when}"
        return f"Published {when}"
    return article.get_status_display()


def state_phrase(article, now=None):
    """The state as it reads inside a sentence: “this one is …”."""
    now = now or timezone.now()
    if article.status == Status.PUBLISHED:
        return "scheduled" if article.published_at and article.published_at > now else "live"
    return {Status.DRAFT: "a draft", Status.IN_REVIEW: "in review"}.get(
        article.status, article.get_status_display().lower()
    )


def _join(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def refusal(article, name, user, *, note="", when=None, now=None):
    """Why the user may not apply the action to the article now, or None when they may."""
    now = now or timezone.now()
    action = ACTIONS.get(name)
    if action is None:
        return "That workflow step does not exist."
    if action.editors_only and not can_publish(user):
        return "Only editors can publish, schedule, unpublish or archive articles."
    if not action.editors_only and not can_edit(user, article):
        return "You can only submit your own drafts."
    if name in {"publish", "schedule"} and article.is_public:
        return "It is live already: unpublish it first to publish or schedule it again."
    if article.status not in action.sources:
        return f"{action.only_from}; this one is {state_phrase(article, now)}."
    if name == "schedule":
        if when is None:
            return "Choose a date and time to schedule it for."
        if when <= now:
            return "Choose a time in the future to schedule it; to publish now, use “Publish now”."
    if name in {"publish", "schedule"}:
        missing = publish_problems(article)
        if missing:
            return f"Not published: it still needs {_join(missing)}."
    if action.note_required and not note.strip():
        return "Add a note saying what needs doing, so the writer knows."
    return None


def available_actions(article, user, now=None):
    """The actions worth offering as buttons: allowed for the role and from the current state.

    Checks that depend on what is typed (the content checks, the note, the time) are left to
    the moment the button is pressed, so that the editor learns what is missing.
    """
    now = now or timezone.now()
    offered = []
    for action in ACTIONS.values():
        if action.editors_only and not can_publish(user):
            continue
        if not action.editors_only and not can_edit(user, article):
            continue
        if article.status not in action.sources:
            continue
        if article.is_public and action.name in {"publish", "schedule"}:
            continue
        offered.append(action)
    return offered


# Applying a transition.


def apply(article, name, user, *, note="", when=None, now=None):
    """Move the article (in memory) and return the unsaved Transition that records the move.

    The caller has checked refusal() and saves both; perform() does all of it at once.
    """
    now = now or timezone.now()
    action = ACTIONS[name]
    from_status = article.status
    article.status = action.target
    if name == "publish":
        # A piece unpublished for a moment keeps its original time; a scheduled one goes now.
        if article.published_at is None or article.published_at > now:
            article.published_at = now
    elif name == "schedule":
        article.published_at = when
    return Transition(
        article=article,
        from_status=from_status,
        to_status=action.target,
        by=user if getattr(user, "pk", None) else None,
        at=now,
        note=note.strip(),
    )


def confirmation(article, transition):
    """The message shown once a transition has gone through."""
    headline = f"“{article.headline}”"
    if transition.to_status == Status.PUBLISHED:
        if article.is_scheduled:
            when = date_format(timezone.localtime(article.published_at), "j F Y, H:i")
            return f"Scheduled {headline} for {when}. It goes live by itself then."
        return f"Published {headline}. It is live now."
    if transition.to_status == Status.IN_REVIEW:
        return f"Submitted {headline} for review. An editor will take it from here."
    if transition.to_status == Status.ARCHIVED:
        return f"Archived {headline}. It is no longer on the site."
    if transition.from_status == Status.PUBLISHED:
        return f"Unpublished {headline}. It is a draft again and no longer on the site."
    return f"Sent {headline} back to draft with your note."


def claim_version(article, expected):
    """Move the stored version on from `expected`, or raise EditConflict if someone else did.

    One conditional UPDATE, so two saves racing for the same version cannot both win: the
    second waits for the first's row lock and then matches no row.
    """
    claimed = Article.objects.filter(pk=article.pk, version=expected).update(version=expected + 1)
    if not claimed:
        raise EditConflict(article)
    article.version = expected + 1


def perform(article, name, user, *, note="", when=None):
    """Check, apply, save and log one transition; raise Refused (changing nothing) if not allowed.

    For callers without a form, such as the admin's bulk actions.
    """
    now = timezone.now()
    reason = refusal(article, name, user, note=note, when=when, now=now)
    if reason:
        raise Refused(reason)
    with transaction.atomic(), reversion.create_revision():
        claim_version(article, article.version)
        transition = apply(article, name, user, note=note, when=when, now=now)
        article.save(update_fields=["status", "published_at", "version", "updated_at"])
        transition.save()
        reversion.set_user(transition.by)
        reversion.set_comment(transition_comment(transition))
    return transition


def transition_comment(transition):
    """How a transition reads in the revision history."""
    text = (
        f"{Status(transition.from_status).label} → {Status(transition.to_status).label}"
        if transition.from_status != transition.to_status
        else f"Rescheduled ({Status(transition.to_status).label})"
    )
    return f"{text}: {transition.note}" if transition.note else text


# Who changed it last.


def display_name(user):
    if user is None:
        return "Someone"
    author = author_of(user)
    return (author.name if author else "") or user.get_full_name() or user.get_username()


def last_change(article):
    """(who, when) of the article's latest saved revision, or (None, updated_at) without one."""
    from reversion.models import Version

    version = (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
        .first()
    )
    if version is None:
        stored = Article.objects.filter(pk=article.pk).values_list("updated_at", flat=True)
        return None, stored.first() or article.updated_at
    return version.revision.user, version.revision.date_created


def change_summary(article, viewer=None):
    """“Bea Editor changed this article on 3 June 2026 at 14:02”, from its latest revision."""
    user, when = last_change(article)
    when_text = (
        "on " + date_format(timezone.localtime(when), "j F Y \\a\\t H:i") if when else "recently"
    )
    if user is not None and viewer is not None and user.pk == viewer.pk:
        who = "You changed this article (in another tab or window)"
    else:
        who = f"{display_name(user)} changed this article"
    return f"{who} {when_text}"


def conflict_message(article, viewer=None, summary=None):
    return (
        f"{summary or change_summary(article, viewer)}, after you opened it. Nothing has been "
        "saved. Your text is still in the form below: compare it with the latest version in "
        "the history, then either reload the page to start from theirs or tick “Save my "
        "version over theirs” and save again."
    )
