"""Statement claims (no figure) read across a source: names given in its opening, acts said as
verbs, opposite acts in their own clause, say-sos the writer calls false. Invented sentences."""

from __future__ import annotations

import pytest

HEADLINE = "Corvel council budget vote\n\nThe meeting ran past midnight. Several residents spoke.\n\n"
LEVY = "Corvel councillors rejected a parking levy."


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # The opening names who; a later sentence says what, with no name of its own.
        (LEVY, HEADLINE + "In the end, councillors rejected the parking levy by 14 votes to 9.", "agree"),
        # ... but not when another body does it there,
        (LEVY, HEADLINE + "Upriver, the Dunmere town council rejected a parking levy.", "silent"),
        # ... nor when it only names the act ("the rejection"), not saying it happened,
        (LEVY, HEADLINE + "The rejection of the parking levy surprised few.", "silent"),
        # ... nor to contradict: a sentence far from the name may be about someone else.
        (LEVY, HEADLINE + "Councillors did not reject the parking levy.", "silent"),
        (LEVY, "Corvel councillors did not reject the parking levy.", "disagree"),
    ],
)
def test_a_name_in_the_opening_frames_a_later_statement(check, claim: str, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, text, mode="statement").verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The Orvane study was peer reviewed last spring.", "disagree"),
        ("The Orvane study has not been peer reviewed.", "agree"),
        # A noun, or a participle after a determiner, names the act without saying it was done.
        ("The Orvane study now awaits peer review.", "silent"),
        ("The Orvane study is due to appear in a peer-reviewed journal.", "silent"),
    ],
)
def test_a_negated_claim_is_contradicted_only_by_the_act_said(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    claim = "The Orvane study has not been peer reviewed."
    assert check(claim, text, mode="statement").verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Corvel councillors approved the parking levy on Tuesday.", "disagree"),
        # The opposite act is said of something else: another clause, or no claim object at all.
        ("Corvel councillors approved the budget after the parking levy was debated.", "silent"),
        ("Corvel councillors debated the parking levy for hours. In the end they approved the budget.", "silent"),
    ],
)
def test_an_opposite_act_contradicts_only_what_it_acts_on(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(LEVY, text, mode="statement").verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Do not believe the claims that Corvel councillors rejected the parking levy.", "disagree"),
        ("Never trust headlines saying that Corvel councillors rejected the parking levy.", "disagree"),
        ("We believe the reports that Corvel councillors rejected the parking levy.", "agree"),
    ],
)
def test_a_say_so_the_writer_tells_us_not_to_believe_is_denied(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(LEVY, text, mode="statement").verdict.value == verdict
