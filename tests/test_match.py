"""Match: claim plans, document facts and the index that finds candidate passages."""

from __future__ import annotations

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.match import ClaimIndex, analyze_text, candidate_passages, plan_claim
from claimcheck.model import Claim
from claimcheck.words import tokenize


def test_claim_with_a_figure_is_checked_by_figures() -> None:
    plan = plan_claim(Claim("c", "400 homes were destroyed in Oakridge"))
    assert plan.mode == "figures"
    (fig,) = plan.figures
    assert fig.frame.counted == "home"
    assert fig.frame.places == frozenset({tokenize("Oakridge")[0].stem})  # the name's own key, however stemmed
    assert [t.lower for t in fig.topic] == ["destroyed"]


def test_claim_about_a_denial_is_a_statement() -> None:
    plan = plan_claim(Claim("c", "The minister called the report of 200 layoffs a lie"))
    assert plan.mode == "statement"
    assert [t.lower for t in plan.predicates] == ["lie"]


def test_claim_without_figure_is_a_statement() -> None:
    plan = plan_claim(Claim("c", "Mayor Ortiz opposed the new stadium"))
    assert plan.mode == "statement"
    assert [t.text for t in plan.names] == ["Mayor", "Ortiz"]
    assert [t.lower for t in plan.predicates] == ["opposed"]


@pytest.mark.parametrize("text", ["the", "Yes"])
def test_claim_with_nothing_to_check_is_an_error(text: str) -> None:
    with pytest.raises(ClaimcheckError, match="nothing to check") as err:
        plan_claim(Claim("c", text, "rules.yaml", 7))
    assert str(err.value).startswith("rules.yaml:7: error:")


def test_figures_mode_without_figure_is_an_error() -> None:
    with pytest.raises(ClaimcheckError, match="states none"):
        plan_claim(Claim("c", "Mayor Ortiz opposed the stadium", mode="figures"))


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


def test_document_facts_are_located() -> None:
    text = "First line.\nThe storm destroyed 380 houses on Monday."
    doc = analyze_text("x.txt", text)
    p = doc.passages[1]
    assert (p.passage.line, p.passage.column) == (2, 1)
    (frame,) = p.frames
    assert text[frame.quantity.start : frame.quantity.end] == frame.quantity.text


def test_a_sentence_of_bare_figures_gets_no_frames() -> None:
    # Nothing in "1,1,1," or "½ ⅓ ½" says what a figure counts: no claim figure can align with it.
    for text in ["1, 2, 3, 4, 5, 6.", "½ ⅓ ½ ⅓ ½.", "It was 500, then 600."]:
        doc = analyze_text("x.txt", text)
        assert all(not p.frames for p in doc.passages), text
    doc = analyze_text("x.txt", "It was 500 homes, then 600.")
    assert doc.passages[0].frames
