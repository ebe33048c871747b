#!/usr/bin/env bash
# Throughput side by side with the peers, in one run: ../shared/peers/bench.sh measures bare
# Django and the Wagtail news site, then this script measures Transfer Desk's pages under the
# same conditions (gunicorn, 2 sync workers, loopback, wrk -t2 -c16, warm-up first), twice:
#   1. SQLite, page cache off;   2. PostgreSQL + Redis, page cache on.
# Usage: bash benchmarks/http.sh   (env: ARTICLES=10000 DURATION=10s WARMUP=3s CONNS=16 THREADS=2
#        PEERS=../shared/peers, SKIP_PEERS=1 to reuse the last peer run, NO_RECORD=1 to leave
#        benchmarks/RESULTS.md alone, RENDER_ONLY=1 to print the last run's table again,
#        BENCH_DATABASE_URL, BENCH_REDIS_URL)
# Prints a table and appends it to benchmarks/RESULTS.md. All traffic stays on 127.0.0.1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PEERS=${PEERS:-$ROOT/../shared/peers}
WORK=${BENCH_WORK:-/tmp/transferdesk-bench}
ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-10s} WARMUP=${WARMUP:-3s} CONNS=${CONNS:-16} THREADS=${THREADS:-2}
PG_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/transferdesk_bench}
REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}
PY=$ROOT/.venv/bin/python
mkdir -p "$WORK"
SERVER_PID=

stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# 1. The peers, in this same run.
if [ -z "${RENDER_ONLY:-}" ] && { [ -z "${SKIP_PEERS:-}" ] || [ ! -s "$WORK/peers.txt" ]; }; then
    DURATION=$DURATION WARMUP=$WARMUP CONNS=$CONNS THREADS=$THREADS bash "$PEERS/bench.sh" | tee "$WORK/peers.txt"
fi

# Production mode (DEBUG off, manifest static files), over plain HTTP on loopback. "testserver"
# is the test client's host, for the query counts.
export DJANGO_DEBUG=0 SECRET_KEY=benchmark-only-key-0123456789abcdefghijklmnopqrstuvwxyz-abcdef \
    ALLOWED_HOSTS=127.0.0.1,localhost,testserver SECURE_SSL_REDIRECT=0 LOG_LEVEL=WARNING \
    SITE_URL=http://127.0.0.1 MEDIA_ROOT=$WORK/media
# The peers run gunicorn with no configuration file; so do we (the project's gunicorn.conf.py,
# found in the working directory otherwise, logs every request and recycles workers).
: >"$WORK/gunicorn.bench.conf.py"

prepare() {  # label: migrate, load content, collect static files
    echo "== $1: loading $ARTICLES articles ($(date -u +%FT%TZ))"
    "$PY" manage.py migrate -v0 --no-input
    "$PY" manage.py load_bulk --reset --articles "$ARTICLES" >"$WORK/load-$1.log" 2>&1
    "$PY" manage.py collectstatic -v0 --no-input
}

pick_paths() {  # prints the pages to measure, one per line, as "label path"
    "$PY" manage.py shell -v0 -c "
from django.db.models import Count
from newsroom.models import Article
from transfers.models import Club, Player
article = Article.objects.published().order_by('-published_at', '-id').first()
club = Club.objects.annotate(n=Count('articles')).order_by('-n', 'pk').first()
player = Player.objects.annotate(n=Count('transfer_links')).order_by('-n', 'pk').first()
print('home /')
print('club', club.get_absolute_url())
print('article', article.get_absolute_url())
print('player', player.get_absolute_url())
print('tracker /transfers/')
print('tracker-filtered', f'/transfers/?club={club.slug}&direction=incoming&position=MF')
print('search /search/?q=midfielder+contract')
print('club-rss', club.get_absolute_url() + 'feed/')
"
}

page_weight() {  # port article_path: HTML and CSS bytes as served, and scripts the page loads
    local base=http://127.0.0.1:$1 html css_gz=0 css_raw=0 href
    html=$(curl -fs "$base$2")
    for href in $(grep -oE '<link[^>]+rel="stylesheet"[^>]*>' <<<"$html" | grep -oE 'href="[^"]+"' | cut -d'"' -f2); do
        css_gz=$((css_gz + $(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$href")))
        css_raw=$((css_raw + $(curl -fs -o /dev/null -w '%{size_download}' "$base$href")))
    done
    printf "article page weight: HTML %s bytes (%s gzipped); CSS %s bytes (%s gzipped, as whitenoise serves it); scripts: %s\n" \
        "$(wc -c <<<"$html")" "$(gzip -c <<<"$html" | wc -c)" "$css_raw" "$css_gz" \
        "$(grep -oE '<script[^>]*src="[^"]+"' <<<"$html" | grep -oE 'src="[^"]+"' | tr '\n' ' ' || true)"
}

run_round() {  # label
    local label=$1 port paths queries
    prepare "$label"
    # Redis was flushed, so the load's new content version came with a two-minute hold on
    # version leases (newsroom.cache.NO_LEASE_KEY, for a Redis that restarted empty): lift it,
    # and measure the steady state, as after two minutes of uptime.
    [ -z "${REDIS_URL:-}" ] || "$PY" manage.py shell -v0 -c \
        "from newsroom import cache; cache.lift_lease_hold()"
    paths=$(pick_paths)
    # Queries counted on a miss (page cache off), whatever the round.
    # shellcheck disable=SC2046
    queries=$(PAGE_CACHE_SECONDS=0 DJANGO_SETTINGS_MODULE=newsroom.settings PYTHONPATH=. "$PY" "$PEERS/count_queries.py" $(awk '{print $2}' <<<"$paths"))
    port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    .venv/bin/gunicorn --config "$WORK/gunicorn.bench.conf.py" --workers 2 --worker-class sync \
        --bind "127.0.0.1:$port" --no-control-socket --error-logfile "$WORK/gunicorn-$label.log" \
        newsroom.wsgi &
    SERVER_PID=$!
    for _ in $(seq 150); do curl -fso /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
    echo "load average before $label: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/ours.txt"
    while read -r name path; do
        local url="http://127.0.0.1:$port$path" out status bytes nq
        read -r status bytes nq < <(awk -v p="$path" '$1 == p {print $2, $3, $4}' <<<"$queries")
        [ "$status" = 200 ] || echo "warning: $path answered $status to the test client" >&2
        timeout 300 wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$url" >/dev/null
        out=$(timeout 300 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$url")
        printf "%s %s %s %s %s %s %s %s\n" "$label" "$name" \
            "$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" \
            "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
            "$nq" "$bytes" "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr ' ' '_' | tr '\n' ';' || true)" \
            | tee -a "$WORK/ours.txt"
    done <<<"$paths"
    page_weight "$port" "$(awk '$1 == "article" {print $2}' <<<"$paths")" | tee -a "$WORK/ours.txt"
    stop_server
}

if [ -z "${RENDER_ONLY:-}" ]; then
    : >"$WORK/ours.txt"
    rm -f "$WORK/bench.sqlite3"
    DATABASE_URL=sqlite:///$WORK/bench.sqlite3 PAGE_CACHE_SECONDS=0 run_round sqlite-uncached
    psql "${PG_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS ${PG_URL##*/}" -c "CREATE DATABASE ${PG_URL##*/}" >/dev/null
    redis-cli -u "$REDIS" flushdb >/dev/null
    DATABASE_URL=$PG_URL REDIS_URL=$REDIS run_round postgres-cached
fi

VERSIONS="$("$PY" --version); $(.venv/bin/pip freeze 2>/dev/null | grep -iE '^(django|gunicorn|psycopg|django-redis)==' | tr '\n' ' ')SQLite $("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)'); $(psql "$PG_URL" -Atc 'show server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /'); Redis $(redis-cli -u "$REDIS" info server | awk -F: '/^redis_version/ {print $2}' | tr -d '\r'); $( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2)"
MACHINE="$(nproc) cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM"
TABLE=$("$PY" benchmarks/http_table.py "$WORK/peers.txt" "$WORK/ours.txt" \
    --date "$(date -u +%FT%TZ)" --machine "$MACHINE" --versions "$VERSIONS" \
    --command "ARTICLES=$ARTICLES DURATION=$DURATION WARMUP=$WARMUP CONNS=$CONNS THREADS=$THREADS bash benchmarks/http.sh" \
    --setup "$ARTICLES articles (load_bulk); wrk -t$THREADS -c$CONNS -d$DURATION after $WARMUP warm-up; gunicorn 2 sync workers, no config file, like the peers; loopback")
echo "$TABLE"
[ -n "${NO_RECORD:-}" ] || echo "$TABLE" >>benchmarks/RESULTS.md
