"""Verdicts from evidence: a source figure is one claim figure's value, or evidence for all of them."""

from __future__ import annotations

from claimcheck.model import Evidence, Relation, Stance, Verdict
from claimcheck.verdicts import source_result


def _e(source: str, claim: str, relation: Relation, stance: Stance = Stance.STATED) -> Evidence:
    return Evidence("s.txt", 3, 1, "…", relation, stance, source, claim, "", 1.0, start=40, end=120)


def test_a_figure_that_is_one_claim_figure_s_value_is_no_clash_with_another() -> None:
    # "38% on the drug and 29% on placebo" read against the same pair of figures.
    evidence = [
        _e("38%", "38%", Relation.SUPPORTS),
        _e("29%", "38%", Relation.CONTRADICTS),
        _e("38%", "29%", Relation.CONTRADICTS),
        _e("29%", "29%", Relation.SUPPORTS),
    ]
    result = source_result("s.txt", evidence)
    assert result.verdict is Verdict.AGREE
    assert {e.relation for e in result.evidence} == {Relation.SUPPORTS}


def test_an_old_and_a_revised_figure_for_one_claim_figure_are_both_held() -> None:
    # "revised to 212,000 from the 236,000 first reported", for a claim of 236,000.
    evidence = [_e("212,000", "236,000", Relation.CONTRADICTS), _e("236,000", "236,000", Relation.SUPPORTS)]
    assert source_result("s.txt", evidence).verdict is Verdict.MIXED


def test_a_figure_that_differs_from_both_claim_figures_still_clashes() -> None:
    evidence = [
        _e("38%", "38%", Relation.SUPPORTS),
        _e("31%", "29%", Relation.CONTRADICTS),
        _e("31%", "38%", Relation.CONTRADICTS),
    ]
    assert source_result("s.txt", evidence).verdict is Verdict.MIXED


def test_a_denied_figure_always_counts_against() -> None:
    evidence = [
        _e("29%", "29%", Relation.SUPPORTS),
        _e("29%", "38%", Relation.CONTRADICTS, Stance.DENIED),
    ]
    assert source_result("s.txt", evidence).verdict is Verdict.MIXED
