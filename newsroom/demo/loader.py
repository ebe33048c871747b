"""Turn the demo data into rows, each found again by a natural key, so a rerun changes nothing.

Order matters: football first, then people, then articles (which cite links), and last the
links' updates (which cite articles).
"""

import re
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.html import escape

from newsroom.demo import articles as article_data
from newsroom.demo import football, images, people
from newsroom.demo.dates import Calendar
from newsroom.models import Article, ArticleAuthor, Author, Image, Tag
from transfers.models import (
    Club,
    Competition,
    Player,
    PlayerSeason,
    Source,
    TransferLink,
    TransferUpdate,
    TransferWindow,
)

IMAGE_CREDIT = "Transfer Desk graphic"
EUR_TO_GBP = Decimal("0.8500")
USD_TO_GBP = Decimal("0.7900")
PLACEHOLDER = re.compile(r"\{\{(read-more|url):([a-z0-9-]+)\}\}")
# The data is wrapped to fit the source; a stored paragraph is one line, each block on its own.
WRAPPED_LINE = re.compile(r"\n(?!</?(?:p|h2|h3|ul|ol|li|blockquote)\b)")


class DemoLoader:
    """Loads the demo; call `load()` inside a transaction."""

    def __init__(self, now=None):
        self.calendar = Calendar(now)
        self.competitions = {}
        self.clubs = {}
        self.players = {}
        self.windows = {}
        self.sources = {}
        self.links = {}
        self.authors = {}
        self.tags = {}
        self.articles = {}

    def load(self):
        self.load_competitions()
        self.load_clubs()
        self.load_players()
        self.load_seasons()
        self.load_windows()
        self.load_sources()
        self.load_links()
        self.load_people()
        self.load_tags()
        self.load_articles()
        self.load_link_updates()

    # Football.

    def load_competitions(self):
        for slug, name, country in football.COMPETITIONS:
            self.competitions[slug], _ = Competition.objects.update_or_create(
                slug=slug, defaults={"name": name, "country": country}
            )

    def load_clubs(self):
        for data in football.CLUBS:
            club, _ = Club.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "full_name": data["full_name"],
                    "competition": self.competitions[data["competition"]],
                    "country": data["country"],
                    "stadium": data["stadium"],
                    "aliases": data["aliases"],
                    "brand_colour": data["brand_colour"],
                },
            )
            if not (club.crest and club.crest.storage.exists(club.crest.name)):
                crest = images.crest(data["brand_colour"], data["crest_text"])
                club.crest.save(f"{club.slug}.png", ContentFile(crest))
            self.clubs[club.slug] = club

    def load_players(self):
        for data in football.PLAYERS:
            self.players[data["slug"]], _ = Player.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "full_name": data["full_name"],
                    "known_as": data["known_as"],
                    "date_of_birth": date.fromisoformat(data["date_of_birth"]),
                    "nationality": data["nationality"],
                    "position": data["position"],
                    "role": data["role"],
                    "current_club": self.clubs.get(data["club"]),
                    "contract_expires": (
                        self.calendar.contract_expiry(data["contract"])
                        if data["contract"]
                        else None
                    ),
                    "market_value": Decimal(data["market_value"]),
                    "market_value_currency": "GBP",
                    "aliases": data.get("aliases", ""),
                },
            )

    def load_seasons(self):
        for row in football.SEASONS:
            data = dict(zip(football.SEASON_FIELDS, row, strict=True))
            PlayerSeason.objects.update_or_create(
                player=self.players[data["player"]],
                club=self.clubs[data["club"]],
                season=self.calendar.season(data["season"]),
                competition=self.competitions[data["competition"]],
                defaults={
                    "appearances": data["appearances"],
                    "club_matches_played": data["played"],
                    "starts": data["starts"],
                    "goals": data["goals"],
                    "assists": data["assists"],
                    "minutes": data["minutes"],
                },
            )

    def load_windows(self):
        for key, data in self.calendar.windows().items():
            self.windows[key], _ = TransferWindow.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "opens": data["opens"],
                    "closes": data["closes"],
                    # The rate an editor would set, so the club dashboards can total in pounds.
                    "eur_to_gbp": EUR_TO_GBP,
                    "usd_to_gbp": USD_TO_GBP,
                },
            )

    def load_sources(self):
        for data in football.SOURCES:
            fields = {key: value for key, value in data.items() if key != "slug"}
            self.sources[data["slug"]], _ = Source.objects.update_or_create(
                slug=data["slug"], defaults=fields
            )

    def load_links(self):
        for data in football.LINKS:
            updates = self.updates_of(data)
            link, _ = TransferLink.objects.update_or_create(
                player=self.players[data["player"]],
                from_club=self.clubs[data["from"]],
                to_club=self.clubs[data["to"]],
                defaults={
                    "kind": data["kind"],
                    "status": data["status"],
                    "fee_amount": None if data["fee"] is None else Decimal(data["fee"]),
                    "fee_currency": data.get("currency", "GBP"),
                    "fee_text": data["fee_text"],
                    "window": self.windows[data["window"]],
                    "first_reported": updates[0]["reported_at"].date(),
                    "updated_at": updates[-1]["reported_at"],
                },
            )
            link.sources.set({self.sources[update["source"]] for update in updates})
            self.links[self.link_key(data)] = link

    def load_link_updates(self):
        for data in football.LINKS:
            link = self.links[self.link_key(data)]
            for update in self.updates_of(data):
                TransferUpdate.objects.update_or_create(
                    link=link,
                    note=update["note"],
                    defaults={
                        "reported_at": update["reported_at"],
                        "status": update["status"],
                        "fee_amount": None if update["fee"] is None else Decimal(update["fee"]),
                        "source": self.sources[update["source"]],
                        "is_denial": update["is_denial"],
                        "article": self.articles[update["article"]] if update["article"] else None,
                    },
                )
        # Scores fade with age: store them as of this load, from the stories just written.
        TransferLink.objects.filter(
            pk__in=[link.pk for link in self.links.values()]
        ).refresh_likelihood()

    def updates_of(self, data):
        updates = [dict(update) for update in data["updates"]]
        for update in updates:
            update["reported_at"] = self.calendar.moment(update["when"])
        return sorted(updates, key=lambda update: update["reported_at"])

    @staticmethod
    def link_key(data):
        return (data["player"], data["from"], data["to"])

    # People.

    def load_people(self):
        User = get_user_model()
        users = {}
        for data in people.USERS:
            user, created = User.objects.update_or_create(
                username=data["username"],
                defaults={
                    "first_name": data["first_name"],
                    "last_name": data["last_name"],
                    "email": data["email"],
                    "is_staff": True,
                    "is_superuser": data["is_superuser"],
                    "is_active": True,
                },
            )
            # Hashing is slow and salted: only touch the password when it no longer matches.
            if created or not user.check_password(data["password"]):
                user.set_password(data["password"])
                user.save(update_fields=["password"])
            if data["group"]:
                group, _ = Group.objects.get_or_create(name=data["group"])
                user.groups.set([group])
            users[user.username] = user
        for data in people.AUTHORS:
            fields = {key: value for key, value in data.items() if key not in {"slug", "user"}}
            fields["user"] = users.get(data["user"])
            self.authors[data["slug"]], _ = Author.objects.update_or_create(
                slug=data["slug"], defaults=fields
            )

    # Articles.

    def load_tags(self):
        for slug, name in article_data.TAGS:
            self.tags[slug], _ = Tag.objects.update_or_create(slug=slug, defaults={"name": name})

    def load_articles(self):
        headlines = {data["slug"]: data["headline"] for data in article_data.ARTICLES}
        for data in article_data.ARTICLES:
            status = data.get("status", Article.Status.PUBLISHED)
            published_at = self.calendar.moment(data["published"]) if data["published"] else None
            article, _ = Article.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "headline": data["headline"],
                    "standfirst": data["standfirst"],
                    "body": self.render_body(data["body"], headlines),
                    "hero_image": self.hero_image(data),
                    "status": status,
                    "published_at": published_at,
                    "is_featured": data.get("featured", False),
                    "primary_club": self.clubs[data["primary_club"]],
                    "record_player": self.players.get(data.get("record_player")),
                    "seo_description": data["seo_description"],
                    "correction": data.get("correction", ""),
                    "significant_update_at": (
                        self.calendar.moment(data["updated"]) if data.get("updated") else None
                    ),
                },
            )
            article.clubs.set([self.clubs[slug] for slug in data["clubs"]])
            article.players.set([self.players[slug] for slug in data["players"]])
            article.transfer_links.set(
                [self.links[tuple(key.split(":"))] for key in data.get("links", [])]
            )
            article.tags.set([self.tags[slug] for slug in data["tags"]])
            article.include_primary_club()
            self.set_byline(article, data["authors"])
            # Timestamps as a newsroom would have them, not the moment of loading.
            written = published_at or self.calendar.moment(data.get("written"))
            Article.objects.filter(pk=article.pk).update(created_at=written, updated_at=written)
            self.articles[article.slug] = article
        for data in article_data.ARTICLES:
            related = [self.articles[slug] for slug in data.get("related", [])]
            self.articles[data["slug"]].related.set(related)

    def set_byline(self, article, author_slugs):
        authors = [self.authors[slug] for slug in author_slugs]
        article.bylines.exclude(author__in=authors).delete()
        for position, author in enumerate(authors):
            ArticleAuthor.objects.update_or_create(
                article=article, author=author, defaults={"position": position}
            )

    @staticmethod
    def render_body(body, headlines):
        """Expand {{read-more:slug}} and {{url:slug}} into links to other demo pieces."""

        def expand(match):
            kind, slug = match.groups()
            if slug not in headlines:
                raise ValueError(f"The demo body links to {slug!r}, which is not a demo article.")
            url = reverse("newsroom:article", args=[slug])
            if kind == "url":
                return url
            return (
                f'<p class="read-more"><strong>READ MORE:</strong> '
                f'<a href="{url}">{escape(headlines[slug])}</a></p>'
            )

        return PLACEHOLDER.sub(expand, WRAPPED_LINE.sub(" ", body.strip()))

    def hero_image(self, data):
        """The piece's generated hero image, drawn once and found again by its caption."""
        hero = data["hero"]
        left, right = (self.clubs[slug] for slug in hero["clubs"])
        colours = {club["slug"]: club["colour_name"] for club in football.CLUBS}
        subtitle = hero.get("subtitle") or f"{left.name} and {right.name}"
        alt_text = (
            f"Transfer Desk graphic: the name {hero['title']} and the words “{subtitle}” over "
            f"football pitch markings, on a background shading from {left.name} "
            f"{colours[left.slug]} to {right.name} {colours[right.slug]}."
        )
        image = Image.objects.filter(caption=hero["caption"], credit=IMAGE_CREDIT).first()
        if image is None:
            image = Image(caption=hero["caption"], credit=IMAGE_CREDIT)
        elif image.file and image.file.storage.exists(image.file.name):
            if image.alt_text != alt_text:
                image.alt_text = alt_text
                image.save(update_fields=["alt_text"])
            return image
        image.alt_text = alt_text
        image.focal_x, image.focal_y = 0.5, 0.4
        picture = images.hero_graphic(
            left.brand_colour, right.brand_colour, hero["title"], subtitle
        )
        name = f"{data['slug']}.jpg"
        # A named file: Django reads the width and height from it while saving.
        image.file.save(name, ContentFile(picture, name=name), save=False)
        image.save()
        return image
