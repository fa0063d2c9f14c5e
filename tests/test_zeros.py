"""Words that say none (zeros.py): "no one died" is a figure of nought, compared like "zero people
died"; and a noun of the claim's act ("three deaths") counts the people it befell."""

from __future__ import annotations

import pytest

from claimcheck.quantities import extract_quantities
from claimcheck.words import lexicon, tokenize
from claimcheck.zeros import read_zeros


def zeros(text: str) -> list[str]:
    qs = read_zeros(text, 0, tokenize(text, lexicon()), extract_quantities(text))
    return [q.text for q in qs if q.value == 0]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("No one drowned at the lake.", ["No one"]),
        ("Nobody was hurt when the roof fell.", ["Nobody"]),
        ("None of the guests fell ill.", ["None"]),
        ("Officers made no arrests at the match.", ["no"]),
    ],
)
def test_words_that_say_none_are_a_figure_of_nought(text: str, found: list[str]) -> None:
    assert zeros(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "No more than 40 guests came.",  # the reader's hedge
        "The ferry no longer stops here.",
        "There was no sign of the crew.",  # no plural noun: nothing counted
        "He had no doubt about it.",
    ],
)
def test_other_uses_of_no_are_no_figure(text: str) -> None:
    assert zeros(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nobody has said how many people died in the fire.",  # the zero's own verb says
        "No one knows how many people drowned.",
        "None of the people who died has been named.",  # a zero of who was named
        "None of this matters to the families.",
        "Yes votes outnumbered No votes.",  # a name, not a determiner
    ],
)
def test_a_zero_of_another_act_is_no_figure(text: str) -> None:
    assert zeros(text) == []


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("Two people drowned in the lake.", "No one drowned in the lake, rangers said.", "disagree"),
        ("Two people died in the pile-up.", "There were two deaths in the pile-up.", "agree"),
        # "Nobody" of an act of its own is no count of the claim's group: loose, never against it.
        ("Two hikers drowned in the lake.", "Nobody at the lake saw the hikers drown.", "silent"),
        # A noun of an act that befalls one person at a time counts those people ("three deaths"); a
        # noun of another act counts events ("25 protests"), and a zero may be a narrower group's.
        ("Two people died in the pile-up.", "The pile-up caused three deaths.", "disagree"),
        ("Two people died in the floods.", "There were no deaths among children in the floods.", "silent"),
        ("About 300 people protested in the square.", "There were 25 protests in the square.", "silent"),
        ("Police arrested 14 fans after the match.", "Police made no arrests inside the stadium.", "silent"),
        ("Two people died in the fire.", "Nobody has said how many people died in the fire.", "silent"),
    ],
)
def test_none_meets_counts_and_act_nouns_stay_loose(check, claim: str, source: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        (
            "No charges were filed against the mayor.",
            "Prosecutors filed charges against the mayor on Monday.",
            "disagree",
        ),
        ("The mayor faces no charges.", "The mayor does not face charges, prosecutors said.", "agree"),
    ],
)
def test_a_claim_that_says_none_is_a_statement(check, claim: str, source: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, source).verdict.value == verdict


def test_words_before_another_figure_do_not_frame_this_one(check) -> None:  # type: ignore[no-untyped-def]
    source = (
        "Storm toll rises\n\nA storm swept the coast on Monday. Rescue teams worked through the night.\n\n"
        "Officials counted 12 deaths in the hill villages, while 9 deaths were counted in the port towns.\n"
    )
    assert check("12 people died in the hill villages.", source).verdict.value == "agree"
    # The 9 is the port towns': "hill villages" stands in the 12's clause, not before the sentence's
    # figures; the 12 deaths there are 12 people who died, and contradict 9.
    result = check("9 people died in the hill villages.", source)
    assert result.verdict.value == "disagree"
    assert [e.quantity for e in result.evidence] == ["12"]


def test_a_sentence_opening_on_a_part_counts_what_the_sentence_before_counted(check) -> None:  # type: ignore[no-untyped-def]
    source = (
        "Trial results\n\nThe study was run in four cities over two years.\n\n"
        "The study enrolled 640 volunteers. Of these, 322 received the new vaccine.\n"
    )
    assert check("More than 300 volunteers received the new vaccine.", source).verdict.value == "agree"
    lone = (
        "Trial results\n\nThe study was run in four cities over two years.\n\nIn all, 322 received the new vaccine.\n"
    )
    assert check("More than 300 volunteers received the new vaccine.", lone).verdict.value == "silent"


@pytest.mark.parametrize(
    "text",
    ["none", "no", "No.", "nobody", "none of", "no one", "It was none.", "Three were hurt, none seriously.", "no-one"],
)
def test_a_zero_word_at_the_end_of_a_text_reads_without_error(text: str) -> None:
    assert zeros(text) in ([], [text.split()[0]], ["no one"], ["nobody"], ["no-one"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("None were hurt in the crash.", ["None"]),
        ("None survived the crash.", ["None"]),
        ("Three were hurt, none seriously.", []),  # none of them seriously: no count
    ],
)
def test_none_counts_only_before_its_group_or_its_verb(text: str, found: list[str]) -> None:
    assert zeros(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("No-one survived the crash.", ["No-one"]),  # not also the reader's "one"
        ("Nobody's perfect.", []),  # a possessive
        ("“No one was hurt,” police said.", ["No one"]),  # the look-ahead stops at punctuation
        ("Nobody died, officials said.", ["Nobody"]),
        ("Officials confirmed: None of the passengers died.", ["None"]),  # a capital after a colon
        ("Five were hurt, none of whom were seriously injured.", []),
    ],
)
def test_zeros_in_attributions_possessives_and_clauses(text: str, found: list[str]) -> None:
    assert zeros(text) == found
