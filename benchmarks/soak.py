"""Soak: readers and an editor at once, with Redis and PostgreSQL failing on the way (issue 9).

For `--duration` seconds (60), `--readers` threads (16) read every kind of page and feed from
gunicorn (gunicorn.conf.py, 2 workers) while an editor process publishes a piece, edits one and
unpublishes one every second. Part-way through, Redis is stopped for 10 s, and later PostgreSQL
is stopped for 5 s and started again. Reported: requests, 5xx and connection errors (when, and
whether a fault was on), p50/p99, every response that showed a piece after its unpublishing
had committed, pieces published and then lost, and the workers' memory.

The faults must disturb nobody else, so the soak runs its own Redis (port 6390) and its own
PostgreSQL cluster (port 5440, data in /tmp, made with initdb on first use; run as root or as
the postgres user). All traffic stays on 127.0.0.1 and every loop is bounded in time.

    .venv/bin/python benchmarks/soak.py [--duration 60] [--readers 16] [--articles 10000]
        [--record]
"""

import argparse
import datetime
import http.client
import multiprocessing
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PG_BIN = Path("/usr/lib/postgresql/15/bin")
HOST = "127.0.0.1"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, env=None, check=True, timeout=600, **kwargs):
    return subprocess.run(command, env=env, check=check, timeout=timeout, **kwargs)


# Services of our own -------------------------------------------------------------------------


class OwnRedis:
    """A throwaway redis-server without persistence, so a restart comes back empty."""

    def __init__(self, port, workdir):
        self.port, self.workdir, self.process = port, workdir, None

    def start(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", HOST, "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if run(["redis-cli", "-p", str(self.port), "ping"], check=False,
                   capture_output=True, text=True).stdout.strip() == "PONG":  # fmt: skip
                return
            time.sleep(0.1)
        raise RuntimeError(f"redis-server on port {self.port} did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            run(["redis-cli", "-p", str(self.port), "shutdown", "nosave"], check=False,
                capture_output=True, timeout=10)  # fmt: skip
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


class OwnPostgres:
    """A PostgreSQL cluster in /tmp on its own port, stopped and started at will."""

    def __init__(self, port, datadir):
        self.port, self.datadir = port, datadir
        self.logfile = datadir.with_suffix(".log")

    def as_postgres(self, command):
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *command]
        return command

    def ensure(self):
        if not (self.datadir / "PG_VERSION").exists():
            self.datadir.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(self.datadir, "postgres", "postgres")
            run(self.as_postgres([str(PG_BIN / "initdb"), "-D", str(self.datadir), "-A", "trust",
                                  "-U", "postgres", "--no-sync"]),
                stdout=subprocess.DEVNULL)  # fmt: skip
        if os.geteuid() == 0 and not self.logfile.exists():
            self.logfile.touch()
            shutil.chown(self.logfile, "postgres", "postgres")

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses={HOST} -k /tmp -c fsync=off "
            "-c shared_buffers=256MB -c max_connections=50"
        )
        run(self.as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-o", options,
                              "-l", str(self.logfile), "-w", "-t", "60", "start"]),
            stdout=subprocess.DEVNULL)  # fmt: skip

    def stop(self):
        run(self.as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-m", "fast",
                              "-w", "-t", "60", "stop"]), check=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip

    def url(self, database):
        return f"postgres://postgres@{HOST}:{self.port}/{database}"


# The site under test --------------------------------------------------------------------------


def site_env(args, database_url, redis_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DJANGO_DEBUG="0",
        SECRET_KEY="soak-benchmark-only-0123456789abcdefghijklmnopqrstuvwxyz-abcdef",
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="0",
        SITE_URL=f"http://{HOST}:{args.port}",
        MEDIA_ROOT=str(args.workdir / "media"),
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY=str(args.workers),
        GUNICORN_BIND=f"{HOST}:{args.port}",
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        PYTHONPATH=str(ROOT),
    )
    return env


def prepare(args, pg, env):
    run([str(PG_BIN / "dropdb"), "-h", HOST, "-p", str(pg.port), "-U", "postgres",
         "--if-exists", args.database])  # fmt: skip
    run([str(PG_BIN / "createdb"), "-h", HOST, "-p", str(pg.port), "-U", "postgres",
         args.database])  # fmt: skip
    manage = [PY, str(ROOT / "manage.py")]
    run([*manage, "migrate", "-v0", "--no-input"], env=env, cwd=ROOT)
    with open(args.workdir / "load.log", "w") as out:
        run([*manage, "load_bulk", "--articles", str(args.articles)], env=env, cwd=ROOT,
            stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    run([*manage, "collectstatic", "-v0", "--no-input"], env=env, cwd=ROOT)
    # The load's new content version, on an empty Redis, came with a two-minute hold on version
    # leases (newsroom.cache.NO_LEASE_KEY): lift it, as two minutes of uptime would. Redis's
    # restart during the run puts it back, as it must.
    lift = "from newsroom import cache; cache.lift_lease_hold()"
    run([*manage, "shell", "-v0", "-c", lift], env=env, cwd=ROOT)


def start_gunicorn(args, env):
    out = open(args.workdir / "gunicorn.log", "w")  # noqa: SIM115 (closed at exit)
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py")],
        env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(args.port, "/healthz")[0] == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not come up; see {args.workdir / 'gunicorn.log'}")


def worker_pids(master):
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in children]


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def fetch(port, path, timeout=10):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# What readers read ----------------------------------------------------------------------------


def reading_list(env):
    """Paths of every kind of page and feed, drawn from the soak database (run in a child
    process, so this process never opens a database connection of its own)."""
    script = r"""
import json, django
django.setup()
from django.urls import reverse
from newsroom.models import Article, Author, LivePage, Tag
from transfers.models import Club, Competition, Player, TransferLink
articles = list(Article.objects.published().order_by("-published_at")[:40])
clubs = list(Club.objects.order_by("?")[:10])
players = list(Player.objects.order_by("?")[:10])
links = list(TransferLink.objects.order_by("-updated_at")[:10])
kinds = {
    "home": ["/", "/?page=2"],
    "article": [a.get_absolute_url() for a in articles],
    "club": [c.get_absolute_url() for c in clubs]
        + [c.get_absolute_url() + "window/" for c in clubs[:3]],
    "player": [p.get_absolute_url() for p in players],
    "competition": [c.get_absolute_url() for c in Competition.objects.all()],
    "tag": [t.get_absolute_url() for t in Tag.objects.all()[:5]],
    "author": [a.get_absolute_url() for a in Author.objects.all()[:5]],
    "tracker": ["/transfers/", f"/transfers/?club={clubs[0].slug}&direction=incoming",
                "/transfers/?status=open&sort=fee_high", "/transfers/?max_age=24"],
    "saga": [l.get_absolute_url() for l in links],
    "search": ["/search/?q=midfielder", "/search/?q=contract+talks", "/search/?q=xylophone"],
    "live": [p.get_absolute_url() for p in LivePage.objects.published()[:3]],
    "feed": ["/feed/", "/feed/atom/", "/feed/json/", "/feeds/"]
        + [c.get_absolute_url() + "feed/" for c in clubs[:3]]
        + [p.get_absolute_url() + "feed/" for p in players[:3]]
        + [l.get_absolute_url() + "feed/" for l in links[:2]] + ["/transfers/feed/"],
    "sitemap": ["/sitemap.xml", "/news-sitemap.xml", "/robots.txt"],
}
print(json.dumps({k: v for k, v in kinds.items() if v}))
"""
    import json

    output = run([PY, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


# The editor -----------------------------------------------------------------------------------


def editor(env, deadline, events):
    """Every second: publish a new piece, edit one, unpublish one published a few seconds ago.

    Each event is reported with the time it had finished. An unpublishing is reported with the
    moment its transaction committed, taken by the first callback after the commit, before the
    page cache's own: readers' responses are judged from the commit itself.
    """
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import close_old_connections, transaction

    from newsroom import workflow
    from newsroom.models import Article, ArticleAuthor, Author, Image, Tag
    from transfers.models import Club

    rng = random.Random(99)
    user, _ = get_user_model().objects.get_or_create(
        username="soak-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    author = Author.objects.order_by("pk").first()
    clubs = list(Club.objects.order_by("pk")[:50])
    image = Image.objects.order_by("pk").first()
    tag = Tag.objects.order_by("pk").first()
    live, number = [], 0
    while time.time() < deadline:
        tick = time.time()
        close_old_connections()
        number += 1
        slug = f"soak-piece-{os.getpid()}-{number}"
        try:
            club = rng.choice(clubs)
            # The draft with its byline, club and tag in one transaction, as the admin saves it.
            with transaction.atomic():
                article = Article.objects.create(
                    headline=f"Soak piece {number}: {club.name} make their move",
                    slug=slug,
                    standfirst="A piece the soak's editor publishes, edits and takes down again.",
                    body="<p>Sources close to the club say talks are progressing well.</p>" * 20,
                    primary_club=club,
                    hero_image=image,
                )
                ArticleAuthor.objects.create(article=article, author=author)
                article.clubs.add(club)
                article.tags.add(tag)
            workflow.perform(article, "publish", user)
            events.put(("published", slug, time.time()))
            live.append(article.pk)
        except Exception as error:
            events.put(("failed", f"publish {slug}: {type(error).__name__}", time.time()))
        try:
            if live:
                edited = Article.objects.get(pk=rng.choice(live))
                edited.standfirst = f"Updated at {datetime.datetime.now():%H:%M:%S}."
                edited.save()
                events.put(("edited", edited.slug, time.time()))
        except Exception as error:
            events.put(("failed", f"edit: {type(error).__name__}", time.time()))
        try:
            # Take down a piece published a few seconds ago: long enough to be on cached pages.
            if len(live) > 4:
                gone = Article.objects.get(pk=live[-5])
                committed = []
                with transaction.atomic():
                    transaction.on_commit(lambda moments=committed: moments.append(time.time()))
                    workflow.perform(gone, "unpublish", user, note="Soak: taken down.")
                live.remove(gone.pk)
                events.put(("unpublished", gone.slug, committed[0]))
        except Exception as error:
            events.put(("failed", f"unpublish: {type(error).__name__}", time.time()))
        time.sleep(max(0.0, 1.0 - (time.time() - tick)))
    events.put(("done", "", time.time()))


# Readers --------------------------------------------------------------------------------------


class Ledger:
    """What the editor did and what readers saw, shared by the threads of this process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.published = {}  # slug -> commit time
        self.unpublished = {}  # slug -> commit time
        self.failures = []
        self.edits = 0
        self.results = []  # (start, end, kind, path, status)
        self.stale = []  # (start, path, slug, seconds after the unpublishing)

    def record_event(self, kind, slug, at):
        with self.lock:
            if kind == "published":
                self.published[slug] = at
            elif kind == "unpublished":
                self.unpublished[slug] = at
            elif kind == "edited":
                self.edits += 1
            elif kind == "failed":
                self.failures.append((at, slug))

    def fresh_articles(self):
        with self.lock:
            return [s for s in list(self.published)[-8:] if s not in self.unpublished]

    def gone_before(self, moment):
        with self.lock:
            return [(s, t) for s, t in self.unpublished.items() if t < moment]


def reader(port, paths, ledger, deadline, seed):
    rng = random.Random(seed)
    kinds = list(paths)
    while time.time() < deadline:
        kind = rng.choice(kinds)
        path = rng.choice(paths[kind])
        if kind == "article" and rng.random() < 0.5:
            recent = ledger.fresh_articles() + [s for s, _ in ledger.gone_before(time.time())][-3:]
            if recent:
                path = f"/news/{rng.choice(recent)}/"
        start = time.time()
        try:
            status, body = fetch(port, path)
        except OSError as error:
            status, body = f"error: {type(error).__name__}", b""
        end = time.time()
        if status == 200:
            text = body.decode("utf-8", "replace")
            for slug, gone_at in ledger.gone_before(start):
                if f"/news/{slug}/" in text:
                    with ledger.lock:
                        ledger.stale.append((start, path, slug, start - gone_at))
        with ledger.lock:
            ledger.results.append((start, end, kind, path, status))


# Faults ---------------------------------------------------------------------------------------


def faults(args, redis, pg, started, marks):
    """Redis down from 25% to 25% + 10 s of the run; PostgreSQL down 5 s from 65%."""

    def at(fraction):
        time.sleep(max(0.0, started + fraction * args.duration - time.time()))

    at(0.25)
    marks["redis_stopped"] = time.time()
    redis.stop()
    time.sleep(10)
    redis.start()
    marks["redis_back"] = time.time()
    at(0.65)
    marks["pg_stopping"] = time.time()
    pg.stop()
    marks["pg_stopped"] = time.time()
    time.sleep(5)
    pg.start()
    marks["pg_back"] = time.time()


def memory_sampler(master, deadline, samples):
    while time.time() < deadline:
        for pid in worker_pids(master):
            size = rss_mb(pid)
            if size:
                samples.append((time.time(), pid, size))
        time.sleep(1)


# Report ---------------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def report(args, ledger, marks, memory_during, memory_after, lost, started, load):
    results = ledger.results
    errors = [r for r in results if not isinstance(r[4], int) or r[4] >= 500]
    in_redis = [e for e in errors if marks["redis_stopped"] <= e[0] <= marks["redis_back"] + 1]
    pg_from, pg_to = marks["pg_stopping"], marks["pg_back"]
    in_pg = [e for e in errors if pg_from <= e[1] and e[0] <= pg_to]
    after_pg = [e for e in errors if e[0] > pg_to]
    elsewhere = [e for e in errors if e not in in_redis and e not in in_pg and e not in after_pg]
    recovery = max((e[1] - pg_to for e in after_pg), default=0.0)
    durations = [(end - start) * 1000 for start, end, *_ in results]
    by_kind = {}
    for _start, _end, kind, _path, _status in results:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    statuses = {}
    for *_rest, status in results:
        key = status if isinstance(status, int) else "connection error"
        statuses[key] = statuses.get(key, 0) + 1
    peak = max((size for _t, _pid, size in memory_during), default=0)
    now = datetime.datetime.now(datetime.UTC)
    by_status = ", ".join(f"{k}: {v:,}" for k, v in sorted(statuses.items(), key=str))
    lines = [
        f"\n## Soak: readers, an editor and two faults ({now:%Y-%m-%d %H:%M} UTC)\n",
        f"- Command: `.venv/bin/python benchmarks/soak.py --duration {args.duration} "
        f"--readers {args.readers} --articles {args.articles}`",
        f"- gunicorn with gunicorn.conf.py, {args.workers} sync workers; PostgreSQL 15 (own "
        f"cluster, port {args.pg_port}) and Redis (own server, port {args.redis_port}) on "
        f"loopback; {args.articles:,} generated articles; {os.cpu_count()} cores, load average "
        f"{load[0]:.1f} before and {os.getloadavg()[0]:.1f} after",
        f"- Faults: Redis shut down at {marks['redis_stopped'] - started:.0f} s and back at "
        f"{marks['redis_back'] - started:.0f} s; PostgreSQL stopped from "
        f"{marks['pg_stopping'] - started:.0f} s, down at {marks['pg_stopped'] - started:.0f} s, "
        f"back at {marks['pg_back'] - started:.0f} s",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| requests | {len(results):,} ({len(results) / args.duration:.0f}/s); "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items()))
        + " | |",
        f"| responses by status | {by_status} | |",
        f"| 5xx or connection errors, all | {len(errors)} | only while PostgreSQL is down |",
        f"| … while Redis was down | {len(in_redis)} | 0 |",
        f"| … while PostgreSQL was down | {len(in_pg)} | (expected) |",
        f"| … after PostgreSQL came back | {len(after_pg)} (last {recovery:.1f} s after) "
        "| recovered within 5 s |",
        f"| … at any other time | {len(elsewhere)} | 0 |",
        f"| latency p50 / p99 | {percentile(durations, 0.5):.0f} ms / "
        f"{percentile(durations, 0.99):.0f} ms | |",
        f"| unpublished pieces seen after the unpublishing committed | {len(ledger.stale)} | 0 |",
        f"| published pieces lost | {len(lost)} | 0 |",
        f"| worker memory (RSS) after the run | "
        f"{', '.join(f'{m:.0f} MB' for m in memory_after)} (peak during: {peak:.0f} MB) "
        "| < 200 MB each |",
    ]
    outside = [f for f in ledger.failures if not pg_from - 1 <= f[0] <= pg_to + 5]
    note = f"{len(ledger.failures)} actions failed"
    if ledger.failures:
        note += (
            ", all while PostgreSQL was down"
            if not outside
            else f", {len(outside)} at other times: {outside[:3]}"
        )
    lines.insert(
        -3,
        f"| editor: published, edited, unpublished | {len(ledger.published)}, {ledger.edits}, "
        f"{len(ledger.unpublished)} ({note}) | one of each a second |",
    )
    if ledger.stale:
        lines.append("\nStale responses (first five):")
        lines += [f"- `{p}` showed `{s}` {d:.2f} s after" for _t, p, s, d in ledger.stale[:5]]
    if errors:
        lines.append("\nErrors (first ten, seconds into the run):")
        lines += [f"- {e[0] - started:.1f} s `{e[3]}`: {e[4]}" for e in errors[:10]]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--port", type=int, default=8029)
    parser.add_argument("--pg-port", type=int, default=5440)
    parser.add_argument("--redis-port", type=int, default=6390)
    parser.add_argument("--database", default="transferdesk_soak")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/transferdesk-soak"))
    parser.add_argument("--record", action="store_true", help="append to benchmarks/RESULTS.md")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    redis = OwnRedis(args.redis_port, args.workdir / "redis")
    pg = OwnPostgres(args.pg_port, Path("/tmp/transferdesk-soak-pg"))
    gunicorn = None
    try:
        pg.ensure()
        pg.start()
        redis.start()
        env = site_env(args, pg.url(args.database), f"redis://{HOST}:{args.redis_port}/4")
        log(f"loading {args.articles:,} articles into the soak database")
        prepare(args, pg, env)
        paths = reading_list(env)
        gunicorn = start_gunicorn(args, env)
        log(f"gunicorn up (pid {gunicorn.pid}, workers {worker_pids(gunicorn.pid)})")
        for kind_paths in paths.values():  # warm each worker's templates and caches
            for path in kind_paths[:2]:
                fetch(args.port, path, timeout=60)

        ledger = Ledger()
        load = os.getloadavg()
        started = time.time()
        deadline = started + args.duration
        events = multiprocessing.get_context("spawn").Queue()
        editing = multiprocessing.get_context("spawn").Process(
            target=editor, args=(env, deadline, events), daemon=True
        )
        editing.start()
        marks, memory_during = {}, []
        threads = [
            threading.Thread(target=faults, args=(args, redis, pg, started, marks), daemon=True),
            threading.Thread(
                target=memory_sampler, args=(gunicorn.pid, deadline, memory_during), daemon=True
            ),
        ] + [
            threading.Thread(
                target=reader, args=(args.port, paths, ledger, deadline, n), daemon=True
            )
            for n in range(args.readers)
        ]
        for thread in threads:
            thread.start()
        log(f"{args.readers} readers and one editor for {args.duration} s")
        done = False
        while not done and time.time() < deadline + 60:
            try:
                kind, slug, at = events.get(timeout=1)
            except queue.Empty:
                done = not editing.is_alive()
                continue
            done = kind == "done"
            ledger.record_event(kind, slug, at)
        for thread in threads:
            thread.join(timeout=max(1.0, deadline + 30 - time.time()))
        editing.join(timeout=10)

        # Every piece the editor published, and did not take down, must still be on the site.
        kept = [slug for slug in ledger.published if slug not in ledger.unpublished]
        lost = [slug for slug in kept if fetch(args.port, f"/news/{slug}/")[0] != 200]
        memory_after = [rss_mb(pid) or 0 for pid in worker_pids(gunicorn.pid)]
        text = report(args, ledger, marks, memory_during, memory_after, lost, started, load)
        print(text)
        if args.record:
            with open(ROOT / "benchmarks" / "RESULTS.md", "a") as results:
                results.write(text + "\n")
    finally:
        if gunicorn is not None and gunicorn.poll() is None:
            gunicorn.send_signal(signal.SIGTERM)
            try:
                gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        redis.stop()
        pg.stop()


if __name__ == "__main__":
    sys.exit(main())
