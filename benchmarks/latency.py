"""Deep-archive latency: sequential, uncached requests to random pages of every kind (issue 9).

Load the archive first (about 40 minutes on 2 busy cores), then measure:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/transferdesk_1m \\
        .venv/bin/python manage.py load_bulk --reset --articles 1000000 \\
        --players 20000 --clubs 2000 --links 100000
    DATABASE_URL=... .venv/bin/python benchmarks/latency.py [--requests 100] [--explain FILE]
        [--record]

Requests go straight into Django's WSGI handler in this process, as gunicorn hands them over (the
test client would copy every rendered template's context and connect signals per request), with
the page cache off, so every one renders from the database; process-level caches (templates, the
linking matcher) are warmed by one unmeasured request per kind. Prints p50/p95/p99 per kind
against the targets, and `--record` appends the table to benchmarks/RESULTS.md. `--explain FILE`
writes EXPLAIN ANALYZE of each kind's slowest query (its main one) to FILE, for
docs/performance.md.
"""

import argparse
import datetime
import gc
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# Production mode: DEBUG off (no query log, cached templates); RequestFactory's host allowed.
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "latency-benchmark-only-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.urls import reverse  # noqa: E402

from newsroom import bulk_text  # noqa: E402
from newsroom.models import Article, Author, Tag  # noqa: E402
from transfers.models import (  # noqa: E402
    Club,
    Competition,
    Player,
    Position,
    TransferKind,
    TransferLink,
    TransferStatus,
    TransferWindow,
)
from transfers.pagination import cursor_of  # noqa: E402

COMMON_WORDS = ["midfielder", "contract", "transfer", "window", "fee", "manager", "supporters"]
ABSENT_WORDS = ["xylophone", "quasar", "zeppelin", "marzipan", "kumquat", "tessellate"]
PAGE_TARGET_MS = 50
SEARCH_TARGET_MS = 150
ADMIN_TARGET_MS = 500
AUTOCOMPLETE_TARGET_MS = 100


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


class Sampler:
    """Random targets of each kind, drawn from the loaded archive."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        bounds = Article.objects.published().order_by("pk")
        self.first_id = bounds.values_list("pk", flat=True).first()
        self.last_id = bounds.reverse().values_list("pk", flat=True).first()
        self.club_slugs = list(Club.objects.values_list("slug", flat=True))
        self.player_slugs = list(Player.objects.values_list("slug", flat=True))
        self.player_names = list(Player.objects.values_list("known_as", flat=True)[:2000])
        self.competition_slugs = list(Competition.objects.values_list("slug", flat=True))
        self.tag_slugs = list(Tag.objects.values_list("slug", flat=True))
        self.author_slugs = list(Author.objects.values_list("slug", flat=True))
        self.window_slugs = list(TransferWindow.objects.values_list("slug", flat=True))
        # The club with the most coverage: its 500th page is the deepest archive there is.
        busiest = (
            Article.objects.published()
            .values("primary_club")
            .order_by()
            .annotate(n=Count("*"))
            .order_by("-n")
            .first()
        )
        self.busiest = Club.objects.get(pk=busiest["primary_club"])
        deep = (
            self.busiest.articles.published()
            .order_by("-published_at", "-id")
            .only("pk", "published_at")[500 * settings.PAGE_SIZE - 1 : 500 * settings.PAGE_SIZE]
        )
        self.page_500_cursor = cursor_of(deep[0]) if deep else None

    def article(self):
        for _ in range(50):
            pk = self.rng.randint(self.first_id, self.last_id)
            slug = Article.objects.published().filter(pk__gte=pk).values_list("slug", flat=True)
            found = slug.order_by("pk").first()
            if found:
                return reverse("newsroom:article", args=[found])
        raise RuntimeError("no published article found")

    def deep_home(self):
        pk = self.rng.randint(self.first_id, self.last_id)
        article = Article.objects.published().filter(pk__gte=pk).order_by("pk").first()
        return f"/?before={cursor_of(article)}"

    def club(self):
        return reverse("transfers:club", args=[self.rng.choice(self.club_slugs)])

    def player(self):
        return reverse("transfers:player", args=[self.rng.choice(self.player_slugs)])

    def tracker(self, **params):
        from urllib.parse import urlencode

        chosen = {k: v() if callable(v) else v for k, v in params.items()}
        return f"{reverse('transfers:tracker')}?{urlencode(chosen)}" if chosen else "/transfers/"

    def pick(self, items):
        return lambda: self.rng.choice(items)

    def rare_word(self):
        return bulk_text.agent_name(self.rng)

    def autocomplete(self):
        term = self.rng.choice(self.player_names)[:3]
        return (
            f"{reverse('admin:autocomplete')}?app_label=newsroom&model_name=article"
            f"&field_name=players&term={term}"
        )


def kinds(sample):
    """(kind, target in ms, URL maker, needs a logged-in editor)."""
    s = sample
    statuses = ["open", *TransferStatus.values]
    tracker_filters = {
        "club": {"club": s.pick(s.club_slugs)},
        "club, incoming": {"club": s.pick(s.club_slugs), "direction": "incoming"},
        "club, outgoing": {"club": s.pick(s.club_slugs), "direction": "outgoing"},
        "status": {"status": s.pick(statuses)},
        "window": {"window": s.pick(s.window_slugs)},
        "position": {"position": s.pick(list(Position.values))},
        "kind": {"kind": s.pick(list(TransferKind.values))},
        "competition": {"competition": s.pick(s.competition_slugs)},
        "fee_min": {"fee_min": lambda: s.rng.choice([20, 50, 80, 110])},
        "fee_max": {"fee_max": lambda: s.rng.choice([5, 20, 50, 100])},
        "max_age": {"max_age": lambda: s.rng.randint(18, 30)},
        "sort by highest fee": {"sort": "fee_high"},
        "sort by lowest fee": {"sort": "fee_low"},
        "sort by likelihood": {"sort": "likelihood"},
        "player": {"player": s.pick(s.player_slugs)},
    }
    busiest = s.busiest.get_absolute_url()
    changelist = reverse("admin:newsroom_article_changelist")
    rows = [
        ("home", PAGE_TARGET_MS, lambda: "/", False),
        ("home, page 2 to 20", PAGE_TARGET_MS, lambda: f"/?page={s.rng.randint(2, 20)}", False),
        ("home, deep in the archive", PAGE_TARGET_MS, s.deep_home, False),
        ("club (random of 2,000)", PAGE_TARGET_MS, s.club, False),
        ("club with most news, page 1", PAGE_TARGET_MS, lambda: busiest, False),
        (
            "club with most news, 500th page",
            PAGE_TARGET_MS,
            lambda: f"{busiest}?before={s.page_500_cursor}",
            False,
        ),
        ("article", PAGE_TARGET_MS, s.article, False),
        ("player", PAGE_TARGET_MS, s.player, False),
        ("tracker", PAGE_TARGET_MS, lambda: s.tracker(), False),
    ]
    for label, params in tracker_filters.items():
        rows.append((f"tracker: {label}", PAGE_TARGET_MS, lambda p=params: s.tracker(**p), False))

    def search(words):
        return lambda: f"/search/?q={s.rng.choice(words)}"

    def listing(prefix, slugs):
        return lambda: f"/{prefix}/{s.rng.choice(slugs)}/"

    rows += [
        ("competition", PAGE_TARGET_MS, listing("competitions", s.competition_slugs), False),
        ("tag", PAGE_TARGET_MS, listing("tags", s.tag_slugs), False),
        ("author", PAGE_TARGET_MS, listing("authors", s.author_slugs), False),
        ("club RSS", PAGE_TARGET_MS, lambda: f"{s.club()}feed/", False),
        ("search: rare word", SEARCH_TARGET_MS, lambda: f"/search/?q={s.rare_word()}", False),
        ("search: common word", SEARCH_TARGET_MS, search(COMMON_WORDS), False),
        ("search: absent word", SEARCH_TARGET_MS, search(ABSENT_WORDS), False),
        ("search: player's name", SEARCH_TARGET_MS, search(s.player_names), False),
        ("admin: articles list", ADMIN_TARGET_MS, lambda: changelist, True),
        ("admin: player autocomplete", AUTOCOMPLETE_TARGET_MS, s.autocomplete, True),
    ]
    if s.page_500_cursor is None:
        rows = [row for row in rows if "500th" not in row[0]]
    return rows


class WSGIClient:
    """GET requests through Django's WSGI handler, as a server makes them: the same middleware,
    connection handling (CONN_MAX_AGE, health checks) and request signals as under gunicorn."""

    def __init__(self, cookie=""):
        self.handler = WSGIHandler()
        self.factory = RequestFactory()
        self.cookie = cookie

    def get(self, url):
        environ = self.factory.get(url).environ
        if self.cookie:
            environ["HTTP_COOKIE"] = self.cookie
        started = []
        response = self.handler(environ, lambda status, headers, *_: started.append(status))
        try:
            b"".join(response)
        finally:
            response.close()
        return response


class QueryLog:
    """The SQL a request runs, with each statement's time, through an execute wrapper.

    Lighter than CaptureQueriesContext, which reconnects a signal receiver (and leaves a
    weakref finalizer behind) on every use: garbage that would slow this process's collector.
    """

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            # Parameters are bound only when a statement is shown or explained.
            self.queries.append({"statement": (sql, params), "time": elapsed})

    @staticmethod
    def bound(sql, params):
        """The statement with its parameters in it, as EXPLAIN needs it."""
        if connection.vendor == "postgresql":
            return connection.ops.compose_sql(sql, params)
        return sql % tuple(map(repr, params or ()))


def measure(client, make_url, requests):
    times, queries, statuses, slowest = [], [], set(), None
    url = make_url()
    client.get(url)  # warm process-level caches; not measured
    for _ in range(requests):
        url = make_url()
        log = QueryLog()
        with connection.execute_wrapper(log):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        queries.append(len(log.queries))
        statuses.add(response.status_code)
        if slowest is None or elapsed > slowest[0]:
            slowest = (elapsed, url, log.queries)
    return times, queries, statuses, slowest


def counts_whole_table(captured):
    """COUNT queries without a LIMIT inside: what the issue forbids on large tables."""
    return [
        QueryLog.bound(*q["statement"])
        for q in captured
        if "COUNT(" in q["statement"][0].upper() and "LIMIT" not in q["statement"][0].upper()
    ]


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="per kind (default 100)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--only", help="measure only kinds whose label contains this")
    parser.add_argument("--explain", help="write EXPLAIN ANALYZE of each kind's main query here")
    parser.add_argument("--record", action="store_true", help="append to benchmarks/RESULTS.md")
    args = parser.parse_args()

    settings.PAGE_CACHE_SECONDS = 0  # every request renders from the database
    sample = Sampler(args.seed)
    login = Client()
    user = get_user_model().objects.filter(username="latency-bench").first()
    if user is None:
        user = get_user_model().objects.create_superuser(
            "latency-bench", "latency-bench@example.com", None
        )
    login.force_login(user)
    reader = WSGIClient()
    session = login.cookies[settings.SESSION_COOKIE_NAME].value
    editor = WSGIClient(f"{settings.SESSION_COOKIE_NAME}={session}")
    # What gunicorn.conf.py does before forking each worker: the loaded app's objects are
    # frozen, so the collector does not walk them all in the middle of a measured request.
    gc.collect()
    gc.freeze()
    totals = {
        "articles": Article.objects.count(),
        "players": Player.objects.count(),
        "clubs": Club.objects.count(),
        "links": TransferLink.objects.count(),
    }
    load_before = os.getloadavg()
    started = datetime.datetime.now(datetime.UTC)
    rows, plans, whole_counts = [], [], []
    for label, target, make_url, as_editor in kinds(sample):
        if args.only and args.only not in label:
            continue
        client = editor if as_editor else reader
        times, queries, statuses, slowest = measure(client, make_url, args.requests)
        p50, p95, p99 = (percentile(times, f) for f in (0.5, 0.95, 0.99))
        met = p95 < target
        rows.append(
            f"| {label} | {len(times)} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {max(times):.1f} "
            f"| {statistics.median(queries):.0f} | {'/'.join(map(str, sorted(statuses)))} "
            f"| < {target} | {'met' if met else 'MISSED'} |"
        )
        print(rows[-1], flush=True)
        whole_counts += [(label, sql) for sql in counts_whole_table(slowest[2])]
        if args.explain and slowest[2]:
            main_query = max(slowest[2], key=lambda q: float(q["time"]))
            sql = QueryLog.bound(*main_query["statement"])
            if sql.lstrip().upper().startswith("SELECT"):
                plans.append((label, slowest[1], sql, explain(sql)))
    load_after = os.getloadavg()

    header = [
        f"\n## Deep-archive latency ({started:%Y-%m-%d %H:%M} UTC)\n",
        f"- Command: `.venv/bin/python benchmarks/latency.py --requests {args.requests}`",
        f"- Data: {totals['articles']:,} articles, {totals['players']:,} players, "
        f"{totals['clubs']:,} clubs, {totals['links']:,} transfer links (load_bulk); "
        f"PostgreSQL {connection.pg_version // 10000 if connection.vendor == 'postgresql' else ''}"
        f" ({connection.vendor}); Python {platform.python_version()}, Django {django.__version__}",
        f"- Machine: {os.cpu_count()} cores; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after",
        "- Sequential requests through Django's WSGI handler in one process, page cache off; "
        "milliseconds per request, including template rendering.",
        "",
        "| kind | requests | p50 | p95 | p99 | max | queries | status | target p95 | |",
        "|---|--:|--:|--:|--:|--:|--:|---|---|---|",
    ]
    text = "\n".join(header + rows)
    if whole_counts:
        text += "\n\nCOUNT queries without a bound:\n" + "\n".join(
            f"- {label}: `{sql[:200]}`" for label, sql in whole_counts
        )
    else:
        text += "\n\nNo page ran a COUNT without a LIMIT inside it."
    print(text)
    if args.record:
        with open(ROOT / "benchmarks" / "RESULTS.md", "a") as results:
            results.write(text + "\n")
    if args.explain:
        with open(args.explain, "w") as out:
            for label, url, sql, plan in plans:
                short = re.sub(r"\s+", " ", sql)
                out.write(
                    f"### {label}\n\n`GET {url}`\n\n```sql\n{short}\n```\n\n```\n{plan}\n```\n\n"
                )


if __name__ == "__main__":
    main()
