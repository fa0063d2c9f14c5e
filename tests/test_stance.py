"""What a sentence asserts of an act (docs/verdicts.md §4): a denial that governs the act, or a
say-so the sentence calls false, is evidence against the claim, never for it; a forecast, plan or
condition states no act; an act another name does says nothing of the claim's. Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimcheck.denials import Denial, denial_of
from claimcheck.model import SourceResult, Stance
from claimcheck.words import tokenize

Check = Callable[..., SourceResult]

FIRED = "Carrow Mills fired its finance director."


@pytest.mark.parametrize(
    "source",
    [
        "Carrow Mills denied that it fired its finance director.",
        "Carrow Mills denied firing its finance director.",
        "Carrow Mills denied having fired its finance director.",
        "Carrow Mills has rejected reports that it fired its finance director.",
        "The company dismissed claims that Carrow Mills fired its finance director.",
        "Reports that Carrow Mills fired its finance director are untrue, a spokesman said.",
        "Rumours that Carrow Mills fired its finance director were denied by the board.",
        "Suggestions that Carrow Mills fired its finance director are not true.",
        "Posts online claimed that Carrow Mills fired its finance director. The company said that was false.",
    ],
)
def test_a_denied_statement_disagrees(check: Check, source: str) -> None:
    result = check(FIRED, source)
    assert result.verdict.value == "disagree", [e.reason for e in result.evidence]
    assert result.evidence[0].stance is Stance.DENIED


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Carrow Mills fired its finance director on Monday, the company said.", "agree"),
        ("Reports that Carrow Mills fired its finance director were confirmed by the board.", "agree"),
        # A negated denial neither states the act nor denies it.
        ("Carrow Mills did not deny that it fired its finance director.", "silent"),
        ("Carrow Mills has never denied firing its finance director.", "silent"),
        # The denial is of something else: another clause, or an object that is no say-so.
        ("Carrow Mills denied the union's request, and it fired its finance director.", "agree"),
        ("The board rejected the budget and Carrow Mills fired its finance director.", "agree"),
        # What the source denies is a negation: too little to say either way.
        ("Reports that Carrow Mills did not fire its finance director are untrue.", "silent"),
    ],
)
def test_what_is_no_denial_of_the_act(check: Check, source: str, verdict: str) -> None:
    result = check(FIRED, source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_a_claim_that_is_itself_a_denial_word_is_not_denied_by_it(check: Check) -> None:
    # "rejected" is the claim's act here, not a denial of it.
    result = check("Lowmere councillors rejected a parking levy.", "Lowmere councillors rejected a parking levy.")
    assert result.verdict.value == "agree"


def test_a_reply_denies_only_at_the_passage_opening(check: Check) -> None:
    said = "Officials said Carrow Mills fired its finance director."
    assert check(FIRED, said + " That is wrong, the company said.").verdict.value == "disagree"
    assert check(FIRED, said + " The company said that was wrong.").verdict.value == "disagree"
    # "it" is what the director knew, not the sentence before.
    assert check(FIRED, said + " The director knew it was wrong to leave.").verdict.value == "agree"
    assert check(FIRED, "REPORTER: " + said + "\n\nCHAIR: That is not true.").verdict.value == "disagree"


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Reports that 40 people were hurt in the Dunvale crash are untrue, police said.", "disagree"),
        ("Rumours that 40 people were hurt in the Dunvale crash were denied by police.", "disagree"),
        ("Claims that 40 people were hurt in the Dunvale crash are not true.", "disagree"),
        ("Reports that 40 people were hurt in the Dunvale crash were confirmed by police.", "agree"),
    ],
)
def test_a_figure_given_as_a_say_so_and_called_false_is_denied(check: Check, source: str, verdict: str) -> None:
    result = check("40 people were hurt in the Dunvale crash.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_a_denial_word_that_is_the_say_so_s_own_verb_denies_nothing(check: Check) -> None:
    # "rejected" is what happened to the 40 bids, not a denial of the report.
    result = check(
        "40 bids were rejected by the Dunvale council.", "Reports that 40 bids were rejected by the Dunvale council."
    )
    assert result.verdict.value == "agree", [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # "lie" the verb of place says where something is, and denies nothing.
        ("At the centre of the case lies the charge that the treasurer took £2.4 million from the fund.", "agree"),
        ("The problem lies in the £2.4 million the treasurer took from the fund.", "agree"),
        # "lie" the noun still calls the figure false.
        ("Reports that the treasurer took £2.4 million from the fund are lies, his lawyer said.", "disagree"),
        ("The treasurer called the claim that he took £2.4 million from the fund a lie.", "disagree"),
    ],
)
def test_lie_the_verb_of_place_is_no_denial(check: Check, source: str, verdict: str) -> None:
    result = check("The treasurer took £2.4 million from the fund.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def _denial(sentence: str, act: str) -> Denial:
    tokens = tokenize(sentence)
    at = next(i for i, t in enumerate(tokens) if t.lower == act)
    return denial_of(tokens, at, sentence, 0, {at})


def test_denial_of_reads_the_words_between_the_denial_and_the_act() -> None:
    assert _denial("Halvard denied that it closed the plant.", "closed") is Denial.DENIED
    assert _denial("Halvard denied, in a long statement, that it closed the plant.", "closed") is Denial.NONE
    assert _denial("Halvard has not denied that it closed the plant.", "closed") is Denial.UNSAID
    assert _denial("Halvard closed the plant.", "closed") is Denial.NONE
    assert _denial("Claims that Halvard closed the plant are baseless.", "closed") is Denial.DENIED
    assert _denial("Claims that Halvard closed the plant, which unions call baseless.", "closed") is Denial.NONE


@pytest.mark.parametrize(
    "source",
    [
        "Halvard may close its Brennock plant.",
        "Halvard is expected to close its Brennock plant.",
        "Halvard could have closed its Brennock plant.",
        "Halvard would close its Brennock plant if the sale failed.",
        "Halvard plans to close its Brennock plant.",
        "Halvard threatened to close its Brennock plant.",
        "Halvard is considering closing its Brennock plant.",
        "It is unclear whether Halvard closed its Brennock plant.",
    ],
)
def test_a_forecast_plan_or_condition_states_no_act(check: Check, source: str) -> None:
    result = check("Halvard closed its Brennock plant.", source)
    assert result.verdict.value == "silent", [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("As expected, Halvard closed its Brennock plant.", "agree"),  # the cue is another clause's
        ("A proposed sale was dropped after Halvard closed its Brennock plant.", "agree"),  # a noun's
        ("Halvard closed its Brennock plant, which may reopen.", "agree"),
        # A negated "would" is a refusal, not a forecast: the negation is read.
        ("A spokesman said Halvard would not close its Brennock plant.", "disagree"),
    ],
)
def test_a_forecast_word_of_another_clause_leaves_the_act_stated(check: Check, source: str, verdict: str) -> None:
    result = check("Halvard closed its Brennock plant.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_a_forecast_statement_claim_needs_a_forecast(check: Check) -> None:
    claim = "Halvard may close its Brennock plant."
    assert check(claim, "Halvard said it may close its Brennock plant.").verdict.value == "agree"
    assert check(claim, "Halvard closed its Brennock plant.").verdict.value == "silent"


@pytest.mark.parametrize(
    "source",
    [
        "Lenworth's board is mulling a 4% rise in bus fares for 2026.",
        "Lenworth mulls a 4% rise in bus fares for 2026.",
        "The board is considering a 4% rise in bus fares for 2026, Lenworth said.",
    ],
)
def test_a_figure_under_deliberation_is_no_fact_but_speaks_to_a_plan(check: Check, source: str) -> None:
    fact = check("Lenworth raised bus fares by 4% for 2026.", source)
    assert fact.verdict.value == "silent", [e.reason for e in fact.evidence]
    plan = check("Lenworth plans a 6% rise in bus fares for 2026.", source)
    assert plan.verdict.value == "disagree", [e.reason for e in plan.evidence]


@pytest.mark.parametrize(
    "source",
    [
        "The Lenworth whale weighs 40 tonnes, the museum said.",
        "Analysts consider the Lenworth whale's 40 tonnes a record.",
        "Lenworth councillors discussed the whale, which weighed 40 tonnes.",
    ],
)
def test_words_of_deliberation_that_also_state_facts_are_no_forecast(check: Check, source: str) -> None:
    result = check("The Lenworth whale weighed 40 tonnes.", source)
    assert result.verdict.value == "agree", [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Lenworth plans a 4% fare rise for 2026.", "agree"),
        ("Lenworth expects a 6% fare rise for 2026.", "disagree"),
        ("Lenworth aims for a 4% fare rise for 2026.", "agree"),
    ],
)
def test_a_forecast_verb_gives_the_claims_stance_not_its_topic(check: Check, claim: str, verdict: str) -> None:
    result = check(claim, "Lenworth's budget forecasts a 4% fare rise for 2026.")
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Some 300 jobs could be cut at the Keld plant.", "silent"),
        ("300 jobs are expected to be cut at the Keld plant.", "silent"),
        ("If orders fall, 300 jobs would be cut at the Keld plant.", "silent"),
        ("300 jobs were cut at the Keld plant.", "agree"),
        ("300 jobs were cut at the Keld plant and more could go.", "agree"),
    ],
)
def test_a_forecast_word_between_a_figure_and_its_act(check: Check, source: str, verdict: str) -> None:
    result = check("300 jobs were cut at the Keld plant.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Halvard's rival Ostrand closed its Brennock plant.", "silent"),
        ("Ostrand on Monday closed its Brennock plant, once a Halvard site.", "silent"),
        ("Unlike Ostrand, Halvard closed its Brennock plant.", "agree"),
        ("The Halvard board closed its Brennock plant.", "agree"),
        ("Halvard on Monday closed its Brennock plant.", "agree"),
    ],
)
def test_a_statement_s_act_done_by_another_name_says_nothing_of_the_claim(
    check: Check, source: str, verdict: str
) -> None:
    result = check("Halvard closed its Brennock plant.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


DISPUTE = (
    "Harbor Line myths\n\nA look at the numbers from the Westfield council election and Harbor Line.\n\n"
    "The operator likes to say it carries about 80,000 riders a day. The real figure is nearer 61,000.\n\n"
    "The council's claim of a 58 percent turnout is wrong.\n"
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A loosely aligned figure that the source denies, written as the claim writes it, is the
        # claim's own figure denied: evidence against it.
        ("Harbor Line's daily ridership is about 80,000.", "disagree"),
        ("Turnout in the Westfield council election was 58%.", "disagree"),
        # Another value denied under the same loose frame says nothing.
        ("Turnout in the Westfield council election was 61%.", "silent"),
    ],
)
def test_a_denied_figure_that_is_the_claims_own_speaks_against_it(check, claim: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, DISPUTE).verdict.value == verdict
