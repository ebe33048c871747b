"""/healthz: 200 when the database and the cache answer, 503 naming the part that does not."""

import logging

import pytest
from django.core.cache import caches
from django.db import connections
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_a_healthy_site_answers_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Content-Type"] == "application/json"


def test_the_answer_is_never_cached(client):
    client.get("/healthz")
    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_success_is_not_logged_as_a_problem(client, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/healthz")

    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_dead_cache_is_named_with_a_503(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_CLASS": "newsroom.cache.BreakerConnectionPool",
            },
        }
    }
    caches["default"].client.get_client().connection_pool.skip_until = 0.0

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}
    assert "no-store" in response["Cache-Control"]
    # A warning naming the part, and no "Service Unavailable" error from django.request.
    assert "the cache does not answer" in caplog.text
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_a_dead_database_is_named_with_a_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


def test_head_is_answered_and_post_is_refused(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
