#!/usr/bin/env bash
# What a live page costs while readers poll it: the demo's running deadline-day page served by
# gunicorn (2 sync workers, loopback, production settings), measured with wrk after a warm-up.
# 1,000 readers polling every 15 seconds is about 67 requests a second: compare with the figures.
# Usage: bash benchmarks/live_poll.sh   (env: DURATION=10s CONNS=16 THREADS=2;
#        REDIS_URL=redis://127.0.0.1:6379/4 to use Redis instead of the local-memory cache)
# Prints one line per URL (requests/s, p50, p99, queries on a warm cache). Loopback only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=${BENCH_WORK:-/tmp/transferdesk-live-bench}
DURATION=${DURATION:-10s} CONNS=${CONNS:-16} THREADS=${THREADS:-2}
PY=$ROOT/.venv/bin/python
mkdir -p "$WORK"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite:///$WORK/live.sqlite3} DJANGO_DEBUG=0 \
    SECRET_KEY=benchmark-only-key-0123456789abcdefghijklmnopqrstuvwxyz-abcdef \
    ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 LOG_LEVEL=WARNING
"$PY" manage.py migrate -v0 --no-input
"$PY" manage.py load_demo >"$WORK/load.log" 2>&1
"$PY" manage.py collectstatic -v0 --no-input

# label, path; and the queries each path runs when the cache is warm (second request).
PATHS=$("$PY" manage.py shell -v0 -c "
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from newsroom.models import LivePage
page = LivePage.objects.running().get(slug='deadline-day-live')
ids = list(page.entries.order_by('-id').values_list('id', flat=True))
updates = page.get_absolute_url() + 'updates/?after='
client = Client(HTTP_HOST='127.0.0.1')
for label, path in [
    ('poll, nothing new', updates + str(ids[0])),
    ('poll, 3 new entries', updates + str(ids[3])),
    ('live page', page.get_absolute_url()),
    ('live page RSS', page.get_absolute_url() + 'feed/'),
]:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    print(label.replace(' ', '_'), path, len(queries))
")

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/gunicorn --workers 2 --worker-class sync --bind "127.0.0.1:$PORT" --no-control-socket \
    --error-logfile "$WORK/gunicorn.log" newsroom.wsgi >"$WORK/access.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

printf '%-22s %10s %9s %9s %8s\n' "url" "req/s" "p50" "p99" "queries"
while read -r label path queries; do
    url="http://127.0.0.1:$PORT$path"
    wrk -t"$THREADS" -c"$CONNS" -d3s "$url" >/dev/null  # warm-up: every worker's cache
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$url")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-22s %10s %9s %9s %8s\n' "${label//_/ }" "$rps" "$p50" "$p99" "$queries"
done <<<"$PATHS"
echo "1,000 readers polling every 15 s: about 67 requests/s."
