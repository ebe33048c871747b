"""A reader's live page in headless Chromium: a new entry appears without the page reloading."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import connections

from newsroom import live
from newsroom.models import LiveEntry

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture
def browser_context(monkeypatch):
    """new_context(**options) on a headless Chromium that closes after the test."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made between
    # browser steps are ordinary synchronous ones.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser.new_context
        # The test's ORM calls ran in Playwright's greenlet, whose context holds connections of
        # its own: close them here, or PostgreSQL refuses to drop the test database at the end.
        connections.close_all()
        browser.close()


@pytest.fixture
def browser_page(browser_context):
    """A 1280 px page that records console errors (a CSP refusal shows up there)."""
    page = browser_context(viewport={"width": 1280, "height": 900}).new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    return page


def test_new_entry_appears_without_reloading_the_page(
    live_server, browser_page, monkeypatch, make_live_page, make_live_entry
):
    # Poll every second rather than every fifteen: the test waits for one round trip.
    monkeypatch.setattr(live, "POLL_INTERVAL_SECONDS", 1)
    live_page = make_live_page()
    first = make_live_entry(live_page, body="<p>Doors open at the training ground.</p>")
    editor = User.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page = browser_page

    page.goto(live_server.url + live_page.get_absolute_url())
    page.evaluate("window.__notReloaded = 'still the same document'")
    page.locator(".live-stream--js").wait_for()
    scroll_before = page.evaluate("window.scrollY")

    entry = live.save_entry(
        LiveEntry(live_page=live_page, body="<p>Medical complete: the deal is done.</p>"), editor
    )

    button = page.locator(".live-reveal")
    button.wait_for(state="visible", timeout=10_000)
    assert button.inner_text() == "Show 1 new update"
    assert "1 new update" in page.locator("[data-live-announce]").inner_text()
    assert page.evaluate("document.activeElement === document.body")
    assert page.locator(f"#entry-{entry.pk}").count() == 0  # offered, not pushed in

    button.click()

    newest = page.locator("[data-live-list] > li").first
    assert newest.get_attribute("id") == f"entry-{entry.pk}"
    assert "Medical complete" in newest.inner_text()
    assert page.locator(f"#entry-{first.pk}").count() == 1
    assert page.evaluate("window.__notReloaded") == "still the same document"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.evaluate("window.scrollY") == scroll_before
    assert "added at the top" in page.locator("[data-live-announce]").inner_text()
    assert page.console_errors == []


def test_page_is_complete_with_javascript_off(
    live_server, browser_context, make_live_page, make_live_entry
):
    live_page = make_live_page()
    entry = make_live_entry(live_page, body="<p>Readable without any script.</p>")
    page = browser_context(java_script_enabled=False).new_page()

    page.goto(live_server.url + live_page.get_absolute_url())

    assert page.locator(f"#entry-{entry.pk}").is_visible()
    assert "Readable without any script." in page.locator(f"#entry-{entry.pk}").inner_text()
    assert page.locator(".live-reveal").is_hidden()
