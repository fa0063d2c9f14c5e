"""A fraction of a group is a share of it (shares.py): "a quarter of voters" meets "25% of voters"
and "one in four voters", while the number reader still reads the fraction as written."""

from __future__ import annotations

import pytest

from claimcheck.model import Kind
from claimcheck.quantities import extract_quantities
from claimcheck.shares import WORD_SHARE_STEP, read_shares


def shares(text: str) -> list[tuple[str, Kind, float]]:
    return [(q.text, q.kind, q.value) for q in read_shares(text, 0, extract_quantities(text)) if q.is_figure]


@pytest.mark.parametrize(
    ("text", "figure", "percent"),
    [
        ("A quarter of the crew stayed aboard.", "A quarter", 25.0),
        ("Half the workers left early.", "Half", 50.0),
        ("Two thirds of its members signed.", "Two thirds", 200 / 3),
        ("A fifth of their staff quit.", "A fifth", 20.0),
    ],
)
def test_a_fraction_of_a_group_is_a_share(text: str, figure: str, percent: float) -> None:
    [(written, kind, value)] = shares(text)
    assert (written, kind) == (figure, Kind.PERCENT)
    assert value == pytest.approx(percent)


@pytest.mark.parametrize(
    "text",
    [
        "The shares rose 0.25 of a point.",  # a decimal
        "The ferry took half an hour.",  # a fraction of no group
        "Work stopped for a quarter day.",
        "The bank raised its rate by a quarter of a percentage point.",  # no group of people
        "Prices rose in half the shops.",
        "Polls were quiet for half the day.",
        "The lake is half the size of the county.",
    ],
)
def test_other_fractions_stay_as_read(text: str) -> None:
    assert all(kind is not Kind.PERCENT for _, kind, _ in shares(text))


def test_the_reader_itself_is_unchanged() -> None:
    [q] = [q for q in extract_quantities("Two thirds of the cake were eaten.") if q.is_figure]
    assert (q.kind, round(q.value, 3)) == (Kind.COUNT, 0.667)


def test_a_hedge_is_kept_and_a_bare_word_fraction_is_rounded() -> None:
    [more] = read_shares("More than a quarter of pupils", 0, extract_quantities("More than a quarter of pupils"))
    assert (more.lo, more.lo_open, more.step) == (25.0, True, 0.0)
    [bare] = read_shares("a quarter of pupils", 0, extract_quantities("a quarter of pupils"))
    assert bare.step == WORD_SHARE_STEP


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("A quarter of the pupils walk to school.", "Some 26% of the pupils walk to school.", "agree"),
        ("A quarter of the pupils walk to school.", "One in four pupils walk to school.", "agree"),
        ("A quarter of the pupils walk to school.", "Only 12% of the pupils walk to school.", "disagree"),
        ("Half of the workers left early.", "About 48% of the workers left early.", "agree"),
        ("Half of the workers left early.", "A third of the workers left early.", "disagree"),
        ("30% of the pupils walk to school.", "Just under a third of the pupils walk to school.", "agree"),
        ("More than a quarter of the pupils walk.", "Nearly a fifth of the pupils walk.", "disagree"),
    ],
)
def test_shares_meet_percentages(check, claim: str, source: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, source).verdict.value == verdict
