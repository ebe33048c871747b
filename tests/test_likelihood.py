"""The likelihood score: properties over random reports (Hypothesis), worked figures, storage."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transfers import likelihood
from transfers.likelihood import Report, score
from transfers.models import TransferLink, TransferStatus, TransferUpdate

NOW = datetime.datetime(2026, 1, 20, 12, 0, tzinfo=datetime.UTC)
OPEN_STAGES = ["rumour", "interest", "talks", "bid", "agreed"]

tiers = st.integers(min_value=1, max_value=4)
ages = st.floats(min_value=-5, max_value=800, allow_nan=False)


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


@st.composite
def reports(draw, max_size=8):
    """Reports from distinct sources (keys 0..n-1), some of them denials."""
    count = draw(st.integers(min_value=0, max_value=max_size))
    return [
        Report(
            source=key,
            tier=draw(tiers),
            reported_at=days_ago(draw(ages)),
            is_denial=draw(st.booleans()),
            name=f"Source {key}",
        )
        for key in range(count)
    ]


@given(st.sampled_from(OPEN_STAGES), reports(), tiers, ages)
def test_adding_a_source_never_lowers_the_score(stage, existing, tier, age):
    new = Report(source="new", tier=tier, reported_at=days_ago(age))
    assert score(stage, [*existing, new], NOW).score >= score(stage, existing, NOW).score


@given(st.sampled_from(OPEN_STAGES), reports(), tiers, tiers, ages)
def test_a_more_reliable_source_raises_the_score_at_least_as_much(stage, existing, a, b, age):
    better, worse = min(a, b), max(a, b)
    with_better = [*existing, Report("new", better, days_ago(age))]
    with_worse = [*existing, Report("new", worse, days_ago(age))]
    assert score(stage, with_better, NOW).score >= score(stage, with_worse, NOW).score


@given(reports(), st.integers(0, 4), st.integers(0, 4))
def test_a_later_stage_never_scores_lower_with_the_same_reports(found, i, j):
    earlier, later = OPEN_STAGES[min(i, j)], OPEN_STAGES[max(i, j)]
    assert score(later, found, NOW).score >= score(earlier, found, NOW).score


@given(st.sampled_from(OPEN_STAGES), reports(), tiers, ages, ages)
def test_an_older_report_never_weighs_more_than_the_same_report_fresh(
    stage, existing, tier, age_a, age_b
):
    fresher, older = min(age_a, age_b), max(age_a, age_b)
    assert likelihood.decay(older) <= likelihood.decay(fresher)
    with_fresh = [*existing, Report("new", tier, days_ago(fresher))]
    with_old = [*existing, Report("new", tier, days_ago(older))]
    assert score(stage, with_fresh, NOW).score >= score(stage, with_old, NOW).score


@given(st.sampled_from([*OPEN_STAGES, "completed", "collapsed"]), reports(max_size=30))
def test_the_score_always_lies_between_0_and_100(stage, found):
    result = score(stage, found, NOW)
    assert 0 <= result.score <= 100
    assert result.sentence.endswith(".")


@given(st.sampled_from(OPEN_STAGES), reports(), tiers, ages)
def test_a_denial_never_raises_the_score(stage, existing, tier, age):
    denial = Report("new", tier, days_ago(age), is_denial=True)
    assert score(stage, [*existing, denial], NOW).score <= score(stage, existing, NOW).score


def test_completed_is_100_and_collapsed_is_0_whatever_was_reported():
    denials = [Report(1, 1, NOW, is_denial=True)]
    assert score("completed", denials, NOW).score == 100
    assert score("collapsed", [Report(1, 1, NOW)], NOW).score == 0


def test_a_source_counts_once_by_its_latest_report():
    once = [Report("romano", 1, days_ago(1))]
    repeated = [*once, Report("romano", 1, days_ago(3)), Report("romano", 1, days_ago(9))]
    assert score("talks", repeated, NOW) == score("talks", once, NOW)

    retracted = [*once, Report("romano", 1, NOW, is_denial=True)]
    assert score("talks", retracted, NOW).denying and not score("talks", retracted, NOW).supporting


def test_a_tier_1_report_counts_ten_times_a_tier_4_one():
    assert likelihood.TIER_WEIGHTS[1] == 10 * likelihood.TIER_WEIGHTS[4]
    one_tier_1 = score("talks", [Report(1, 1, NOW)], NOW).evidence
    ten_tier_4 = score("talks", [Report(n, 4, NOW) for n in range(10)], NOW).evidence
    assert one_tier_1 == pytest.approx(ten_tier_4)


def test_a_report_loses_half_its_weight_in_three_weeks():
    assert likelihood.decay(21) == pytest.approx(0.5)
    assert likelihood.decay(-3) == 1.0


def test_the_worked_example_in_the_docs_scores_31():
    result = score(
        "talks",
        [
            Report("journalist", 1, days_ago(2), name="A journalist"),
            Report("paper", 2, days_ago(1), is_denial=True, name="A newspaper"),
        ],
        NOW,
    )
    assert result.score == 31
    assert result.sentence == (
        "Talks reported by one tier-1 source in the last week; denied by one tier-2 source."
    )
    labels = [label for label, _ in result.breakdown]
    assert labels == ["Stage", "A journalist", "A newspaper", "Evidence", "Denials", "Score"]


def test_the_sentence_names_the_best_tier_and_how_recent_the_news_is():
    two_tier_1 = [Report(1, 1, days_ago(2)), Report(2, 1, days_ago(6))]
    assert score("talks", two_tier_1, NOW).sentence == (
        "Talks reported by two tier-1 sources in the last week."
    )
    mixed = [Report(1, 2, days_ago(20)), Report(2, 4, days_ago(10))]
    assert score("interest", mixed, NOW).sentence == (
        "Interest reported by one tier-2 source and one other in the last month."
    )
    stale = [Report(1, 3, days_ago(70))]
    assert score("rumour", stale, NOW).sentence == (
        "A rumour reported by one tier-3 source, the latest 2 months ago."
    )
    assert score("bid", [], NOW).sentence == "A bid, with no source on record."


def test_an_unknown_status_is_an_error_not_a_silent_score():
    with pytest.raises(ValueError):
        score("maybe", [], NOW)


# Storage: the column the tracker sorts by follows the link's updates.


@pytest.mark.django_db
def test_the_stored_score_is_refreshed_when_an_update_is_saved_or_deleted(make_link, make_source):
    link = make_link(status=TransferStatus.TALKS)
    link.refresh_from_db()
    bare = link.likelihood
    assert bare == 30

    update = TransferUpdate.objects.create(
        link=link, status=TransferStatus.TALKS, source=make_source(tier=1)
    )
    link.refresh_from_db()
    assert link.likelihood > bare

    update.delete()
    link.refresh_from_db()
    assert link.likelihood == bare


@pytest.mark.django_db
def test_the_stored_score_follows_the_links_status(make_link):
    link = make_link(status=TransferStatus.TALKS)
    link.status = TransferStatus.COMPLETED
    link.save()
    link.refresh_from_db()
    assert link.likelihood == 100


@pytest.mark.django_db
def test_refresh_likelihood_fades_stored_scores_of_open_links(make_link, make_source):
    from django.core.management import call_command

    link = make_link(status=TransferStatus.BID)
    TransferUpdate.objects.create(link=link, status="bid", source=make_source(tier=1))
    link.refresh_from_db()
    fresh = link.likelihood
    TransferUpdate.objects.filter(link=link).update(
        reported_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    call_command("refresh_likelihood", verbosity=0)
    link.refresh_from_db()
    assert link.likelihood < fresh
    assert link.likelihood == 45


@pytest.mark.django_db
def test_the_live_score_reads_prefetched_updates_in_one_query(
    make_link, make_source, django_assert_num_queries
):
    for _ in range(3):
        link = make_link(status=TransferStatus.TALKS)
        for _ in range(4):
            TransferUpdate.objects.create(link=link, status="talks", source=make_source())
    with django_assert_num_queries(2):
        links = list(TransferLink.objects.with_likelihood())
        scores = [link.current_likelihood.score for link in links]
    assert all(s > 30 for s in scores)
