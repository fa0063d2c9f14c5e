"""Index: the claims a source may speak to, and the passages that may speak to a claim."""

from __future__ import annotations

from pathlib import Path

from claimcheck.checks import align
from claimcheck.document import analyze_source
from claimcheck.facts import analyze_text
from claimcheck.index import ClaimIndex, candidate_passages
from claimcheck.judge import NameFocus
from claimcheck.load import read_source, source_paths
from claimcheck.model import Claim, Kind
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


def test_pairs_left_out_for_what_they_count_never_align(corpus_claims: list[Claim]) -> None:
    """The index leaves out (claim, figure) pairs that ``checks.same_counted`` drops whatever else
    they hold: on the corpus, align drops every one of them (it must agree with that check)."""
    root = Path(__file__).resolve().parents[1]
    plans = [plan_claim(c) for c in corpus_claims]
    index = ClaimIndex(plans)
    pairs = {(i, j) for i, plan in enumerate(plans) if plan.mode == "figures" for j in range(len(plan.figures))}
    left_out = 0
    for path in source_paths([str(root / "tests" / "corpus" / "articles")]):
        doc = analyze_source(read_source(path, None))
        context = NameFocus(doc).context
        for p in doc.passages:
            for f in p.frames:
                if f.quantity.kind is not Kind.COUNT:
                    continue
                for i, j in pairs - index._same_counted(f, p.keys, set(pairs)):
                    left_out += 1
                    assert align(plans[i].figures[j], plans[i], f, p, context)[0] == "none", (path, f.quantity.text)
    assert left_out > 100  # the comparison is not vacuous
