"""Stage 4, frames: a figure in its sentence -> what it counts, where, when, for whom, and how the
sentence holds it (part of a whole, a baseline, someone else's claim, denied).

The judge compares a claim figure with a source figure only when their frames align (VERDICTS.md §1).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Kind, Quantity, Stance
from .words import Lexicon, Token, is_demonym, passage_keys, singular, stem

CLAUSE_MAX_WORDS = 30  # words either side of a figure that its clause may reach
COUNTED_MAX_WORDS = 3  # words after a number read as the noun phrase it counts
IMPLICIT_ACT_WINDOW = 3  # words after a number searched for an act that implies people ("1,386 arrested")
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "into", "inside", "outside", "from", "to"})
# Qualifier clauses also break at "and" ("530 in Moscow and 480 in St Petersburg"); topic clauses
# do not ("nine journalists and 33 minors had been detained" shares one act).
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]|,\s|\s(?:and|but|while|whereas|as well as|after|because|when|which|who|although|though)\s"
)
_TOPIC_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\s(?:but|while|whereas)\s")
_APPOSITIVE = re.compile(r"\s*(?:an?|up|down|or|roughly|about|some|nearly|almost)\b", re.I)
_INTRO = re.compile(
    r"(?:in|on|during|since|by|over|for|after|before|last|this|throughout|within|until|as of)\b", re.I
)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure refers to. ``counted`` is the singular head noun ("soldier"), ``concept`` its
    lexicon concept; ``generic`` marks people in general; ``implicit_act`` the act that makes a
    noun-less figure count people ("arrest" in "1,386 arrested"). ``role`` is "" (the figure itself),
    "part" (a part of a whole named beside it), "whole" or "baseline" (a figure compared against)."""

    quantity: Quantity
    counted: str
    concept: str
    generic: bool
    implicit_act: str
    modifiers: frozenset[str]
    places: frozenset[str]
    strong_times: frozenset[str]
    weak_times: frozenset[str]
    role: str
    stance: Stance
    topic_keys: frozenset[str] = frozenset()
    names: frozenset[tuple[str, ...]] = frozenset()
    inherited: bool = False
    negated: bool = False

    @property
    def counts(self) -> str:
        """A short description of what is counted, for reasons shown to users."""
        if self.counted:
            return self.counted
        return f"people ({self.implicit_act})" if self.implicit_act else "?"


def _index_of(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


class _Breaks:
    """The clause breaks of one sentence, found once, so that each figure's clause is a lookup
    rather than a scan (figure-dense text would otherwise cost figures x sentence length)."""

    def __init__(self, text: str, breaks: re.Pattern[str]) -> None:
        spans = [(m.start(), m.end()) for m in breaks.finditer(text)]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]
        self._length = len(text)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): from the last break ending at or before ``start`` to the
        first break starting at or after ``end``."""
        k = bisect.bisect_right(self._ends, start) - 1
        lo = self._ends[k] if k >= 0 else 0
        j = bisect.bisect_left(self._starts, end)
        hi = self._starts[j] if j < len(self._starts) else self._length
        return lo, hi


def _clause(text: str, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> tuple[int, int]:
    """The clause of ``text`` around [start, end): between the nearest clause breaks."""
    return _Breaks(text, breaks).clause(start, end)


def _intro(text: str) -> tuple[int, int]:
    """A sentence-opening adverbial phrase ("In the first weeks after the invasion, ...") applies to
    every figure of the sentence; return its span, or (0, 0)."""
    m = _INTRO.match(text)
    comma = text.find(", ")
    if m and 0 < comma < 120:
        return 0, comma
    return 0, 0


def _has_phrase(tokens: Sequence[Token], phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether the words of ``tokens`` hold one of ``phrases``: one pass, looking phrases up by
    their first word."""
    by_first = _phrases_by_first(tuple(phrases))
    words = [t.lower for t in tokens]
    for i, w in enumerate(words):
        for p in by_first.get(w, ()):
            if tuple(words[i : i + len(p)]) == p:
                return True
    return False


@functools.lru_cache(maxsize=64)
def _phrases_by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _ends_with_phrase(tokens: Sequence[Token], phrases: Sequence[tuple[str, ...]]) -> bool:
    words = tuple(t.lower for t in tokens)
    return any(len(p) <= len(words) and words[len(words) - len(p) :] == p for p in phrases)


def places_in(tokens: Sequence[Token], lex: Lexicon) -> frozenset[str]:
    """Capitalised names after a place preposition ("in Moscow", "into Finland"), as stems; a name
    after a whole-scope word ("across Russia") is the scope of a total, not a place."""
    found: set[str] = set()
    for i, t in enumerate(tokens[:-1]):
        if t.lower not in PLACE_PREPOSITIONS:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].lower == "the":
            j += 1
        name: list[str] = []
        while j < len(tokens) and tokens[j].capital and len(name) < 3:
            low = tokens[j].lower
            if lex.has("months", low) or lex.has("time_weak", low) or is_demonym(tokens[j]):
                break
            if low not in ("st", "saint"):
                name.append(tokens[j].stem)
            j += 1
        if name:
            joined = " ".join(name)
            found.add(lex.variants.get(joined, joined))
    return frozenset(found)


def name_phrases(tokens: Sequence[Token]) -> frozenset[tuple[str, ...]]:
    """Runs of two or more capitalised words ("Bear Creek Fire", "Lassen County"), as stems."""
    out: set[tuple[str, ...]] = set()
    run: list[Token] = []
    for t in [*tokens, None]:
        if t is not None and t.capital and (not run or t.start - run[-1].end <= 2):
            run.append(t)
            continue
        if len(run) >= 2:
            out.add(tuple(x.stem for x in run))
        run = [t] if t is not None and t.capital else []
    return frozenset(out)


def times_in(tokens: Sequence[Token], lex: Lexicon, years: Sequence[str] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) time words: strong ones frame a period ("first weeks", "last year", a year)."""
    # Hyphenated words count by their parts: "first-quarter", "full-year".
    words = [w for t in tokens for w in t.lower.split("-")]
    strong = {w for w in words if lex.has("time_strong", w)} | set(years)
    if _has_phrase(tokens, [p for p in lex.phrase_lists["time_strong"] if len(p) > 1]):
        strong.add("period")
    weak = {w for w in words if lex.has("time_weak", w)}
    return frozenset(strong), frozenset(weak)


def stance_of(tokens: Sequence[Token], lex: Lexicon) -> Stance:
    """Denied if a denial word stands in the sentence before the figure; reported if a reporting word
    stands anywhere in the sentence; else stated."""
    if any(lex.has("denial_cues", t.lower) for t in tokens) or _has_phrase(
        tokens, [p for p in lex.phrase_lists["denial_cues"] if len(p) > 1]
    ):
        return Stance.DENIED
    return Stance.STATED


def build_frames(
    sentence: str, offset: int, quantities: Sequence[Quantity], tokens: Sequence[Token], lex: Lexicon,
    years: Sequence[Quantity] = (),
) -> list[Frame]:
    """Frames for the figures of one sentence. ``sentence`` starts at ``offset`` in the text the
    quantities and tokens were located in; ``years`` are the sentence's years and dates."""
    intro_lo, intro_hi = _intro(sentence)
    intro_tokens = [t for t in tokens if intro_lo <= t.start - offset < intro_hi]
    reported = any(lex.has("report_cues", t.lower) for t in tokens)
    titled = is_title_case(tokens)
    frames: list[Frame] = []
    clause_info: list[tuple[bool, frozenset[str], bool]] = []
    qualifier_breaks, topic_breaks = _Breaks(sentence, _CLAUSE_BREAK), _Breaks(sentence, _TOPIC_BREAK)

    def window(lo: int, hi: int, around: int) -> list[Token]:
        """Tokens starting in [lo, hi) of the sentence, at most CLAUSE_MAX_WORDS either side of
        token ``around``: a "clause" of figure-dense text with no punctuation stays bounded."""
        first = max(_index_of(tokens, lo + offset), around - CLAUSE_MAX_WORDS)
        last = min(_index_of(tokens, hi + offset), around + CLAUSE_MAX_WORDS)
        return list(tokens[first:last])

    for q in quantities:
        i = _index_of(tokens, q.end)
        c_lo, c_hi = qualifier_breaks.clause(q.start - offset, q.end - offset)
        clause = [t for t in window(c_lo, c_hi, i) if not (q.start <= t.start < q.end)]
        scope = clause + [t for t in intro_tokens if t not in clause]
        t_lo, t_hi = topic_breaks.clause(q.start - offset, q.end - offset)
        if t_lo > 0 and _APPOSITIVE.match(sentence, t_lo, t_lo + 12):
            # ", an increase of about 22%" speaks of the clause before it.
            t_lo = topic_breaks.clause(t_lo - 3, t_lo - 2)[0]
        topic_keys = passage_keys(window(t_lo, t_hi, i))
        before = list(tokens[max(0, _index_of(tokens, q.start) - CLAUSE_MAX_WORDS) : _index_of(tokens, q.start)])
        before = [t for t in before if t.end <= q.start]
        counted, modifiers, implicit = _counted(tokens, i, q, lex, sentence, offset)
        if q.kind is Kind.PERCENT:
            # "a 60% drop", "45% turnout": what follows a share describes it; the topic words carry it.
            counted, modifiers, implicit = "", [], ""
        head = singular(counted.split()[-1]) if counted else ""
        role = ""
        prev_words = before[-4:]
        if (before and before[-1].lower == "per" and not _gap(sentence, offset, before[-1].end, q.start)) or (
            q.text.lower().startswith("per ")
        ):
            role = "denominator"  # "12 births per 1,000 people": the 1,000 is no figure of its own
        elif _ends_with_phrase(prev_words, lex.phrase_lists["part_of_markers"]):
            role = "whole"
        elif _ends_with_phrase(prev_words, lex.phrase_lists["comparison_markers"]) and not _revision(
            sentence, q.end - offset, lex
        ):
            role = "baseline"
        elif (before and before[-1].lower == "including") or (
            i < len(tokens) and tokens[i].start - q.end < 3 and _starts_part_marker(tokens, i, q, quantities, lex)
        ):
            role = "part"  # "500 of the 1,300", "including 33 minors"
        elif not counted and (group := _partitive(tokens, i, lex)) is not None:
            # "one of the detainees", "18 of its members", "two of them": a part of a group.
            role = "part"
            implicit = ""
            counted = " ".join(t.lower for t in group)
            head = singular(counted.split()[-1]) if counted else ""
        year_words = [y.text for y in years if c_lo <= y.start - offset < c_hi]
        strong, weak = times_in(scope, lex, year_words)
        places = places_in(scope, lex) if role != "whole" and not titled else frozenset()
        names = name_phrases(scope) if not titled else frozenset()
        stance = Stance.STATED
        if stance_of(before, lex) is Stance.DENIED:
            stance = Stance.DENIED
        elif reported:
            stance = Stance.REPORTED
        concept = (lex.word_concept.get(head) or lex.stem_concept.get(stem(head), "")) if head else ""
        negated = any(t.lower in _FIGURE_NEGATIONS or t.lower.endswith("n't") for t in clause)
        after = [t for t in clause if t.start >= q.end]
        own_verb = any(_is_verb(t, lex) for t in after)
        clause_info.append((own_verb, passage_keys(clause), bool(before) and before[-1].lower == "the"))
        frames.append(
            Frame(q, head, concept, head in lex.lists["generic_counted"] or head == "person", implicit,
                  frozenset(modifiers), places, strong, weak, role, stance, topic_keys, names,
                  negated=negated)
        )
    _inherit(frames, clause_info)
    return frames


TITLE_CASE_SHARE = 0.7  # share of longer words capitalised that marks a headline: capitals say nothing there
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those", "them"})


def is_title_case(tokens: Sequence[Token]) -> bool:
    """Whether a sentence is a title-cased headline ("Police Detained 18 Journalists at Protests")."""
    longer = [t for t in tokens if len(t.text) > 3]
    return len(longer) >= 3 and sum(t.capital for t in longer) >= TITLE_CASE_SHARE * len(longer)


def _partitive(tokens: Sequence[Token], i: int, lex: Lexicon) -> list[Token] | None:
    """The noun words of "of the <noun>" right after a figure (token ``i`` on); [] for "of them";
    None when the figure is not followed by a partitive."""
    if i + 1 < len(tokens) and tokens[i].lower == "of" and tokens[i + 1].lower in _DETERMINERS:
        if tokens[i + 1].lower in ("them", "those", "these"):
            return []
        words = []
        for t in tokens[i + 2 : i + 2 + COUNTED_MAX_WORDS]:
            if lex.has("stopwords", t.lower) or lex.has("irregular_verbs", t.lower):
                break
            words.append(t)
        return words
    return None


def _starts_part_marker(tokens: Sequence[Token], i: int, q: Quantity, quantities: Sequence[Quantity],
                        lex: Lexicon) -> bool:
    """Whether the words after ``q`` (possibly after its counted noun) open "of the <figure>"."""
    for j in range(i, min(i + COUNTED_MAX_WORDS + 1, len(tokens))):
        if tokens[j].lower in ("of", "among", "out"):
            nxt = next((x for x in quantities if x.start >= tokens[j].end), None)
            return nxt is not None and nxt.start - tokens[j].end < 24
        if lex.has("stopwords", tokens[j].lower):
            return False
    return False


def _counted(tokens: Sequence[Token], i: int, q: Quantity, lex: Lexicon, text: str = "",
             offset: int = 0) -> tuple[str, list[str], str]:
    """(counted noun phrase, demonym modifiers, implicit act) for the figure whose span ends before
    token ``i``."""
    words: list[Token] = []
    j = i
    if j < len(tokens) and tokens[j].lower == "of" and (q.scale or q.hedge == "plural"):
        j += 1  # "thousands of people", "a dozen of them"
    while j < len(tokens) and len(words) < COUNTED_MAX_WORDS:
        t = tokens[j]
        if j > i and _gap(text, offset, tokens[j - 1].end, t.start):  # punctuation ends the phrase
            break
        if j == i and _gap(text, offset, q.end, t.start):
            break
        if (lex.has("stopwords", t.lower) or lex.has("light_verbs", t.lower) or _is_time_word(t, lex)
                or lex.has("irregular_verbs", t.lower)):
            break
        # "55 wounded soldiers": a participle before a noun belongs to the phrase; "1,740 arrested
        # overnight": a verb does not.
        if t.lower.endswith("ed") and not (
            j + 1 < len(tokens) and not tokens[j + 1].lower.endswith(("ed", "ly"))
            and tokens[j + 1].start - t.end <= 2
            and not lex.has("stopwords", tokens[j + 1].lower) and not _is_time_word(tokens[j + 1], lex)
        ):
            break
        words.append(t)
        j += 1
    if words:
        mods = [singular(w.lower) for w in words[:-1] if is_demonym(w)]
        return " ".join(w.lower for w in words), mods, ""
    for t in tokens[i : i + IMPLICIT_ACT_WINDOW]:
        if t.concept and t.concept in lex.lists["person_acts"]:
            return "", [], t.concept
    return "", [], ""


def _is_time_word(t: Token, lex: Lexicon) -> bool:
    return lex.has("time_weak", t.lower) or lex.has("time_strong", t.lower) or lex.has("months", t.lower)


REVISION_WINDOW = 60  # characters after a baseline figure searched for "officials reported" etc.


def _revision(sentence: str, end: int, lex: Lexicon) -> bool:
    """Whether a figure after "down from" is an earlier report of the same figure ("down from the
    12,400 acres officials reported earlier"): a revision the source still holds, not a baseline."""
    words = re.findall(r"[a-z]+", sentence[end : end + REVISION_WINDOW].lower())
    return any(lex.has("report_cues", w) or w in ("revised", "estimate", "initially") for w in words)


def _gap(text: str, offset: int, start: int, end: int) -> bool:
    """Whether anything but spaces stands between two offsets (``text`` starts at ``offset``)."""
    between = text[start - offset : end - offset] if text else " " * (end - start)
    return len(between) > 2 or bool(between.strip())


def _is_verb(t: Token, lex: Lexicon) -> bool:
    """A word that reads as a verb of its own: a past tense or participle, or an irregular one."""
    if lex.has("stopwords", t.lower):
        return False
    return t.lower.endswith("ed") or (lex.has("irregular_verbs", t.lower) and t.lower not in _AUXILIARIES)


_FIGURE_NEGATIONS = frozenset({"not", "never"})
_AUXILIARIES = frozenset({"are", "were", "was", "had", "have"})


def _inherit(frames: list[Frame], clause_info: Sequence[tuple[bool, frozenset[str], bool]]) -> None:
    """A figure with no noun takes the noun of the figure before it in the sentence ("530 protesters
    in Moscow and 480 in St Petersburg"); a part takes the noun of the whole it is part of. An
    elliptical figure with no verb of its own ("..., 40 in Oakridge and 80 in Millbrook") also takes
    its donor's topic words; one with its own verb ("and 35 more damaged") keeps only its clause's."""
    for k, f in enumerate(frames):
        if f.counted or f.implicit_act:
            continue
        donor = None
        if f.role == "part" and k + 1 < len(frames) and frames[k + 1].role == "whole":
            donor = frames[k + 1]
        elif k > 0:
            donor = frames[k - 1]
        own_verb, clause_keys, after_the = clause_info[k]
        if after_the:
            continue  # "the 14, 31 and 52": numbers named by "the" are labels, not counts of the noun
        if donor and (donor.counted or donor.implicit_act) and donor.quantity.kind == f.quantity.kind:
            topic = clause_keys if own_verb else f.topic_keys | donor.topic_keys
            # "more than 100 homes, 40 in Oakridge and 80 in Millbrook": a breakdown by place of
            # an unplaced total is a part of it.
            role = "part" if f.places and not donor.places and not f.role else f.role
            frames[k] = Frame(f.quantity, donor.counted, donor.concept, donor.generic, donor.implicit_act,
                              donor.modifiers, f.places, f.strong_times, f.weak_times, role, f.stance,
                              topic, f.names, inherited=True, negated=f.negated)
