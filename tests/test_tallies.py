"""People counted group by group ("nine skiers and five instructors") are counted in all too, and each
group's figure is that group's, not people in general (claimcheck/tallies.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimcheck.model import SourceResult

Check = Callable[..., SourceResult]

AVALANCHE = "The avalanche killed nine skiers and five instructors."
ARRESTS = "Officers arrested 17 men and 5 women outside the stadium."


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("14 people died in the avalanche", AVALANCHE, "agree"),
        ("20 people died in the avalanche", AVALANCHE, "disagree"),
        ("22 people were arrested", ARRESTS, "agree"),
        ("30 people were arrested", ARRESTS, "disagree"),
        ("31 people were hurt in the blast", "The blast hurt 20 workers, 8 visitors and 3 firefighters.", "agree"),
        ("31 people were hurt in the blast", "The blast hurt 20 workers, 8 visitors, and 3 firefighters.", "agree"),
        ("At least 14 people died", "At least nine skiers and five instructors died on the mountain.", "agree"),
        ("The ferry carried 64 people", "The ferry carried 58 passengers as well as six crew members.", "agree"),
    ],
)
def test_groups_listed_are_counted_in_all(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("17 men were arrested", "agree"),
        ("22 men were arrested", "disagree"),  # the sum is not the men's
        ("5 women were arrested", "agree"),
    ],
)
def test_each_group_s_figure_is_its_own(check: Check, claim: str, verdict: str) -> None:
    assert check(claim, ARRESTS).verdict == verdict


@pytest.mark.parametrize(
    "source",
    [
        "Those arrested include 17 men and 5 women.",
        "Among those arrested were 17 men and 5 women.",
        "Those held, including 17 men and 5 women from the town, were arrested.",
    ],
)
def test_groups_that_are_some_of_more_are_no_count_of_all(check: Check, source: str) -> None:
    """Groups named as some of those arrested: neither they nor their sum count all of them, so a
    larger count is not contradicted (the men alone were read as people in general once)."""
    assert check("40 people were arrested", source).verdict != "disagree"
    assert check("22 people were arrested", source).verdict != "agree"


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # Two clauses: the second group is the next verb's subject.
        ("22 people were detained", "Police detained 17 men, and 5 women were injured."),
        ("6 people were killed", "The fire killed 4 climbers and 2 walkers were injured."),
        ("6 people were injured", "The fire killed 4 climbers and 2 walkers were injured."),
        # Each group in its own year or place.
        ("15 people died in 2019", "Twelve skiers and three instructors died in 2019 and 2020 respectively."),
        # A rate, and a part of a larger count.
        ("15 people per 100,000 were hospitalised", "12 men and 3 women per 100,000 were hospitalised."),
        ("5 people were injured", "Two pilots and three stewards were among the 40 people injured."),
        # The list names the people counted before it.
        ("30 people were killed", "The blast killed 15 people, 12 workers and 3 visitors."),
        # A sum of groups is no count of people of one kind.
        ("15 women were killed", "The attack killed 12 soldiers and 3 civilians."),
    ],
)
def test_no_sum_where_the_list_is_not_one_count(check: Check, claim: str, source: str) -> None:
    assert check(claim, source).verdict != "agree"


def test_a_group_of_a_list_is_no_count_of_everyone(check: Check) -> None:
    """The list's sum says how many people: one group's figure neither supports nor contradicts."""
    assert check("12 people were killed", AVALANCHE).verdict == "disagree"


def test_a_list_that_may_have_happened_is_no_support(check: Check) -> None:
    assert check("14 people died", "Rescuers fear nine skiers and five instructors may have died.").verdict == "silent"


def test_the_evidence_quotes_the_list(check: Check) -> None:
    result = check("14 people died in the avalanche", AVALANCHE)
    assert [e.quantity for e in result.evidence] == ["nine skiers and five instructors"]


def test_people_the_lexicon_names_by_their_ending_or_by_name_are_groups(check: Check) -> None:
    """ "-men" compounds and plain people words ("boys") make a list too."""
    source = "The storm drowned 12 fishermen and 3 boys off the coast."
    assert check("15 people drowned in the storm", source).verdict == "agree"
    assert check("12 fishermen drowned in the storm", source).verdict == "agree"
