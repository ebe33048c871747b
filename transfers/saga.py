"""A transfer saga: a link's derived slug and its timeline of updates and coverage, in date order.

The timeline is built in Python from rows fetched once (the updates with their sources and
articles, and the link's published articles), so a saga of 30 updates costs what one of 3 does.
"""

from dataclasses import dataclass, field

from transfers.models import TransferStatus, format_money


def saga_slug(link):
    """The saga's canonical slug (see TransferLink.slug)."""
    return link.slug


def saga_title(link):
    """'Aurelien Tchouameni: Real Madrid to Liverpool'."""
    origin = link.from_club.name if link.from_club_id else "free agency"
    return f"{link.player.full_name}: {origin} to {link.to_club.name}"


def public_article(update):
    """The update's article if readers may see it (never a draft or a scheduled piece)."""
    article = update.article
    return article if article is not None and article.is_public else None


@dataclass
class TimelineEntry:
    """One dated step: a report (update) or a piece of coverage not tied to a report."""

    at: object
    update: object = None
    article: object = None
    status_label: str = ""
    status_changed: bool = False
    previous_status_label: str = ""
    fee: str = ""
    fee_changed: bool = False
    previous_fee: str = ""
    articles: list = field(default_factory=list)

    @property
    def anchor(self):
        if self.update is not None:
            return f"update-{self.update.pk}"
        return f"article-{self.article.pk}"


def timeline(link, updates, articles):
    """Updates (oldest first, sources and articles fetched) and the link's published articles,
    merged by date; each update notes what changed since the one before."""
    entries = []
    covered = set()
    previous_status = previous_fee = None
    for update in updates:
        fee = format_money(update.fee_amount, link.fee_currency) if update.fee_amount else ""
        article = public_article(update)
        if article is not None:
            covered.add(article.pk)
        entries.append(
            TimelineEntry(
                at=update.reported_at,
                update=update,
                status_label=update.get_status_display(),
                status_changed=previous_status is not None and update.status != previous_status,
                previous_status_label=(
                    TransferStatus(previous_status).label if previous_status else ""
                ),
                fee=fee,
                fee_changed=bool(fee) and previous_fee is not None and fee != previous_fee,
                previous_fee=previous_fee or "",
                articles=[article] if article is not None else [],
            )
        )
        previous_status = update.status
        if fee:
            previous_fee = fee
    for article in articles:
        if article.pk not in covered:
            entries.append(TimelineEntry(at=article.published_at, article=article))
    entries.sort(key=lambda entry: (entry.at, entry.update is None))
    return entries
