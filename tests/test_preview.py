"""Previews: staff see any article as readers will; a signed link shows a draft for 48 hours."""

import datetime
from urllib.parse import urlsplit

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from newsroom import preview
from newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_article):
    return make_article(
        status=Article.Status.DRAFT,
        headline="Secret bid for the striker",
        body="<p>Talks began on Tuesday.</p>",
    )


def token_path(token):
    return reverse("newsroom:preview", args=[token])


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_shareable_link_shows_the_draft_marked_as_a_preview(client, draft):
    link, expires = preview.shareable_link(draft)
    assert expires - timezone.now() > datetime.timedelta(hours=47)
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Secret bid for the striker" in page
    assert "Talks began on Tuesday." in page
    assert "Preview" in page and "Readers cannot see this page yet." in page
    assert "Back to editing" not in page
    assert_private(response)


def test_the_link_in_the_admin_is_absolute_and_works(client, draft, settings):
    settings.SITE_URL = "https://transferdesk.example"
    link, _expires = preview.shareable_link(draft)
    assert link.startswith("https://transferdesk.example/preview/")
    assert client.get(link.removeprefix("https://transferdesk.example")).status_code == 200


def test_link_still_works_just_before_48_hours(client, draft):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        token = preview.make_token(draft)
    with time_machine.travel(start + datetime.timedelta(hours=47, minutes=59), tick=False):
        assert client.get(token_path(token)).status_code == 200


def test_expired_link_answers_gone_without_the_draft(client, draft):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        token = preview.make_token(draft)
    with time_machine.travel(start + datetime.timedelta(hours=48, seconds=2), tick=False):
        response = client.get(token_path(token))
    assert response.status_code == 410
    page = response.content.decode()
    assert "This preview link has expired" in page
    assert "Secret bid" not in page
    assert_private(response)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token, pk: token.replace(f"{pk}:", f"{pk + 1}:", 1),
        lambda token, pk: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token, pk: f"{pk}",
        lambda token, pk: "nonsense",
    ],
    ids=["other article", "changed signature", "no signature", "garbage"],
)
def test_tampered_link_is_not_found(client, draft, make_article, tamper):
    make_article(status=Article.Status.DRAFT)  # a neighbour the forged id could point at
    token = tamper(preview.make_token(draft), draft.pk)
    response = client.get(token_path(token))
    assert response.status_code == 404
    assert "Secret bid" not in response.content.decode()


def test_link_to_a_deleted_article_is_not_found(client, draft):
    token = preview.make_token(draft)
    draft.delete()
    assert client.get(token_path(token)).status_code == 404


def test_a_link_signed_for_something_else_is_refused(client, draft):
    from django.core import signing

    other_purpose = signing.TimestampSigner(salt="something.else").sign(str(draft.pk))
    assert client.get(token_path(other_purpose)).status_code == 404


def test_staff_preview_needs_a_login_and_shows_any_state(client, draft, make_staff):
    url = reverse("admin:newsroom_article_preview", args=[draft.pk])
    assert client.get(url).status_code == 302
    client.force_login(make_staff("Writers"))
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Secret bid for the striker" in page
    assert "Back to editing" in page
    assert_private(response)


def test_change_form_offers_the_shareable_link_for_unpublished_pieces(
    client, draft, make_article, make_staff
):
    client.force_login(make_staff("Editors"))
    page = client.get(reverse("admin:newsroom_article_change", args=[draft.pk])).content.decode()
    assert "http://" in page and "/preview/" in page and "without an account" in page
    live = make_article()
    page = client.get(reverse("admin:newsroom_article_change", args=[live.pk])).content.decode()
    assert "without an account" not in page
