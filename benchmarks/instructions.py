"""Instructions per request, counted by valgrind: the same figure on a busy or an idle machine.

    DATABASE_URL=... .venv/bin/python benchmarks/instructions.py URL [URL ...] [--requests 10]

A virtual machine's clock moves by 10-15% from one minute to the next, more than most single
changes to a page are worth. Callgrind counts the instructions the interpreter executes
instead: each URL is requested through Django's WSGI handler (as `latency.py` does, the page
cache off) in two runs under `valgrind --tool=callgrind`, one with `--requests` requests and
one with none, and the difference is divided by the number of requests. With the same code,
data and PYTHONHASHSEED the count repeats to a few parts in a thousand. Each run takes about
half a minute (valgrind is some fifty times slower than the page). docs/performance.md says
what the fifth round measured with it.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

TOTALS = re.compile(r"^(?:summary|totals): (\d+)", re.MULTILINE)


def count(url, requests):
    """Instructions for starting up and answering `requests` requests for `url`."""
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        subprocess.run(
            [
                *("valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}"),
                *(sys.executable, __file__, "--inner", url, "--requests", str(requests)),
            ],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return int(TOTALS.search(open(out.name).read())[1])


def answer(url, requests):
    """Inside valgrind: two unmeasured requests to warm caches, then `requests` more."""
    import gc

    from django.conf import settings
    from latency import WSGIClient  # sets Django up, as latency.py runs it

    settings.PAGE_CACHE_SECONDS = 0
    client = WSGIClient()
    for _ in range(2):
        client.get(url)
    gc.freeze()
    for _ in range(requests):
        if client.get(url).status_code != 200:
            raise SystemExit(f"{url} did not answer 200")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+", help="paths such as /clubs/liverpool/")
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        answer(args.urls[0], args.requests)
        return
    print(f"{'page':50} {'M instructions a request':>25}")
    for url in args.urls:
        extra = count(url, args.requests) - count(url, 0)
        print(f"{url[:50]:50} {extra / args.requests / 1e6:25.2f}")


if __name__ == "__main__":
    main()
