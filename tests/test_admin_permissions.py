"""Who may do what to articles, checked through the real admin URLs as a browser would post."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Article
from transfers.models import Source

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def people(make_staff):
    return {"anonymous": None, "writer": make_staff("Writers"), "editor": make_staff("Editors")}


@pytest.fixture
def story(make_article, make_club, make_image):
    """An article ready to publish, by the given user's author profile (or someone else)."""

    def make(user=None, **kwargs):
        kwargs.setdefault("status", Status.DRAFT)
        authors = [user.author] if user is not None else None
        return make_article(
            authors=authors, primary_club=make_club(), hero_image=make_image(), **kwargs
        )

    return make


def change_url(article):
    return reverse("admin:newsroom_article_change", args=[article.pk])


def post_form(client, form_values, url, **changes):
    """Open the form as the user would, change some fields, press a button."""
    page = client.get(url)
    data = form_values(page, "article_form") if page.status_code == 200 else {}
    data.update({name: [value] for name, value in changes.items()})
    return client.post(url, data)


def outcome(response, happened):
    if response.status_code == 302 and response["Location"].startswith(reverse("admin:login")):
        return "login"
    if response.status_code == 403:
        return "forbidden"
    return "done" if happened() else "refused"


def create(client, form_values, user, story):
    response = post_form(
        client,
        form_values,
        reverse("admin:newsroom_article_add"),
        headline="Medical booked",
        slug="medical-booked",
        standfirst="Tests on Monday.",
    )
    return outcome(response, lambda: Article.objects.filter(slug="medical-booked").exists())


def edit_own_draft(client, form_values, user, story):
    article = story(user)
    response = post_form(client, form_values, change_url(article), headline="Fee agreed")
    return outcome(response, lambda: Article.objects.get(pk=article.pk).headline == "Fee agreed")


def edit_others(client, form_values, user, story):
    article = story()
    response = post_form(client, form_values, change_url(article), headline="Fee agreed")
    return outcome(response, lambda: Article.objects.get(pk=article.pk).headline == "Fee agreed")


def transition(name, start=Status.DRAFT, **fields):
    def run(client, form_values, user, story):
        published_at = timezone.now() - datetime.timedelta(hours=1)
        article = story(user, status=start, published_at=published_at if start else None)
        response = post_form(client, form_values, change_url(article), _transition=name, **fields)
        article.refresh_from_db()
        return outcome(response, lambda: article.status != start)

    return run


def delete(client, form_values, user, story):
    article = story(user)
    url = reverse("admin:newsroom_article_delete", args=[article.pk])
    response = client.post(url, {"post": "yes"})
    return outcome(response, lambda: not Article.objects.filter(pk=article.pk).exists())


tomorrow = timezone.localtime() + datetime.timedelta(days=1)
OPERATIONS = {
    "create": create,
    "edit own draft": edit_own_draft,
    "edit another's": edit_others,
    "submit": transition("submit"),
    "publish": transition("publish"),
    "schedule": transition(
        "schedule",
        schedule_at_0=tomorrow.strftime("%Y-%m-%d"),
        schedule_at_1=tomorrow.strftime("%H:%M"),
    ),
    "unpublish": transition("unpublish", start=Status.PUBLISHED),
    "delete": delete,
}
EXPECTED = {
    "anonymous": dict.fromkeys(OPERATIONS, "login"),
    "writer": {
        "create": "done",
        "edit own draft": "done",
        "edit another's": "forbidden",
        "submit": "done",
        "publish": "refused",
        "schedule": "refused",
        "unpublish": "forbidden",
        "delete": "forbidden",
    },
    "editor": dict.fromkeys(OPERATIONS, "done"),
}


@pytest.mark.parametrize("role", EXPECTED)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_permission_matrix(client, form_values, people, story, role, operation):
    user = people[role]
    if user is not None:
        client.force_login(user)
    assert OPERATIONS[operation](client, form_values, user, story) == EXPECTED[role][operation]


def test_a_refused_publish_says_why_and_keeps_the_draft(client, form_values, people, story):
    writer = people["writer"]
    client.force_login(writer)
    article = story(writer)
    response = post_form(
        client, form_values, change_url(article), _transition="publish", headline="New words"
    )
    assert response.status_code == 200
    assert "Only editors can publish" in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.headline, article.transitions.count()) == (
        Status.DRAFT,
        article.headline,
        0,
    )
    assert article.headline != "New words"


def test_writer_cannot_change_own_piece_once_it_is_in_review(client, people, story):
    writer = people["writer"]
    client.force_login(writer)
    article = story(writer, status=Status.IN_REVIEW)
    page = client.get(change_url(article))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(change_url(article), {"headline": "Sneaky"}).status_code == 403


def test_writer_cannot_delete_or_publish_through_bulk_actions(client, people, story):
    writer = people["writer"]
    client.force_login(writer)
    article = story(writer)
    changelist = reverse("admin:newsroom_article_changelist")
    for action in ["publish_selected", "delete_selected", "archive_selected"]:
        client.post(changelist, {"action": action, "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    actions = client.get(changelist).context["action_form"].fields["action"].choices
    assert [name for name, _label in actions if name] == ["submit_selected"]


def test_writer_without_an_author_profile_is_told_why_they_cannot_write(client, make_staff):
    writer = make_staff("Writers", author=False)
    client.force_login(writer)
    assert client.get(reverse("admin:newsroom_article_add")).status_code == 403
    page = client.get(reverse("admin:newsroom_article_changelist"))
    assert "not linked to an author profile" in page.content.decode()


def test_a_writers_new_piece_carries_their_byline(client, form_values, people):
    writer = people["writer"]
    client.force_login(writer)
    post_form(
        client,
        form_values,
        reverse("admin:newsroom_article_add"),
        headline="Loan agreed",
        slug="loan-agreed",
    )
    article = Article.objects.get(slug="loan-agreed")
    assert article.byline == [writer.author]


def test_editors_manage_the_football_data_and_writers_only_read_it(client, people):
    for model in ["club", "player", "transferlink", "source"]:
        url = reverse(f"admin:transfers_{model}_add")
        client.force_login(people["editor"])
        assert client.get(url).status_code == 200, model
        client.force_login(people["writer"])
        assert client.get(url).status_code == 403, model


def test_every_admin_list_and_add_page_loads_for_a_superuser(client, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-123-long")
    client.force_login(boss)
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        info = (opts.app_label, opts.model_name)
        response = client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert response.status_code == 200, info
        if model_admin.has_add_permission(response.wsgi_request):
            response = client.get(reverse("admin:{}_{}_add".format(*info)))
            assert response.status_code == 200, info


def test_a_source_address_typed_without_a_scheme_is_saved_as_https(client, people):
    client.force_login(people["editor"])
    values = {"name": "Rheinische Post", "slug": "rheinische-post", "tier": 2}
    values |= {"outlet": "Rheinische Post", "url": "rp-online.de/sport"}
    response = client.post(reverse("admin:transfers_source_add"), values)
    assert response.status_code == 302
    assert Source.objects.get(slug="rheinische-post").url == "https://rp-online.de/sport"
