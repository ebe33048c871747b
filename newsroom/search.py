"""Site search: clubs and players whose names match, then articles, ranked on PostgreSQL.

PostgreSQL matches the stored, GIN-indexed `Article.search_vector` (kept by a trigger) with a
websearch query, under a statement timeout so a pathological query cannot hold a worker. Other
databases fall back to plain `icontains` lookups, which are fine at development sizes.
"""

import contextlib
import datetime
import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import OperationalError, connection, transaction
from django.db.models import Exists, F, OuterRef, Q, Value

from newsroom.models import Article
from transfers.models import Club, Player
from transfers.pagination import estimated_rows

MAX_QUERY_LENGTH = 100
MIN_NAME_QUERY_LENGTH = 3
# A name the query mentions is at most this many words long ("Bruno Miguel Borges Fernandes").
MAX_NAME_WORDS = 5
MAX_QUERY_WORDS = 16
MAX_ARTICLE_RESULTS = 200
MAX_ENTITY_RESULTS = 6
STATEMENT_TIMEOUT_MS = 2000
SEARCH_CONFIG = "english"
# A word the planner expects in this many pieces or more counts as frequent (see below).
FREQUENT_MATCHES = 20_000


class SearchTooSlow(Exception):
    """The database gave up on the query; the reader is asked for a narrower search."""


def normalise(raw):
    """Whitespace collapsed, NUL characters dropped (PostgreSQL rejects them in parameters)."""
    return " ".join((raw or "").replace("\x00", " ").split())


def problem_with(query):
    """Why a query cannot be run ('empty', 'too_long'), or None when it can."""
    if not query:
        return "empty"
    if len(query) > MAX_QUERY_LENGTH:
        return "too_long"
    return None


def _words_only(query):
    return " ".join(re.sub(r"[^\w'’.-]+", " ", query).split())


def _phrases(query):
    """Every run of up to MAX_NAME_WORDS consecutive words of the query, as the names in it
    could be written: "Tchouameni to Liverpool" gives "Tchouameni", "Tchouameni to", ...,
    "Liverpool"."""
    words = _words_only(query).split()[:MAX_QUERY_WORDS]
    return list(
        dict.fromkeys(
            " ".join(words[start:end])
            for start in range(len(words))
            for end in range(start + 1, min(start + MAX_NAME_WORDS, len(words)) + 1)
        )
    )


def _name_matches(query, *fields):
    """A name matches when it contains the query ("Tchou") or the query mentions it as whole
    words ("Tchouameni to Liverpool"); aliases match when they contain the query.

    Each condition is one an index serves on PostgreSQL (migration transfers 0006): `icontains`
    reads the trigram index on UPPER(field), and a name the query mentions is found by comparing
    it, case-insensitively, with each run of the query's words (the B-tree index on UPPER(field)),
    rather than by testing every one of 20,000 names against the query.
    """
    condition = Q()
    for name in fields:
        if len(query) >= MIN_NAME_QUERY_LENGTH:
            condition |= Q(**{f"{name}__icontains": query})
        for phrase in _phrases(query):
            condition |= Q(**{f"{name}__iexact": phrase})
    if len(query) >= MIN_NAME_QUERY_LENGTH:
        condition |= Q(aliases__icontains=query)
    return condition


def matching_clubs(query):
    return (
        Club.objects.filter(_name_matches(query, "name", "full_name"))
        .select_related("competition")
        .order_by("name")[:MAX_ENTITY_RESULTS]
    )


def matching_players(query):
    return (
        Player.objects.filter(_name_matches(query, "known_as", "full_name"))
        .select_related("current_club")
        .order_by("known_as")[:MAX_ENTITY_RESULTS]
    )


def _tagged_with(clubs, players):
    """Articles tagged with any of these clubs or players (a subquery: no duplicate rows)."""
    condition = Q(pk__in=[])
    if clubs:
        condition |= Exists(
            Article.clubs.through.objects.filter(article=OuterRef("pk"), club__in=clubs)
        )
    if players:
        condition |= Exists(
            Article.players.through.objects.filter(article=OuterRef("pk"), player__in=players)
        )
    return condition


def _newest_candidates(text_query, clubs, players):
    """Ids of the newest matches of each kind, at most MAX_ARTICLE_RESULTS of each.

    Ranking every match of a common word would read most of a million-row archive; news
    readers want recent pieces anyway, so only the newest matches are ranked. Each kind is its
    own indexed query, where one OR across them would scan the whole table:

    - a frequent word's newest matches are found fastest by walking the date index;
    - a rare word's, through the GIN index, sorted afterwards. The date index must then not be
      walked: for a word with no match at all that walk reads every row (seconds), and the
      planner, which knows only that the word is not among the frequent ones, may choose it;
    - pieces tagged with a matching club or player, newest first, from each one's link rows.
    """
    text = Article.objects.published().filter(search_vector=text_query).values("pk")
    estimate = estimated_rows(Article.objects.filter(search_vector=text_query))
    if estimate is not None and estimate >= FREQUENT_MATCHES:
        newest_first = ["-published_at", "-id"]
    else:
        # An expression no index holds: the planner has to sort what the GIN index finds.
        newest_first = [(F("published_at") + Value(datetime.timedelta(0))).desc(), "-id"]
    parts = [text.order_by(*newest_first)[:MAX_ARTICLE_RESULTS]]
    # Link rows are read newest-created first: a club's latest ones sit at the end of its
    # (club, article) index, however many thousand it has.
    for through, field, entities in (
        (Article.clubs.through, "club", clubs),
        (Article.players.through, "player", players),
    ):
        for entity in entities:
            tagged = through.objects.filter(**{field: entity}).order_by("-article_id")
            parts.append(tagged.values("article_id")[:MAX_ARTICLE_RESULTS])
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def matching_article_ids(query, clubs=(), players=()):
    """Ids of the public articles matching the text or tagged with a matching club or player,
    best first, at most MAX_ARTICLE_RESULTS of them.

    Ranked once: the results page counts this list and reads only its own page's articles,
    rather than ranking a second time for a COUNT (half of a name search's time).
    """
    articles = Article.objects.published()
    if connection.vendor == "postgresql":
        text_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        ranked = (
            articles.filter(pk__in=_newest_candidates(text_query, clubs, players))
            .annotate(rank=SearchRank(F("search_vector"), text_query))
            .order_by("-rank", "-published_at", "-id")
        )
    else:
        tagged = _tagged_with(clubs, players)
        every_word = Q()
        for word in query.split()[:8]:
            every_word &= (
                Q(headline__icontains=word)
                | Q(standfirst__icontains=word)
                | Q(body__icontains=word)
            )
        ranked = articles.filter(every_word | tagged).order_by("-published_at", "-id")
    return list(ranked.values_list("pk", flat=True)[:MAX_ARTICLE_RESULTS])


@contextlib.contextmanager
def time_limit():
    """Run the enclosed queries under PostgreSQL's statement_timeout; raise SearchTooSlow."""
    if connection.vendor != "postgresql":
        yield
        return
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                # SET takes no bind parameters; the value is our own integer constant.
                cursor.execute(f"SET LOCAL statement_timeout = {int(STATEMENT_TIMEOUT_MS)}")
            yield
    except OperationalError as error:
        if "statement timeout" in str(error):
            raise SearchTooSlow from error
        raise
