"""Statement claims (no figure) read across a source: names given in its opening, acts said as
verbs, opposite acts in their own clause, say-sos the writer calls false. Invented sentences."""

from __future__ import annotations

import pytest

HEADLINE = "Corvel council budget vote\n\nThe meeting ran past midnight. Several residents spoke.\n\n"
LEVY = "Corvel councillors rejected a parking levy."
REJECTED = "\n\nCouncillors rejected the parking levy."


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # The opening names who; a later sentence says what, with no name of its own.
        (LEVY, HEADLINE + "In the end, councillors rejected the parking levy by 14 votes to 9.", "agree"),
        # ... but not when another party does it there: named in the subject, first word or not,
        (LEVY, HEADLINE + "Upriver, the Dunmere town council rejected a parking levy.", "silent"),
        (LEVY, HEADLINE + "Dunmere councillors rejected a parking levy in May.", "silent"),
        (LEVY, HEADLINE + "Ostby's council, for its part, rejected a parking levy.", "silent"),
        # ... as the agent of a passive, as the speaker, or as "a rival", "another", "neighbouring",
        (LEVY, HEADLINE + "A parking levy was rejected by Dunmere councillors in May.", "silent"),
        (LEVY, HEADLINE + '"We rejected the parking levy," said Ostby council leader Ann Holm.', "silent"),
        (LEVY, HEADLINE + "A neighbouring council rejected a parking levy in May.", "silent"),
        (LEVY, HEADLINE + "Councillors rejected a parking levy last May, the Ostby council said.", "silent"),
        (LEVY, HEADLINE + "Councillors also rejected a parking levy put forward by Ostby.", "silent"),
        # ... or when the sentences just before it name another party that a later "councillors"
        # may stand for: an owner, or a name in their subject, whatever opens it,
        (LEVY, "CORVEL - Ostby's mayor hit out at his own council.\n\nCouncillors rejected the levy.", "silent"),
        (LEVY, HEADLINE + "The Ostby council met on Monday." + REJECTED, "silent"),
        (LEVY, HEADLINE + "After a long debate, Ostby councillors walked out." + REJECTED, "silent"),
        (LEVY, HEADLINE + "Residents of Ostby staged a protest." + REJECTED, "silent"),
        # ... or one acting after the verb,
        (LEVY, HEADLINE + "The levy was first debated by Ostby councillors." + REJECTED, "silent"),
        # ... but not a place named after the act: where it happened, not who acted.
        (LEVY, HEADLINE + "The vote was held at the Old Exchange in Marrowby." + REJECTED, "agree"),
        (LEVY, HEADLINE + "Hundreds of residents had travelled to Marrowby." + REJECTED, "agree"),
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
        (HEADLINE + "Councillors have rejected the parking levy.", "agree"),
        # Away from the claim's names, a noun, or a participle after a determiner, names the act
        # without saying that it happened.
        (HEADLINE + "The rejection of the parking levy surprised few.", "silent"),
        (HEADLINE + "The rejected parking levy may return next year.", "silent"),
    ],
)
def test_away_from_its_names_a_passage_must_say_the_act(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(LEVY, text, mode="statement").verdict.value == verdict


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
        # Surprise, or someone else's doubt, is no denial by the writer.
        ("Residents could not believe the reports that Corvel councillors rejected the parking levy.", "agree"),
    ],
)
def test_a_say_so_the_writer_tells_us_not_to_believe_is_denied(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(LEVY, text, mode="statement").verdict.value == verdict


@pytest.mark.parametrize(
    ("before", "verdict"),
    [
        # The last party named before the sentence is the one "councillors" stand for.
        ("CORVEL - Ostby's mayor hit out at his council. Corvel's leader answered him.", "agree"),
        ("CORVEL - Corvel's leader spoke first. Ostby's mayor answered him.", "silent"),
        # A sentence that names both may hand the act to either, and so does a dateline's place.
        ("Corvel's leader attacked Ostby's mayor.", "silent"),
        ("In a speech in Corvel, Ostby's mayor defended his levy.", "silent"),
        ("DUNMERE councillors met Corvel's leader on Monday.", "silent"),
        ("CORVEL - Corvel's leader spoke first.", "agree"),
        ("OSTBY, March 3 — Corvel's leader spoke first.", "agree"),
    ],
)
def test_a_sentence_without_names_belongs_to_the_party_named_last(check, before: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    text = before + "\n\nCouncillors rejected the levy."
    assert check(LEVY, text, mode="statement").verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Away from the claim's names, the claim's own words may be a noun: plans that were dropped.
        (HEADLINE + "The council's plans to appeal the ruling were dropped.", "silent"),
        (HEADLINE + "Plans to appeal the ruling were shelved, the council said.", "silent"),
    ],
)
def test_the_claims_own_words_as_a_noun_say_no_act(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check("Corvel council plans to appeal the ruling.", text, mode="statement").verdict.value == verdict


@pytest.mark.parametrize(
    ("before", "verdict"),
    [
        # A compound of common words that opens on a capital names no other party ...
        ("Ostby's mayor, in a grey T-shirt, spoke to reporters.", "agree"),
        ("Ostby's mayor had an X-ray on Monday.", "agree"),
        # ... a compound name does, where it may be the party a later "the mayor" stands for.
        ("Saint-Denis's mayor met Ostby's mayor.", "silent"),
        ("Rolls-Royce managers met Ostby's mayor.", "silent"),
        ("Ban Ki-moon met Ostby's mayor.", "silent"),
    ],
)
def test_a_capitalised_compound_of_common_words_is_no_name(check, before: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    text = before + " The mayor resigned on Friday."
    assert check("Ostby's mayor resigned.", text, mode="statement").verdict.value == verdict
