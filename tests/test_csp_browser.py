"""In headless Chromium, the Content-Security-Policy blocks nothing the site or the admin needs.

A violation shows up as a ``securitypolicyviolation`` event and a console error; both are
collected on every public page kind and on the admin's article editor.
"""

import shutil

import pytest
from django.contrib.auth import get_user_model

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

CHROMIUM = "/usr/bin/chromium"

# Runs in the page before any of its own code: records every violation the browser reports.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${where})`
  );
});
"""


@pytest.fixture
def browser():
    # Request it after the data fixtures: the ORM refuses to run beside Playwright's event loop.
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture
def site(make_club, make_player, make_article, make_tag, make_author, make_link):
    club = make_club(name="Liverpool", slug="liverpool", stadium="Anfield")
    player = make_player(known_as="Tchouameni", slug="aurelien-tchouameni")
    tag = make_tag(name="Deadline day", slug="deadline-day")
    author = make_author(name="Sam Writer", slug="sam-writer")
    article = make_article(
        headline="Liverpool bid for Tchouameni",
        primary_club=club,
        players=[player],
        tags=[tag],
        authors=[author],
    )
    make_link(player=player, to_club=club)
    get_user_model().objects.create_superuser("editor", "editor@example.com", "a-long-pass-phrase")
    return {
        "public": [
            "/",
            article.get_absolute_url(),
            club.get_absolute_url(),
            player.get_absolute_url(),
            club.competition.get_absolute_url(),
            tag.get_absolute_url(),
            author.get_absolute_url(),
            "/transfers/",
            "/search/?q=Tchouameni",
            "/feeds/",
        ],
        "article": article,
    }


def new_page(browser):
    page = browser.new_context().new_page()
    page.add_init_script(COLLECT_VIOLATIONS)
    return page


def csp_console_errors(page):
    """A live list of the console errors about the policy, as the page reports them."""
    errors = []

    def record(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            errors.append(f"{page.url}: {message.text}")

    page.on("console", record)
    return errors


def test_public_pages_run_under_the_policy_without_a_violation(site, live_server, browser):
    page = new_page(browser)
    errors = csp_console_errors(page)
    violations = {}

    for path in site["public"]:
        response = page.goto(live_server.url + path, wait_until="networkidle")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        if found := page.evaluate("window.__cspViolations"):
            violations[path] = found

    assert violations == {}
    assert errors == []


def test_the_admin_article_editor_runs_under_the_policy(site, live_server, browser):
    page = new_page(browser)
    errors = csp_console_errors(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-pass-phrase")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    for path in [
        "/admin/",
        "/admin/newsroom/article/",
        "/admin/newsroom/article/add/",
        f"/admin/newsroom/article/{site['article'].pk}/change/",
    ]:
        response = page.goto(live_server.url + path, wait_until="networkidle")
        assert response.status == 200, path
        assert page.evaluate("window.__cspViolations") == [], path
        if "django_prose_editor/editor" in page.content():
            # The body editor's scripts ran: it replaced the textarea with its own surface.
            assert page.locator(".ProseMirror").count() >= 1, path

    assert errors == []
