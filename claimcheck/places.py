"""Where and when a sentence says its figures are: places after a preposition, runs of capitalised
names, and time words. Read for every figure's clause (frames.py) and for every claim (plan.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter

from rapidfuzz import fuzz

from .lexicon import frame_words
from .vocab import Vocab, holds, vocab
from .words import MIN_FUZZY_NAME, Lexicon, Token, is_demonym, is_dictionary_word, lexicon, name_parts

_CAPITAL = attrgetter("capital")


MAX_GAP = 3  # characters between a preposition and the place after it ("in Moscow", "in\n  Moscow")


_PLACE_JOINS = frozenset({"and", "or"})


def places_in(tokens: Sequence[Token], lex: Lexicon) -> frozenset[str]:
    """Capitalised names after a place preposition ("in Moscow", "into Finland"), as stems; a name
    after a whole-scope word ("across Russia") is the scope of a total, not a place."""
    return read_places(tokens, [t.lower for t in tokens], vocab(lex))


def read_places(tokens: Sequence[Token], lowers: Sequence[str], v: Vocab) -> frozenset[str]:
    # The indexes of the place prepositions that have a word after them, picked out in C.
    prepositions = list(compress(range(len(tokens) - 1), map(v.place_prepositions.__contains__, lowers)))
    if not prepositions:
        return frozenset()
    found: set[str] = set()
    for i in prepositions:
        j = i + 1
        if lowers[j] == "the":
            j += 1
        if j < len(tokens) and not 0 <= tokens[j].start - tokens[j - 1].end <= MAX_GAP:
            continue  # not next to it in the text: a clause and its sentence's opening side by side
        j = _after_descriptor(tokens, lowers, j, v)
        name: list[str] = []
        while j < len(tokens) and len(name) < 3:
            low = lowers[j]
            if name and low in _PLACE_JOINS and j + 1 < len(tokens) and tokens[j + 1].capital:
                # "in Turkey and Syria": places joined by a coordinator are places alike.
                _add_place(found, name, v)
                name = []
                j += 1
                continue
            if not tokens[j].capital:
                break
            if low in v.not_place_names or (is_demonym(tokens[j]) and _modifies_next(tokens, lowers, j, v)):
                break
            if name and tokens[j].start - tokens[j - 1].end > 1:
                # "in Turkey, Syria": a comma between capitals ends one place and starts the next.
                _add_place(found, name, v)
                name = []
            if low not in v.saint_words:
                name.append(tokens[j].stem)
            j += 1
        _add_place(found, name, v)
    return frozenset(found)


MAX_DESCRIPTOR_WORDS = 3  # "the coastal town of": words up to the noun that says what kind of place


def _after_descriptor(tokens: Sequence[Token], lowers: Sequence[str], j: int, v: Vocab) -> int:
    """Where the name starts after a place descriptor at ``j`` ("capital Paris", "capital, Paris",
    "northern city of Lyon"); ``j`` itself when there is none."""
    for k in range(j, min(j + MAX_DESCRIPTOR_WORDS, len(tokens) - 1)):
        if tokens[k].capital:
            return j
        if lowers[k] in v.words.place_descriptors:  # "port city of": the last noun says it
            at = k + 2 if lowers[k + 1] == "of" else k + 1
            if at < len(tokens) and tokens[at].capital and tokens[at].start - tokens[at - 1].end == 1:
                return at  # next to it: "in the city, Mayor Ellis said" names no place
    return j


def _add_place(found: set[str], name: list[str], v: Vocab) -> None:
    if name:
        joined = " ".join(name)
        found.add(v.variants.get(joined, joined))


def _modifies_next(tokens: Sequence[Token], lowers: Sequence[str], j: int, v: Vocab) -> bool:
    """Whether a word that looks like a demonym is used as one, before the noun it qualifies ("in
    Russian cities"); "in Pakistan on Monday", "in Milan, police said" and "in Tollan" name places,
    as does "in Tollan rose to 900": a verb ("rose", "fell", "grew") is no noun to qualify."""
    k = j + 1
    if k >= len(tokens) or tokens[k].capital or tokens[k].start != tokens[j].end + 1:
        return False
    word = lowers[k]
    return (
        word not in v.stopwords
        and word not in v.report_cues
        and not word.endswith("ed")
        and word not in v.irregular_verbs
    )


def place_names(tokens: Sequence[Token]) -> frozenset[str]:
    """Stems of the capitalised words after a preposition: the places a sentence names."""
    starts = place_name_starts(tokens)
    return frozenset(t.stem for t in tokens if t.start in starts)


def place_name_starts(tokens: Sequence[Token]) -> set[int]:
    """Offsets of capitalised words after a preposition ("for Tollan County", "in Moscow"): places
    a passage may leave to its context, unlike the names of who did what."""
    prepositions = frame_words().name_prepositions
    out: set[int] = set()
    for i, t in enumerate(tokens[1:], 1):
        if t.capital and (tokens[i - 1].lower in prepositions or tokens[i - 1].start in out):
            out.add(t.start)
    return out


def name_phrases(tokens: Sequence[Token]) -> frozenset[tuple[str, ...]]:
    """Runs of two or more capitalised words ("Bear Creek Fire", "Lassen County"), as stems."""
    capitals = list(compress(range(len(tokens)), map(_CAPITAL, tokens)))
    if len(capitals) < 2:
        return frozenset()
    out: set[tuple[str, ...]] = set()
    run: list[Token] = []
    last = -2  # index of the run's last word
    for k in capitals:
        t = tokens[k]
        if run and k == last + 1 and t.start - run[-1].end <= 2:
            run.append(t)
        else:
            if len(run) >= 2:
                out.add(tuple(x.stem for x in run))
            run = [t]
        last = k
    if len(run) >= 2:
        out.add(tuple(x.stem for x in run))
    return frozenset(out)


def time_modifier_starts(tokens: Sequence[Token], lex: Lexicon) -> frozenset[int]:
    """Where a word narrows the time word after it ("late October", "mid-September"): a part of the
    time frame (``read_times`` reads it as one), not a topic word."""
    return frozenset(tokens[i].start for i in narrowing_at([t.lower for t in tokens], vocab(lex)))


def narrowing_at(lowers: Sequence[str], v: Vocab) -> list[int]:
    """The indices of words that narrow the time word after them (``time_modifiers`` before a month
    or another time word: "late October", "early on Monday" not, "mid-September" as one word). Not
    before a year, which is no word here: "late 2022" keeps "late" a topic word."""

    def is_time(word: str) -> bool:
        return word in v.time_strong or word in v.time_weak

    def narrows(i: int, word: str) -> bool:
        head, _, rest = word.partition("-")
        if rest:
            return head in v.time_modifiers and is_time(rest)
        return word in v.time_modifiers and i + 1 < len(lowers) and is_time(lowers[i + 1])

    return [i for i, w in enumerate(lowers) if narrows(i, w)]


def times_in(tokens: Sequence[Token], lex: Lexicon, years: Sequence[str] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) time words: strong ones frame a period ("first weeks", "last year", a year)."""
    return read_times([t.lower for t in tokens], years, vocab(lex))


def read_times(
    lowers: Sequence[str], years: Sequence[str], v: Vocab, hyphens: bool = True
) -> tuple[frozenset[str], frozenset[str]]:
    """``hyphens``: whether any of ``lowers`` may hold a hyphen (if not, the words need no split)."""
    if not lowers and not years:
        return v.no_times
    if not v.time_strong.isdisjoint(lowers) and not _RATE_OPENERS.isdisjoint(lowers):
        lowers = _without_rates(lowers, v)
    # Hyphenated words count by their parts: "first-quarter", "full-year".
    words = set("-".join(lowers).split("-")) if hyphens or not lowers else set(lowers)
    strong = words & v.time_strong
    strong.update(years)
    if not v.time_modifiers.isdisjoint(words):  # most sentences have none: no scan
        strong.update(lowers[i].partition("-")[0] for i in narrowing_at(lowers, v))  # "late October"
    if holds(v.strong_phrases, lowers):
        strong.add("period")
    return frozenset(strong), frozenset(words & v.time_weak)


_RATE_WORDS = frame_words().rate_words
_RATE_ARTICLES = frame_words().rate_articles
_RATE_OPENERS = _RATE_WORDS | _RATE_ARTICLES
_NOT_RATES = frame_words().rate_not_before
_NOT_RATES_AFTER = frame_words().rate_not_after


def rate_starts(tokens: Sequence[Token], lex: Lexicon) -> frozenset[int]:
    """Where the time words of rates stand ("$9,450 a year"): no time frame, and no topic word."""
    lowers = [t.lower for t in tokens]
    v = vocab(lex)
    if v.time_strong.isdisjoint(lowers) or _RATE_OPENERS.isdisjoint(lowers):
        return frozenset()
    kept = _without_rates(lowers, v)
    return frozenset(t.start for t, k in zip(tokens, kept, strict=True) if not k and t.lower)


def _without_rates(lowers: Sequence[str], v: Vocab) -> list[str]:
    """``lowers`` (words only: a figure is no token) without the time words of a rate: "$9,450 a
    year", "40 hours a week", "twice a year", "per month" say how often, not when; "a year ago",
    "in a year", "more than a year" say when or how long."""
    kept = list(lowers)
    for i in range(1, len(lowers)):
        if lowers[i] not in v.time_strong:
            continue
        opener, before = lowers[i - 1], lowers[i - 2] if i > 1 else ""
        after = lowers[i + 1] if i + 1 < len(lowers) else ""
        rate = opener in _RATE_WORDS or (opener in _RATE_ARTICLES and before not in _NOT_RATES_AFTER)
        if rate and after not in _NOT_RATES:
            kept[i] = ""
    return kept


def places_match(claim: frozenset[str], source: frozenset[str], passage_keys: frozenset[str]) -> str:
    """ "same", "one-sided" or "conflict" for the place names of two frames."""
    if claim and source:
        if claim & source or all(p.split()[0] in passage_keys and near(p, source) for p in claim):
            return "same"
        if all(len(parts := name_parts(p)) > 1 and source.issuperset(parts) for p in claim):
            return "same"  # "the Turkey-Syria earthquake" / "in Turkey and Syria"
        return "conflict"
    return "one-sided" if claim or source else "same"


_AND = frame_words().place_joiners
_COMPASS = frame_words().compass_endings


def joined_places(tokens: Sequence[Token], places: Iterable[str]) -> list[str]:
    """The names a sentence joins to one of ``places`` ("Turkey and Syria", "Syria and Turkey",
    "the Turkey-Syria earthquake"), as written, the place included, sorted; empty when it joins
    none, or joins only names among ``places`` ("in Burgas and Varna" for a claim on both). Like
    things are coordinated, so a name joined to a place is read as another place: a name, not a
    common word in capitals ("Varna and President Radev", "Police and Varna officials")."""
    places = list(places)
    claimed = {part for place in places for w in place.split() for part in name_parts(w)}
    stems = [t.stem for t in tokens]
    for place in places:
        words = place.split()
        for i, t in enumerate(tokens):
            if (parts := _compound_names(t)) and place in parts:
                return sorted(t.text.split("-")) if not set(parts) <= claimed else []
            if stems[i : i + len(words)] != words:
                continue
            end = i + len(words)
            joined = (_name_after_and(tokens, end), i - 2 if i >= 2 and tokens[i - 1].lower in _AND else None)
            other = [tokens[j] for j in joined if j is not None and _place_like(tokens, j)]
            other = [o for o in other if o.stem not in claimed]
            if other:
                return sorted({" ".join(x.text for x in tokens[i:end]), *(o.text for o in other)})
    return []


def _compound_names(t: Token) -> tuple[str, ...]:
    """The names a hyphenated compound of capitalised names joins ("Turkey-Syria"); () for any
    other word ("Varna-based")."""
    parts = name_parts(t.stem)
    if len(parts) > 1 and all(w[:1].isupper() for w in t.text.split("-")):
        return parts
    return ()


def _place_like(tokens: Sequence[Token], j: int) -> bool:
    """Whether word ``j`` may name a place joined to another: capitalised, no day or month, and if
    a common English word, capitalised as a name is ("Russia and Ukraine"), not only because it
    opens the sentence ("Police and Varna officials") nor as a title before a name ("Varna and
    President Radev")."""
    t = tokens[j]
    if not t.capital or t.lower in lexicon().union("months", "time_weak"):
        return False
    if not is_dictionary_word(t.lower):
        return True
    return j > 0 and (j + 1 == len(tokens) or not tokens[j + 1].capital)


def _name_after_and(tokens: Sequence[Token], k: int) -> int | None:
    """Where the word after "and" at ``k`` stands, or the word after a compass adjective there
    ("Turkey and northern Syria"): the name joined to the one before "and", if any."""
    if k + 1 >= len(tokens) or tokens[k].lower not in _AND:
        return None
    if tokens[k + 1].lower.endswith(_COMPASS) and k + 2 < len(tokens):
        return k + 2
    return k + 1


def near(place: str, others: Iterable[str]) -> bool:
    """Whether ``place`` is a close spelling of one of ``others`` ("Zaporizhzhya"/"Zaporizhzhia")."""
    return any(fuzz.ratio(place, o) >= MIN_FUZZY_NAME for o in others)


def date_and_relative(a: frozenset[str], b: frozenset[str], lex: Lexicon) -> bool:
    """Whether one side's time words name a date (a year, a month) and the other's only a time told
    from the day of writing ("last month", "a year ago"), not a rate ("a year")."""
    months, relative = lex.lists["months"], lex.lists["time_relative"]

    def dated(times: frozenset[str]) -> bool:
        return any(t.isdigit() or t in months for t in times)

    return (dated(a) and not dated(b) and not relative.isdisjoint(b)) or (
        dated(b) and not dated(a) and not relative.isdisjoint(a)
    )


def sets_match(claim: frozenset[str], source: frozenset[str]) -> str:
    """ "same", "one-sided" or "conflict" for two frames' sets of times or groups."""
    if claim and source:
        return "same" if claim & source else "conflict"
    return "one-sided" if claim or source else "same"


def modifier_names(tokens: Sequence[Token]) -> set[str]:
    """Stems of the capitalised words that modify the lower-case noun after them, with no place
    preposition before them ("the Orla landslide", not "in Orla, the landslide")."""
    prepositions = frame_words().place_prepositions
    return {
        t.stem
        for i, t in enumerate(tokens[:-1])
        if t.capital
        and tokens[i + 1].text.islower()
        and tokens[i + 1].start - t.end <= 1
        and (i == 0 or tokens[i - 1].lower not in prepositions)
    }
