"""Index: the claims a source may speak to, and the passages that may speak to a claim."""

from __future__ import annotations

from claimcheck.facts import analyze_text
from claimcheck.index import ClaimIndex, candidate_passages
from claimcheck.model import Claim
from claimcheck.plan import plan_claim


def test_index_finds_claims_by_words_of_the_source() -> None:
    plans = [plan_claim(Claim("homes", "400 homes were destroyed")), plan_claim(Claim("fares", "Bus fares rose 10%"))]
    index = ClaimIndex(plans)
    doc = analyze_text("x.txt", "The storm destroyed 380 houses.\n\nNothing else happened.")
    (frame,) = doc.passages[0].frames
    assert {i for i, _ in index.figure_candidates(frame, doc.passages[0].keys, doc.scope)} == {0}
    assert candidate_passages(plans[0], doc) == [0]


def test_index_finds_statement_claims_by_their_anchor_words() -> None:
    plans = [
        plan_claim(Claim("urge", "The governor urged calm")),
        plan_claim(Claim("deny", "The mayor denied the report")),
    ]
    index = ClaimIndex(plans)
    doc = analyze_text("x.txt", "On Monday the governor urged residents to stay calm.")
    assert index.candidates(doc.keys()) == [0]


def test_figure_index_leaves_out_other_kinds_and_places() -> None:
    plans = [
        plan_claim(Claim("a", "400 homes were destroyed in Oakridge")),
        plan_claim(Claim("b", "400 homes were destroyed in Marrow")),
        plan_claim(Claim("c", "40% of homes were destroyed")),
        plan_claim(Claim("d", "400 homes were destroyed")),
    ]
    index = ClaimIndex(plans)
    doc = analyze_text("x.txt", "The storm destroyed 380 houses in Marrow.")
    (frame,) = doc.passages[0].frames
    assert {i for i, _ in index.figure_candidates(frame, doc.passages[0].keys, doc.scope)} == {1, 3}
