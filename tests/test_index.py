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
from claimcheck.pairs import Context
from claimcheck.plan import plan_claim
from claimcheck.topics import may_be_covered, may_stay_on_topic, passage_words


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


def test_pairs_judge_doc_spares_never_align(corpus_claims: list[Claim]) -> None:
    """``judge_doc`` skips a pair that ``topics.may_stay_on_topic`` or ``topics.may_be_covered``
    rules out, without aligning it: on the corpus, align drops every such pair (the gates are bounds
    of ``on_topic``, never a check of their own)."""
    root = Path(__file__).resolve().parents[1]
    plans = [plan_claim(c) for c in corpus_claims]
    figures = [(plan, fp) for plan in plans if plan.mode == "figures" for fp in plan.figures]
    spared = {"act": 0, "coverage": 0}
    for path in source_paths([str(root / "tests" / "corpus" / "articles")]):
        doc = analyze_source(read_source(path, None))
        focus = NameFocus(doc)
        for k, p in enumerate(doc.passages):
            context = focus.context_at(k)
            words = passage_words(p, context)
            for f in p.frames:
                for plan, fp in figures:
                    if may_stay_on_topic(fp, plan, f) and may_be_covered(fp, words):
                        continue
                    spared["act" if not may_stay_on_topic(fp, plan, f) else "coverage"] += 1
                    assert align(fp, plan, f, p, context)[0] == "none", (path, f.quantity.text, plan.claim.text)
    assert min(spared.values()) > 100, spared  # neither gate is vacuous here


def test_a_claim_act_named_only_in_the_opening_is_spared() -> None:
    """ "Storm destroys homes" heads the story; "380 cars were towed" counts another thing by
    another act: the pair is spared before any check. A figure of homes destroyed is not; nor is one
    of homes alone, unless the claim's act picks out some of them ("destroyed" does)."""
    plan = plan_claim(Claim("homes", "400 homes were destroyed"))
    (fp,) = plan.figures
    doc = analyze_text("x.txt", "Storm destroys homes\n\nPolice towed 380 cars. The storm destroyed 380 homes.")
    frames = [f for p in doc.passages for f in p.frames]
    assert [may_stay_on_topic(fp, plan, f) for f in frames] == [False, True]
    homes = analyze_text("x.txt", "Crews counted 380 homes.").passages[0].frames[0]
    assert not may_stay_on_topic(fp, plan, homes)
    housed = plan_claim(Claim("housed", "The shelter housed 400 people"))
    people = analyze_text("x.txt", "Some 380 people were at the shelter.").passages[0].frames[0]
    assert may_stay_on_topic(housed.figures[0], housed, people)


def test_a_passage_lacking_most_claim_words_is_spared() -> None:
    plan = plan_claim(Claim("clinic", "The rural clinic vaccinated 400 children against measles"))
    (fp,) = plan.figures
    near = analyze_text("x.txt", "The rural clinic vaccinated 380 children against measles.").passages[0]
    far = analyze_text("x.txt", "The city zoo vaccinated 380 goats.").passages[0]
    assert may_be_covered(fp, passage_words(near, Context()))
    assert not may_be_covered(fp, passage_words(far, Context()))


def test_a_context_kept_across_sources_never_gives_another_passage_words() -> None:
    """The words before a figure are kept per context, under the passage's id; a caller that reuses
    one context for two sources may see an id come back for another passage (Python reuses the ids
    of freed objects): its entry must not give the freed passage's words. Made certain here by
    filing the first passage's words under the second's id."""
    plan = plan_claim(Claim("t", "Turnout in the strike ballot was 71%"))
    (fp,) = plan.figures
    shared = Context()
    ballot = analyze_text("x.txt", "Strike ballot: turnout was 71%.").passages[0]
    mayoral = analyze_text("x.txt", "Civic mayoral: turnout was 71%.").passages[0]
    assert align(fp, plan, ballot.frames[0], ballot, shared)[0] != "none"
    ((_, start), entry) = next(iter(shared.before.items()))
    shared.before[id(mayoral), start] = entry  # as if the ballot were freed and its id reused
    assert align(fp, plan, mayoral.frames[0], mayoral, shared)[0] == "none"
