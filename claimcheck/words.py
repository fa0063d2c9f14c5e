"""Words shared by the frame, match and judge stages: tokens with offsets, stems, and the concept
lexicon (``lexicon/words.yaml``) that joins words meaning one act or thing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar, cast

import snowballstemmer
from rapidfuzz import fuzz

from .lexicon import english, read
from .lexicon import load_yaml as load_yaml  # re-exported: the number reader imports it from here

MIN_FUZZY_NAME = 88  # rapidfuzz ratio, 0-100: "zaporizhzhya" ~ "zaporizhzhia" (92), "kiev" ~ "kyiv" (50: listed)
MIN_FUZZY_LENGTH = 5  # shorter words only match exactly or through the lexicon

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]{0,40}[^\W_])?|n't")
_STEMMER = snowballstemmer.stemmer("english")
_T = TypeVar("_T")


class Token(NamedTuple):
    """A word of a text: offsets into that text, lower-cased form, stem and concept ("" if none).
    A named tuple rather than a dataclass: a source has hundreds of tokens per kilobyte, and a
    tuple is several times cheaper to build."""

    start: int
    end: int
    text: str
    lower: str
    stem: str
    concept: str
    capital: bool

    @property
    def keys(self) -> tuple[str, ...]:
        """Index keys: the stem, the concept when the word belongs to one, and the words of a
        compound of common words ("peer-reviewed": peer, review), as ``passage_keys`` gives them."""
        keys = (self.stem, "=" + self.concept) if self.concept else (self.stem,)
        return keys + compound_parts(self) if "-" in self.stem else keys


Reading = tuple[str, str, str, str, bool]  # a word form's Token fields after the offsets


@dataclass(frozen=True, slots=True)
class PhraseList:
    """Phrases (tuples of lower-cased words) indexed for the two questions the frame stage asks of
    them for every figure: does a run of words end with one, does it hold one."""

    by_length: tuple[tuple[int, frozenset[tuple[str, ...]]], ...]  # shortest first
    by_first: Mapping[str, tuple[tuple[str, ...], ...]]
    lasts: frozenset[str]  # the phrases' last words

    @classmethod
    def of(cls, phrases: Iterable[tuple[str, ...]]) -> PhraseList:
        by_length: dict[int, set[tuple[str, ...]]] = {}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        lasts: set[str] = set()
        for p in phrases:
            by_length.setdefault(len(p), set()).add(p)
            if p:
                by_first.setdefault(p[0], []).append(p)
                lasts.add(p[-1])
        return cls(
            tuple((n, frozenset(ps)) for n, ps in sorted(by_length.items())),
            {w: tuple(ps) for w, ps in by_first.items()},
            frozenset(lasts),
        )

    def ends(self, words: Sequence[str]) -> bool:
        """Whether ``words`` end with one of the phrases."""
        n = len(words)
        if not self.by_length:
            return False
        if n and words[-1] not in self.lasts and self.by_length[0][0]:
            return False  # (a set test first: an empty phrase ends every run)
        tail = tuple(words)
        for length, group in self.by_length:
            if length > n:
                return False
            if tail[n - length :] in group:
                return True
        return False

    def within(self, words: Sequence[str]) -> bool:
        """Whether ``words`` hold one of the phrases (a set test first: most runs hold no first word)."""
        if self.by_first.keys().isdisjoint(words):
            return False
        for i, w in enumerate(words):
            for p in self.by_first.get(w, ()):
                if tuple(words[i : i + len(p)]) == p:
                    return True
        return False


@dataclass(slots=True)
class LexiconMemo:
    """What a Lexicon works out from its data as texts are read, kept for the next time. Not frozen:
    it fills up; the Lexicon it belongs to stays as it was built."""

    # Word form -> its reading (see ``_read_word``), filled as texts are read: words repeat.
    readings: dict[str, Reading] = field(default_factory=dict)
    # Derived look-up structures (see ``Lexicon.union``, ``phrase_list`` and ``derive``).
    unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    phrase_indexes: dict[tuple[str, int], PhraseList] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Lexicon:
    word_concept: Mapping[str, str]
    stem_concept: Mapping[str, str]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    lists: Mapping[str, frozenset[str]]
    phrase_lists: Mapping[str, tuple[tuple[str, ...], ...]]
    variants: Mapping[str, str]
    opposites: Mapping[str, frozenset[str]]
    memo: LexiconMemo = field(default_factory=LexiconMemo, init=False, compare=False, repr=False)

    def has(self, name: str, word: str) -> bool:
        return word in self.lists[name]

    def is_person_noun(self, head: str) -> bool:
        """Whether a singular noun names people of some kind ("firefighter", "pupil", "resident"):
        of a concept whose members are people, or an agent noun (not "people" in general: see
        ``generic_counted``)."""
        return (
            head in self.lists["person_nouns"]
            or self.noun_concept(head) in self.lists["person_concepts"]
            or head.endswith(english().agent_noun_endings)
        )

    def noun_concept(self, head: str) -> str:
        """The concept of a counted noun's singular head ("detainee": arrest), else ""."""
        return self.word_concept.get(head) or self.stem_concept_of(head, stem(head))

    def stem_concept_of(self, lower: str, st: str) -> str:
        """The concept a word takes by its stem ``st``: none for a listed homograph ("champions"
        shares the stem of "championed" but names winners, not support)."""
        return "" if lower in self.lists["homographs"] else self.stem_concept.get(st, "")

    def union(self, *names: str) -> frozenset[str]:
        """The single words of the lists ``names`` together, as one set."""
        unions = self.memo.unions
        words = unions.get(names)
        if words is None:
            words = unions[names] = frozenset().union(*(self.lists[n] for n in names))
        return words

    def derive(self, name: str, build: Callable[[Lexicon], _T]) -> _T:
        """``build(self)``, made once per lexicon: the look-up structures a stage derives from it."""
        derived = self.memo.derived
        if name not in derived:
            derived[name] = build(self)
        return cast(_T, derived[name])

    def phrase_list(self, name: str, min_words: int = 1) -> PhraseList:
        """The entries of list ``name`` with at least ``min_words`` words, indexed."""
        indexes = self.memo.phrase_indexes
        index = indexes.get((name, min_words))
        if index is None:
            index = indexes[(name, min_words)] = PhraseList.of(
                p for p in self.phrase_lists[name] if len(p) >= min_words
            )
        return index


@lru_cache(maxsize=100_000)  # counted nouns repeat: frames and judging ask for the same heads again and again
def singular(word: str) -> str:
    """A plural noun's singular by the spelling rules of ``lexicon/english.yaml`` (no dictionary):
    cities -> city, protesters -> protester, children -> child."""
    w = word.lower()
    rules = english()
    if w in rules.irregular_plurals:
        return rules.irregular_plurals[w]
    if w.endswith(rules.singular_endings):
        return w
    for ending in rules.plural_endings:
        if len(w) > ending.longer_than and w.endswith(ending.plural):
            return w[: len(w) - len(ending.plural)] + ending.singular
    return w


def token_at(tokens: Sequence[Token], pos: int) -> int:
    """The index of the first of ``tokens`` (in text order) that starts at or after offset ``pos``;
    ``len(tokens)`` when none does: where a figure at ``pos`` stands among a sentence's words."""
    return bisect.bisect_left(tokens, pos, key=attrgetter("start"))


def adjacent_runs(tokens: Iterable[Token]) -> list[list[Token]]:
    """``tokens`` (in text order) in runs of words with at most one character between them ("Tarrow
    Valley Regional Council"; not "Turkey and Syria", which other words part)."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and t.start - runs[-1][-1].end <= 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def is_plural(word: str) -> bool:
    """Whether a word reads as a plural noun by the same spelling rules ("voters", "children")."""
    return singular(word) != word.lower()


@cache
def _verb_bases() -> dict[str, str]:
    """Irregular past forms -> their base ("won" -> "win"), from lexicon/verbs.yaml."""
    return {form: base for base, forms in read("verbs.yaml")["irregular"].items() for form in forms}


MIN_WORD_FREQUENCY = 100  # occurrences in pyspellchecker's English frequency list for a common word


@cache
def _english_frequencies() -> Mapping[str, int]:
    """pyspellchecker's English word frequencies (MIT; shipped with it, read on first use)."""
    from spellchecker import SpellChecker  # noqa: PLC0415 - 0.15 s and 40 MB: only when a name is in doubt

    return SpellChecker(language="en").word_frequency.dictionary


def is_dictionary_word(lower: str) -> bool:
    """Whether a lower-cased word is a common English word ("police", "turnout"), not a coined
    name that texts also write in lower case ("tavorelib", "metrovia")."""
    return _english_frequencies().get(lower, 0) >= MIN_WORD_FREQUENCY


def common_compound(text: str) -> bool:
    """Whether a hyphenated word is a letter and common words ("T-shirt", "X-ray", "U-turn",
    "A-levels"): no name, though it opens on a capital. Not a name whose parts are common words too
    ("Rolls-Royce", "Ban Ki-moon", "Stoke-on-trent", "Wal-mart"): a first part of more than one
    letter may always be a name's."""
    first, _, rest = text.partition("-")
    if len(first) != 1 or not first.isalpha() or not rest:
        return False
    parts = rest.split("-")
    return all(part.islower() and is_dictionary_word(part) for part in parts)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A word's Snowball stem, an irregular past form read as its base first ("won" -> "win")."""
    lower = word.lower().replace("’", "'")
    return str(_STEMMER.stemWord(_verb_bases().get(lower, lower)))


def _split_phrase(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(text.lower()))


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, read once."""
    return build_lexicon(read("words.yaml"))


def build_lexicon(data: Mapping[str, Any], extra: Iterable[tuple[str, Sequence[str]]] = ()) -> Lexicon:
    """A Lexicon from the YAML mapping, plus ``extra`` (concept, words) groups from a claim's aliases."""
    word_concept: dict[str, str] = {}
    stem_concept: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    groups = list(data.get("concepts", {}).items()) + [(name, list(words)) for name, words in extra]
    for concept, words in groups:
        for entry in [concept, *words]:
            parts = _split_phrase(str(entry))
            if len(parts) == 1:
                word = str(entry).lower()
                word_concept.setdefault(word, concept)
                word_concept.setdefault(singular(word), concept)
                stem_concept.setdefault(parts[0], concept)
            elif parts:
                phrases.setdefault(parts[0], []).append((parts, concept))
    lists: dict[str, frozenset[str]] = {}
    phrase_lists: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, values in data.items():
        if name in ("concepts", "name_variants", "opposites") or not isinstance(values, list):
            continue
        words = [str(v).lower() for v in values]
        lists[name] = frozenset(w for w in words if " " not in w)
        phrase_lists[name] = tuple(tuple(w.split()) for w in words)
    variants: dict[str, str] = {}
    for group in data.get("name_variants", []):
        canonical = stem(str(group[0]))
        for name in group:
            variants[" ".join(_split_phrase(str(name)))] = canonical
    opposites: dict[str, set[str]] = {}
    for a, b in data.get("opposites", []):
        opposites.setdefault(str(a), set()).add(str(b))
        opposites.setdefault(str(b), set()).add(str(a))
    return Lexicon(
        word_concept,
        stem_concept,
        {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        lists,
        phrase_lists,
        variants,
        {k: frozenset(v) for k, v in opposites.items()},
    )


MAX_WORD_READINGS = 500_000  # distinct word forms remembered per lexicon (a few tens of MB at most)
_NO_WORD: Reading = ("", "", "", "", False)


def _read_word(raw: str, lex: Lexicon) -> Reading:
    """(word, lower-cased form, stem, concept, capitalised) of one word as matched: a Token's fields
    after its offsets, the same for every occurrence."""
    word = raw.rstrip(".")
    for ending in english().possessive_endings:
        if len(word) > len(ending) and word.lower().endswith(ending):
            word = word[: -len(ending)]  # "Riverton's" is Riverton
            break
    if not word:
        return _NO_WORD
    lower = word.lower()
    if "." in lower and len(lower) <= 6:
        lower = lower.replace(".", "")  # "U.S." is "US", "U.K." is "UK"
    st = stem(lower)
    st = lex.variants.get(st, st)
    concept = lex.word_concept.get(lower) or lex.word_concept.get(singular(lower)) or lex.stem_concept_of(lower, st)
    return word, lower, st, concept, word[0].isupper()


def tokenize(text: str, lex: Lexicon | None = None, offset: int = 0) -> list[Token]:
    """Words of ``text`` with offsets (plus ``offset``), stems and concepts; phrases from the lexicon
    ("taken into custody") give their concept to their first word and leave the rest without one."""
    lex = lex or lexicon()
    known = lex.memo.readings
    phrases = lex.phrases
    documents = lex.lists["document_nouns"]
    new = tuple.__new__  # Token's own __new__ takes its fields one by one: slower
    tokens: list[Token] = []
    phrase_starts: list[int] = []  # indexes of the tokens whose stem starts a lexicon phrase
    document_at: list[int] = []  # indexes of the document nouns ("warrants") after a word
    # findall and str.find are faster than match objects. ``find`` lands on the word's own match:
    # a word starts with a letter, where the pattern matches, so no earlier occurrence is possible.
    at = 0
    for raw in _WORD.findall(text):
        at = text.find(raw, at)
        reading = known.get(raw)
        if reading is None:
            reading = _read_word(raw, lex)
            if len(known) < MAX_WORD_READINGS:
                known[raw] = reading
        if reading[0]:
            if reading[2] in phrases:
                phrase_starts.append(len(tokens))
            if reading[1] in documents and tokens:
                document_at.append(len(tokens))
            start = at + offset
            tokens.append(new(Token, (start, start + len(reading[0]), *reading)))
        at += len(raw)
    if phrase_starts:
        _apply_phrases(tokens, phrase_starts, phrases)
    for i in document_at:
        act, document = tokens[i - 1], tokens[i]
        # "arrest warrants": about arrests, none made; one word with the noun, not the act. A noun
        # that modifies another is singular: "120 arrests warrant an inquiry" is a verb.
        if act.concept and document.start - act.end == 1 and not is_plural(act.lower):
            tokens[i - 1] = act._replace(stem=f"{act.stem}_{document.stem}", concept="")
            for k in range(max(0, i - MAX_PHRASE_WORDS), i - 1):
                if tokens[k].end == act.end:  # "power outage warnings": the phrase too
                    tokens[k] = tokens[k]._replace(stem=f"{tokens[k].stem}_{document.stem}", concept="")
    return tokens


MAX_PHRASE_WORDS = 4  # the longest lexicon phrase, for looking back to a phrase's first word


def _apply_phrases(
    tokens: list[Token], starts: Sequence[int], phrases: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
) -> None:
    """Give each phrase found at one of ``starts`` (left to right, not overlapping) its concept."""
    free = 0  # the first index not inside a phrase already found
    for i in starts:
        if i < free:
            continue
        for parts, concept in phrases[tokens[i].stem]:
            n = len(parts)
            if tuple(t.stem for t in tokens[i : i + n]) == parts:
                tokens[i] = tokens[i]._replace(end=tokens[i + n - 1].end, concept=concept)
                free = i + n
                break


def is_demonym(token: Token) -> bool:
    """A capitalised word that names a people ("Russian", "Ukrainians", "British")."""
    return token.capital and _demonym_form(token.lower)


def people_named(token: Token) -> str:
    """The adjective of the people a capitalised noun names ("Thais" -> thai, "Danes" -> danish,
    "Canadians" -> canadian); "" for any other word ("Poles" names a people, "poles" none)."""
    if not token.capital:
        return ""
    noun = singular(people_form(token.lower))
    if noun in english().people_adjectives:
        return english().people_adjectives[noun]
    return noun if _demonym_form(noun) else ""


def people_form(lower: str) -> str:
    """A word as a people's plural reads: "thais" -> thai, whose -s ``singular`` keeps, as it must
    for "analysis"; any other word as it is."""
    return lower[:-1] if lower.endswith(english().people_plural_endings) else lower


def people_adjective(noun: str) -> str:
    """The adjective that names the people a singular ``noun`` may name, as a claim's group word:
    "dane" -> danish; "thai", "canadian" are their own adjective."""
    return english().people_adjectives.get(noun, noun)


@lru_cache(maxsize=100_000)
def _demonym_form(lower: str) -> bool:
    return singular(lower).endswith(english().demonym_endings) and len(lower) > 3


def name_parts(stem: str) -> tuple[str, ...]:
    """The names a hyphenated compound of names joins ("turkey-syria" -> turkey, syria, as in "the
    Turkey-Syria earthquake"); a word that is no such compound stands alone."""
    parts = tuple(stem.split("-"))
    if len(parts) > 1 and all(len(p) >= MIN_NAME_PART and p.isalpha() for p in parts):
        return parts
    return (stem,)


def term_in(term: Token, keys: frozenset[str] | set[str], names: Sequence[str] = ()) -> bool:
    """Whether a claim word is present among a passage's keys: same concept, same stem, or (names
    only) a close spelling of one of ``names``, or each of the names a compound joins."""
    if term.concept and "=" + term.concept in keys:
        return True
    if term.stem in keys:
        return True
    if term.capital and len(parts := name_parts(term.stem)) > 1 and all(p in keys for p in parts):
        return True
    if "-" in term.stem and (parts := compound_parts(term)) and all(p in keys for p in parts):
        return True  # "peer-reviewed" for a passage that says "peer reviewed"
    if term.capital and len(term.stem) >= MIN_FUZZY_LENGTH:
        return any(fuzz.ratio(term.stem, n) >= MIN_FUZZY_NAME for n in names if len(n) >= MIN_FUZZY_LENGTH)
    return False


MIN_NAME_PART = 2  # "US-China" joins two names; a shorter part is no name of its own


def passage_keys(tokens: Sequence[Token]) -> frozenset[str]:
    """The index keys of a passage's tokens (their stems and "="-marked concepts); a compound of
    common words ("peer-reviewed", "foreign-born") also gives each of its words, as if written
    apart ("peer reviewed"); a compound of names ("Turkey-Syria") does not: it names both at once."""
    concepts = set(map(_CONCEPT, tokens))
    concepts.discard("")
    stems = frozenset(map(_STEM, tokens))
    if "-" in "".join(stems):  # rare: most passages hold no compound
        stems = stems.union(*(compound_parts(t) for t in tokens if "-" in t.stem))
    return stems.union(map("=".__add__, concepts))


def compound_parts(t: Token) -> tuple[str, ...]:
    """The stems of the words of a compound of common words ("peer-reviewed" -> peer, review); ()
    for a compound of names, each written with a capital ("Turkey-Syria"), or for anything else."""
    return _compound_parts(t.text)


@lru_cache(maxsize=10_000)
def _compound_parts(text: str) -> tuple[str, ...]:
    words = text.split("-")
    if len(words) < 2 or not all(w.isalpha() for w in words) or all(w[:1].isupper() for w in words):
        return ()
    if english().negating_prefixes.intersection(w.lower() for w in words[:-1]):
        return ()  # "non-binding" says the opposite of "binding"
    return tuple(stem(w) for w in words)


_STEM, _CONCEPT = attrgetter("stem"), attrgetter("concept")


def is_function_word(t: Token, lex: Lexicon) -> bool:
    """A stop word or a light verb ("the", "of", "had"): it says nothing about what a sentence is about."""
    return lex.has("stopwords", t.lower) or lex.has("light_verbs", t.lower)


def is_content_word(t: Token, lex: Lexicon) -> bool:
    """A word with letters that is not a function word (digits and "½" are figures, not words)."""
    return not is_function_word(t, lex) and any(c.isalpha() for c in t.lower)
