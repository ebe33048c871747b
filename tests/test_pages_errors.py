"""Styled 404 and 500 pages, and pages that stay cacheable (no session, no CSRF token)."""

import pytest
from django.template.loader import get_template

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
