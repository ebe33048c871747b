"""Transfer Desk settings: one module, every deploy-specific value read from the environment.

With no environment at all the site runs for development (SQLite, local-memory cache,
DEBUG on). Setting SECRET_KEY (or DJANGO_DEBUG=0) switches to production mode, where a
missing SECRET_KEY is a start-up error rather than a silent default.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default="SECRET_KEY" not in os.environ)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (DJANGO_DEBUG=0 or production mode)."
        )
    # Development only: a fixed key so that `make run` sessions survive restarts.
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Transfer Desk"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "csp",
    "django_prose_editor",
    "reversion",
    "transfers",
    "newsroom",
]

# Order matters: request ids wrap everything; the conditional GET sees the cached copies too;
# the page cache answers before CSP, sessions or users are touched. A cached copy keeps the CSP,
# Permissions-Policy, X-Frame-Options and ETag headers it was stored with, so a hit costs one
# cache read and little else (docs/performance.md).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.middleware.RequestIdMiddleware",
    "newsroom.middleware.HeadResponseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "newsroom.middleware.PrimaryDatabaseMiddleware",
    "newsroom.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "newsroom.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]
# With DEBUG off and no explicit loaders, Django wraps them in the cached loader itself.

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A read replica (streaming replication of the primary): public pages read from it, while
# writes, the admin and logged-in users stay on the primary (newsroom.routers).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]
# Pages run short queries: a parallel plan's workers take longer to start (10-20 ms) than the
# query takes, and JIT compiles for longer than it saves. The pages read the newest rows of
# tables kept in memory, where a random read costs little more than a sequential one: at the
# default random_page_cost of 4 the planner hashes all 2,000 clubs to join fifty links to them.
# Override with PG_OPTIONS.
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database.setdefault("OPTIONS", {})["options"] = os.environ.get(
            "PG_OPTIONS", "-c max_parallel_workers_per_gather=0 -c jit=off -c random_page_cost=1.1"
        )
# For this long after a content change every request reads the primary, so a lagging replica
# cannot put the old version of a page into the shared cache.
REPLICA_LAG_SECONDS = float(
    os.environ.get("REPLICA_LAG_SECONDS", "10" if DATABASE_REPLICA_URL else "0")
)

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "transferdesk"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A hung Redis must not hang every worker: fail fast, then read the database.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
                # After a failure, skip Redis for CACHE_RETRY_SECONDS rather than time out on
                # every one of a page's cache calls.
                "CONNECTION_POOL_CLASS": "newsroom.cache.BreakerConnectionPool",
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "transferdesk",
            # Per process, so only for one machine; the default 300 entries is too few pages.
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Seconds to serve without Redis after failing to reach it (newsroom.cache.BreakerConnectionPool).
CACHE_RETRY_SECONDS = 5

# The anonymous page cache (newsroom.middleware.PageCacheMiddleware): entries live at most
# PAGE_CACHE_SECONDS and never past the next scheduled go-live; 0 turns it off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Each process also holds the pages it served last, up to this many bytes, and uses a copy only
# while the shared content version is the one it was stored under; 0 holds none.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
# Seconds a process may use the content version without asking the shared cache again; every
# change to public content waits this long before it commits (newsroom.cache). Only worth it
# when the cache is shared (Redis); 0 asks on every request and makes writers wait for nothing.
PAGE_CACHE_VERSION_LEASE = float(
    os.environ.get("PAGE_CACHE_VERSION_LEASE", "0.02" if REDIS_URL else "0")
)
# What a CDN or browser may keep a public page for (Cache-Control: public, max-age).
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))
# Never cached, whoever asks (regular expressions over the path and query string).
PAGE_CACHE_EXCLUDE = [r"^/healthz", r"^/preview/"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on object storage (S3 or compatible), for several app servers: off unless a bucket is
# named. Needs `pip install django-storages[s3]`; credentials come from the usual AWS_*
# variables (or the instance's role), never from this file.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGIN_URL = "admin:login"
# Where the admin lives; a less obvious path keeps the login form out of most scanners' way.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Security: strict by default outside DEBUG; SECURE_SSL_REDIRECT can be turned off behind a proxy
# that already redirects, and SECURE_PROXY_SSL_HEADER trusts that proxy's X-Forwarded-Proto.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("USE_X_FORWARDED_PROTO", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe over plain HTTP and must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Old keys still accepted while sessions and preview links signed with them expire.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Content-Security-Policy (django-csp 4): no inline script anywhere, so a cached page stays
# valid for every reader (a nonce would be replayed). JSON-LD is data and is not blocked.
# The admin's import maps are allowed by hash (newsroom.middleware.SecurityHeadersMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The body editor (django-prose-editor's Tiptap) injects this fixed <style> in the admin.
# After upgrading the editor, tests/test_csp_browser.py names the new hash if it changed.
ADMIN_CSP_STYLE_HASHES = ["'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"]
if AWS_STORAGE_BUCKET_NAME:
    _media_origin = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or (
        f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"https://{_media_origin}")
# Development only: `make run` sends the same policy as report-only, so audit tools that
# inject a script (../shared/tools/check-pages loads axe-core) can run; violations are still
# reported in the browser console. Production always enforces.
if DEBUG and env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY, CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY, None

# Login lockout (django-axes): five failures for one username from one address lock that pair
# out for 15 minutes. State lives in the database, not the cache, which ignores errors.
AUTHENTICATION_BACKENDS = [
    "newsroom.security.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"
# How many proxies in front of the app append to X-Forwarded-For (0: use the peer address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# One line per event on stdout, with the request id (newsroom.logging); tracebacks included.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "newsroom.logging.RequestIdFilter"},
        "redis_not_skipped": {"()": "newsroom.logging.SkippedRedisCallFilter"},
    },
    "formatters": {"line": {"()": "newsroom.logging.OneLineFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One traceback when Redis fails, not one per cache call skipped after it.
        "django_redis.cache": {"filters": ["redis_not_skipped"]},
        # Lockouts are warnings; axes' start-up banner and per-attempt notes are noise.
        "axes": {"level": "WARNING"},
        # Django's own handlers would print a second, multi-line copy of each error.
        "django": {"handlers": [], "propagate": True},
    },
}

# Newsroom knobs.
PAGE_SIZE = 20
FEED_ITEMS = 50
# Past this many clubs, the tracker asks for a club's name in a text box rather than a list.
TRACKER_CLUB_SELECT_MAX = 200

# Image library (newsroom.images): uploads above these are refused with a form error.
IMAGE_MAX_UPLOAD_BYTES = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", str(15 * 1024 * 1024)))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "40000000"))
IMAGE_RENDITION_WIDTHS = (400, 800, 1200)
# Player and club linking (newsroom.linking): after a name changes, readers' pages may keep the
# old matcher this long, so that bulk edits do not make every page view rebuild it.
LINKING_REBUILD_SECONDS = int(os.environ.get("LINKING_REBUILD_SECONDS", "30"))
