"""{% running_live_page %}: the live page under way now, for the "Live now" box, in one query."""

from django import template

from newsroom.models import LivePage

register = template.Library()


@register.simple_tag
def running_live_page(club=None):
    """The newest running live page (about `club`, or site-wide, when a club is given), or None."""
    pages = LivePage.objects.running()
    # An undefined `club` (the home page) reaches a simple tag as "", not None.
    if club:
        pages = pages.for_club(club)
    return pages.only("headline", "slug", "starts_at", "ends_at").order_by("-starts_at").first()
