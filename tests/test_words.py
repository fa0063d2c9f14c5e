"""Words: tokens, stems, concepts, and the shipped lexicon data."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from claimcheck.words import common_compound, lexicon, passage_keys, singular, stem, term_in, tokenize


def _raw() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(resources.files("claimcheck").joinpath("lexicon/words.yaml").read_text(encoding="utf-8"))


def test_every_lexicon_entry_is_text() -> None:
    """YAML reads bare no/on/off/false as booleans: every entry must stay a string."""
    bad = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for v in node:
                walk(v, where)
        elif not isinstance(node, str):
            bad.append((where, node))

    walk(_raw(), "words")
    assert bad == []


def test_every_concept_word_maps_to_its_concept() -> None:
    for concept, words in _raw()["concepts"].items():
        for word in words:
            tokens = tokenize(str(word))
            assert tokens and tokens[0].concept == concept, (concept, word, tokens[:1])


def test_each_homograph_takes_no_concept_from_its_stem() -> None:
    lex = lexicon()
    stems = [h for h in sorted(lex.lists["homographs"]) if lex.stem_concept.get(stem(h))]
    assert stems, "no homograph shares a stem with a concept: the list guards nothing"
    for word in stems:
        assert tokenize(f"the {word} said")[1].concept == "", word
    # The verb forms keep theirs: "championed" is support, "stated" says; and a present tense
    # that is also a noun ("unions back the deal") is no homograph.
    assert tokenize("championed")[0].concept == "support"
    assert tokenize("stated")[0].concept == "say"
    assert tokenize("unions back the deal")[1].concept == "support"


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("cities", "city"),
        ("protesters", "protester"),
        ("people", "person"),
        ("boxes", "box"),
        ("journalists", "journalist"),
        ("status", "status"),
        ("churches", "church"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


@pytest.mark.parametrize(
    ("claim_word", "source_text"),
    [
        ("arrested", "the arrests went on"),
        ("arrests", "they were arrested"),
        ("evacuated", "evacuating the valley"),
        ("cities", "in one city"),
        ("flooding", "the river flooded"),
    ],
)
def test_inflections_of_a_word_match_each_other(claim_word: str, source_text: str) -> None:
    """A claim's word is found in a passage that has another form of it, whatever the stemmer writes."""
    assert term_in(tokenize(claim_word)[0], passage_keys(tokenize(source_text)))


@pytest.mark.parametrize(("claim_word", "source_text"), [("arrested", "they arrived"), ("cities", "the citizens")])
def test_different_words_do_not_match(claim_word: str, source_text: str) -> None:
    assert not term_in(tokenize(claim_word)[0], passage_keys(tokenize(source_text)))


@pytest.mark.parametrize(
    ("claim_text", "source_text", "found"),
    [
        # A compound of common words holds each of its words, and is found by them.
        ("audited", "the accounts were never externally-audited", True),
        ("externally-audited", "the accounts were audited externally", True),
        ("externally-audited", "the accounts were audited", False),
        # A negating prefix reverses its word: "non-binding" holds no "binding".
        ("binding", "the vote was non-binding", False),
        # A compound of names names both at once, never one of them alone.
        ("Kelvor", "the Kelvor-Varnholt rail link", False),
    ],
)
def test_compounds_and_their_words(claim_text: str, source_text: str, found: bool) -> None:
    assert term_in(tokenize(claim_text)[0], passage_keys(tokenize(source_text))) is found


def test_phrase_gives_its_concept_to_its_first_word() -> None:
    tokens = tokenize("Over 300 were taken into custody overnight")
    assert [t.concept for t in tokens if t.lower == "taken"] == ["arrest"]


def test_tokens_keep_offsets() -> None:
    text = "In St. Petersburg, 40 people"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


def test_name_variants_join_spellings() -> None:
    assert tokenize("Kiev")[0].stem == tokenize("Kyiv")[0].stem
    assert lexicon().variants


def test_dotted_abbreviations_join_their_names() -> None:
    assert tokenize("U.S.")[0].stem == tokenize("America")[0].stem == tokenize("US")[0].stem


def test_phrase_list_ends_and_within() -> None:
    from claimcheck.words import PhraseList

    phrases = PhraseList.of([("of", "the"), ("out", "of"), ("of", "a", "total", "of")])
    assert phrases.ends(["one", "of", "the"]) and phrases.ends(["of", "a", "total", "of"])
    assert not phrases.ends(["the"]) and not phrases.ends([]) and not phrases.ends(["of", "them"])
    assert phrases.within(["five", "out", "of", "ten"]) and not phrases.within(["out", "the", "of"])
    assert PhraseList.of([()]).ends(["anything"])


def test_token_is_cheap_but_keeps_its_fields() -> None:
    t = tokenize("Officials said")[0]
    assert (t.start, t.end, t.text, t.lower, t.capital, t.keys) == (0, 9, "Officials", "officials", True, (t.stem,))
    assert repr(t).startswith("Token(start=0, end=9, text='Officials'")


def test_the_shipped_lexicon_is_read_once() -> None:
    # Every claim plan and source asks for it: rebuilding it per call cost 180 KB and ~1 ms each.
    from claimcheck.words import lexicon

    assert lexicon() is lexicon()


def test_token_at_finds_the_first_word_at_or_after_an_offset() -> None:
    from claimcheck.words import token_at

    tokens = tokenize("Police arrested 240 people in Lyon")
    assert [token_at(tokens, pos) for pos in (0, 1, 7, 16, 100)] == [0, 1, 1, 2, len(tokens)]


def test_adjacent_runs_part_words_that_others_stand_between() -> None:
    from claimcheck.words import adjacent_runs

    tokens = tokenize("The Tarrow Valley Regional Council met Turkey and Syria")
    runs = [[t.text for t in run] for run in adjacent_runs(t for t in tokens if t.capital)]
    assert runs == [["The", "Tarrow", "Valley", "Regional", "Council"], ["Turkey"], ["Syria"]]


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("T-shirt", True),
        ("X-ray", True),
        ("U-turn", True),
        ("A-levels", True),
        ("Rolls-Royce", False),  # each part capitalised: a name, though "rolls" and "royce" are in the word list
        ("Ki-moon", False),  # a given name, its second part in lower case
        ("Wal-mart", False),
        ("Stoke-on-trent", False),
        ("X-Men", False),
        ("T-xqzv", False),  # a part no common word
        ("shirt", False),
        ("T-", False),
    ],
)
def test_a_compound_of_common_words_is_no_name(word: str, common: bool) -> None:
    assert common_compound(word) is common
