"""The English rules of lexicon/english.yaml: every entry has an example here that exercises it, so an
entry nobody needs, or a rule that stopped working, shows up as a failing test."""

from __future__ import annotations

import pytest

from claimcheck.lexicon import English, build_english, english, read
from claimcheck.segment import split_sentences
from claimcheck.words import Token, is_demonym, singular, tokenize

# One plural per spelling rule (keyed by the rule's plural ending): the word and its singular.
PLURAL_EXAMPLES = {
    "ies": ("bakeries", "bakery"),
    "sses": ("compasses", "compass"),
    "shes": ("bushes", "bush"),
    "ches": ("benches", "bench"),
    "xes": ("foxes", "fox"),
    "zes": ("waltzes", "waltz"),
    "men": ("ferrymen", "ferryman"),
    "s": ("lanterns", "lantern"),
}
# One word per singular ending that looks plural and is not.
SINGULAR_EXAMPLES = {"ss": "fortress", "us": "campus", "is": "thesis"}
# One people per demonym ending (the word as written in a sentence).
DEMONYM_EXAMPLES = {
    "an": "Moroccan",
    "ian": "Peruvian",
    "ese": "Maltese",
    "ish": "Finnish",
    "ean": "Chilean",
    "i": "Omani",
    "ch": "Dutch",
    "ic": "Icelandic",
}


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_english_is_read_once_and_typed() -> None:
    rules = english()
    assert rules is english()
    assert isinstance(rules, English)
    assert rules == build_english(read("english.yaml"))


@pytest.mark.parametrize(("plural", "one"), sorted(english().irregular_plurals.items()))
def test_each_irregular_plural_reads_as_its_singular(plural: str, one: str) -> None:
    assert singular(plural) == one
    assert singular(plural.capitalize()) == one


def test_every_plural_rule_has_an_example() -> None:
    assert [e.plural for e in english().plural_endings] == list(PLURAL_EXAMPLES)


@pytest.mark.parametrize(("plural", "one"), PLURAL_EXAMPLES.values())
def test_each_plural_rule_undoes_its_plural(plural: str, one: str) -> None:
    assert singular(plural) == one
    assert singular(one) == one  # a singular is left alone


def test_short_words_are_left_to_the_rules_for_short_words() -> None:
    assert singular("ties") == "tie"  # too short for the -ies rule: only the final s goes
    assert singular("gas") == "gas"  # too short for any rule


def test_every_singular_ending_has_an_example() -> None:
    assert sorted(english().singular_endings) == sorted(SINGULAR_EXAMPLES)


@pytest.mark.parametrize("word", SINGULAR_EXAMPLES.values())
def test_words_with_a_singular_ending_are_not_plurals(word: str) -> None:
    assert singular(word) == word


def test_every_demonym_ending_has_an_example() -> None:
    assert sorted(english().demonym_endings) == sorted(DEMONYM_EXAMPLES)


def first_token(text: str) -> Token:
    return tokenize(text)[0]


@pytest.mark.parametrize("people", DEMONYM_EXAMPLES.values())
def test_each_demonym_ending_names_a_people(people: str) -> None:
    assert is_demonym(first_token(people))
    assert not is_demonym(first_token(people.lower()))  # only a capitalised word names a people


@pytest.mark.parametrize("word", ["Thursday", "Harbour", "Mayor"])
def test_other_capitalised_words_are_not_demonyms(word: str) -> None:
    assert not is_demonym(first_token(word))


@pytest.mark.parametrize("ending", english().possessive_endings)
def test_each_possessive_ending_leaves_the_name(ending: str) -> None:
    token = first_token(f"Lakemoor{ending} harbour reopened")
    assert token.text == "Lakemoor"
    assert token.stem == first_token("Lakemoor").stem


@pytest.mark.parametrize("ending", english().agent_noun_endings)
def test_each_agent_noun_ending_counts_people(check, ending: str) -> None:  # type: ignore[no-untyped-def]
    """A made-up agent noun with the ending is a group of people: a count of people speaks to it."""
    noun = f"blorv{ending}s"
    assert check(f"About 300 {noun} were evacuated", "Some 300 people were evacuated.").verdict.value == "agree"


@pytest.mark.parametrize("abbreviation", sorted(english().abbreviations))
def test_each_abbreviation_does_not_end_its_sentence(abbreviation: str) -> None:
    written = abbreviation.capitalize()
    assert sentences(f"The crew met {written}. Halvorsen at the pier.") == [
        f"The crew met {written}. Halvorsen at the pier."
    ]


@pytest.mark.parametrize("word", sorted(english().open_line_endings))
def test_a_wrapped_line_that_stops_on_an_open_word_goes_on(word: str) -> None:
    text = f"Councillors said late on Monday that the plan went {word}\n2031 Harbour Road works, after a debate."
    assert sentences(text) == [text.replace("\n", " ")] or sentences(text) == [text]


def test_a_short_line_that_stops_on_a_content_word_is_a_headline() -> None:
    assert sentences("Harbour works approved\n2031 budget passes.") == ["Harbour works approved", "2031 budget passes."]


def test_a_word_that_is_not_an_abbreviation_ends_its_sentence() -> None:
    assert sentences("The crew met Anders. Halvorsen was at the pier.") == [
        "The crew met Anders.",
        "Halvorsen was at the pier.",
    ]


def test_every_entry_is_text() -> None:
    """YAML reads bare no/on/off as booleans: the loader would turn False into "False"."""
    data = read("english.yaml")
    names = ("singular_endings", "demonym_endings", "possessive_endings", "agent_noun_endings", "abbreviations")
    for name in (*names, "open_line_endings", "negating_prefixes"):
        assert all(isinstance(v, str) for v in data[name]), name
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in data["irregular_plurals"].items())


def test_person_nouns_list_only_what_endings_and_concepts_miss() -> None:
    from claimcheck.words import lexicon

    lex = lexicon()
    for noun in lex.lists["person_nouns"]:
        assert not noun.endswith(english().agent_noun_endings), noun
        assert lex.noun_concept(noun) not in lex.lists["person_concepts"], noun
        assert lex.is_person_noun(noun), noun
