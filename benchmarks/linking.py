"""How long player and club linking takes with a big database: 20,000 players, 2,000 clubs.

Run with `.venv/bin/python benchmarks/linking.py` (a throwaway SQLite database is made unless
DATABASE_URL names one). It builds the matcher from the database once, then times scanning a
1,500-word article: finding the mentions (what a save does) and linking first mentions (what
the article page does). The budget is 50 ms a scan; the script exits non-zero above it.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
_tmp = tempfile.mkdtemp(prefix="linking-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from newsroom import linking  # noqa: E402
from transfers.models import Club, Competition, Player, Position  # noqa: E402

PLAYERS = 20_000
CLUBS = 2_000
WORDS = 1_500
RUNS = 50
BUDGET_MS = 50

# Word lists as strings: one line of names reads better than a column of them.
FIRST = (  # noqa: SIM905
    "Aurélien Jude Mason Trent Virgil Bukayo Declan Martin Rodrigo Federico Pedri Gavi Jamal "
    "Florian Kai Joško Éder Raphaël Ousmane Kylian Erling Mohamed Darwin Luis Cody Dominik "
    "Alexis Moisés Enzo Nicolás Cole Noni Morgan Ollie Emile Dejan Rúben Bernardo Phil João"
).split()
SYLLABLES = (  # noqa: SIM905
    "ba be bi bo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi "
    "lo la li ku ko ka dé ré ño çu zi za gu go"
).split()
PLACES = (  # noqa: SIM905
    "Northbridge Eastvale Westmoor Southport Kingsford Ashworth Redhill Blackwater Greenfield "
    "Stonebury Harrowgate Millbrook Oakham Ravenscar Thornbury Whitby Castleford Elmstead"
).split()
SUFFIXES = ["United", "City", "Athletic", "Rovers", "Town", "Wanderers", "Albion", "County"]
FILLER = (  # noqa: SIM905
    "the club are weighing a move for a midfielder after sources confirmed talks over a fee "
    "that could reach a record figure before the window closes and the manager wants depth "
    "in midfield with the player in the final year of his contract"
).split()


def surname(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def populate(rng):
    competition = Competition.objects.create(name="Bench League", slug="bench", country="England")
    clubs = []
    for n in range(CLUBS):
        place = f"{rng.choice(PLACES)}{surname(rng).lower()}"
        name = f"{place} {rng.choice(SUFFIXES)}"
        clubs.append(
            Club(
                name=name,
                full_name=f"{name} FC",
                slug=f"club-{n}",
                competition=competition,
                country="England",
                aliases=f"{place}, the {surname(rng)}s",
            )
        )
    clubs = Club.objects.bulk_create(clubs, batch_size=1000)
    players = []
    for n in range(PLAYERS):
        last = surname(rng)
        first = rng.choice(FIRST)
        players.append(
            Player(
                full_name=f"{first} {last}",
                known_as=last,
                slug=f"player-{n}",
                date_of_birth=date(1995 + n % 12, 1 + n % 12, 1 + n % 28),
                nationality="England",
                position=rng.choice(Position.values),
                current_club=rng.choice(clubs),
                aliases=f"{first[0]}. {last}" if n % 3 == 0 else "",
            )
        )
    Player.objects.bulk_create(players, batch_size=2000)
    linking.invalidate()  # bulk_create sends no signals


def article(rng):
    """About 1,500 words in paragraphs, with headings, links and two dozen real names."""
    players = list(Player.objects.order_by("?").values_list("full_name", "known_as")[:15])
    clubs = list(Club.objects.order_by("?").values_list("name", flat=True)[:10])
    names = [full for full, _ in players] + [f"{known}'s" for _, known in players] + clubs
    paragraphs, words = [], 0
    while words < WORDS:
        sentence = rng.sample(FILLER, 12)
        sentence.insert(rng.randint(0, 12), rng.choice(names))
        text = " ".join(sentence)
        text = text[0].upper() + text[1:] + "."
        if len(paragraphs) % 6 == 5:
            paragraphs.append(f"<h2>Will {rng.choice(clubs)} sell?</h2>")
        if len(paragraphs) % 4 == 3:
            text += f' <a href="/news/x/">{rng.choice(names)} latest</a>'
        paragraphs.append(f"<p>{text}</p>")
        words += len(text.split())
    return "".join(paragraphs), words


def timed(function, runs=RUNS):
    """Median and 95th percentile in milliseconds, and the last result."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1], result


def main():
    rng = random.Random(2025)
    call_command("migrate", verbosity=0)
    if not Player.objects.exists():
        populate(rng)
    body, words = article(rng)

    start = time.perf_counter()
    matcher = linking.get_matcher()
    build_ms = (time.perf_counter() - start) * 1000

    bare_ms, bare_p95, _ = timed(lambda: matcher.scan(linking._tokenise(body).text))
    scan_ms, scan_p95, mentions = timed(lambda: linking.find_mentions(body))
    tagged_players, tagged_clubs = mentions.players, mentions.clubs
    link_ms, link_p95, linked = timed(
        lambda: linking.link_first_mentions(body, tagged_players, tagged_clubs)
    )

    print(f"Players: {Player.objects.count():,}; clubs: {Club.objects.count():,}")
    print(
        f"Names in the automaton: {matcher.size:,}; article: {words:,} words, {len(body):,} chars"
    )
    print(f"Matcher build (once per process, after a change): {build_ms:,.0f} ms")
    print(f"Scan alone (tokenise + automaton): median {bare_ms:.1f} ms, p95 {bare_p95:.1f} ms")
    print(
        f"find_mentions (scan + 2 queries): median {scan_ms:.1f} ms, p95 {scan_p95:.1f} ms; "
        f"found {len(tagged_players)} players, {len(tagged_clubs)} clubs"
    )
    links = linked.count('class="mention"')
    print(f"link_first_mentions: median {link_ms:.1f} ms, p95 {link_p95:.1f} ms; {links} links")
    if scan_ms > BUDGET_MS or link_ms > BUDGET_MS:
        print(f"Over the {BUDGET_MS} ms budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
