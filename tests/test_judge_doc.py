"""judge_doc finds claims from the source's side (an index from figures and anchor words to claims);
it must give exactly what judging every claim against the source one by one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.document import analyze_source
from claimcheck.facts import analyze_text, label_key, with_figures
from claimcheck.focus import NameFocus
from claimcheck.index import ClaimIndex, LeadNeed
from claimcheck.judge import judge_doc, judge_source
from claimcheck.load import load_rules, read_source, source_paths
from claimcheck.model import Claim, Verdict
from claimcheck.plan import plan_claim

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


@pytest.mark.parametrize(
    ("rules", "sources"),
    [
        ([str(ROOT / "rules")], [str(ROOT / "seeds")]),
        (None, [str(CORPUS / "articles"), str(ROOT / "seeds")]),  # None: the corpus claims
    ],
    ids=["seeds", "corpus"],
)
def test_judge_doc_equals_judging_every_claim(
    rules: list[str] | None, sources: list[str], corpus_claims: list[Claim]
) -> None:
    plans = [plan_claim(c) for c in (load_rules(rules) if rules else corpus_claims)]
    index = ClaimIndex(plans)
    judged = 0
    for path in source_paths(sources):
        doc = analyze_source(read_source(path, None))
        one_by_one = [
            (i, r)
            for i, plan in enumerate(plans)
            for r in [judge_source(plan, doc)]
            if r.verdict is not Verdict.SILENT or r.evidence
        ]
        assert judge_doc(plans, index, doc) == one_by_one, path
        judged += len(one_by_one)
    assert judged > 20  # the corpora hold evidence for many claims: the comparison is not vacuous


@pytest.mark.parametrize(
    ("rules", "sources"),
    [
        ([str(ROOT / "rules")], [str(ROOT / "seeds")]),
        (None, [str(CORPUS / "articles"), str(ROOT / "seeds")]),
    ],
    ids=["seeds", "corpus"],
)
def test_reading_only_the_figures_the_claims_can_use_changes_nothing(
    rules: list[str] | None, sources: list[str], corpus_claims: list[Claim]
) -> None:
    claims = load_rules(rules) if rules else corpus_claims
    for some in (claims, claims[::3], claims[1::4]):  # the claim set decides which figures are read
        plans = [plan_claim(c) for c in some]
        index = ClaimIndex(plans)
        framed = unread = 0
        for path in source_paths(sources):
            source = read_source(path, None)
            full = analyze_source(source)
            partial = analyze_source(source, index.frame_keys)
            assert partial.framed == index.frame_keys and full.framed is None
            framed += sum(1 for p in partial.passages if p.frames)
            unread += sum(1 for p, q in zip(partial.passages, full.passages, strict=True) if q.frames and not p.frames)
            assert judge_doc(plans, index, partial) == judge_doc(plans, index, full), path
            for plan in plans:
                assert judge_source(plan, partial) == judge_source(plan, full), (path, plan.claim.id)
        assert framed and unread  # some sentences are read, some are left: the comparison is not vacuous


def test_figures_left_unread_are_read_when_another_claim_set_needs_them() -> None:
    text = "Police detained 40 people in Marrow.\n\nThe storm destroyed 380 houses in Marrow.\n"
    storm = ClaimIndex([plan_claim(Claim("s", "380 houses were destroyed in Marrow"))])
    arrests = ClaimIndex([plan_claim(Claim("a", "40 people were detained in Marrow"))])
    partial = analyze_text("x.txt", text, frame_keys=storm.frame_keys)
    assert [bool(p.frames) for p in partial.passages] == [False, True]
    more = with_figures(partial, arrests.frame_keys)
    assert [bool(p.frames) for p in more.passages] == [True, True]
    assert more.passages == analyze_text("x.txt", text).passages
    assert more.framed == storm.frame_keys | arrests.frame_keys
    assert with_figures(more, arrests.frame_keys) is more  # nothing left to read


def test_a_claim_with_no_act_is_found_by_a_topic_word_anywhere_before_its_figure() -> None:
    # "Turnout was about 60%": with no act, the topic may stand before the figure's clause
    # ("..., at a touch below 60%"), as topics.on_topic reads it; the index must find it there too.
    opening = (
        "Kelvor votes\n\nPolls closed at ten on Thursday night across the county.\n\n" + "Counting went on.\n\n" * 6
    )
    text = opening + "The vote saw the lowest turnout in decades, perhaps the lowest yet, at a touch below 60%.\n"
    plans = [plan_claim(Claim("t", "Turnout was about 60%")), plan_claim(Claim("f", "Kelvor's fares rose 5%"))]
    doc = analyze_text("x.txt", text)
    one_by_one = [(i, r) for i, plan in enumerate(plans) for r in [judge_source(plan, doc)] if r.evidence]
    assert [i for i, _ in one_by_one] == [0]
    assert judge_doc(plans, ClaimIndex(plans), doc) == one_by_one


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # a measure in the claim's unit may speak to it without its act (topics._counts_same_thing)
        (
            "Varga's lawyers asked for a sentence of five to seven years",
            "Varga and his lawyers argued he should get five to seven years.",
        ),
        # and a figure of the act the claim's noun implies ("the death toll": die)
        ("The death toll in Kelvor rose to 31", "In Kelvor, officials said 31 people had been killed."),
    ],
)
def test_a_figure_of_the_same_thing_without_the_act_is_found_as_the_checks_find_it(claim: str, sentence: str) -> None:
    text = "Kelvor report\n\nThe hearing ended on Friday afternoon in the county court.\n\n" + "More later.\n\n" * 6
    doc = analyze_text("x.txt", text + sentence + "\n")
    plans = [plan_claim(Claim("c", claim))]
    one_by_one = [(i, r) for i, plan in enumerate(plans) for r in [judge_source(plan, doc)] if r.evidence]
    assert judge_doc(plans, ClaimIndex(plans), doc) == one_by_one
    assert one_by_one and one_by_one[0][1].verdict is Verdict.AGREE


LEAD_TEXT = (
    "Marrow floods: firefighters, arrests, relief money and turnout\n\n"
    "Floods hit Marrow on Monday; 40 homes were damaged in the old town.\n\n"
    + "Crews worked all night.\n\n" * 6
    + "Some 1,150 firefighters are on the scene.\n\n"  # the same thing counted, no act
    + "Budget, flood relief: €4.1 million.\n\n"  # a label
    + "Volunteers filled 3,000 sandbags by noon.\n\n"  # another thing counted
    + "By evening 250 residents had left their homes.\n"
)


@pytest.mark.parametrize(
    "claim",
    [
        "About 1,000 firefighters are fighting the floods in Marrow",  # a non-selective act: same noun may stand for it
        "Marrow set aside €4 million for flood relief",  # a label may stand for the act
        "Police detained 12 people in Marrow",  # a selective act: only its own words (or a label) stand for it
        "Turnout in Marrow was about 60%",  # no act: every figure may be the claim's
    ],
)
def test_an_opening_naming_a_claim_reads_only_the_figures_it_may_use(claim: str) -> None:
    plans = [plan_claim(Claim("c", claim))]
    index = ClaimIndex(plans)
    full = analyze_text("x.txt", LEAD_TEXT)
    partial = analyze_text("x.txt", LEAD_TEXT, frame_keys=index.frame_keys)
    assert index.lead_need(NameFocus(partial).context.lead_keys) is not None  # the opening names the claim
    assert judge_doc(plans, index, partial) == judge_doc(plans, index, full)
    assert judge_doc(plans, index, full) == [
        (i, r) for i, plan in enumerate(plans) for r in [judge_source(plan, full)] if r.evidence
    ]


def test_the_lead_need_of_claims() -> None:
    def need(text: str) -> LeadNeed:
        return LeadNeed.of(plan_claim(Claim("c", text)))

    assert need("Turnout in Marrow was about 60%").every  # no act
    assert need("Police detained 12 people in Marrow") == LeadNeed(False)  # selective: nothing but labels
    firefighters = need("About 1,000 firefighters are fighting the floods in Marrow")
    assert not firefighters.every and "firefighter" in firefighters.heads
    assert need("The river rose 3 metres in Marrow").every  # a unit may be written many ways
    merged = LeadNeed.merge([firefighters, need("Police detained 12 people in Marrow")])
    assert merged == firefighters


def test_the_lead_need_reads_labels_and_the_claims_own_nouns_and_no_other_sentence() -> None:
    doc = analyze_text("x.txt", LEAD_TEXT)
    texts = {p.passage.text: p for p in doc.passages}
    firefighters = LeadNeed.of(plan_claim(Claim("c", "About 1,000 firefighters are fighting the floods in Marrow")))
    detained = LeadNeed.of(plan_claim(Claim("c", "Police detained 12 people in Marrow")))
    same_noun = texts["Some 1,150 firefighters are on the scene."]
    label = texts["Budget, flood relief: €4.1 million."]
    other = texts["Volunteers filled 3,000 sandbags by noon."]
    assert [firefighters.wanted(p) for p in (same_noun, label, other)] == [True, True, False]
    assert [detained.wanted(p) for p in (same_noun, label, other)] == [False, True, False]


def test_a_word_that_finds_a_claim_only_by_a_label_reads_only_sentences_with_a_colon() -> None:
    index = ClaimIndex([plan_claim(Claim("c", "Marrow set aside €4 million for flood relief"))])
    assert label_key("relief") in index.frame_keys and "relief" not in index.frame_keys
    text = "Relief for the old town cost €2 million last year.\n\nBudget, flood relief: €4.1 million.\n"
    partial = analyze_text("x.txt", text, frame_keys=index.frame_keys)
    assert [bool(p.frames) for p in partial.passages] == [False, True]
    full = analyze_text("x.txt", text)
    assert judge_doc(index.plans, index, partial) == judge_doc(index.plans, index, full)
    assert with_figures(partial, frozenset({"relief"})).passages == full.passages  # a claim set that needs the word


def test_an_opening_naming_a_claim_reads_a_label_whose_words_are_no_frame_key() -> None:
    # "Total: €4 million" holds none of the claim's words: only the opening ties it to the claim,
    # and only LeadNeed.wanted (a colon) has its figure read for judge_doc.
    text = "Marrow flood relief\n\nThe council met on Tuesday after the storm.\n\n" + "Other news followed.\n\n" * 3
    text += "Total: €4 million.\n"
    plans = [plan_claim(Claim("c", "Marrow set aside €4 million for flood relief"))]
    index = ClaimIndex(plans)
    partial = analyze_text("x.txt", text, frame_keys=index.frame_keys)
    assert not partial.passages[-1].frames  # left unread by the frame keys
    one_by_one = [(i, r) for i, plan in enumerate(plans) for r in [judge_source(plan, partial)] if r.evidence]
    assert one_by_one and one_by_one[0][1].verdict is Verdict.AGREE
    assert judge_doc(plans, index, partial) == one_by_one
