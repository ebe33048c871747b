"""Load generated content at any size for benchmarks: `manage.py load_bulk --articles 100000`.

Rows go in batches, one transaction per batch, so an interrupted load keeps every finished
batch and a second run adds more. Articles are spread over five years, with a share of drafts,
pieces in review, scheduled and archived pieces.

On PostgreSQL rows are streamed with COPY, and articles are loaded by several processes at
once (`--workers`): the search trigger's `to_tsvector` over each body is most of the cost, and
it runs in the database backend of whichever connection inserts the row, so two connections
use two cores. Each batch's text comes from a generator seeded by its position, so the content
is the same whatever the number of workers.
"""

import datetime
import io
import itertools
import multiprocessing
import os
import queue
import random
import time
import traceback
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.db.models import FileField, Max
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from newsroom import bulk_text, cache
from newsroom.dbstats import refresh_planner_statistics
from newsroom.models import Article, ArticleAuthor, Author, ClubNewsEntry, Image, Tag
from transfers.models import (
    FINAL_STATUSES,
    Club,
    Competition,
    Player,
    PlayerSeason,
    Position,
    Source,
    TransferKind,
    TransferLink,
    TransferStatus,
    TransferUpdate,
    TransferWindow,
)

COMPETITIONS = [
    ("Premier League", "premier-league", "England"),
    ("La Liga", "la-liga", "Spain"),
    ("Serie A", "serie-a", "Italy"),
    ("Bundesliga", "bundesliga", "Germany"),
    ("Ligue 1", "ligue-1", "France"),
]
STATUS_WEIGHTS = [
    (Article.Status.PUBLISHED, 90),
    (Article.Status.DRAFT, 4),
    (Article.Status.IN_REVIEW, 2),
    ("scheduled", 2),
    (Article.Status.ARCHIVED, 2),
]
LINK_STATUSES = list(TransferStatus.values)
CONTENT_TABLES = [
    TransferUpdate, ArticleAuthor, Article, TransferLink, PlayerSeason, Player, Club,
    Author, Tag, Image, Source, TransferWindow, Competition,
]  # fmt: skip
# Columns the database fills itself (the search trigger), left out of COPY.
DATABASE_FILLED = {"search_vector"}
# A worker that reports nothing for this long is taken to be stuck.
WORKER_SILENCE_LIMIT = 600


def clamp(value, low, high):
    return max(low, min(high, value))


class Writer:
    """Inserts rows: COPY on PostgreSQL, with ids taken from the table's sequence beforehand so
    link rows can point at them; `bulk_create` elsewhere."""

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def objects(self, model, objs):
        """Insert model instances; returns them with their primary keys set."""
        if not objs:
            return objs
        if not self.copy:
            return model.objects.bulk_create(objs)
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
        fields = [f for f in model._meta.concrete_fields if f.attname not in DATABASE_FILLED]
        # A FieldFile is not a value psycopg can send; its name is.
        files = {f.attname for f in fields if isinstance(f, FileField)}
        rows = (
            [
                getattr(obj, f.attname).name if f.attname in files else getattr(obj, f.attname)
                for f in fields
            ]
            for obj in objs
        )
        self._copy(table, [f.column for f in fields], rows)
        return objs

    def rows(self, model, columns, rows):
        """Insert plain tuples into `columns` of a (link) table, ids left to the database."""
        if not rows:
            return
        if self.copy:
            self._copy(model._meta.db_table, columns, rows)
        else:
            fields = [model._meta.get_field(c).attname for c in columns]
            model.objects.bulk_create(model(**dict(zip(fields, row, strict=True))) for row in rows)

    def _copy(self, table, columns, rows):
        quote = connection.ops.quote_name
        statement = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


class Command(BaseCommand):
    help = "Load generated clubs, players, transfer links and articles in bulk (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--players", type=int, help="default: articles / 50, 300 to 20,000")
        parser.add_argument("--clubs", type=int, help="default: articles / 500, 40 to 2,000")
        parser.add_argument("--links", type=int, help="default: articles / 10, 100 to 100,000")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--workers",
            type=int,
            help="processes loading articles at once (PostgreSQL only); default: CPU count",
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--reset", action="store_true", help="Delete ALL content first (not users)."
        )

    def handle(self, *args, **options):
        n_articles = options["articles"]
        if n_articles < 0 or options["batch_size"] < 1:
            raise CommandError("--articles must be 0 or more and --batch-size at least 1.")
        if options["workers"] is not None and options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        n_clubs = options["clubs"] or clamp(n_articles // 500, 40, 2000)
        n_players = options["players"] or clamp(n_articles // 50, 300, 20000)
        n_links = (
            options["links"]
            if options["links"] is not None
            else clamp(n_articles // 10, 100, 100000)
        )
        if min(n_clubs, n_players) < 2:
            raise CommandError("Bulk content needs at least two clubs and two players.")
        self.seed = options["seed"]
        self.rng = random.Random(self.seed)
        self.batch = options["batch_size"]
        self.workers = self.worker_count(options["workers"])
        self.now = timezone.now()
        self.write = Writer()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Safe for a bulk load: a crash loses the last commits, never corrupts.
                cursor.execute("SET synchronous_commit = off")
        # Most of it is bulk inserts and raw SQL, which send no signals: one change for the
        # page cache, with a new content version at the end (or on an interruption).
        with cache.changing():
            if options["reset"]:
                self.reset()
            started = time.monotonic()
            try:
                self.load(n_articles, n_clubs, n_players, n_links)
            except KeyboardInterrupt:
                loaded = Article.objects.count()
                self.stderr.write(f"\nInterrupted: {loaded:,} articles are in the database.")
                raise SystemExit(130) from None
        load_seconds = time.monotonic() - started
        refresh_planner_statistics()
        analyse_seconds = time.monotonic() - started - load_seconds
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {n_clubs:,} clubs, {n_players:,} players, {n_links:,} transfer links "
                f"and {n_articles:,} articles in {load_seconds:,.0f} s "
                f"({self.workers} article worker{'s' if self.workers > 1 else ''}); "
                f"planner statistics refreshed in {analyse_seconds:,.0f} s."
            )
        )

    def worker_count(self, asked):
        # Other databases write one transaction at a time; inside a transaction (a test) other
        # connections could not see the clubs and players this one has just made.
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            return 1
        return asked or os.cpu_count() or 1

    def reset(self):
        self.stdout.write("Deleting existing content…")
        if connection.vendor == "postgresql":
            tables = ", ".join(model._meta.db_table for model in CONTENT_TABLES)
            with connection.cursor() as cursor:
                if connection.in_atomic_block:
                    # Deferred foreign-key checks still pending would block TRUNCATE.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        else:
            with transaction.atomic():
                for model in CONTENT_TABLES:
                    model.objects.all().delete()

    def load(self, n_articles, n_clubs, n_players, n_links):
        with transaction.atomic():
            competitions = self.competitions()
            windows = self.windows()
            sources = self.sources()
            authors = self.authors()
            tags = self.tags()
            images = self.images()
        clubs = self.clubs(n_clubs, competitions)
        players = self.players(n_players, clubs)
        links = self.links(n_links, players, clubs, windows, sources)
        self.articles(n_articles, clubs, players, links, authors, tags, images)

    # Reference data: small, get-or-create, shared by every run.

    def competitions(self):
        return [
            Competition.objects.get_or_create(slug=slug, defaults={"name": name, "country": land})[
                0
            ]
            for name, slug, land in COMPETITIONS
        ]

    def windows(self):
        windows = []
        for year in range(self.now.year - 4, self.now.year + 1):
            for name, opens, closes in (
                (f"January {year}", datetime.date(year, 1, 1), datetime.date(year, 2, 3)),
                (f"Summer {year}", datetime.date(year, 6, 14), datetime.date(year, 9, 1)),
            ):
                windows.append(
                    TransferWindow.objects.get_or_create(
                        slug=slugify(name),
                        defaults={"name": name, "opens": opens, "closes": closes},
                    )[0]
                )
        return windows

    def sources(self):
        return [
            Source.objects.get_or_create(
                slug=f"bulk-source-{i}",
                defaults={"name": f"Wire Service {i}", "tier": 1 + i % 4, "outlet": "Wire"},
            )[0]
            for i in range(1, 9)
        ]

    def authors(self):
        return [
            Author.objects.get_or_create(
                slug=f"bulk-writer-{i}",
                defaults={"name": " ".join(bulk_text.person_name(self.rng)[:1]) + f" {i}"},
            )[0]
            for i in range(1, 21)
        ]

    def tags(self):
        return [
            Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
            for name in bulk_text.TAG_NAMES
        ]

    def images(self):
        from PIL import Image as PILImage

        images = []
        for i, colour in enumerate(["#c8102e", "#004170", "#6cabdd", "#fdb913", "#132257"]):
            caption = f"Bulk graphic {i + 1}"
            image = Image.objects.filter(caption=caption).first()
            if image is None:
                buffer = io.BytesIO()
                PILImage.new("RGB", (1200, 675), colour).save(buffer, "JPEG", quality=80)
                image = Image(
                    alt_text="A plain colour panel standing in for a match photograph",
                    caption=caption,
                    credit="Transfer Desk graphic",
                )
                image.file.save(f"bulk-{i + 1}.jpg", ContentFile(buffer.getvalue()), save=False)
                image.width, image.height = 1200, 675
                image.save()
            images.append(image)
        return images

    # Generated rows: bulk inserts in batches.

    def next_seq(self, model):
        return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def in_batches(self, total, label):
        with tqdm(total=total, desc=label, unit=" rows", disable=total == 0) as bar:
            done = 0
            while done < total:
                size = min(self.batch, total - done)
                yield done, size
                done += size
                bar.update(size)

    def clubs(self, total, competitions):
        seq = self.next_seq(Club)
        for start, size in self.in_batches(total, "clubs"):
            rows = []
            for i in range(seq + start, seq + start + size):
                name = bulk_text.club_name(self.rng, i)
                competition = competitions[i % len(competitions)]
                rows.append(
                    Club(
                        name=name,
                        full_name=f"{name} Football Club",
                        slug=f"{slugify(name)}-{i}",
                        competition=competition,
                        country=competition.country,
                        stadium=f"{name.split()[0]} Park",
                        brand_colour=f"#{self.rng.randrange(0x222222, 0xAAAAAA):06x}",
                    )
                )
            with transaction.atomic():
                self.write.objects(Club, rows)
        return list(Club.objects.order_by("-pk").values_list("pk", "name")[: total or 1])

    def players(self, total, clubs):
        seq = self.next_seq(Player)
        positions = list(Position.values)
        today = self.now.date()
        competition_of = dict(Club.objects.values_list("pk", "competition_id"))
        for start, size in self.in_batches(total, "players"):
            rows, seasons = [], []
            for i in range(seq + start, seq + start + size):
                full, last = bulk_text.person_name(self.rng)
                position = positions[i % 4]
                club_id = self.rng.choice(clubs)[0]
                rows.append(
                    Player(
                        full_name=full,
                        known_as=last,
                        slug=f"{slugify(full)}-{i}",
                        date_of_birth=today
                        - datetime.timedelta(days=self.rng.randint(17, 36) * 365),
                        nationality=self.rng.choice(bulk_text.NATIONALITIES),
                        position=position,
                        role=self.rng.choice(bulk_text.ROLES[position]),
                        current_club_id=club_id,
                        contract_expires=today
                        + datetime.timedelta(days=self.rng.randint(30, 1800)),
                        market_value=Decimal(self.rng.randint(1, 150) * 1_000_000),
                    )
                )
            with transaction.atomic():
                created = self.write.objects(Player, rows)
                for player in created:
                    matches = self.rng.randint(8, 38)
                    for year in (self.now.year - 1, self.now.year):
                        appearances = self.rng.randint(0, matches)
                        seasons.append(
                            PlayerSeason(
                                player_id=player.pk,
                                club_id=player.current_club_id,
                                season=f"{year - 1}/{str(year)[2:]}",
                                competition_id=competition_of[player.current_club_id],
                                appearances=appearances,
                                starts=self.rng.randint(0, appearances),
                                goals=self.rng.randint(0, 12),
                                assists=self.rng.randint(0, 10),
                                minutes=appearances * self.rng.randint(45, 90),
                                club_matches_played=matches,
                            )
                        )
                self.write.objects(PlayerSeason, seasons)
        return list(
            Player.objects.order_by("-pk").values_list(
                "pk", "known_as", "current_club_id", "role", "full_name"
            )[:total]
        )

    def big_club(self, rng, clubs):
        """A club picked the way coverage falls: the k-th club is named 1/k as often as the
        first (Zipf), so a few clubs have a hundred thousand pieces and most have hundreds."""
        if getattr(self, "_club_weights", (None, None))[0] is not clubs:
            self._club_weights = (
                clubs,
                list(itertools.accumulate(1 / rank for rank in range(1, len(clubs) + 1))),
            )
        return rng.choices(clubs, cum_weights=self._club_weights[1])[0][0]

    def links(self, total, players, clubs, windows, sources):
        kinds = list(TransferKind.values)
        created_ids = []
        for _start, size in self.in_batches(total, "transfer links"):
            rows, chosen = [], []
            for _ in range(size):
                player_id, _name, from_id, _role, _full = self.rng.choice(players)
                to_id = self.big_club(self.rng, clubs)
                while to_id == from_id:
                    to_id = self.rng.choice(clubs)[0]
                status = self.rng.choice(LINK_STATUSES)
                fee = Decimal(self.rng.randint(0, 120) * 1_000_000)
                updated = self.now - datetime.timedelta(minutes=self.rng.randint(1, 60 * 24 * 900))
                rows.append(
                    TransferLink(
                        player_id=player_id,
                        from_club_id=from_id,
                        to_club_id=to_id,
                        kind=self.rng.choice(kinds),
                        status=status,
                        fee_amount=fee,
                        window=self.rng.choice(windows),
                        first_reported=(updated - datetime.timedelta(days=30)).date(),
                        updated_at=updated,
                        likelihood=100
                        if status == TransferStatus.COMPLETED
                        else (0 if status in FINAL_STATUSES else self.rng.randint(5, 90)),
                    )
                )
                chosen.append(self.rng.sample(sources, k=self.rng.randint(1, 3)))
            with transaction.atomic():
                created = self.write.objects(TransferLink, rows)
                self.write.rows(
                    TransferLink.sources.through,
                    ["transferlink_id", "source_id"],
                    [
                        (link.pk, source.pk)
                        for link, picked in zip(created, chosen, strict=True)
                        for source in picked
                    ],
                )
                updates = []
                for link, picked in zip(created, chosen, strict=True):
                    for step, source in enumerate(picked):
                        updates.append(
                            TransferUpdate(
                                link_id=link.pk,
                                reported_at=link.updated_at - datetime.timedelta(days=3 * step),
                                status=link.status,
                                fee_amount=link.fee_amount,
                                source_id=source.pk,
                                note="Reported by our wire partners.",
                            )
                        )
                self.write.objects(TransferUpdate, updates)
            created_ids.extend((link.pk, link.player_id) for link in created)
        return created_ids

    # Articles: the bulk of the work, in batches that need nothing from one another.

    def articles(self, total, clubs, players, links, authors, tags, images):
        links_by_player = {}
        for link_id, player_id in links:
            links_by_player.setdefault(player_id, link_id)
        self.article_context = {
            "seq": self.next_seq(Article),
            "total": total,
            "clubs": clubs,
            "club_names": dict(clubs),
            "players": players,
            "links_by_player": links_by_player,
            "author_ids": [author.pk for author in authors],
            "tag_ids": [tag.pk for tag in tags],
            "image_ids": [image.pk for image in images],
        }
        starts = list(range(0, total, self.batch))
        workers = min(self.workers, len(starts))
        with tqdm(total=total, desc="articles", unit=" rows", disable=total == 0) as bar:
            if workers <= 1:
                for start in starts:
                    bar.update(self.article_batch(start))
            else:
                self.articles_in_parallel(starts, workers, bar)

    def articles_in_parallel(self, starts, workers, bar):
        # Forked children must not share the parent's database socket: close it first, and
        # each child opens its own.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        reports = context.Queue()
        children = [
            context.Process(
                target=self.article_worker, args=(starts[w::workers], reports), daemon=True
            )
            for w in range(workers)
        ]
        for child in children:
            child.start()
        finished, failure, last_news = 0, None, time.monotonic()
        try:
            while finished < workers and failure is None:
                try:
                    kind, value = reports.get(timeout=1)
                except queue.Empty:
                    if time.monotonic() - last_news > WORKER_SILENCE_LIMIT:
                        failure = f"no progress for {WORKER_SILENCE_LIMIT} s"
                    elif not any(child.is_alive() for child in children):
                        failure = "every worker stopped before finishing"
                    continue
                last_news = time.monotonic()
                if kind == "rows":
                    bar.update(value)
                elif kind == "done":
                    finished += 1
                else:
                    failure = value
        finally:
            for child in children:
                if failure is not None and child.is_alive():
                    child.terminate()
                child.join(timeout=30)
        if failure is not None:
            raise CommandError(f"An article worker failed:\n{failure}")

    def article_worker(self, starts, reports):
        try:
            connection.connect()
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit = off")
            for start in starts:
                reports.put(("rows", self.article_batch(start)))
            reports.put(("done", None))
        except KeyboardInterrupt:
            # The parent reports the interruption; this batch's transaction is rolled back.
            pass
        except BaseException:
            reports.put(("error", traceback.format_exc()))
        finally:
            connections.close_all()

    def article_batch(self, start):
        """Generate and insert the articles at positions start … start + batch, in one
        transaction; returns how many."""
        ctx = self.article_context
        seq, total = ctx["seq"], ctx["total"]
        rng = random.Random(f"{self.seed}:{seq + start}")
        statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
        span = 5 * 365 * 24 * 60  # five years of minutes
        rows, extras = [], []
        for i in range(seq + start, seq + min(start + self.batch, total)):
            player_id, known_as, seller_id, role, full_name = rng.choice(ctx["players"])
            buyer_id = self.big_club(rng, ctx["clubs"])
            status = rng.choices(statuses, weights)[0]
            # Later positions are newer pieces, spread evenly over five years.
            minutes_ago = int(span * (1 - (i - seq + 1) / (total + 1))) + rng.randint(0, 5)
            published_at = self.now - datetime.timedelta(minutes=minutes_ago)
            created_at = published_at - datetime.timedelta(minutes=rng.randint(20, 600))
            if status == "scheduled":
                status = Article.Status.PUBLISHED
                published_at = self.now + datetime.timedelta(hours=rng.randint(1, 72))
            elif status in (Article.Status.DRAFT, Article.Status.IN_REVIEW):
                published_at = None
            words = {
                "buyer": ctx["club_names"].get(buyer_id, "Their rivals"),
                "seller": ctx["club_names"].get(seller_id, "his club"),
                "player": rng.choice([known_as, full_name]),
                "role": role,
                "fee": f"£{rng.randint(10, 120)}m",
                "window": rng.choice(["January window", "summer window"]),
                "age": rng.randint(19, 31),
                "agent": bulk_text.agent_name(rng),
            }
            headline, standfirst, body = bulk_text.article_text(rng, words)
            rows.append(
                Article(
                    headline=headline,
                    slug=f"{slugify(headline)[:150]}-{i}",
                    standfirst=standfirst,
                    body=body,
                    hero_image_id=rng.choice(ctx["image_ids"]),
                    status=status,
                    published_at=published_at,
                    created_at=created_at,
                    updated_at=published_at or created_at,
                    primary_club_id=buyer_id,
                    is_featured=status == Article.Status.PUBLISHED and rng.random() < 0.002,
                    record_player_id=player_id if rng.random() < 0.3 else None,
                    seo_description=standfirst[:160],
                )
            )
            extras.append((buyer_id, seller_id, player_id))
        with transaction.atomic():
            created = self.write.objects(Article, rows)
            self.link_articles(rng, created, extras)
        return len(created)

    def link_articles(self, rng, created, extras):
        ctx = self.article_context
        club_rows, player_rows, tag_rows, byline_rows, related_rows, link_rows = (
            [] for _ in range(6)
        )
        recent = []
        for article, (buyer_id, seller_id, player_id) in zip(created, extras, strict=True):
            club_rows.append((article.pk, buyer_id))
            if seller_id and seller_id != buyer_id:
                club_rows.append((article.pk, seller_id))
            player_rows.append((article.pk, player_id))
            for tag_id in rng.sample(ctx["tag_ids"], k=2):
                tag_rows.append((article.pk, tag_id))
            for position, author_id in enumerate(
                rng.sample(ctx["author_ids"], k=rng.randint(1, 2))
            ):
                byline_rows.append((article.pk, author_id, position))
            for other in rng.sample(recent, k=min(2, len(recent))):
                related_rows.append((article.pk, other))
            if player_id in ctx["links_by_player"]:
                link_rows.append((article.pk, ctx["links_by_player"][player_id]))
            recent = [*recent[-49:], article.pk]
        self.write.rows(Article.clubs.through, ["article_id", "club_id"], club_rows)
        # The clubs' news lists (the signals that keep them otherwise are not sent by COPY).
        published = {
            article.pk: article.published_at
            for article in created
            if article.status == Article.Status.PUBLISHED and article.published_at
        }
        self.write.rows(
            ClubNewsEntry,
            ["article_id", "club_id", "published_at"],
            [(pk, club_id, published[pk]) for pk, club_id in club_rows if pk in published],
        )
        self.write.rows(Article.players.through, ["article_id", "player_id"], player_rows)
        self.write.rows(Article.tags.through, ["article_id", "tag_id"], tag_rows)
        self.write.rows(ArticleAuthor, ["article_id", "author_id", "position"], byline_rows)
        self.write.rows(Article.related.through, ["from_article_id", "to_article_id"], related_rows)
        self.write.rows(
            Article.transfer_links.through, ["article_id", "transferlink_id"], link_rows
        )
