"""Finding players and clubs in article text, and linking their first mention for readers.

One Aho-Corasick automaton holds every name and alias of every player and club, so a scan costs
the length of the text, not the size of the database. It is built once per process and rebuilt
when a club or player changes (a version number in the shared cache says so), or after a while
in case bulk updates changed names without signals.

Matching folds accents and case ("Aurélien" finds "Aurelien"), but a capital in a name must be a
capital in the text, so "Mount" is not found in "mount a bid" while "the Reds" is found in "The
Reds". A match must stand as a whole word (possessives such as "Tchouameni's" count), and where
names overlap the leftmost, then longest, wins: "Real Madrid" rather than "Madrid".
"""

import bisect
import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

import ahocorasick
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from transfers.models import Club, Player, split_aliases

PLAYER = "player"
CLUB = "club"
MIN_NAME_LENGTH = 3
VERSION_KEY = "linking:names-version"
MAX_AGE_SECONDS = 600

# Text in these elements is neither tagged nor linked: links already point somewhere, headings
# stay plain, and scripts or styles are not prose (the sanitiser removes them anyway).
SKIPPED_ELEMENTS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"})
# Text on either side of these never joins into one name ("…Real</p><p>Madrid…").
BLOCK_ELEMENTS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "br", "div", "td"}
)
VOID_ELEMENTS = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "source"})


# Folding -----------------------------------------------------------------------------------------


class _FoldTable(dict):
    """str.translate table that maps each character to exactly one folded character.

    Keeping one character for one character means an offset in the folded text is the same
    offset in the original, so a match can be cut straight out of the article.
    """

    def __missing__(self, codepoint):
        char = chr(codepoint)
        base = unicodedata.normalize("NFKD", char)
        # "é" decomposes to "e" and a combining accent; ligatures and the like stay as they are.
        folded = base[0] if base and all(unicodedata.combining(c) for c in base[1:]) else char
        lower = folded.lower()
        result = lower if len(lower) == 1 else folded
        result = _LETTER_FOLDS.get(result, result)
        self[codepoint] = result
        return result


# Letters Unicode does not decompose, and typographic marks that copy and databases mix up:
# "Ødegaard" is found as "Odegaard", "N’Golo" as "N'Golo".
_LETTER_FOLDS = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "’": "'", "‘": "'", "‐": "-"}


_FOLD = _FoldTable()


def fold(text):
    return text.translate(_FOLD)


def _is_word_char(char):
    return char.isalnum()


def _capitals_agree(pattern, text):
    """Every capital letter in the name is a capital in the text; lower case may be either."""
    return all(
        found.isupper() or not wanted.isupper() for wanted, found in zip(pattern, text, strict=True)
    )


# The matcher -------------------------------------------------------------------------------------


@dataclass
class Match:
    start: int
    end: int
    entities: tuple  # (kind, pk) of everyone with this name; more than one is ambiguous


class Matcher:
    """Every name and alias of every club and player, compiled into one automaton."""

    def __init__(self, players, clubs):
        """`players` and `clubs` are iterables of (pk, [names and aliases])."""
        by_name = {}
        for kind, rows in ((PLAYER, players), (CLUB, clubs)):
            for pk, names in rows:
                for name in names:
                    name = " ".join(name.split())
                    if len(name) < MIN_NAME_LENGTH:
                        continue
                    # The key is the folded name; several spellings may fold to one key.
                    spellings = by_name.setdefault(fold(name), {})
                    spellings.setdefault(name, set()).add((kind, pk))
        self.automaton = ahocorasick.Automaton()
        for key, spellings in by_name.items():
            owners = frozenset().union(*spellings.values())
            self.automaton.add_word(key, (len(key), tuple(spellings), owners))
        if by_name:
            self.automaton.make_automaton()
        self.size = len(by_name)

    def scan(self, text):
        """Non-overlapping whole-word matches in `text`, leftmost then longest first."""
        if not self.size:
            return []
        folded = fold(text)
        candidates = []
        length = len(text)
        for end_index, (size, spellings, owners) in self.automaton.iter(folded):
            start, end = end_index - size + 1, end_index + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < length and _is_word_char(text[end]):
                continue
            found = text[start:end]
            if not any(_capitals_agree(spelling, found) for spelling in spellings):
                continue
            candidates.append((start, -size, owners))
        candidates.sort(key=lambda c: (c[0], c[1]))
        matches = []
        last_end = 0
        for start, negative_size, owners in candidates:
            if start >= last_end:
                end = start - negative_size
                matches.append(Match(start, end, tuple(sorted(owners))))
                last_end = end
        return matches


def _names_of_players():
    rows = Player.objects.values_list("pk", "full_name", "known_as", "aliases")
    for pk, full_name, known_as, aliases in rows.iterator(chunk_size=5000):
        yield pk, [full_name, known_as, *split_aliases(aliases)]


def _names_of_clubs():
    rows = Club.objects.values_list("pk", "name", "full_name", "aliases")
    for pk, name, full_name, aliases in rows.iterator(chunk_size=5000):
        yield pk, [name, full_name, *split_aliases(aliases)]


_built = {"matcher": None, "version": None, "at": 0.0}
_build_lock = threading.Lock()


def _names_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        # A dummy cache stores nothing: then only MAX_AGE_SECONDS brings changes in.
        version = cache.get(VERSION_KEY, "uncached")
    return version


def get_matcher(*, fresh=True):
    """The process's matcher, rebuilt when names changed anywhere (one cache read per call).

    Readers' pages pass `fresh=False`: they keep a matcher for up to LINKING_REBUILD_SECONDS
    after a change, so an import that saves players one by one does not make every page view
    rebuild it. Editors saving an article always get the current names.
    """
    version = _names_version()
    patience = 0 if fresh else getattr(settings, "LINKING_REBUILD_SECONDS", 30)
    with _build_lock:
        age = time.monotonic() - _built["at"]
        if (
            _built["matcher"] is None
            or (_built["version"] != version and age >= patience)
            or age > MAX_AGE_SECONDS
        ):
            matcher = Matcher(_names_of_players(), _names_of_clubs())
            _built.update(matcher=matcher, version=version, at=time.monotonic())
        return _built["matcher"]


def invalidate(**kwargs):
    """Tell every process to rebuild its matcher; call after bulk changes to names."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


for _model in (Player, Club):
    post_save.connect(invalidate, sender=_model, dispatch_uid=f"linking-save-{_model.__name__}")
    post_delete.connect(invalidate, sender=_model, dispatch_uid=f"linking-del-{_model.__name__}")


# HTML --------------------------------------------------------------------------------------------


@dataclass
class _Token:
    kind: str  # "start", "end", "startend", "text", "raw"
    raw: str
    tag: str = ""
    text: str = ""
    offset: int = -1  # where this text starts in the scanned text; -1 if not scanned


@dataclass
class _Document:
    tokens: list = field(default_factory=list)
    text: str = ""


class _Tokeniser(HTMLParser):
    """Splits HTML into tokens and collects the prose that may be scanned, with its offsets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []
        self.parts = []
        self.length = 0
        self.skipping = []

    def _break(self):
        if self.parts and self.parts[-1] != "\n":
            self.parts.append("\n")
            self.length += 1

    def handle_starttag(self, tag, attrs):
        self.tokens.append(_Token("start", self.get_starttag_text(), tag))
        if tag in BLOCK_ELEMENTS:
            self._break()
        if tag in SKIPPED_ELEMENTS and tag not in VOID_ELEMENTS:
            self.skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(_Token("startend", self.get_starttag_text(), tag))
        if tag in BLOCK_ELEMENTS:
            self._break()

    def handle_endtag(self, tag):
        self.tokens.append(_Token("end", f"</{tag}>", tag))
        if tag in BLOCK_ELEMENTS:
            self._break()
        if tag in self.skipping:
            # Close the innermost open one of this kind (and anything left open inside it).
            index = len(self.skipping) - 1 - self.skipping[::-1].index(tag)
            del self.skipping[index:]

    def handle_data(self, data):
        token = _Token("text", "", text=data)
        self.tokens.append(token)
        if self.skipping:
            self._break()
            return
        token.offset = self.length
        self.parts.append(data)
        self.length += len(data)

    def _raw(self, raw):
        self.tokens.append(_Token("raw", raw))

    def handle_comment(self, data):
        self._raw(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._raw(f"<!{decl}>")

    def handle_pi(self, data):
        self._raw(f"<?{data}>")

    def unknown_decl(self, data):
        self._raw(f"<![{data}]>")


def _tokenise(html):
    parser = _Tokeniser()
    parser.feed(html or "")
    parser.close()
    return _Document(parser.tokens, "".join(parser.parts))


# Public API --------------------------------------------------------------------------------------


@dataclass
class Mentions:
    players: list
    clubs: list

    def __bool__(self):
        return bool(self.players or self.clubs)


def _resolve(matches):
    """Pick one entity per match: unambiguous names first, then names they disambiguate.

    "Silva" alone may be any of several players; after "Bernardo Silva" in the same text it is
    him. A name that stays ambiguous is left out rather than guessed.
    """
    sure = {m.entities[0] for m in matches if len(m.entities) == 1}
    resolved = []
    for match in matches:
        if len(match.entities) == 1:
            resolved.append((match, match.entities[0]))
        else:
            known = [entity for entity in match.entities if entity in sure]
            if len(known) == 1:
                resolved.append((match, known[0]))
    return resolved


def find_mentions(html):
    """Players and clubs named in the body's prose (not in links or headings), in order of
    first mention. Two queries at most, to load the model instances found."""
    document = _tokenise(html)
    matches = get_matcher().scan(document.text)
    order = list(dict.fromkeys(key for _match, key in _resolve(matches)))
    player_ids = [pk for kind, pk in order if kind == PLAYER]
    club_ids = [pk for kind, pk in order if kind == CLUB]
    players = Player.objects.in_bulk(player_ids) if player_ids else {}
    clubs = Club.objects.in_bulk(club_ids) if club_ids else {}
    return Mentions(
        players=[players[pk] for pk in player_ids if pk in players],
        clubs=[clubs[pk] for pk in club_ids if pk in clubs],
    )


def link_first_mentions(html, players, clubs):
    """`html` with the first mention of each given player and club linked to their page.

    Only plain prose is touched: text already in a link or a heading stays as it is, and a name
    split by markup ("<b>Real</b> Madrid") is left alone rather than wrapped across tags.
    """
    wanted = {(PLAYER, p.pk): p for p in players} | {(CLUB, c.pk): c for c in clubs}
    if not html or not wanted:
        return html
    document = _tokenise(html)
    text_ends = {t.offset: t.offset + len(t.text) for t in document.tokens if t.offset >= 0}
    starts = sorted(text_ends)
    links = {}  # start offset -> (end offset, model instance)
    done = set()
    for match in get_matcher(fresh=False).scan(document.text):
        tagged = [key for key in match.entities if key in wanted]
        if len(tagged) != 1 or tagged[0] in done:
            continue
        # A name that runs on into another element ("<b>Real</b> Madrid") is not wrapped.
        token_start = starts[bisect.bisect_right(starts, match.start) - 1]
        if match.end > text_ends[token_start]:
            continue
        done.add(tagged[0])
        links[match.start] = (match.end, wanted[tagged[0]])
    if not links:
        return html
    return "".join(_serialise(document.tokens, links))


def link_article_mentions(html, article):
    """The body transform for newsroom.rendering: link the article's own players and clubs."""
    return link_first_mentions(html, article.subjects.players, article.subjects.clubs)


def _serialise(tokens, links):
    for token in tokens:
        if token.kind != "text":
            yield token.raw
            continue
        text, offset = token.text, token.offset
        if offset < 0:
            yield escape(text, quote=False)
            continue
        position = 0
        for start in sorted(s for s in links if offset <= s < offset + len(text)):
            end, target = links[start]
            local_start, local_end = start - offset, end - offset
            yield escape(text[position:local_start], quote=False)
            yield (
                f'<a href="{escape(target.get_absolute_url())}" class="mention">'
                f"{escape(text[local_start:local_end], quote=False)}</a>"
            )
            position = local_end
        yield escape(text[position:], quote=False)


def tag_mentions(article, previous_body=""):
    """Add the players and clubs newly named in the body to the article; returns what was added.

    Only names that were not already in the previous body count, so a player the editor removed
    from the article is not added back on every save while the text still mentions him.
    """
    found = find_mentions(article.body)
    if not found:
        return found
    before = find_mentions(previous_body) if previous_body else Mentions([], [])
    old_players = {p.pk for p in before.players} | set(article.players.values_list("pk", flat=True))
    old_clubs = {c.pk for c in before.clubs} | set(article.clubs.values_list("pk", flat=True))
    added = Mentions(
        players=[p for p in found.players if p.pk not in old_players],
        clubs=[c for c in found.clubs if c.pk not in old_clubs],
    )
    if added.players:
        article.players.add(*added.players)
    if added.clubs:
        article.clubs.add(*added.clubs)
    return added


def describe(mentions):
    """“Tagged from the text: players Tchouameni; clubs Real Madrid and Liverpool.”"""

    def listed(items):
        names = [str(getattr(item, "known_as", "") or item.name) for item in items]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    parts = []
    if mentions.players:
        parts.append(
            ("player " if len(mentions.players) == 1 else "players ") + listed(mentions.players)
        )
    if mentions.clubs:
        parts.append(("club " if len(mentions.clubs) == 1 else "clubs ") + listed(mentions.clubs))
    return "Tagged from the text: " + "; ".join(parts) + ". Remove any that do not belong."
