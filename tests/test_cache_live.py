"""The cached home page shows a live page's "Live now" box exactly while its coverage runs."""

import datetime

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_live_now_box_appears_at_the_start_and_goes_at_the_end_despite_the_cache(
    client, make_live_page
):
    now = timezone.now()
    starts, ends = now + datetime.timedelta(minutes=2), now + datetime.timedelta(minutes=4)
    make_live_page(headline="Deadline day live", starts_at=starts, ends_at=ends, published_at=now)

    with time_machine.travel(now, tick=False):
        assert "Live now" not in client.get("/").content.decode()
        assert "Live now" not in client.get("/").content.decode()  # now served from the cache
    with time_machine.travel(starts + datetime.timedelta(seconds=1), tick=False):
        assert "Live now" in client.get("/").content.decode()
    with time_machine.travel(ends + datetime.timedelta(seconds=1), tick=False):
        assert "Live now" not in client.get("/").content.decode()
