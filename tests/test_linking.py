"""Automatic player and club linking: finding names in copy and linking each first mention."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from newsroom import linking
from newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(make_club, make_player):
    """The clubs and players of the reference story, with the names copy really uses."""
    madrid = make_club(name="Real Madrid", full_name="Real Madrid CF", slug="real-madrid")
    madrid.aliases = "Madrid, Los Blancos"
    madrid.save()
    atletico = make_club(name="Atlético Madrid", full_name="Club Atlético de Madrid", slug="atleti")
    liverpool = make_club(
        name="Liverpool", full_name="Liverpool FC", slug="liverpool", aliases="the Reds, LFC"
    )
    tchouameni = make_player(
        full_name="Aurélien Tchouaméni",
        known_as="Tchouameni",
        slug="aurelien-tchouameni",
        current_club=madrid,
    )
    mount = make_player(full_name="Mason Mount", known_as="Mount", slug="mason-mount")
    return {
        "madrid": madrid,
        "atletico": atletico,
        "liverpool": liverpool,
        "tchouameni": tchouameni,
        "mount": mount,
    }


def names(mentions):
    return (
        [p.known_as for p in mentions.players],
        [c.name for c in mentions.clubs],
    )


# Finding -----------------------------------------------------------------------------------------


def test_names_are_found_at_sentence_start_and_with_possessives(cast):
    html = "<p>Tchouameni's agent met Liverpool. Liverpool's interest is real.</p>"
    assert names(linking.find_mentions(html)) == (["Tchouameni"], ["Liverpool"])


def test_accented_and_unaccented_spellings_are_the_same_player(cast):
    for spelling in ("Aurélien Tchouaméni", "Aurelien Tchouameni", "TCHOUAMÉNI", "Tchouaméni"):
        found = linking.find_mentions(f"<p>{spelling} is wanted.</p>")
        assert found.players == [cast["tchouameni"]], spelling


def test_letters_without_accents_and_curly_apostrophes_still_match(make_player):
    odegaard = make_player(full_name="Martin Ødegaard", known_as="Ødegaard", slug="odegaard")
    kante = make_player(full_name="N'Golo Kanté", known_as="Kanté", slug="kante")

    found = linking.find_mentions("<p>Odegaard and N’Golo Kante both started.</p>")

    assert found.players == [odegaard, kante]


def test_longest_name_wins_where_names_overlap(cast):
    found = linking.find_mentions("<p>Real Madrid and Atletico Madrid both played.</p>")
    assert found.clubs == [cast["madrid"], cast["atletico"]]
    assert found.players == []


def test_short_alias_alone_still_counts(cast):
    found = linking.find_mentions("<p>Madrid signed him from Monaco.</p>")
    assert found.clubs == [cast["madrid"]]


def test_no_false_hits_inside_other_words_or_in_lower_case(cast):
    html = (
        "<p>A Liverpudlian fan from Madridejos wants to mount a bid; Liverpoolfc is a typo. "
        "The reds of the kit were bright.</p>"
    )
    assert names(linking.find_mentions(html)) == ([], [])


def test_lower_case_words_in_an_alias_may_be_capitalised(cast):
    found = linking.find_mentions("<p>The Reds are keen. So are the Reds.</p>")
    assert found.clubs == [cast["liverpool"]]


def test_names_in_links_and_headings_are_not_counted(cast):
    html = (
        "<h2>Will Real Madrid sell Tchouameni?</h2>"
        '<p>Read <a href="/news/x/">Liverpool news</a> first.</p>'
    )
    assert names(linking.find_mentions(html)) == ([], [])


def test_names_split_by_inline_markup_are_found(cast):
    found = linking.find_mentions("<p><strong>Real</strong> Madrid said no.</p>")
    assert found.clubs == [cast["madrid"]]


def test_names_do_not_run_across_paragraphs(cast):
    found = linking.find_mentions("<p>They call it Real</p><p>Madrid said no.</p>")
    assert found.clubs == [cast["madrid"]]  # from "Madrid" alone, not "Real Madrid"


def test_an_ambiguous_name_is_resolved_by_a_full_name_in_the_same_text(make_player):
    bernardo = make_player(full_name="Bernardo Silva", known_as="Silva", slug="bernardo")
    make_player(full_name="Thiago Silva", known_as="Silva", slug="thiago")

    assert linking.find_mentions("<p>Silva scored.</p>").players == []
    found = linking.find_mentions("<p>Bernardo Silva is open to a move. Silva wants to go.</p>")
    assert found.players == [bernardo]


def test_the_matcher_sees_new_and_renamed_players(cast, make_player):
    assert linking.find_mentions("<p>Bellingham starts.</p>").players == []
    jude = make_player(full_name="Jude Bellingham", known_as="Bellingham", slug="jude")
    assert linking.find_mentions("<p>Bellingham starts.</p>").players == [jude]

    jude.aliases = "Jude"
    jude.save()
    assert linking.find_mentions("<p>Jude starts.</p>").players == [jude]
    jude.delete()
    assert linking.find_mentions("<p>Bellingham starts.</p>").players == []


def test_scanning_costs_one_cache_read_and_no_query_once_built(cast, django_assert_num_queries):
    linking.get_matcher()
    with django_assert_num_queries(0):
        assert linking.get_matcher().scan("Tchouameni to Liverpool")


# Linking -----------------------------------------------------------------------------------------


class _Checker(HTMLParser):
    """Fails on unbalanced markup; counts links."""

    def __init__(self):
        super().__init__()
        self.stack, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.stack.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"


def links_in(html):
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker.links


def test_first_mention_of_each_tagged_name_is_linked(cast):
    html = (
        "<p>Tchouameni could leave Real Madrid.</p>"
        "<p>Tchouameni's price is £100m and Madrid know it.</p>"
    )
    linked = linking.link_first_mentions(html, [cast["tchouameni"]], [cast["madrid"]])

    player_url = cast["tchouameni"].get_absolute_url()
    club_url = cast["madrid"].get_absolute_url()
    assert links_in(linked) == [player_url, club_url]
    assert f'<a href="{player_url}" class="mention">Tchouameni</a> could leave' in linked
    assert f'<a href="{club_url}" class="mention">Real Madrid</a>.' in linked
    assert "<p>Tchouameni's price is £100m and Madrid know it.</p>" in linked


def test_only_tagged_players_and_clubs_are_linked(cast):
    html = "<p>Liverpool want Tchouameni.</p>"
    linked = linking.link_first_mentions(html, [cast["tchouameni"]], [])
    assert links_in(linked) == [cast["tchouameni"].get_absolute_url()]


def test_names_inside_existing_links_and_headings_are_left_alone(cast):
    html = (
        "<h2>Will Real Madrid let Tchouameni go?</h2>"
        '<p class="read-more">READ MORE: <a href="/news/salah/" rel="noopener">Liverpool '
        "chief on Salah</a></p>"
        "<p>Liverpool are keen, and so is Tchouameni.</p>"
    )
    linked = linking.link_first_mentions(
        html, [cast["tchouameni"]], [cast["madrid"], cast["liverpool"]]
    )

    assert linked.startswith("<h2>Will Real Madrid let Tchouameni go?</h2>")
    assert "Liverpool chief on Salah</a></p>" in linked
    assert links_in(linked) == [
        "/news/salah/",
        cast["liverpool"].get_absolute_url(),
        cast["tchouameni"].get_absolute_url(),
    ]


def test_a_shorter_alias_inside_a_longer_name_is_not_linked(cast):
    html = "<p>Atletico Madrid beat them; later Madrid won.</p>"
    linked = linking.link_first_mentions(html, [], [cast["madrid"]])
    assert "<p>Atletico Madrid beat them; later " in linked
    assert (
        f'<a href="{cast["madrid"].get_absolute_url()}" class="mention">Madrid</a> won.' in linked
    )


def test_linking_keeps_entities_markup_and_unusual_text_intact(cast):
    html = (
        "<p>Fans &amp; pundits: &lt;script&gt; is text here. <em>Tchouameni</em>, "
        "<strong>Real</strong> Madrid.</p><ul><li>Real Madrid</li></ul><p>1 &lt; 2</p>"
    )
    linked = linking.link_first_mentions(html, [cast["tchouameni"]], [cast["madrid"]])

    assert "Fans &amp; pundits: &lt;script&gt; is text here." in linked
    assert "<p>1 &lt; 2</p>" in linked
    assert "<script>" not in linked
    # The split name is not wrapped across tags; the next whole mention gets the link.
    assert (
        f'<li><a href="{cast["madrid"].get_absolute_url()}" class="mention">Real Madrid</a>'
        in linked
    )
    links_in(linked)


def test_nothing_to_link_returns_the_html_unchanged(cast):
    html = "<p>No names here &amp; nothing to do.</p>"
    assert linking.link_first_mentions(html, [cast["tchouameni"]], []) == html
    assert linking.link_first_mentions("", [cast["tchouameni"]], []) == ""


# Tagging on save ---------------------------------------------------------------------------------


def test_saving_in_the_admin_tags_found_players_and_clubs_and_says_so(
    client, django_user_model, cast, make_author
):
    user = django_user_model.objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(user)
    body = "<p>Liverpool are weighing a move for Aurelien Tchouameni, sources say.</p>"
    response = client.post(
        reverse("admin:newsroom_article_add"),
        {
            "headline": "Liverpool weigh Tchouameni move",
            "slug": "liverpool-weigh-tchouameni-move",
            "body": body,
            "status": "draft",
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
        },
        follow=True,
    )

    assert response.status_code == 200
    article = Article.objects.get(slug="liverpool-weigh-tchouameni-move")
    assert list(article.players.all()) == [cast["tchouameni"]]
    assert list(article.clubs.all()) == [cast["liverpool"]]
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Tagged from the text: player Tchouameni; club Liverpool." in messages


def test_a_removed_tag_is_not_added_back_while_the_text_is_unchanged(cast, make_article):
    article = make_article(body="<p>Liverpool want Tchouameni.</p>")
    added = linking.tag_mentions(article)
    assert linking.describe(added) == (
        "Tagged from the text: player Tchouameni; club Liverpool. Remove any that do not belong."
    )

    article.players.remove(cast["tchouameni"])
    again = linking.tag_mentions(article, previous_body=article.body)
    assert not again
    assert list(article.players.all()) == []

    article.body += "<p>Mount is another option.</p>"
    later = linking.tag_mentions(article, previous_body="<p>Liverpool want Tchouameni.</p>")
    assert later.players == [cast["mount"]]


def test_the_article_page_links_first_mentions_of_its_own_players_and_clubs(
    client, cast, make_article
):
    article = make_article(
        body=(
            "<h2>Will Real Madrid sell?</h2><p>Liverpool want Tchouameni, and Real Madrid "
            "may listen.</p><p>Tchouameni is 24.</p>"
        ),
        clubs=[cast["madrid"]],
        players=[cast["tchouameni"]],
    )

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<h2>Will Real Madrid sell?</h2>" in page
    player = f'<a href="{cast["tchouameni"].get_absolute_url()}" class="mention">Tchouameni</a>'
    club = f'<a href="{cast["madrid"].get_absolute_url()}" class="mention">Real Madrid</a>'
    assert page.count(player) == 1
    assert page.count(club) == 1
    assert 'class="mention">Liverpool' not in page  # mentioned but not tagged


def test_pages_keep_a_recent_matcher_through_a_burst_of_changes(cast, make_player, settings):
    settings.LINKING_REBUILD_SECONDS = 60
    linking.get_matcher()
    newcomer = make_player(full_name="Jude Bellingham", known_as="Bellingham", slug="jude")
    html = "<p>Bellingham starts.</p>"

    # The reader's page waits for the next rebuild; the editor's save sees him at once.
    assert linking.link_first_mentions(html, [newcomer], []) == html
    assert linking.find_mentions(html).players == [newcomer]
    assert 'class="mention"' in linking.link_first_mentions(html, [newcomer], [])
