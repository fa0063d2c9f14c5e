"""Every concept group of lexicon/words.yaml has an invented example in lexicon/concept_examples.yaml:
a claim that uses one member of the group and a source that says the same with another member,
which the judge must read as agreeing. A group without an example, or an example of no group,
fails here."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from claimcheck.lexicon import read
from claimcheck.model import SourceResult
from claimcheck.words import Token, tokenize

Check = Callable[..., SourceResult]

GROUPS: Mapping[str, list[str]] = read("words.yaml")["concepts"]
EXAMPLES: Mapping[str, Mapping[str, str]] = read("concept_examples.yaml")["examples"]
KEYS = {"claim", "claim_word", "source", "source_word"}
OPTIONAL_KEYS = {"xfail"}  # why the judge does not yet agree: the example's end-to-end test is xfail


def word_at(text: str, word: str) -> Token:
    """The token that ``word`` (a word or a phrase of the lexicon) makes of ``text``."""
    at = text.find(word)
    assert at >= 0, f"{word!r} is not in {text!r}"
    (token,) = [t for t in tokenize(text) if t.start == at]
    assert text[token.start : token.end] == word, f"{word!r} is read as {text[token.start : token.end]!r}"
    return token


def agreement_cases() -> list[object]:
    """One case per example; one that states why the judge does not agree yet is a strict xfail."""
    return [
        pytest.param(group, marks=pytest.mark.xfail(strict=True, reason=ex["xfail"])) if "xfail" in ex else group
        for group, ex in sorted(EXAMPLES.items())
    ]


def test_every_concept_group_has_an_example() -> None:
    assert sorted(set(GROUPS) - set(EXAMPLES)) == []


def test_every_example_names_a_concept_group() -> None:
    assert sorted(set(EXAMPLES) - set(GROUPS)) == []


@pytest.mark.parametrize("group", sorted(EXAMPLES))
def test_example_has_its_keys(group: str) -> None:
    keys = set(EXAMPLES[group])
    assert KEYS <= keys <= KEYS | OPTIONAL_KEYS


@pytest.mark.parametrize("group", sorted(EXAMPLES))
def test_example_words_carry_the_group(group: str) -> None:
    example = EXAMPLES[group]
    said = word_at(example["claim"], example["claim_word"])
    found = word_at(example["source"], example["source_word"])
    assert (said.concept, found.concept) == (group, group)
    # The source says it with another member (a verb's noun counts: "recall" for "recalled"), not
    # with a word the claim has.
    assert found.lower not in {t.lower for t in tokenize(example["claim"])}


@pytest.mark.parametrize("group", agreement_cases())
def test_example_agrees(check: Check, group: str) -> None:
    example = EXAMPLES[group]
    assert check(example["claim"], example["source"]).verdict.value == "agree"


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("About 340 workers lost their jobs when the plant shut its second line.", "agree"),
        ("Some 510 workers lost their jobs when the plant shut its second line.", "disagree"),
        ("The plant lost 340 orders when its second line shut.", "silent"),
    ],
)
def test_lost_their_jobs_is_the_lay_off_act(check: Check, source: str, verdict: str) -> None:
    """The phrase "lost their jobs" says "laid off"; "lost" on its own does not (the plant losing
    orders is another act)."""
    assert check("The plant laid off 340 workers", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Some 4,000 people took to the streets of Varnholt on Sunday.", "agree"),
        ("About 900 people have taken to the streets in Varnholt.", "disagree"),
        ("Some 4,000 people walked to the streets market in Varnholt.", "silent"),
    ],
)
def test_took_to_the_streets_is_the_protest_act(check: Check, source: str, verdict: str) -> None:
    """ "Took to the streets" is how news says people protested; the words apart say nothing."""
    assert check("About 4,000 people marched in Varnholt", source).verdict.value == verdict


ARRESTED = "More than 100 people were arrested in Varnholt."


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        (ARRESTED, "Prosecutors in Varnholt issued arrest warrants for 45 people.", "silent"),  # none made yet
        (ARRESTED, "Police in Varnholt arrested 45 people.", "disagree"),
        (ARRESTED, "Police in Varnholt have made more than 120 arrests.", "agree"),
        (ARRESTED, "In Varnholt, 120 arrests warrant an inquiry.", "agree"),  # "warrant", a verb
        (
            "About 900 homes in Varnholt were without power.",
            "Power outage alerts went to 1,200 homes in Varnholt.",
            "silent",
        ),
        ("More than 100 people died in Varnholt.", "Varnholt's mayor has received 45 death threats.", "silent"),
        (
            "About 600 people were evacuated in Varnholt.",
            "Evacuation warnings went to 600 homes in Varnholt.",
            "silent",
        ),
    ],
)
def test_an_act_word_naming_a_document_is_no_act(check: Check, claim: str, source: str, verdict: str) -> None:
    """ "arrest warrants", "death threats": the act word says what the document is about."""
    assert check(claim, source).verdict.value == verdict


PERSON_ACT_SENTENCES = {
    # A figure with no noun of its own, and an act after it that only people do: it counts people.
    "rescue": ("About 70 people were rescued from the flats", "A further 70 were rescued from the flats overnight."),
    "survive": ("Only 12 people survived the sinking", "Only 12 survived the sinking, the coastguard said."),
    "miss": ("Some 40 people are missing after the landslide", "Some 40 are still missing after the landslide."),
    "trap": ("About 25 people were trapped in the tunnel", "About 25 were trapped in the tunnel after the collapse."),
    "charge": ("Police charged 9 people after the match", "After the match, 9 were charged by police."),
}


def test_every_new_person_act_has_a_sentence() -> None:
    acts = set(read("words.yaml")["person_acts"])
    assert set(PERSON_ACT_SENTENCES) <= acts


@pytest.mark.parametrize("act", sorted(PERSON_ACT_SENTENCES))
def test_a_noun_less_figure_before_a_person_act_counts_people(check: Check, act: str) -> None:
    claim, source = PERSON_ACT_SENTENCES[act]
    assert check(claim, source).verdict.value == "agree"
    # Twice the figure for the same people contradicts: the figure is read as theirs.
    figure = next(w for w in source.split() if w[:1].isdigit())
    other = source.replace(figure, str(2 * int(figure)), 1)
    assert check(claim, other).verdict.value == "disagree"
