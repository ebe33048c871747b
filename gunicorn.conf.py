"""gunicorn settings for `make serve` and production, each overridable from the environment.

Sync workers (threads only without Redis), so run them behind a buffering proxy (nginx, a load
balancer or a CDN) in production: a slow client would otherwise hold a worker for its whole
upload or download.
"""

import gc
import multiprocessing
import os

wsgi_app = "newsroom.wsgi:application"

bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
)

# The usual 2 x cores + 1, capped: on a big host the database, not gunicorn, is the limit.
concurrency = min(2 * multiprocessing.cpu_count() + 1, 12)
if os.environ.get("REDIS_URL"):
    workers = int(os.environ.get("WEB_CONCURRENCY") or concurrency)
    threads = int(os.environ.get("GUNICORN_THREADS") or 1)
else:
    # Without Redis the page cache lives in process memory, and a content change seen by one
    # worker would not reach the others' caches: one process, several threads.
    workers = 1
    threads = int(os.environ.get("GUNICORN_THREADS") or concurrency)

# A stuck request is killed after `timeout`; a deploy's SIGTERM lets requests finish first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Recycle workers now and then (staggered) so a slow leak never takes the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# The heartbeat file on a RAM disk: on a container's overlay filesystem it can block workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Both logs to stdout/stderr for the process manager; the access line carries the request id.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s "%(a)s"'

# Trust X-Forwarded-* only from the proxies named here (comma-separated addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Load the app before forking: workers share its memory, and a broken settings module fails
# at start-up rather than in every worker.
preload_app = True

# gunicorn's runtime control socket has one default path per user, which two instances on one
# machine would fight over; process managers use signals instead. Opt in with a path.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]


def pre_fork(server, worker):
    """Freeze the preloaded app's objects before each worker is forked.

    They live as long as the worker (modules, URL patterns, templates' nodes), yet every full
    collection in a worker would walk them all: 40 to 80 ms each on a 2-core machine, a pause
    in whichever request triggers it (docs/performance.md). Frozen, they are never examined,
    and the memory pages holding them stay shared with the master instead of being copied.
    """
    gc.freeze()
