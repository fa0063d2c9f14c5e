"""A threshold crossed (thresholds.py): "the toll passed 500" is more than 500, unless the figure
counts what was passed ("passed 12 bills")."""

from __future__ import annotations

import pytest

from claimcheck.lexicon import frame_words
from claimcheck.quantities import extract_quantities
from claimcheck.thresholds import read_thresholds


def hedges(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.hedge) for q in read_thresholds(text, 0, extract_quantities(text)) if q.is_figure]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The death toll passed 500 on Tuesday.", "at-least"),
        ("By noon the count had passed 2,000.", "at-least"),
        ("Cases crossed the 1,000 mark overnight.", "at-least"),
        ("The senate passed 12 bills this session.", "exact"),  # it counts bills
        ("Walkers crossed 3 rivers on the route.", "exact"),
        ("The toll stood at 500 on Tuesday.", "exact"),  # no threshold verb
    ],
)
def test_a_threshold_verb_opens_the_figure_above(text: str, hedge: str) -> None:
    assert [h for _, h in hedges(text)] == [hedge]


@pytest.mark.parametrize("verb", sorted(frame_words().threshold_verbs))
def test_each_threshold_verb_is_read(verb: str) -> None:
    assert hedges(f"The tally {verb} 400 by noon.") == [(f"{verb} 400", "at-least")]


@pytest.mark.parametrize("level", sorted(frame_words().threshold_levels))
def test_each_threshold_level_lets_a_named_level_be_a_threshold(level: str) -> None:
    assert hedges(f"The tally crossed the 400 {level} x.") == [(f"crossed the 400 {level}", "at-least")]
    assert hedges("The tally crossed the 400 bridges x.") == [("400", "exact")]


@pytest.mark.parametrize("end", sorted(frame_words().threshold_ends))
def test_each_threshold_end_ends_a_threshold(end: str) -> None:
    assert hedges(f"The tally passed 400 {end} x.") == [("passed 400", "at-least")]
    assert hedges(f"The tally crossed the 400 {end} x.") == [("400", "exact")]  # no level named


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("The death toll rose to 520.", "The death toll passed 500 on Tuesday.", "agree"),
        ("The death toll rose to 480.", "The death toll passed 500 on Tuesday.", "disagree"),
        # In a claim, the verb is the figure's hedge (as "topped" is), not a word its source must hold.
        ("The flood's death toll passed 500.", "The flood's death toll rose to 512 on Friday.", "agree"),
        ("The flood's death toll passed 500.", "The flood's death toll rose to 470 on Friday.", "disagree"),
        ("Ticket sales crossed the 2,000 mark.", "Ticket sales reached 2,140 by noon.", "agree"),
        # A level crossed may be the level reached: "at least", not "more than".
        ("The flood's death toll crossed the 500 mark.", "The flood's death toll reached 500 on Friday.", "agree"),
    ],
)
def test_a_threshold_meets_counts(check, claim: str, source: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    "text", ["The bill passed 52-48.", "Proposition 5 passed 61%-39%.", "Lawmakers passed 7 and rejected 3."]
)
def test_a_tally_or_a_count_of_what_was_passed_is_no_threshold(text: str) -> None:
    assert all(h == "exact" for _, h in hedges(text))
