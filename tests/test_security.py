"""Security: the deploy check, headers on each kind of page, login lockout, the admin's path,
and errors that reach the log but never the reader."""

import datetime
import importlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import clear_url_caches, reverse

from newsroom.logging import OneLineFormatter, RequestIdFilter
from newsroom.security import client_ip

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(response):
    csp = policy(response)
    assert csp["script-src"] == ["'self'"] or all(
        source == "'self'" or source.startswith("'sha256-") for source in csp["script-src"]
    )
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_deploy_check_passes_with_production_variables():
    env = {
        **os.environ,
        "SECRET_KEY": "a-production-key-that-is-long-enough-and-random-0123456789-abcdefghij",
        "DJANGO_DEBUG": "0",
        "ALLOWED_HOSTS": "example.com",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


class TestHeadersPerPageKind:
    def test_a_public_page(self, client, make_article):
        make_article()
        response = client.get("/")

        assert_security_headers(response)
        assert response["Cache-Control"] == "public, max-age=60"
        assert "Cookie" not in response.get("Vary", "")
        assert response.cookies == {}
        assert response["ETag"]

    def test_an_article(self, client, make_article):
        response = client.get(make_article().get_absolute_url())

        assert_security_headers(response)
        assert response["Cache-Control"] == "public, max-age=60"
        assert "Cookie" not in response.get("Vary", "")

    def test_a_feed_keeps_its_own_caching_headers(self, client, make_article):
        make_article()
        response = client.get("/feed/")

        assert_security_headers(response)
        assert "public" in response["Cache-Control"]
        assert response["ETag"]

    def test_a_not_found_page_must_be_revalidated(self, client):
        response = client.get("/news/no-such-piece/")

        assert response.status_code == 404
        assert_security_headers(response)
        assert response["Cache-Control"] == "no-cache"

    def test_the_admin_login(self, client):
        response = client.get(reverse("admin:login"))

        assert_security_headers(response)
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_the_admin_for_a_logged_in_editor(self, client, admin_user):
        client.force_login(admin_user)
        response = client.get(reverse("admin:newsroom_article_add"))

        assert_security_headers(response)
        assert "no-store" in response["Cache-Control"]

    def test_a_public_page_seen_by_a_logged_in_editor_is_private(
        self, client, admin_user, make_article
    ):
        make_article()
        client.force_login(admin_user)
        response = client.get("/")

        assert_security_headers(response)
        assert response["Cache-Control"] == "private, no-store"

    def test_hsts_over_https_is_preload_ready(self, client, settings):
        settings.SECURE_HSTS_SECONDS = 31536000
        settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
        settings.SECURE_HSTS_PRELOAD = True

        response = client.get("/", secure=True)

        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )


def test_the_admin_inline_import_map_is_allowed_by_its_hash_only(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:newsroom_article_add"))
    body = response.content.decode()

    if '<script type="importmap"' not in body:
        pytest.skip("the article form has no import map (no body editor widget)")
    hashes = [source for source in policy(response)["script-src"] if source != "'self'"]
    assert len(hashes) == body.count('<script type="importmap"')


def test_public_pages_get_no_admin_hashes(client, make_article):
    make_article()

    assert policy(client.get("/"))["script-src"] == ["'self'"]
    assert policy(client.get("/"))["style-src"] == ["'self'"]


def test_plain_http_is_redirected_to_https_except_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


class TestLoginLockout:
    @pytest.fixture
    def editor(self):
        return get_user_model().objects.create_user(
            "editor", password="the-right-pass-phrase", is_staff=True
        )

    def attempt(self, client, username, password, **extra):
        return client.post(
            reverse("admin:login"), {"username": username, "password": password}, **extra
        )

    def test_five_failures_lock_the_account_out_with_a_clear_message(self, client, editor):
        for _ in range(4):
            assert self.attempt(client, "editor", "wrong").status_code == 200

        locked = self.attempt(client, "editor", "wrong")
        after = self.attempt(client, "editor", "the-right-pass-phrase")

        for response in (locked, after):
            assert response.status_code == 429
            text = response.content.decode()
            assert "Too many failed login attempts" in text
            assert "paused for 15 minutes" in text
            assert response["Retry-After"] == "900"
            assert "no-store" in response["Cache-Control"]
        assert "_auth_user_id" not in client.session

    def test_the_lockout_ends_after_the_cool_off(self, client, editor):
        start = datetime.datetime.now(datetime.UTC)
        with time_machine.travel(start, tick=False):
            for _ in range(5):
                self.attempt(client, "editor", "wrong")
        with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
            response = self.attempt(client, "editor", "the-right-pass-phrase")

        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(editor.pk)

    def test_another_account_from_the_same_address_can_still_log_in(self, client, editor):
        get_user_model().objects.create_user("writer", password="writer-pass-phrase", is_staff=True)
        for _ in range(5):
            self.attempt(client, "editor", "wrong")

        assert self.attempt(client, "writer", "writer-pass-phrase").status_code == 302

    def test_behind_a_proxy_each_reader_has_their_own_address(self, client, editor, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for _ in range(5):
            self.attempt(client, "editor", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9")

        response = self.attempt(
            client, "editor", "the-right-pass-phrase", HTTP_X_FORWARDED_FOR="198.51.100.4"
        )

        assert response.status_code == 302


class TestClientAddress:
    def request(self, forwarded=None):
        extra = {"REMOTE_ADDR": "10.0.0.2"}
        if forwarded:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return RequestFactory().get("/", **extra)

    def test_without_proxies_the_peer_address_is_the_client(self, settings):
        settings.TRUSTED_PROXY_COUNT = 0

        assert client_ip(self.request("198.51.100.4")) == "10.0.0.2"

    def test_behind_two_proxies_the_address_the_outer_one_saw_is_the_client(self, settings):
        settings.TRUSTED_PROXY_COUNT = 2

        assert client_ip(self.request("203.0.113.9, 198.51.100.4, 10.0.0.1")) == "198.51.100.4"

    def test_a_forged_header_cannot_choose_the_address(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1

        assert client_ip(self.request("1.1.1.1, 198.51.100.4")) == "198.51.100.4"

    def test_a_request_that_skipped_the_proxy_falls_back_to_the_peer(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1

        assert client_ip(self.request()) == "10.0.0.2"


def test_the_admin_lives_at_the_configured_path(client, settings, admin_user):
    import newsroom.urls

    settings.ADMIN_URL = "backstage/"
    try:
        importlib.reload(newsroom.urls)
        clear_url_caches()
        client.force_login(admin_user)

        response = client.get("/backstage/")

        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert client.get("/admin/").status_code == 404
    finally:
        settings.ADMIN_URL = "admin/"
        importlib.reload(newsroom.urls)
        clear_url_caches()


class TestErrors:
    @pytest.fixture
    def broken_tracker(self, monkeypatch, settings, client):
        from transfers import views

        def explode(self):
            raise RuntimeError(f"database password is {settings.SECRET_KEY}")

        monkeypatch.setattr(views.TrackerView, "get_queryset", explode)
        settings.DEBUG = False
        client.raise_request_exception = False

    def test_a_server_error_shows_no_trace_or_setting_to_the_reader(self, client, broken_tracker):
        response = client.get("/transfers/")
        body = response.content.decode()

        assert response.status_code == 500
        assert 'class="site-header"' in body  # the site's own styled page
        assert "Traceback" not in body
        assert "RuntimeError" not in body
        assert django_settings.SECRET_KEY not in body
        assert "no-store" in response["Cache-Control"]

    def test_a_server_error_is_logged_on_one_line_with_its_traceback_and_request_id(
        self, client, broken_tracker
    ):
        records = []
        handler = logging.Handler()
        handler.emit = records.append
        handler.addFilter(RequestIdFilter())
        logging.getLogger("django.request").addHandler(handler)
        try:
            response = client.get("/transfers/", headers={"x-request-id": "deadline-day-42"})
        finally:
            logging.getLogger("django.request").removeHandler(handler)

        (record,) = [r for r in records if r.levelno == logging.ERROR]
        line = OneLineFormatter().format(record)
        assert response["X-Request-ID"] == "deadline-day-42"
        assert "\n" not in line
        assert " ERROR django.request request_id=deadline-day-42 " in line
        assert "Traceback (most recent call last)" in line
        assert "RuntimeError" in line

    def test_a_not_found_page_shows_no_debug_information(self, client, settings):
        settings.DEBUG = False

        response = client.get("/clubs/no-such-club/")
        body = response.content.decode()

        assert response.status_code == 404
        assert 'class="site-header"' in body
        assert "URLconf" not in body
        assert "Traceback" not in body


class TestRequestIds:
    def test_each_response_names_its_request(self, client):
        first = client.get("/healthz")["X-Request-ID"]
        second = client.get("/healthz")["X-Request-ID"]

        assert len(first) == 32
        assert first != second

    def test_an_id_from_the_load_balancer_is_kept(self, client):
        response = client.get("/healthz", headers={"x-request-id": "lb-7f3a.1"})

        assert response["X-Request-ID"] == "lb-7f3a.1"

    def test_a_malformed_id_is_replaced(self, client):
        response = client.get("/healthz", headers={"x-request-id": "<script> and more"})

        assert response["X-Request-ID"] != "<script> and more"
        assert len(response["X-Request-ID"]) == 32

    def test_a_cached_page_gets_a_fresh_id(self, client, make_article):
        make_article()
        first = client.get("/")
        second = client.get("/")

        assert second["X-Page-Cache"] == "hit"
        assert second["X-Request-ID"] != first["X-Request-ID"]
