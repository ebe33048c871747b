"""Read replicas: public pages read from the replica; writes, the admin and editors use the primary.

The end-to-end tests add a "replica" alias configured as Django's ``TEST: {"MIRROR": "default"}``
would leave it: a second connection to the test database. Each query is then seen on the
connection that ran it, which shows which path a request took.
"""

import datetime

import pytest
import time_machine
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom import cache as page_cache
from newsroom.middleware import PrimaryDatabaseMiddleware
from newsroom.routers import PRIMARY, REPLICA, ReplicaRouter, primary_database, use_primary
from transfers.models import Club

pytestmark = pytest.mark.django_db


class TestRouter:
    router = ReplicaRouter()

    def test_reads_go_to_the_replica(self):
        assert self.router.db_for_read(Club) == REPLICA

    def test_writes_go_to_the_primary(self):
        assert self.router.db_for_write(Club) == PRIMARY

    def test_reads_that_must_be_fresh_go_to_the_primary(self):
        with primary_database():
            assert self.router.db_for_read(Club) == PRIMARY
        assert self.router.db_for_read(Club) == REPLICA

    def test_only_the_primary_is_migrated(self):
        assert self.router.allow_migrate(PRIMARY, "transfers")
        assert not self.router.allow_migrate(REPLICA, "transfers")


def pinned_to_primary(request):
    """Whether the view behind PrimaryDatabaseMiddleware runs with reads pinned to the primary."""
    seen = []

    def view(request):
        seen.append(use_primary.get())
        return HttpResponse()

    PrimaryDatabaseMiddleware(view)(request)
    assert use_primary.get() is False, "the flag must not leak past the request"
    return seen[0]


class TestWhichRequestsUseThePrimary:
    factory = RequestFactory()

    def test_an_anonymous_read_may_use_the_replica(self):
        assert pinned_to_primary(self.factory.get("/clubs/liverpool/")) is False

    def test_a_form_post_uses_the_primary(self):
        assert pinned_to_primary(self.factory.post("/clubs/liverpool/")) is True

    def test_the_admin_uses_the_primary(self):
        assert pinned_to_primary(self.factory.get("/admin/newsroom/article/")) is True

    def test_a_logged_in_reader_uses_the_primary(self):
        request = self.factory.get("/clubs/liverpool/", HTTP_COOKIE="sessionid=abc")

        assert pinned_to_primary(request) is True


@pytest.fixture(scope="module")
def replica_alias(django_db_setup):
    """A second connection to the test database, configured as the mirror of the primary."""
    connections.settings[REPLICA] = {
        **connections[PRIMARY].settings_dict,
        "TEST": {**connections[PRIMARY].settings_dict["TEST"], "MIRROR": PRIMARY},
    }
    yield REPLICA
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def replica(replica_alias, settings):
    settings.DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]
    settings.REPLICA_LAG_SECONDS = 10
    return connections[REPLICA]


with_replica = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=[PRIMARY, REPLICA]
)


def queries_on_each(client, path, **extra):
    with (
        CaptureQueriesContext(connections[PRIMARY]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        response = client.get(path, **extra)
    assert response.status_code in (200, 302), path
    return len(primary), len(replica)


@with_replica
def test_a_public_page_reads_from_the_replica(client, replica, make_club):
    club = make_club()

    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=1)):
        on_primary, on_replica = queries_on_each(client, club.get_absolute_url())

    assert on_primary == 0
    assert on_replica > 0


@with_replica
def test_just_after_a_change_public_pages_read_from_the_primary(client, replica, make_club):
    club = make_club()
    page_cache.bump_content_version()

    on_primary, on_replica = queries_on_each(client, club.get_absolute_url())

    assert on_primary > 0
    assert on_replica == 0


@with_replica
def test_the_admin_reads_from_the_primary(client, replica, admin_user):
    client.force_login(admin_user)

    on_primary, on_replica = queries_on_each(client, reverse("admin:transfers_club_changelist"))

    assert on_primary > 0
    assert on_replica == 0


@with_replica
def test_writes_go_to_the_primary_even_outside_a_request(replica, make_club):
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        Club.objects.filter(pk=make_club().pk).update(stadium="Anfield")

    assert len(on_replica) == 0
    assert Club.objects.using(PRIMARY).get(stadium="Anfield")
