"""How likely a transfer is, from 0 to 100, and why: one pure function (see docs/likelihood.md).

Nothing here touches the database: `score()` takes a status, a list of `Report`s and the time
of reading, so the same code stores the score when an update is saved and recomputes it,
faded by age, when a page is read.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime

# The stage reached sets a band; the reports place the score inside it. Both ends rise from
# one stage to the next, so a later stage never scores lower than an earlier one.
STAGE_BANDS = {
    "rumour": (5, 30),
    "interest": (15, 45),
    "talks": (30, 65),
    "bid": (45, 80),
    "agreed": (70, 95),
}
STAGE_PHRASES = {
    "rumour": "A rumour",
    "interest": "Interest",
    "talks": "Talks",
    "bid": "A bid",
    "agreed": "An agreed fee",
}
COMPLETED, COLLAPSED = "completed", "collapsed"

# How much one fresh report from a source of each tier counts: tier 1 ten times tier 4.
TIER_WEIGHTS = {1: 1.0, 2: 0.6, 3: 0.3, 4: 0.1}
HALF_LIFE_DAYS = 21.0
# Evidence saturates: one fresh tier-1 source fills about half the band, two about three
# quarters, and no number of reports quite reaches the top of it.
EVIDENCE_SCALE = 1.5
# A fresh tier-1 denial halves the score; a tier-4 one trims about 7%.
DENIAL_STRENGTH = math.log(2)

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@dataclass(frozen=True)
class Report:
    """One dated report: who said it (`source` is any key that tells sources apart), how reliable
    they are (tier 1 to 4), when, and whether it denied the move. `name` is for the breakdown."""

    source: object
    tier: int
    reported_at: datetime
    is_denial: bool = False
    name: str = ""


@dataclass(frozen=True)
class SourceWeight:
    name: str
    tier: int
    age_days: float
    weight: float
    is_denial: bool


@dataclass(frozen=True)
class Likelihood:
    score: int
    sentence: str
    status: str
    band: tuple = (0, 100)
    evidence: float = 0.0
    denial: float = 0.0
    sources: list = field(default_factory=list)

    @property
    def supporting(self):
        return [s for s in self.sources if not s.is_denial]

    @property
    def denying(self):
        return [s for s in self.sources if s.is_denial]

    @property
    def filled(self):
        """How far up its stage's band the evidence takes the score, from 0 to 1."""
        return 1 - math.exp(-self.evidence / EVIDENCE_SCALE)

    @property
    def denial_factor(self):
        return math.exp(-self.denial * DENIAL_STRENGTH)

    @property
    def breakdown(self):
        """The steps from stage to score, as (label, text) rows for the saga page."""
        if self.status in (COMPLETED, COLLAPSED):
            return [("Stage", self.sentence)]
        low, high = self.band
        rows = [("Stage", f"{STAGE_PHRASES[self.status]}: a score between {low} and {high}")]
        for source in self.sources:
            role = "denial" if source.is_denial else "report"
            rows.append(
                (
                    source.name or "Unnamed source",
                    f"Tier {source.tier} {role}, {age_phrase(source.age_days)}: "
                    f"weight {source.weight:.2f}",
                )
            )
        rows.append(
            (
                "Evidence",
                f"{self.evidence:.2f} in all, taking the score {self.filled:.0%} of the way "
                f"from {low} to {high}",
            )
        )
        if self.denying:
            rows.append(("Denials", f"Multiply the score by {self.denial_factor:.2f}"))
        rows.append(("Score", f"{self.score} out of 100"))
        return rows


def decay(age_days):
    """The share of its weight a report keeps after `age_days`: half every three weeks."""
    return 0.5 ** (max(age_days, 0.0) / HALF_LIFE_DAYS)


def score(status, reports, now):
    """The likelihood of a link at `status`, given its `reports`, as read at `now`.

    Completed is 100 and collapsed 0 whatever was reported. Otherwise each independent source
    counts once, by its latest report: a supporting report adds its tier's weight, faded by
    age, to the evidence; a denial adds to the denials instead. The evidence places the score
    inside the stage's band, and denials scale it down.
    """
    if status == COMPLETED:
        return Likelihood(100, "The move is complete.", status, (100, 100))
    if status == COLLAPSED:
        return Likelihood(0, "The move has collapsed.", status, (0, 0))
    if status not in STAGE_BANDS:
        raise ValueError(f"Unknown transfer status: {status!r}")

    latest = {}
    for report in reports:
        if report.source is None:
            continue
        held = latest.get(report.source)
        if held is None or report.reported_at > held.reported_at:
            latest[report.source] = report

    weights = []
    for report in latest.values():
        age_days = (now - report.reported_at).total_seconds() / 86400
        weight = TIER_WEIGHTS[report.tier] * decay(age_days)
        weights.append(
            SourceWeight(report.name, report.tier, max(age_days, 0.0), weight, report.is_denial)
        )
    weights.sort(key=lambda s: (s.is_denial, -s.weight, s.name))

    evidence = sum(s.weight for s in weights if not s.is_denial)
    denial = sum(s.weight for s in weights if s.is_denial)
    low, high = STAGE_BANDS[status]
    filled = 1 - math.exp(-evidence / EVIDENCE_SCALE)
    raw = (low + (high - low) * filled) * math.exp(-denial * DENIAL_STRENGTH)
    value = min(100, max(0, round(raw)))
    return Likelihood(
        value, explain(status, weights), status, (low, high), evidence, denial, weights
    )


def explain(status, weights):
    """One sentence naming the main factors: 'Talks reported by two tier-1 sources in the last
    week.'"""
    supporting = [s for s in weights if not s.is_denial]
    denying = [s for s in weights if s.is_denial]
    stage = STAGE_PHRASES[status]
    if not supporting:
        sentence = f"{stage}, with no source on record"
    else:
        best_tier = min(s.tier for s in supporting)
        top = [s for s in supporting if s.tier == best_tier]
        others = len(supporting) - len(top)
        sentence = f"{stage} reported by {count_phrase(len(top), f'tier-{best_tier} source')}"
        if others:
            sentence += f" and {count_phrase(others, 'other')}"
        newest = min(s.age_days for s in supporting)
        if newest <= 7:
            sentence += " in the last week"
        elif newest <= 31:
            sentence += " in the last month"
        else:
            sentence += f", the latest {age_phrase(newest)}"
    if denying:
        best_tier = min(s.tier for s in denying)
        if len(denying) == 1:
            sentence += f"; denied by one tier-{best_tier} source"
        else:
            sentence += (
                f"; denied by {count_phrase(len(denying), 'source')}, "
                f"the most reliable of tier {best_tier}"
            )
    return sentence + "."


def reports_from_updates(updates):
    """`Report`s from TransferUpdate rows (their `source` already fetched): only sourced reports
    count as evidence; an editor's unsourced status change moves the stage, not the evidence."""
    return [
        Report(u.source_id, u.source.tier, u.reported_at, u.is_denial, u.source.name)
        for u in updates
        if u.source_id is not None
    ]


def count_phrase(count, noun):
    word = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
    return f"{word} {noun}{'' if count == 1 else 's'}"


def age_phrase(age_days):
    if age_days < 1:
        return "today"
    if age_days < 2:
        return "yesterday"
    if age_days < 14:
        return f"{int(age_days)} days ago"
    if age_days < 61:
        return f"{int(age_days // 7)} weeks ago"
    return f"{int(age_days // 30.44)} months ago"
