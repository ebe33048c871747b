"""Public editorial pages: home, article, author, tag and search; and the server-error page.

Every page reads published articles only, through `Article.objects.published()`, and runs a
fixed number of queries whatever the amount of content (the tests count them).
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.generic import DetailView, ListView

from newsroom import search
from newsroom.models import Article, Author, SlugRedirect, Tag
from transfers.models import Club, PlayerSeason, TransferLink
from transfers.pagination import ArchivePaginationMixin, with_rows
from transfers.records import record_table_at_club

HOTTEST_LINKS = 6
CLUB_RAIL_SIZE = 12
CLUB_BOX_SIZE = 5
# A cap well above what a piece cites, so that "Follow these transfers" lists them all.
FOLLOWED_LINKS = 20
# The club rail is read from this many newest pieces, not the whole archive: the clubs with the
# latest news are among them whenever they name at least CLUB_RAIL_SIZE clubs.
CLUB_RAIL_WINDOW = 100
# Seconds a reader or crawler is asked to wait when the database cannot be reached.
DATABASE_RETRY_AFTER = 30


def home_crumb():
    return ("Home", reverse("newsroom:home"))


class ArticleListView(ListView):
    """A paginated list of public articles; an unknown page number is a 404, never a 500."""

    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE


class HomeView(ArchivePaginationMixin, ArticleListView):
    template_name = "newsroom/home.html"

    def get_queryset(self):
        # The newest featured piece leads; without one, the newest piece does. Two id lookups
        # rather than one ORDER BY is_featured, which no index serves.
        newest = (
            Article.objects.published()
            .order_by("-published_at", "-id")
            .values_list("pk", flat=True)
        )
        self.lead_id = newest.filter(is_featured=True).first() or newest.first()
        self.lead = None
        articles = Article.objects.published().for_listing()
        if self.lead_id is not None:
            articles = articles.exclude(pk=self.lead_id)
        return articles

    def page_rows(self, queryset, ids, page_number):
        if page_number != 1 or self.lead_id is None:
            return super().page_rows(queryset, ids, page_number)
        # The first page shows the lead above the list: its row is read with theirs.
        everything = Article.objects.published().for_listing()
        rows = super().page_rows(everything, [self.lead_id, *ids], page_number)
        if rows and rows[0].pk == self.lead_id:
            self.lead = rows.pop(0)
        return rows

    def get_context_data(self, **kwargs):
        newest = Article.objects.published().order_by("-published_at", "-id")
        clubs_in_the_news = (
            Club.objects.filter(articles__in=newest.values("pk")[:CLUB_RAIL_WINDOW])
            .annotate(latest_news=Max("articles__published_at"))
            .order_by("-latest_news", "name")[:CLUB_RAIL_SIZE]
        )
        context = super().get_context_data(
            hottest_links=TransferLink.objects.hottest().mentions(HOTTEST_LINKS),
            club_rail=clubs_in_the_news,
            **kwargs,
        )
        context["lead"] = self.lead  # read with the first page's rows, by paginating
        return context


class ArticleDetailView(DetailView):
    template_name = "newsroom/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_reading().select_related("record_player")

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A slug the piece once had answers with a permanent redirect to where it lives now.
            moved = (
                SlugRedirect.objects.filter(old_slug=kwargs["slug"])
                .select_related("article")
                .first()
            )
            if moved and moved.article.is_public:
                return redirect(moved.article, permanent=True)
            raise

    def get_context_data(self, **kwargs):
        return super().get_context_data(**article_page_context(self.object), **kwargs)


def article_page_context(article):
    """What the article template needs beyond the article (a preview can reuse it)."""
    club = article.primary_club
    club_news = []
    if club is not None:
        # The five newest ids from the club's own entries (an index on club and time), in a
        # subquery; the pieces themselves are still read through published().
        newest = (
            club.news_entries.newest_first()
            .exclude(article_id=article.pk)
            .values("article_id")[:CLUB_BOX_SIZE]
        )
        club_news = (
            Article.objects.published()
            .filter(pk__in=newest)
            .only("headline", "slug", "published_at")
            .order_by("-published_at", "-id")
        )
    record = None
    player = article.record_player
    if player is not None:
        seasons = PlayerSeason.objects.filter(player=player).select_related("club", "competition")
        record = record_table_at_club(player, seasons)
    crumbs = [home_crumb()]
    if club is not None:
        crumbs.append((club.name, club.get_absolute_url()))
    crumbs.append((article.headline, article.get_absolute_url()))
    return {
        "read_more": article.read_more(),
        # "Follow this transfer": the links the piece cites, each to its own page.
        "followed_links": TransferLink.objects.filter(articles=article).mentions(FOLLOWED_LINKS),
        "club_news": club_news,
        "record": record,
        "breadcrumbs": crumbs,
    }


class AuthorView(ArchivePaginationMixin, ArticleListView):
    template_name = "newsroom/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Author.objects.select_related("photo"), slug=self.kwargs["slug"]
        )
        return Article.objects.published().by_author(self.author).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TagView(ArchivePaginationMixin, ArticleListView):
    template_name = "newsroom/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published().for_tag(self.tag).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SearchView(ArticleListView):
    """Clubs and players first, then articles; each query runs under a time limit."""

    template_name = "newsroom/search.html"

    def get(self, request, *args, **kwargs):
        self.query = search.normalise(request.GET.get("q", ""))
        self.problem = search.problem_with(self.query)
        try:
            with search.time_limit():
                # Rendered inside the time limit, since the queries run while it renders.
                return super().get(request, *args, **kwargs).render()
        except search.SearchTooSlow:
            self.problem = "too_slow"
            return super().get(request, *args, **kwargs)

    def get_queryset(self):
        """The ids of every result, best first; paginate_queryset reads the page's articles."""
        if self.problem:
            return []
        self.clubs = list(search.matching_clubs(self.query))
        self.players = list(search.matching_players(self.query))
        return search.matching_article_ids(self.query, self.clubs, self.players)

    def paginate_queryset(self, ids, page_size):
        paginated = super().paginate_queryset(ids, page_size)
        return with_rows(paginated, Article.objects.published().for_listing())

    def get_context_data(self, **kwargs):
        found = not self.problem
        return super().get_context_data(
            query=self.query,
            problem=self.problem,
            max_query_length=search.MAX_QUERY_LENGTH,
            max_results=search.MAX_ARTICLE_RESULTS,
            clubs=self.clubs if found else [],
            players=self.players if found else [],
            **kwargs,
        )


def server_error(request):
    """The 500 page; or, when the database could not be reached, a 503 saying to retry soon.

    A 503 with ``Retry-After`` tells readers, crawlers and a CDN that the outage is temporary.
    A query cancelled at the database's time limit is an ``OperationalError`` too, and is as
    temporary. Like Django's own handler it renders with no context: the database may be down.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return defaults.server_error(request)
