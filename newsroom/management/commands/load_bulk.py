"""Load generated content at any size for benchmarks: `manage.py load_bulk --articles 100000`.

Rows go in with bulk inserts, one transaction per batch, so an interrupted load keeps every
finished batch and a second run adds more. Articles are spread over five years, with a
share of drafts, pieces in review, scheduled and archived pieces.
"""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from newsroom import bulk_text
from newsroom.models import Article, ArticleAuthor, Author, Image, Tag
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


def clamp(value, low, high):
    return max(low, min(high, value))


class Command(BaseCommand):
    help = "Load generated clubs, players, transfer links and articles in bulk (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--players", type=int, help="default: articles / 50, 300 to 20,000")
        parser.add_argument("--clubs", type=int, help="default: articles / 500, 40 to 2,000")
        parser.add_argument("--links", type=int, help="default: articles / 10, 100 to 100,000")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--reset", action="store_true", help="Delete ALL content first (not users)."
        )

    def handle(self, *args, **options):
        n_articles = options["articles"]
        if n_articles < 0 or options["batch_size"] < 1:
            raise CommandError("--articles must be 0 or more and --batch-size at least 1.")
        n_clubs = options["clubs"] or clamp(n_articles // 500, 40, 2000)
        n_players = options["players"] or clamp(n_articles // 50, 300, 20000)
        n_links = (
            options["links"]
            if options["links"] is not None
            else clamp(n_articles // 10, 100, 100000)
        )
        if min(n_clubs, n_players) < 2:
            raise CommandError("Bulk content needs at least two clubs and two players.")
        self.rng = random.Random(options["seed"])
        self.batch = options["batch_size"]
        self.now = timezone.now()
        if options["reset"]:
            self.reset()
        try:
            self.load(n_articles, n_clubs, n_players, n_links)
        except KeyboardInterrupt:
            loaded = Article.objects.count()
            self.stderr.write(f"\nInterrupted: {loaded:,} articles are in the database.")
            raise SystemExit(130) from None

    def reset(self):
        self.stdout.write("Deleting existing content…")
        if connection.vendor == "postgresql":
            tables = ", ".join(model._meta.db_table for model in CONTENT_TABLES)
            with connection.cursor() as cursor:
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
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {n_clubs:,} clubs, {n_players:,} players, {n_links:,} transfer links "
                f"and {n_articles:,} articles."
            )
        )

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
                Club.objects.bulk_create(rows)
        return list(Club.objects.order_by("-pk").values_list("pk", "name")[: total or 1])

    def players(self, total, clubs):
        seq = self.next_seq(Player)
        positions = list(Position.values)
        today = self.now.date()
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
                created = Player.objects.bulk_create(rows)
                for player in created:
                    matches = self.rng.randint(8, 38)
                    for year in (self.now.year - 1, self.now.year):
                        appearances = self.rng.randint(0, matches)
                        seasons.append(
                            PlayerSeason(
                                player_id=player.pk,
                                club_id=player.current_club_id,
                                season=f"{year - 1}/{str(year)[2:]}",
                                competition_id=self._competition_of(player.current_club_id),
                                appearances=appearances,
                                starts=self.rng.randint(0, appearances),
                                goals=self.rng.randint(0, 12),
                                assists=self.rng.randint(0, 10),
                                minutes=appearances * self.rng.randint(45, 90),
                                club_matches_played=matches,
                            )
                        )
                PlayerSeason.objects.bulk_create(seasons)
        return list(
            Player.objects.order_by("-pk").values_list("pk", "known_as", "current_club_id", "role")[
                :total
            ]
        )

    def _competition_of(self, club_id):
        if not hasattr(self, "_club_competitions"):
            self._club_competitions = dict(Club.objects.values_list("pk", "competition_id"))
        return self._club_competitions[club_id]

    def links(self, total, players, clubs, windows, sources):
        kinds = list(TransferKind.values)
        created_ids = []
        for _start, size in self.in_batches(total, "transfer links"):
            rows, chosen = [], []
            for _ in range(size):
                player_id, _name, from_id, _role = self.rng.choice(players)
                to_id = self.rng.choice(clubs)[0]
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
                created = TransferLink.objects.bulk_create(rows)
                through = TransferLink.sources.through
                through.objects.bulk_create(
                    through(transferlink_id=link.pk, source_id=source.pk)
                    for link, picked in zip(created, chosen, strict=True)
                    for source in picked
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
                TransferUpdate.objects.bulk_create(updates)
            created_ids.extend((link.pk, link.player_id) for link in created)
        return created_ids

    def articles(self, total, clubs, players, links, authors, tags, images):
        seq = self.next_seq(Article)
        club_names = dict(clubs)
        links_by_player = {}
        for link_id, player_id in links:
            links_by_player.setdefault(player_id, link_id)
        statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
        span = 5 * 365 * 24 * 60  # five years of minutes
        recent = []
        for start, size in self.in_batches(total, "articles"):
            rows, extras = [], []
            for i in range(seq + start, seq + start + size):
                player_id, known_as, seller_id, role = self.rng.choice(players)
                buyer_id = self.rng.choice(clubs)[0]
                status = self.rng.choices(statuses, weights)[0]
                # Older ids are older pieces, so the archive's order matches its ids.
                minutes_ago = int(span * (1 - (i - seq + 1) / (total + 1))) + self.rng.randint(0, 5)
                published_at = self.now - datetime.timedelta(minutes=minutes_ago)
                if status == "scheduled":
                    status = Article.Status.PUBLISHED
                    published_at = self.now + datetime.timedelta(hours=self.rng.randint(1, 72))
                elif status in (Article.Status.DRAFT, Article.Status.IN_REVIEW):
                    published_at = None
                words = {
                    "buyer": club_names.get(buyer_id, "Their rivals"),
                    "seller": club_names.get(seller_id, "his club"),
                    "player": known_as,
                    "role": role,
                    "fee": f"£{self.rng.randint(10, 120)}m",
                    "window": self.rng.choice(["January window", "summer window"]),
                    "age": self.rng.randint(19, 31),
                }
                headline, standfirst, body = bulk_text.article_text(self.rng, words)
                rows.append(
                    Article(
                        headline=headline,
                        slug=f"{slugify(headline)[:150]}-{i}",
                        standfirst=standfirst,
                        body=body,
                        hero_image=self.rng.choice(images),
                        status=status,
                        published_at=published_at,
                        primary_club_id=buyer_id,
                        record_player_id=player_id if self.rng.random() < 0.3 else None,
                        seo_description=standfirst[:160],
                    )
                )
                extras.append((buyer_id, seller_id, player_id))
            with transaction.atomic():
                created = Article.objects.bulk_create(rows)
                self.link_articles(created, extras, links_by_player, authors, tags, recent)
            recent = [a.pk for a in created[-50:]]

    def link_articles(self, created, extras, links_by_player, authors, tags, recent):
        club_rows, player_rows, tag_rows, byline_rows, related_rows, link_rows = (
            [] for _ in range(6)
        )
        for article, (buyer_id, seller_id, player_id) in zip(created, extras, strict=True):
            club_rows.append(Article.clubs.through(article_id=article.pk, club_id=buyer_id))
            if seller_id and seller_id != buyer_id:
                club_rows.append(Article.clubs.through(article_id=article.pk, club_id=seller_id))
            player_rows.append(Article.players.through(article_id=article.pk, player_id=player_id))
            for tag in self.rng.sample(tags, k=2):
                tag_rows.append(Article.tags.through(article_id=article.pk, tag_id=tag.pk))
            for position, author in enumerate(self.rng.sample(authors, k=self.rng.randint(1, 2))):
                byline_rows.append(
                    ArticleAuthor(article_id=article.pk, author_id=author.pk, position=position)
                )
            for other in self.rng.sample(recent, k=min(2, len(recent))):
                related_rows.append(
                    Article.related.through(from_article_id=article.pk, to_article_id=other)
                )
            if player_id in links_by_player:
                link_rows.append(
                    Article.transfer_links.through(
                        article_id=article.pk, transferlink_id=links_by_player[player_id]
                    )
                )
            recent = [*recent[-49:], article.pk]
        Article.clubs.through.objects.bulk_create(club_rows)
        Article.players.through.objects.bulk_create(player_rows)
        Article.tags.through.objects.bulk_create(tag_rows)
        ArticleAuthor.objects.bulk_create(byline_rows)
        Article.related.through.objects.bulk_create(related_rows)
        Article.transfer_links.through.objects.bulk_create(link_rows)
