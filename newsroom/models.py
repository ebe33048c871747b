"""The editorial models: images, authors, tags and articles, with the one definition of "public"."""

import re
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, connections, models, router, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator

from newsroom.sanitize import sanitize_html
from transfers.models import Club, Player, TransferLink, TransferStatus, TransferUpdate
from transfers.reversing import cached_reverse


class Image(models.Model):
    """An uploaded picture, stored once and reused as hero image, byline photo and so on."""

    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    alt_text = models.CharField(
        max_length=250, help_text="Describe the picture for readers who cannot see it."
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=120, blank=True)
    focal_x = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Horizontal focal point, 0 (left) to 1 (right); crops keep it in view.",
    )
    focal_y = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Vertical focal point, 0 (top) to 1 (bottom).",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.alt_text[:80]


class Author(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    job_title = models.CharField(max_length=100, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(Image, on_delete=models.SET_NULL, null=True, blank=True)
    social_handle = models.CharField(max_length=50, blank=True, help_text="e.g. @transferdesk")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("newsroom:author", self.slug)


# What a byline shows of each author: a name and a link to their page.
BYLINE_AUTHOR_FIELDS = ["id", "name", "slug"]


class Tag(models.Model):
    name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("newsroom:tag", self.slug)


class Subjects(NamedTuple):
    """A piece's clubs, players and tags, each kind in its model's order (`Article.subjects`).

    Each is loaded with what a chip and a link to its page need: its id, names and slug.
    """

    clubs: list
    players: list
    tags: list


# What `Subjects` loads of each club and tag, and of each player.
NAMED_SUBJECT_FIELDS = ["id", "name", "slug"]
PLAYER_FIELDS = ["id", "full_name", "known_as", "slug"]


class ArticleQuerySet(models.QuerySet):
    """Articles, with `with_bylines()`: each piece's byline read with it as plain values.

    A prefetch of the bylines and their authors made some sixty model instances for a page of
    twenty cards, through Django's prefetch machinery: about 1.8 ms a list. One query of names
    and slugs, attached when the pieces are read, costs a third of that (docs/performance.md).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._with_bylines = False

    def _clone(self):
        clone = super()._clone()
        clone._with_bylines = self._with_bylines
        return clone

    def _fetch_all(self):
        unread = self._result_cache is None
        super()._fetch_all()
        if unread and self._with_bylines and self._iterable_class is models.query.ModelIterable:
            Article.attach_bylines(self._result_cache)

    def with_bylines(self):
        """Read each piece's byline with it, in one more query, for `Article.byline`."""
        clone = self._chain()
        clone._with_bylines = True
        return clone

    def published(self):
        """The one definition of public: published, and its time has come (scheduled ones wait)."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """What a card needs, fetched in a fixed number of queries whatever the list's length.

        The body and the stored search vector stay in the database: a card shows neither, and
        twenty bodies are most of the bytes a list page would otherwise read. Pages and feeds that
        show the body ask for it with for_reading().
        """
        return (
            self.defer("body", "search_vector")
            .select_related("primary_club", "hero_image")
            .with_bylines()
            .order_by("-published_at", "-id")
        )

    def for_reading(self):
        """for_listing() with the body: the article page and full-text feeds."""
        return self.for_listing().defer(None).defer("search_vector")

    def for_feed(self):
        """The pieces as feeds show them: the body and the hero image, no card prefetches.

        Feeds read their bylines and subjects with `Article.attach_feed_details()`, as plain
        values: fifty items name some three hundred clubs, players and tags, and a model
        instance for each would cost more than the rest of the feed.
        """
        return (
            self.defer("search_vector")
            .select_related("hero_image")
            .order_by("-published_at", "-id")
        )

    def for_club(self, club):
        """Pieces about the club (an article's clubs always include its primary club)."""
        return self.filter(clubs=club)

    def for_competition(self, competition):
        """Pieces about any club in the competition, each piece once however many it names."""
        about_its_clubs = Article.clubs.through.objects.filter(club__competition=competition)
        return self.filter(pk__in=about_its_clubs.values("article_id"))

    def for_player(self, player):
        return self.filter(players=player)

    def for_tag(self, tag):
        return self.filter(tags=tag)

    def by_author(self, author):
        return self.filter(authors=author)

    def scheduled(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    standfirst = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the headline."
    )
    body = models.TextField(blank=True, help_text="The article's HTML.")
    hero_image = models.ForeignKey(
        Image, on_delete=models.PROTECT, null=True, blank=True, related_name="hero_of"
    )
    authors = models.ManyToManyField(Author, through="ArticleAuthor", related_name="articles")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the piece goes live. A time in the future schedules it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    significant_update_at = models.DateTimeField(
        null=True, blank=True, help_text="Shown to readers as “Updated”. Set for real news only."
    )
    correction = models.TextField(blank=True, help_text="A correction note shown at the foot.")
    is_featured = models.BooleanField(default=False, help_text="Lead the home page with it.")
    primary_club = models.ForeignKey(
        Club,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_articles",
        help_text="The club whose news hub this piece belongs to.",
    )
    clubs = models.ManyToManyField(Club, blank=True, related_name="articles")
    players = models.ManyToManyField(Player, blank=True, related_name="articles")
    transfer_links = models.ManyToManyField(TransferLink, blank=True, related_name="articles")
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    related = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="related_from",
        help_text="“READ MORE” pieces.",
    )
    record_player = models.ForeignKey(
        Player,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="record_articles",
        help_text="End the piece with this player's record table.",
    )
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=160, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Filled by a PostgreSQL trigger (migration 0003) and GIN-indexed; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [
            ("publish_article", "Can publish, schedule, unpublish and archive articles"),
            ("change_any_article", "Can edit other people's articles"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_order"),
            models.Index(
                fields=["primary_club", "status", "-published_at"], name="article_club_order"
            ),
            models.Index(fields=["is_featured", "status", "-published_at"], name="article_lead"),
            # The admin's list, newest first whatever the state.
            models.Index(fields=["-published_at", "-id"], name="article_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_article_has_time",
            )
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        # Whatever the way in (admin, import, shell), only allow-listed HTML is ever stored.
        self.body = sanitize_html(self.body)
        if self.pk:
            previous = Article.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            if previous and previous != self.slug:
                SlugRedirect.remember(self, previous)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("newsroom:article", self.slug)

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @classmethod
    def attach_feed_details(cls, articles):
        """Give each piece its byline (`attach_bylines`) and `feed_categories`, the names of
        its clubs, players and tags in that order, each name once. Four queries of plain
        values, whatever the number of pieces."""
        cls.attach_bylines(articles)
        ids = [article.pk for article in articles]
        categories = {}
        for links, subject, name, short_name in cls.subject_links():
            rows = links.filter(article_id__in=ids).order_by(f"{subject}__{short_name}", "pk")
            for article_id, value in rows.values_list("article_id", f"{subject}__{name}"):
                categories.setdefault(article_id, {})[value] = None
        for article in articles:
            article.feed_categories = list(categories.get(article.pk, ()))
        return articles

    @classmethod
    def subject_links(cls):
        """(link table, subject field, name, short name) for clubs, players and tags, in that
        order. Each kind sorts by its short name, as its model does: a player's is the one he is
        known by, a club's or a tag's its name."""
        return (
            (cls.clubs.through.objects, "club", "name", "name"),
            (cls.players.through.objects, "player", "full_name", "known_as"),
            (cls.tags.through.objects, "tag", "name", "name"),
        )

    @cached_property
    def subjects(self):
        """The piece's clubs, players and tags (`Subjects`), read in one query of plain values,
        each kind in its model's order (`subject_links`). Three prefetches of whole rows, one
        per kind, cost the article page more than any of its other queries.
        """
        subjects = Subjects([], [], [])
        if self.pk is None:
            return subjects
        parts = []
        for kind, (links, subject, name, short_name) in enumerate(self.subject_links()):
            values = {
                "subject_kind": models.Value(kind),
                "subject_id": F(f"{subject}_id"),
                "subject_name": F(f"{subject}__{name}"),
                "subject_short_name": F(f"{subject}__{short_name}"),
                "subject_slug": F(f"{subject}__slug"),
            }
            parts.append(links.filter(article=self).annotate(**values).values_list(*values))
        rows = (
            parts[0]
            .union(*parts[1:], all=True)
            .order_by("subject_kind", "subject_short_name", "subject_id")
        )
        for kind, pk, name, short_name, slug in rows:
            if kind == 1:
                player = Player.from_db(rows.db, PLAYER_FIELDS, (pk, name, short_name, slug))
                subjects.players.append(player)
            else:
                model, found = (Club, subjects.clubs) if kind == 0 else (Tag, subjects.tags)
                found.append(model.from_db(rows.db, NAMED_SUBJECT_FIELDS, (pk, name, slug)))
        return subjects

    @classmethod
    def attach_bylines(cls, articles):
        """Give each piece its byline, read in one query: authors in byline order, each loaded
        with its id, name and slug (enough for a name and a link), for `byline`."""
        bylines = {article.pk: [] for article in articles}
        rows = (
            ArticleAuthor.objects.filter(article_id__in=list(bylines))
            .order_by("position", "id")
            .values_list("article_id", "author_id", "author__name", "author__slug")
        )
        for article_id, *author in rows:
            bylines[article_id].append(Author.from_db(rows.db, BYLINE_AUTHOR_FIELDS, author))
        for article in articles:
            article.attached_byline = bylines[article.pk]
        return articles

    @property
    def byline(self):
        """Authors in byline order: as read with the piece (`with_bylines()`), else queried."""
        try:
            return self.attached_byline
        except AttributeError:
            return [b.author for b in self.bylines.all()]

    def read_more(self, limit=3):
        """The “READ MORE” pieces: public editor-picked related articles, newest first; when
        editors picked none, the suggestions of `suggested_reading()`.

        Two queries (the pieces and their bylines) when editors picked some, six at most when not.
        """
        picked = list(self.related.published().for_listing()[:limit])
        return picked or self.suggested_reading(limit)

    def suggested_reading(self, limit=3, candidates=200):
        """Published pieces sharing the most players and clubs with this one, newest first.

        Only the newest pieces naming each kind of subject are ranked: the `candidates` most
        recently written from the player links and as many from the club links, read from the
        end of the (player, article) and (club, article) indexes. A club with a hundred thousand
        stories costs what one with a hundred does, and no walk through the whole archive's
        date order looks for pieces that name a rare subject. Four queries at most.
        """
        player_ids = [player.pk for player in self.subjects.players]
        club_ids = [club.pk for club in self.subjects.clubs]
        if not player_ids and not club_ids:
            return []
        newest = []
        shared = models.Value(0)
        for links, field, ids in (
            (Article.players.through.objects, "player_id", player_ids),
            (Article.clubs.through.objects, "club_id", club_ids),
        ):
            if not ids:
                continue
            naming = links.filter(**{f"{field}__in": ids}).exclude(article_id=self.pk)
            newest.append(naming.order_by("-article_id").values("article_id")[:candidates])
            count = (
                links.filter(article_id=models.OuterRef("pk"), **{f"{field}__in": ids})
                .values("article_id")
                .annotate(n=models.Count("*"))
                .values("n")
            )
            shared = shared + Coalesce(models.Subquery(count), 0)
        if len(newest) > 1 and connection.features.supports_slicing_ordering_in_compound:
            # One IN over a UNION: the planner joins on the primary key.
            candidate_ids = Q(pk__in=newest[0].union(*newest[1:], all=True))
        else:
            candidate_ids = Q(pk__in=[])
            for part in newest:
                candidate_ids |= Q(pk__in=part)
        return list(
            Article.objects.published()
            .filter(candidate_ids)
            .for_listing()
            .annotate(shared=shared)
            .order_by("-shared", "-published_at", "-id")[:limit]
        )

    def include_primary_club(self):
        """Keep the rule that a piece is listed under its own hub club (call after saving M2Ms)."""
        if self.primary_club_id:
            self.clubs.add(self.primary_club_id)


class ArticleAuthor(models.Model):
    """One name in a byline, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_byline_author")
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"


class ClubNewsQuerySet(models.QuerySet):
    def newest_first(self):
        """Entries whose time has come, newest first, as a club's news list orders them.

        Called on a club's own entries: ``club.news_entries.newest_first()``.
        """
        return self.filter(published_at__lte=timezone.now()).order_by(
            "-published_at", "-article_id"
        )


class ClubNewsEntry(models.Model):
    """A published piece on one club's news list, with the piece's publication time.

    Derived, never edited: it mirrors `Article.clubs` for published pieces (scheduled ones
    included; `newest_first` leaves out those whose time has not come). Copying the time here lets
    a club's newest pieces come straight from one index, where a million-piece archive otherwise
    has every piece the club was ever named in looked up and sorted. `sync` keeps it in
    step whenever a piece is saved or its clubs change; readers' pages still fetch the pieces
    themselves through `published()`, so an entry can never show a withdrawn piece.
    """

    # No index of their own: "club_news_newest" leads with the club, the unique pair with the piece.
    club = models.ForeignKey(
        Club, on_delete=models.CASCADE, related_name="news_entries", db_index=False
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", db_index=False)
    published_at = models.DateTimeField()

    objects = ClubNewsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "club news entries"
        constraints = [
            models.UniqueConstraint(fields=["article", "club"], name="unique_club_news_entry")
        ]
        indexes = [
            models.Index(
                "club", F("published_at").desc(), F("article").desc(), name="club_news_newest"
            )
        ]

    def __str__(self):
        return f"{self.article_id} on club {self.club_id}'s news"

    @classmethod
    def sync(cls, article_ids):
        """Make the entries of these pieces match their status, time and clubs now."""
        article_ids = list(article_ids)
        if not article_ids:
            return
        cls.objects.filter(article_id__in=article_ids).delete()
        tagged = Article.clubs.through.objects.filter(
            article_id__in=article_ids,
            article__status=Article.Status.PUBLISHED,
            article__published_at__isnull=False,
        ).values_list("article_id", "club_id", "article__published_at")
        cls.objects.bulk_create(
            cls(article_id=article_id, club_id=club_id, published_at=published_at)
            for article_id, club_id, published_at in tagged
        )

    @classmethod
    def rebuild(cls):
        """Every entry again from the articles, in one transaction; returns how many there are.

        For what the signals never saw: pieces published by code that did not keep entries
        (during a deploy, before this release's code took over) or rows written by raw SQL.
        """
        entries = cls._meta.db_table
        tagged = Article.clubs.through._meta.db_table
        articles = Article._meta.db_table
        using = router.db_for_write(cls)
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute(f"DELETE FROM {entries}")
            cursor.execute(
                f"INSERT INTO {entries} (club_id, article_id, published_at) "
                f"SELECT t.club_id, t.article_id, a.published_at FROM {tagged} t "
                f"JOIN {articles} a ON a.id = t.article_id "
                "WHERE a.status = %s AND a.published_at IS NOT NULL",
                [Article.Status.PUBLISHED],
            )
            return cursor.rowcount


class SlugRedirect(models.Model):
    """An article's former slug, answered with a 301 to where the piece lives now."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"

    @classmethod
    def remember(cls, article, old_slug):
        # Every old slug points straight at the article (one hop); a slug in use again is no
        # longer a redirect.
        cls.objects.filter(old_slug=article.slug).delete()
        cls.objects.update_or_create(old_slug=old_slug, defaults={"article": article})


class Transition(models.Model):
    """One step in an article's workflow: who moved it from which state to which, when and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=Article.Status.choices)
    to_status = models.CharField(max_length=10, choices=Article.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.article}: {self.from_status} → {self.to_status}"


BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


class LivePageQuerySet(models.QuerySet):
    def published(self):
        """Public under the same rule as articles: published, and its time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def running(self):
        """Public pages whose coverage is under way now."""
        now = timezone.now()
        return self.published().filter(starts_at__lte=now, ends_at__gt=now)

    def for_club(self, club):
        """Pages about the club, and site-wide ones (no primary club) that cover every club."""
        return self.filter(Q(primary_club=club) | Q(primary_club__isnull=True))


class LivePage(models.Model):
    """A deadline-day live page: a headline over a stream of short, timestamped entries.

    "A kind of article" in the newsroom's sense (headline, standfirst, status, published_at,
    primary club, authors), but a model of its own rather than an Article with a `kind` field:
    a live page has no body, hero or record table, and its own coverage window, so folding it
    into Article would make every article query, feed, sitemap and publishing check exclude or
    special-case it. Its public rule reuses Article.Status and the same `published()` test.
    """

    headline = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    standfirst = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the headline."
    )
    status = models.CharField(
        max_length=10, choices=Article.Status.choices, default=Article.Status.DRAFT
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the page goes public. A time in the future waits."
    )
    starts_at = models.DateTimeField(help_text="When live coverage begins.")
    ends_at = models.DateTimeField(help_text="When live coverage ends; the page stays up after.")
    primary_club = models.ForeignKey(
        Club,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="live_pages",
        help_text="Leave empty for a page about every club (shown on every club page).",
    )
    authors = models.ManyToManyField(Author, blank=True, related_name="live_pages")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LivePageQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["status", "starts_at", "ends_at"], name="livepage_running")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="livepage_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_livepage_has_time",
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return cached_reverse("newsroom:live", self.slug)

    @property
    def is_public(self):
        return (
            self.status == Article.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_running(self):
        return self.is_public and self.starts_at <= timezone.now() < self.ends_at


class LiveEntry(models.Model):
    """One short post on a live page, optionally moving a transfer link on (see newsroom.live)."""

    live_page = models.ForeignKey(LivePage, on_delete=models.CASCADE, related_name="entries")
    shown_at = models.DateTimeField(
        default=timezone.now, help_text="The time readers see on the entry."
    )
    title = models.CharField(
        max_length=120, blank=True, help_text="Optional bold line; names the entry in key events."
    )
    body = models.TextField(help_text="Short text: the same safe HTML as articles.")
    image = models.ForeignKey(
        Image, on_delete=models.PROTECT, null=True, blank=True, related_name="live_entries"
    )
    transfer_link = models.ForeignKey(
        TransferLink,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_entries",
    )
    new_status = models.CharField(
        max_length=10,
        choices=TransferStatus.choices,
        blank=True,
        help_text="Move the transfer link to this status and add the entry to its story.",
    )
    # The saga update this entry created, so that an edit never applies the same move twice.
    transfer_update = models.OneToOneField(
        TransferUpdate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="live_entry",
    )
    is_key_event = models.BooleanField("key event", default=False)
    is_pinned = models.BooleanField(
        "pinned", default=False, help_text="Keep at the top of the page (one entry at a time)."
    )
    author = models.ForeignKey(
        Author, on_delete=models.SET_NULL, null=True, blank=True, related_name="live_entries"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "live entries"
        ordering = ["-shown_at", "-id"]
        indexes = [
            models.Index(fields=["live_page", "-shown_at", "-id"], name="liveentry_stream"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["live_page"], condition=Q(is_pinned=True), name="one_pinned_entry_per_page"
            ),
            models.CheckConstraint(
                condition=Q(new_status="") | Q(transfer_link__isnull=False),
                name="entry_status_needs_a_link",
            ),
        ]

    def __str__(self):
        return self.title or self.summary

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.live_page.get_absolute_url()}#entry-{self.pk}"

    @property
    def summary(self):
        """The entry's text without markup, cut to a line: for key events, feeds and JSON-LD."""
        return Truncator(self.plain_text).chars(110)

    @property
    def plain_text(self):
        # A space after each block, so "<li>One</li><li>Two</li>" reads "One Two".
        spaced = BLOCK_END.sub(r"\g<0> ", self.body)
        return " ".join(strip_tags(spaced).split())


@receiver(post_save, sender=Article, dispatch_uid="club_news_article_saved")
def club_news_article_saved(sender, instance, **kwargs):
    """A save may publish, withdraw or reschedule a piece: its club news entries follow."""
    ClubNewsEntry.sync([instance.pk])


@receiver(m2m_changed, sender=Article.clubs.through, dispatch_uid="club_news_clubs_changed")
def club_news_clubs_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A piece's clubs changed (from either side): its entries follow."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:
        return  # add() of clubs already there, as include_primary_club() often does
    if not reverse:
        ClubNewsEntry.sync([instance.pk])
    elif action == "post_clear":
        ClubNewsEntry.objects.filter(club=instance).delete()
    else:
        ClubNewsEntry.sync(pk_set)
