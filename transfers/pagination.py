"""Pagination for lists that grow to a million rows, shared by the club, competition, home, tag
and author pages (the editorial app imports it; this app imports nothing from that one).

Counting a list and skipping to a deep page both cost in proportion to the list's length in
PostgreSQL (`COUNT(*)`, `OFFSET`), so a list keeps numbered pages only near the top: it counts
at most `MAX_NUMBERED_PAGES` pages' worth of rows, in one bounded query, and past those the
"Older" link carries the position of the last item shown (`?before=<time>.<id>`), which an
index finds directly: the 500th page of a club's news costs what the first does.
"""

import datetime
import json
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property

MAX_NUMBERED_PAGES = 20
# Below this many rows an exact count is cheap enough for the admin's lists.
EXACT_COUNT_BELOW = 10_000
# An estimate this many times the numbered pages' capacity is taken on trust (see `counted`).
TRUST_ESTIMATES_ABOVE = 10


def estimated_rows(queryset):
    """How many rows PostgreSQL's planner expects `queryset` to return, from its statistics
    (`pg_class.reltuples` and column histograms): no row is read. None on other databases."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # queryset.none(), or a filter nothing can match
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """For the admin's lists of a million rows: an exact count of a short list, the planner's
    estimate of a long one (a `COUNT(*)` over them all takes a tenth of a second)."""

    @cached_property
    def count(self):
        counted = self.object_list.values("pk")[:EXACT_COUNT_BELOW].count()
        if counted < EXACT_COUNT_BELOW:
            return counted
        return max(counted, estimated_rows(self.object_list) or 0)


class CappedPaginator(Paginator):
    """A paginator that never counts more than `max_pages` pages' worth of rows.

    `count` is exact up to that cap; `more` says whether the list goes on past it.
    """

    def __init__(self, object_list, per_page, max_pages=None, by_position=False, **kwargs):
        self.max_pages = max_pages or MAX_NUMBERED_PAGES
        # Lists ordered by (published_at, id) go on past the cap by position; others stop.
        self.by_position = by_position
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def counted(self):
        limit = self.max_pages * self.per_page
        # A list the planner expects to be ten times the cap is long: counting even the first
        # `limit` of its rows would cost as much as the page itself.
        estimate = estimated_rows(self.object_list)
        if estimate is not None and estimate >= TRUST_ESTIMATES_ABOVE * limit:
            return limit + 1
        # Only the key is selected, so an index can answer; LIMIT bounds the work. Unordered:
        # which rows are counted first does not change how many there are, and an ORDER BY
        # would make the database walk the date index (8,600 rows to count the 1,001 links of
        # one window, where the window's own index hands them over).
        return self.object_list.values("pk").order_by()[: limit + 1].count()

    @cached_property
    def count(self):
        return min(self.counted, self.max_pages * self.per_page)

    @property
    def more(self):
        return self.counted > self.max_pages * self.per_page

    def _get_page(self, *args, **kwargs):
        return NumberedPage(*args, **kwargs)


class NumberedPage(Page):
    """A page near the top of the list; the last numbered one links on by position."""

    @property
    def where(self):
        # "Page 3 of 20" would be untrue when the list goes on past the cap.
        return f"Page {self.number}" if self.paginator.more else ""

    @property
    def older_cursor(self):
        paginator = self.paginator
        if self.has_next() or not (paginator.more and paginator.by_position) or not self:
            return ""
        return cursor_of(self.object_list[len(self.object_list) - 1])

    @property
    def newer_cursor(self):
        return ""


class PositionPage:
    """A page found by position in the archive: the items just older (or newer) than an item.

    Quacks like a `Page` for the templates: `number` is None, `has_previous()` and `has_next()`
    say whether there are newer and older items.
    """

    number = None

    def __init__(self, object_list, paginator, query, newer_cursor, older_cursor):
        self.object_list = object_list
        self.paginator = paginator
        self.query = query  # the page's own query string, for its canonical URL
        self.newer_cursor = newer_cursor
        self.older_cursor = older_cursor

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_previous(self):
        return bool(self.newer_cursor)

    def has_next(self):
        return bool(self.older_cursor)

    def has_other_pages(self):
        return True

    @property
    def title_part(self):
        """'from 3 May 2024': where in the archive the page starts, for titles."""
        if not self.object_list:
            return "earlier stories"
        first = timezone.localtime(self.object_list[0].published_at)
        return f"from {format_date(first, 'j F Y')}"

    @property
    def where(self):
        return self.title_part[0].upper() + self.title_part[1:]


def cursor_of(item):
    """An item's position in a newest-first list: its publishing time (µs) and id."""
    return cursor_at(item.published_at, item.pk)


def cursor_at(published_at, pk):
    micros = round(published_at.timestamp() * 1_000_000)
    return f"{micros}.{pk}"


def parse_cursor(text):
    """(published_at, id) from a cursor; a malformed one is a 404, like an unknown page."""
    try:
        micros, pk = (int(part) for part in text.split("."))
        when = datetime.datetime.fromtimestamp(micros / 1_000_000, tz=datetime.UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise Http404("That position in the archive does not exist.") from error
    if pk < 1:
        raise Http404("That position in the archive does not exist.")
    return when, pk


def rows_in_order(queryset, ids):
    """The full rows of `ids`, in that order, read with everything `queryset` selects."""
    by_id = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def with_rows(paginated, queryset):
    """A ListView.paginate_queryset() result over ids, its page holding the full rows instead."""
    paginator, page, ids, is_paginated = paginated
    page.object_list = rows_in_order(queryset, list(ids))
    return paginator, page, page.object_list, is_paginated


class ArchivePaginationMixin:
    """For a ListView of articles ordered newest first by (published_at, id): numbered pages
    near the top, then pages by position (`?before=` and `?after=` cursors).

    A page is found first as ids (the indexes alone can answer: dates and ids, no row read),
    then only its own rows are read, with their joins and prefetches. A club with eight hundred
    pieces otherwise reads all eight hundred rows to sort them.
    """

    paginator_class = CappedPaginator

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, by_position=True, **kwargs)

    def positions(self, queryset):
        """(published_at, id) of the list's items, newest first, and the name the id goes by.

        A view whose list an index of its own answers faster (the club page's news entries)
        returns pairs from there; the page's rows are still read through `queryset`.
        """
        return queryset.values_list("published_at", "pk"), "pk"

    def paginate_queryset(self, queryset, page_size):
        before = self.request.GET.get("before")
        after = self.request.GET.get("after")
        positions, key = self.positions(queryset)
        keys = positions.values_list(key, flat=True)
        if not before and not after:
            return self.numbered_page(queryset, keys, page_size)
        paginator = self.get_paginator(keys, page_size)
        if before:
            when, pk = parse_cursor(before)
            # The first condition alone is what lets an index start the scan at the cursor.
            older = positions.filter(
                Q(published_at__lte=when) & (Q(published_at__lt=when) | Q(**{f"{key}__lt": pk}))
            )
            found = list(older[: page_size + 1])
            shown = found[:page_size]
            newer_cursor = cursor_at(*found[0]) if found else ""
            older_cursor = cursor_at(*found[page_size - 1]) if len(found) > page_size else ""
            query = urlencode({"before": before})
        else:
            when, pk = parse_cursor(after)
            newer = positions.filter(
                Q(published_at__gte=when) & (Q(published_at__gt=when) | Q(**{f"{key}__gt": pk}))
            ).order_by("published_at", key)
            found = list(newer[: page_size + 1])
            if len(found) <= page_size:
                # Back at the top of the list: show its first page, as the list itself would.
                return self.numbered_page(queryset, keys, page_size)
            shown = found[:page_size][::-1]
            newer_cursor, older_cursor = cursor_at(*shown[0]), cursor_at(*shown[-1])
            query = urlencode({"after": after})
        rows = self.page_rows(queryset, [pk for _when, pk in shown], page_number=None)
        page = PositionPage(rows, paginator, query, newer_cursor, older_cursor)
        return paginator, page, page.object_list, True

    def numbered_page(self, queryset, keys, page_size):
        paginator, page, ids, is_paginated = super().paginate_queryset(keys, page_size)
        page.object_list = self.page_rows(queryset, list(ids), page_number=page.number)
        return paginator, page, page.object_list, is_paginated

    def page_rows(self, queryset, ids, page_number):
        """The page's full rows in order; `page_number` is None on a page found by position."""
        return rows_in_order(queryset, ids)
