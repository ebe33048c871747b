"""The demo's live pages: deadline day under way now, and the last window's, finished.

The running page started an hour before the load and its entries move some of the demo's
transfer links on (through the same code as the admin's quick form, so their stories gain an
update each). Run after the rest of the demo: each run rebuilds the two pages' entries.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from newsroom.demo.dates import Calendar
from newsroom.live import save_entry
from newsroom.models import Article, Author, LiveEntry, LivePage
from transfers.models import TransferLink, TransferUpdate

RUNNING_SLUG = "deadline-day-live"

# (minutes after the start, author, title, body, link as (player, from, to), new status,
#  key event, pinned)
RUNNING_ENTRIES = [
    (2, "hannah-whitlock", "", (
        "<p>Welcome to our live coverage of the last day of the window. Tom Okafor, Lucía "
        "Ferrer and I will bring you every bid, medical and late twist until the deadline. "
        "All times are UK time.</p>"
    ), None, "", False, True),
    (6, "tom-okafor", "", (
        "<p>Liverpool's interest in <strong>Aurélien Tchouaméni</strong> is very much alive. "
        "The club are ready to act today if Real Madrid can line up a replacement in "
        "time.</p>"
    ), ("aurelien-tchouameni", "real-madrid", "liverpool"), "", False, False),
    (11, "lucia-ferrer", "", (
        "<p>Denis Zakaria has been seen arriving at Juventus's medical centre in Turin. The "
        "fee with Monaco was settled earlier in the week.</p>"
    ), ("denis-zakaria", "monaco", "juventus"), "", False, False),
    (15, "tom-okafor", "", (
        "<p>Chelsea are pushing to finish the Maghnes Akliouche deal well before the deadline. "
        "Their €55m offer, add-ons included, is still with Monaco.</p>"
    ), ("maghnes-akliouche", "monaco", "chelsea"), "", False, False),
    (19, "hannah-whitlock", "Napoli open talks for Chiesa", (
        "<p>Napoli have opened formal talks with Liverpool over Federico Chiesa: a loan with "
        "an option to buy worth about €14m.</p>"
    ), ("federico-chiesa", "liverpool", "napoli"), "talks", False, False),
    (24, "tom-okafor", "Liverpool bid for Tchouaméni", (
        "<p>Liverpool have made their move. An opening offer close to £100m for Aurélien "
        "Tchouaméni has gone to Real Madrid, sources at Anfield have told us.</p>"
    ), ("aurelien-tchouameni", "real-madrid", "liverpool"), "bid", True, False),
    (28, "hannah-whitlock", "", (
        "<p>A reminder for anyone new to deadline day: a deal is only done once the paperwork "
        "reaches the league before the deadline. Expect the busiest hour to be the last.</p>"
    ), None, "", False, False),
    (33, "tom-okafor", "Monaco accept Chelsea's offer", (
        "<p>Monaco have accepted Chelsea's offer for Maghnes Akliouche. Personal terms are not "
        "expected to be a problem and a medical is being arranged in London.</p>"
    ), ("maghnes-akliouche", "monaco", "chelsea"), "agreed", True, False),
    (38, "lucia-ferrer", "", (
        "<p>Arsenal are not expected to return for Dušan Vlahović in this window. Juventus "
        "would have taken around €30m, but the striker's wages remain the sticking point.</p>"
    ), ("dusan-vlahovic", "juventus", "arsenal"), "", False, False),
    (43, "lucia-ferrer", "Zakaria completes Juventus return", (
        "<p>Done deal: Denis Zakaria is back at Juventus after a €25m move from Monaco, "
        "with the paperwork in well before the deadline.</p>"
    ), ("denis-zakaria", "monaco", "juventus"), "completed", True, False),
    (49, "hannah-whitlock", "Chiesa loan agreed", (
        "<p>Liverpool and Napoli have agreed the loan for Federico Chiesa, with the option to "
        "buy included. He is expected to fly to Naples later today.</p>"
    ), ("federico-chiesa", "liverpool", "napoli"), "agreed", True, False),
    (55, "tom-okafor", "", (
        "<p>Real Madrid have turned down Liverpool's first offer for Tchouaméni, according to "
        "reports in Spain. Liverpool are weighing whether to go again before the deadline.</p>"
    ), ("aurelien-tchouameni", "real-madrid", "liverpool"), "", False, False),
]  # fmt: skip

# Entries that reuse a demo article's picture: minutes after the start -> the article's slug.
RUNNING_IMAGES = {24: "liverpool-tchouameni-real-madrid-january-bid"}

# The last window's deadline day: (time of day, author, title, body, link, key event).
FINISHED_ENTRIES = [
    ("08:00", "hannah-whitlock", "", (
        "<p>Good morning: the window closes at 11pm and we are here until it does.</p>"
    ), None, False),
    ("09:20", "tom-okafor", "", (
        "<p>The summer's biggest deal is long done: Florian Wirtz joined Liverpool from Bayer "
        "Leverkusen in June, for £100m rising to £116m with add-ons.</p>"
    ), ("florian-wirtz", "bayer-leverkusen", "liverpool"), False),
    ("11:45", "lucia-ferrer", "", (
        "<p>No late twist for Chelsea and Dušan Vlahović: talks ended last week over wages and "
        "the payment terms, and nobody expects them to start again today.</p>"
    ), ("dusan-vlahovic", "juventus", "chelsea"), False),
    ("15:10", "lucia-ferrer", "", (
        "<p>Bayern Munich are happy with their window after landing Luis Díaz from Liverpool "
        "for €70m plus €5m in add-ons.</p>"
    ), ("luis-diaz", "liverpool", "bayern-munich"), False),
    ("19:30", "tom-okafor", "", (
        "<p>Quiet evening at the big clubs. Most of today's business is loans lower down the "
        "leagues.</p>"
    ), None, False),
    ("23:00", "hannah-whitlock", "The window is closed", (
        "<p>That is it: the window has shut. Thank you for following our coverage.</p>"
    ), None, True),
]  # fmt: skip


def find_link(key):
    if key is None:
        return None
    player, origin, destination = key
    return TransferLink.objects.get(
        player__slug=player, from_club__slug=origin, to_club__slug=destination
    )


def last_closed_window(calendar):
    """The most recent window whose deadline day has passed."""
    closed = [w for w in calendar.windows().values() if w["closes"] < calendar.today]
    return max(closed, key=lambda window: window["closes"])


def rebuild_entries(page, entries, editor):
    """Replace the page's entries, and the story updates earlier runs' entries made."""
    TransferUpdate.objects.filter(live_entry__live_page=page).delete()
    page.entries.all().delete()
    for entry in entries:
        save_entry(entry, editor)


@transaction.atomic
def load_live_pages(now=None):
    now = now or timezone.now()
    calendar = Calendar(now)
    editor = get_user_model().objects.filter(username="editor").first()
    authors = {author.slug: author for author in Author.objects.all()}

    pictures = {
        minutes: article.hero_image
        for minutes, slug in RUNNING_IMAGES.items()
        for article in Article.objects.filter(slug=slug, hero_image__isnull=False).select_related(
            "hero_image"
        )
    }
    starts = now - datetime.timedelta(hours=1)
    evening = timezone.make_aware(datetime.datetime.combine(calendar.today, datetime.time(23)))
    running, _ = LivePage.objects.update_or_create(
        slug=RUNNING_SLUG,
        defaults={
            "headline": "Deadline day live: every deal, bid and medical as the window closes",
            "standfirst": (
                "Liverpool bid for Tchouaméni, Chelsea close in on Akliouche and Napoli talk "
                "to Liverpool about Chiesa: follow the last day of the window as it happens."
            ),
            "status": Article.Status.PUBLISHED,
            "published_at": starts,
            "starts_at": starts,
            # "Later that day", and never less than two hours away.
            "ends_at": max(evening, now + datetime.timedelta(hours=2)),
            "primary_club": None,
        },
    )
    running.authors.set([authors[s] for s in ("hannah-whitlock", "tom-okafor") if s in authors])
    rebuild_entries(
        running,
        [
            LiveEntry(
                live_page=running,
                shown_at=starts + datetime.timedelta(minutes=minutes),
                author=authors.get(author),
                title=title,
                body=body,
                transfer_link=find_link(link),
                new_status=new_status,
                is_key_event=key,
                is_pinned=pinned,
                image=pictures.get(minutes),
            )
            for minutes, author, title, body, link, new_status, key, pinned in RUNNING_ENTRIES
        ],
        editor,
    )

    window = last_closed_window(calendar)
    day = window["closes"]

    def at(clock):
        hour, minute = map(int, clock.split(":"))
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    finished, _ = LivePage.objects.update_or_create(
        slug=f"{window['slug']}-deadline-day-live",
        defaults={
            "headline": f"{window['name']} deadline day live: the last deals of the window",
            "standfirst": "Every move on the final day of the window, as it happened.",
            "status": Article.Status.PUBLISHED,
            "published_at": at("07:30"),
            "starts_at": at("08:00"),
            "ends_at": at("23:30"),
            "primary_club": None,
        },
    )
    finished.authors.set([authors[s] for s in ("hannah-whitlock",) if s in authors])
    rebuild_entries(
        finished,
        [
            LiveEntry(
                live_page=finished,
                shown_at=at(clock),
                author=authors.get(author),
                title=title,
                body=body,
                transfer_link=find_link(link),
                is_key_event=key,
            )
            for clock, author, title, body, link, key in FINISHED_ENTRIES
        ],
        editor,
    )
    return running, finished
