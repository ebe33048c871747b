"""The football domain: competitions, clubs, players, their records, and transfer links."""

import datetime
from typing import NamedTuple

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify

from transfers import likelihood as scoring
from transfers.reversing import cached_reverse


class Currency(models.TextChoices):
    GBP = "GBP", "£ (GBP)"
    EUR = "EUR", "€ (EUR)"
    USD = "USD", "$ (USD)"


CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def format_money(amount, currency):
    """'£100m', '€12.5m', '£850k': how a newsroom writes a fee or a valuation."""
    if amount is None:
        return ""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    if amount >= 1_000_000:
        millions = amount / 1_000_000
        text = f"{millions:.1f}".removesuffix(".0")
        return f"{symbol}{text}m"
    if amount >= 1_000:
        return f"{symbol}{amount / 1000:.0f}k"
    return f"{symbol}{amount:.0f}"


def fee_in_words(fee_text, amount, currency):
    """A link's fee as the copy puts it ("around £100m"), else as `format_money` writes it."""
    return fee_text or format_money(amount, currency)


def split_aliases(text):
    return [alias.strip() for alias in text.split(",") if alias.strip()]


class Competition(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    country = models.CharField(max_length=60)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("transfers:competition", self.slug)


class Club(models.Model):
    name = models.CharField(max_length=80, help_text="Short name readers know, e.g. “Liverpool”.")
    full_name = models.CharField(max_length=120, help_text="Official name, e.g. “Liverpool FC”.")
    slug = models.SlugField(max_length=80, unique=True)
    competition = models.ForeignKey(
        Competition, on_delete=models.PROTECT, related_name="clubs", null=True, blank=True
    )
    country = models.CharField(max_length=60)
    stadium = models.CharField(max_length=100, blank=True)
    aliases = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other names used in copy, comma-separated, e.g. “the Reds, LFC”.",
    )
    crest = models.ImageField(upload_to="crests/", blank=True)
    brand_colour = models.CharField(
        max_length=7,
        default="#1f2937",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a hex colour such as #c8102e.")],
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("transfers:club", self.slug)

    @property
    def alias_list(self):
        return split_aliases(self.aliases)


class Position(models.TextChoices):
    GOALKEEPER = "GK", "Goalkeeper"
    DEFENDER = "DF", "Defender"
    MIDFIELDER = "MF", "Midfielder"
    FORWARD = "FW", "Forward"


class PlayerQuerySet(models.QuerySet):
    def born_after(self, date):
        return self.filter(date_of_birth__gt=date)


class Player(models.Model):
    full_name = models.CharField(max_length=120)
    known_as = models.CharField(
        max_length=80, help_text="The name used in headlines, e.g. “Tchouameni”."
    )
    slug = models.SlugField(max_length=120, unique=True)
    date_of_birth = models.DateField()
    nationality = models.CharField(max_length=60)
    position = models.CharField(max_length=2, choices=Position.choices)
    role = models.CharField(max_length=60, blank=True, help_text="e.g. “defensive midfielder”.")
    current_club = models.ForeignKey(
        Club,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="squad",
        help_text="Leave empty for a free agent.",
    )
    contract_expires = models.DateField(null=True, blank=True)
    market_value = models.DecimalField(
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    market_value_currency = models.CharField(
        max_length=3, choices=Currency.choices, default=Currency.GBP
    )
    photo = models.ImageField(upload_to="players/", blank=True)
    aliases = models.CharField(
        max_length=300, blank=True, help_text="Other spellings, comma-separated."
    )

    objects = PlayerQuerySet.as_manager()

    class Meta:
        ordering = ["known_as"]
        constraints = [
            models.CheckConstraint(
                condition=Q(market_value__isnull=True) | Q(market_value__gte=0),
                name="player_market_value_not_negative",
            )
        ]
        indexes = [models.Index(fields=["current_club", "position"])]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return cached_reverse("transfers:player", self.slug)

    def age_on(self, day):
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self):
        return self.age_on(timezone.localdate())

    @property
    def is_under_25(self):
        return self.age < 25

    @property
    def contract_in_final_year(self):
        if self.contract_expires is None:
            return False
        today = timezone.localdate()
        return today <= self.contract_expires <= today + datetime.timedelta(days=365)

    @property
    def market_value_display(self):
        return format_money(self.market_value, self.market_value_currency)

    @property
    def alias_list(self):
        return split_aliases(self.aliases)


class PlayerSeason(models.Model):
    """One row of a player's record table: a season at a club in one competition."""

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="seasons")
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="player_seasons")
    season = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^\d{4}/\d{2}$", "Write the season as 2024/25.")],
    )
    competition = models.ForeignKey(Competition, on_delete=models.PROTECT)
    appearances = models.PositiveSmallIntegerField(default=0)
    starts = models.PositiveSmallIntegerField(default=0)
    goals = models.PositiveSmallIntegerField(default=0)
    assists = models.PositiveSmallIntegerField(default=0)
    minutes = models.PositiveIntegerField(default=0)
    club_matches_played = models.PositiveSmallIntegerField(
        default=0, help_text="Matches the club has played in this competition so far."
    )

    class Meta:
        ordering = ["player", "-season", "club__name", "competition__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["player", "club", "season", "competition"],
                name="unique_player_season_row",
            ),
            models.CheckConstraint(
                condition=Q(starts__lte=F("appearances")), name="season_starts_within_appearances"
            ),
        ]

    def __str__(self):
        return f"{self.player} – {self.club} {self.season} ({self.competition})"

    @property
    def appearances_display(self):
        """“10/11”: the player's appearances out of the club's matches so far."""
        if self.club_matches_played:
            return f"{self.appearances}/{self.club_matches_played}"
        return str(self.appearances)


class TransferWindow(models.Model):
    name = models.CharField(max_length=40, help_text="e.g. “January 2025”.")
    slug = models.SlugField(max_length=40, unique=True)
    opens = models.DateField()
    closes = models.DateField()
    # Editors set these so a club's window can be totalled in pounds; empty means each currency
    # is totalled on its own.
    eur_to_gbp = models.DecimalField(
        "€1 in £",
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Pounds per euro for this window's totals, e.g. 0.8500.",
    )
    usd_to_gbp = models.DecimalField(
        "$1 in £",
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Pounds per dollar for this window's totals, e.g. 0.7900.",
    )

    class Meta:
        ordering = ["-opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gte=F("opens")), name="window_closes_after_it_opens"
            )
        ]

    def __str__(self):
        return self.name


class Source(models.Model):
    class Tier(models.IntegerChoices):
        TIER_1 = 1, "Tier 1: most reliable"
        TIER_2 = 2, "Tier 2: reliable"
        TIER_3 = 3, "Tier 3: sometimes right"
        TIER_4 = 4, "Tier 4: speculative"

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    is_journalist = models.BooleanField(default=False)
    outlet = models.CharField(max_length=100, blank=True)
    tier = models.PositiveSmallIntegerField(
        choices=Tier.choices, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    url = models.URLField(blank=True)

    class Meta:
        ordering = ["tier", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(tier__gte=1, tier__lte=4), name="source_tier_1_to_4")
        ]

    def __str__(self):
        return self.name


class TransferStatus(models.TextChoices):
    RUMOUR = "rumour", "Rumour"
    INTEREST = "interest", "Interest"
    TALKS = "talks", "Talks"
    BID = "bid", "Bid made"
    AGREED = "agreed", "Fee agreed"
    COMPLETED = "completed", "Completed"
    COLLAPSED = "collapsed", "Collapsed"


FINAL_STATUSES = (TransferStatus.COMPLETED, TransferStatus.COLLAPSED)


class TransferKind(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    LOAN = "loan", "Loan"
    LOAN_WITH_OPTION = "loan_option", "Loan with option to buy"
    FREE = "free", "Free transfer"
    PRE_CONTRACT = "pre_contract", "Pre-contract"


def saga_slug(player_full_name, from_club_name, to_club_name):
    """'aurelien-tchouameni-real-madrid-to-liverpool': a link's slug, from the names alone."""
    origin = from_club_name or "free agency"
    return slugify(f"{player_full_name} {origin} to {to_club_name}")[:180].strip("-")


class LinkMention(NamedTuple):
    """One line about a transfer link, from `TransferLinkQuerySet.mentions()`."""

    url: str  # the link's own page: every report, its sources and how likely it is
    status: str
    status_label: str
    player_name: str
    player_url: str
    from_club_id: int | None
    from_club_name: str | None  # None for a free agent
    to_club_id: int
    to_club_name: str
    fee_display: str

    @classmethod
    def from_row(
        cls, pk, status, player, full_name, slug, from_id, from_name, to_id, to_name, *fee
    ):
        """A mention from the values `mentions()` reads, in that order."""
        fee_text, amount, currency = fee
        return cls(
            url=cached_reverse("transfers:saga", pk, saga_slug(full_name, from_name, to_name)),
            status=status,
            status_label=TransferStatus(status).label,
            player_name=player,
            player_url=cached_reverse("transfers:player", slug),
            from_club_id=from_id,
            from_club_name=from_name,
            to_club_id=to_id,
            to_club_name=to_name,
            fee_display=fee_in_words(fee_text, amount, currency),
        )


class TransferLinkQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=FINAL_STATUSES)

    def involving(self, club):
        return self.filter(Q(from_club=club) | Q(to_club=club))

    def incoming(self, club):
        return self.filter(to_club=club)

    def outgoing(self, club):
        return self.filter(from_club=club)

    def for_tracker(self):
        """A full tracker row: the player, both clubs and the window, newest first."""
        return self.select_related("player", "from_club", "to_club", "window").order_by(
            "-updated_at", "-id"
        )

    def mentions(self, limit):
        """The newest `limit` links as `LinkMention`s, newest first: one-line mentions (player,
        clubs, status, fee) read as plain values. The club page names sixty links; a model
        instance for each link, player and club cost more than every other query on the page."""
        rows = self.order_by("-updated_at", "-id").values_list(
            *("id", "status", "player__known_as", "player__full_name", "player__slug"),
            *("from_club_id", "from_club__name", "to_club_id", "to_club__name"),
            *("fee_text", "fee_amount", "fee_currency"),
        )[:limit]
        return [LinkMention.from_row(*row) for row in rows]

    def hottest(self):
        """Open links, the most recently updated first."""
        return self.open().order_by("-updated_at", "-id")

    def with_likelihood(self):
        """Prefetch what the live likelihood needs, so a list of bars costs one more query."""
        return self.prefetch_related(
            models.Prefetch(
                "updates",
                queryset=TransferUpdate.objects.select_related("source").order_by(
                    "reported_at", "id"
                ),
            )
        )

    def refresh_likelihood(self, now=None, batch_size=1000):
        """Store each link's score as of `now`, in batches (see docs/likelihood.md)."""
        now = now or timezone.now()
        changed = []
        for link in self.with_likelihood().iterator(chunk_size=batch_size):
            value = link.likelihood_at(now).score
            if value != link.likelihood:
                link.likelihood = value
                changed.append(link)
        TransferLink.objects.bulk_update(changed, ["likelihood"], batch_size=batch_size)
        return len(changed)


class TransferLink(models.Model):
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="transfer_links")
    from_club = models.ForeignKey(
        Club,
        on_delete=models.PROTECT,
        related_name="outgoing_links",
        null=True,
        blank=True,
        help_text="The player's club when the link was made; empty for a free agent.",
    )
    to_club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="incoming_links")
    kind = models.CharField(
        max_length=12, choices=TransferKind.choices, default=TransferKind.PERMANENT
    )
    status = models.CharField(
        max_length=10, choices=TransferStatus.choices, default=TransferStatus.RUMOUR
    )
    fee_amount = models.DecimalField(
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="The reported fee as a number, e.g. 100000000.",
    )
    fee_currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.GBP)
    fee_text = models.CharField(
        max_length=80, blank=True, help_text="How the copy puts it, e.g. “around £100m”."
    )
    window = models.ForeignKey(
        TransferWindow, on_delete=models.SET_NULL, null=True, blank=True, related_name="links"
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="links")
    likelihood = models.PositiveSmallIntegerField(
        default=0,
        editable=False,
        validators=[MaxValueValidator(100)],
        help_text="Stored 0–100 score, refreshed when an update is saved.",
    )
    first_reported = models.DateField(default=timezone.localdate)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = TransferLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_club=F("to_club")), name="transfer_clubs_differ"
            ),
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gte=0),
                name="transfer_fee_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-updated_at"]),
            models.Index(fields=["to_club", "-updated_at"]),
            models.Index(fields=["from_club", "-updated_at"]),
            models.Index(fields=["player", "-updated_at"]),
            models.Index(fields=["-likelihood", "-updated_at"], name="link_likelihood_order"),
        ]

    def __str__(self):
        origin = self.from_club.name if self.from_club_id else "free agency"
        return f"{self.player.known_as}: {origin} to {self.to_club.name}"

    def get_absolute_url(self):
        return cached_reverse("transfers:saga", self.pk, self.slug)

    @property
    def slug(self):
        """'aurelien-tchouameni-real-madrid-to-liverpool': derived from the names, never stored,
        so it cannot go stale; the saga page redirects any other slug to this one."""
        origin = self.from_club.name if self.from_club_id else None
        return saga_slug(self.player.full_name, origin, self.to_club.name)

    def likelihood_at(self, now):
        """The live score (transfers/likelihood.py) from the link's updates, as read at `now`."""
        return scoring.score(self.status, scoring.reports_from_updates(self.updates.all()), now)

    @cached_property
    def current_likelihood(self):
        """Today's score: use on links fetched with `with_likelihood()`."""
        return self.likelihood_at(timezone.now())

    def refresh_likelihood(self):
        """Store the score the tracker sorts by; called whenever an update is saved or deleted."""
        TransferLink.objects.filter(pk=self.pk).refresh_likelihood()

    @property
    def is_open(self):
        return self.status not in FINAL_STATUSES

    @property
    def fee_display(self):
        return fee_in_words(self.fee_text, self.fee_amount, self.fee_currency)


class TransferUpdate(models.Model):
    """A dated entry in a transfer link's story: what changed, who said so, and where."""

    link = models.ForeignKey(TransferLink, on_delete=models.CASCADE, related_name="updates")
    reported_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=TransferStatus.choices)
    fee_amount = models.DecimalField(
        max_digits=12, decimal_places=0, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    note = models.TextField(blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="updates"
    )
    is_denial = models.BooleanField(default=False, help_text="The report denies the link.")
    # The one reference from the football domain to the editorial app: a string, never an import.
    article = models.ForeignKey(
        "newsroom.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfer_updates",
    )

    class Meta:
        ordering = ["reported_at", "id"]
        indexes = [
            models.Index(fields=["link", "reported_at"]),
            # The tracker-search feeds list updates newest first across many links.
            models.Index(fields=["-reported_at", "-id"], name="update_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gte=0),
                name="update_fee_not_negative",
            )
        ]

    def __str__(self):
        return f"{self.link} – {self.get_status_display()} ({self.reported_at:%d %b %Y})"
