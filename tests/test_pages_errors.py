"""Styled 404, 500 and 503 pages, and pages that stay cacheable (no session, no CSRF token)."""

import pytest
from django.db import InterfaceError, OperationalError
from django.template.loader import get_template

from newsroom import views

pytestmark = pytest.mark.django_db


def test_404_page_is_styled_and_helpful(client):
    response = client.get("/news/nothing-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We cannot find that page" in html
    assert 'action="/search/"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_500_page_renders_without_a_request_or_context_processors():
    html = get_template("500.html").render({})
    assert "Something went wrong on our side" in html
    assert "/static/css/site.css" in html


def fail_with(monkeypatch, error):
    def view(*args, **kwargs):
        raise error

    monkeypatch.setattr(views.HomeView, "get", view)


@pytest.mark.parametrize(
    "error", [OperationalError("connection refused"), InterfaceError("connection already closed")]
)
def test_an_unreachable_database_is_a_503_that_asks_to_retry(client, monkeypatch, error):
    fail_with(monkeypatch, error)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "<title>Back in a moment | Transfer Desk</title>" in html
    assert "Transfer Desk is briefly unavailable" in html
    assert "Something went wrong" not in html


def test_any_other_error_is_the_500_page(client, monkeypatch):
    fail_with(monkeypatch, RuntimeError("a bug"))
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert not response.has_header("Retry-After")
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "<title>Something went wrong | Transfer Desk</title>" in html
    assert "Something went wrong on our side" in html


@pytest.mark.parametrize(
    "url", ["/", "/transfers/", "/search/?q=liverpool", "/clubs/liverpool/", "/tags/t/"]
)
def test_public_pages_do_not_touch_the_session_or_csrf(client, make_club, make_tag, url):
    make_club(slug="liverpool")
    make_tag(slug="t")
    response = client.get(url)
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
