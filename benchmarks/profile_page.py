"""Where one page's time goes, in-process: the database's own work against everything else.

    DATABASE_URL=... .venv/bin/python benchmarks/profile_page.py URL [URL ...]
        [--requests 200] [--profile] [--sort tottime] [--limit 40]

Each URL is requested through Django's WSGI handler as `latency.py` does (the page cache off,
one unmeasured request first), and the script prints the median and fastest request, the number
of queries, the time the database took to answer them, and the rest: building and compiling the
queries, making model instances, rendering templates, the middleware. `--profile` adds a
cProfile of the same requests, sorted by `--sort`. docs/performance.md says what the fourth
round found with it. A measurement, not a test: run it on an idle machine and compare runs.
"""

import argparse
import cProfile
import gc
import pstats
import statistics
import time

from django.conf import settings
from django.db import connection
from latency import QueryLog, WSGIClient  # sets Django up, as latency.py runs it


def measure(client, url, requests):
    """(total ms, database ms, queries) for each request."""
    client.get(url)  # warm process-level caches; not measured
    rows = []
    for _ in range(requests):
        log = QueryLog()
        with connection.execute_wrapper(log):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        database = sum(query["time"] for query in log.queries)
        rows.append((elapsed * 1000, database * 1000, len(log.queries)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+", help="paths such as /clubs/liverpool/feed/")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print a cProfile as well")
    parser.add_argument("--sort", default="tottime", help="cProfile sort key (tottime)")
    parser.add_argument("--limit", type=int, default=40, help="cProfile lines (40)")
    args = parser.parse_args()
    settings.PAGE_CACHE_SECONDS = 0  # every request renders from the database
    client = WSGIClient()
    gc.freeze()
    print(f"{'page':50} {'median':>8} {'fastest':>8} {'database':>9} {'rest':>8} queries")
    for url in args.urls:
        rows = measure(client, url, args.requests)
        total = statistics.median(row[0] for row in rows)
        database = statistics.median(row[1] for row in rows)
        print(
            f"{url[:50]:50} {total:7.2f}  {min(row[0] for row in rows):7.2f}  "
            f"{database:8.2f}  {total - database:7.2f}  {rows[0][2]}"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.requests):
                client.get(url)
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.limit)


if __name__ == "__main__":
    main()
