"""Stage 4, frames: a figure in its sentence -> what it counts, where, when, for whom, and how the
sentence holds it (part of a whole, a baseline, someone else's claim, denied).

The judge compares a claim figure with a source figure only when their frames align (docs/verdicts.md §1).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import compress, islice
from operator import attrgetter
from typing import NamedTuple

from .model import Kind, Quantity, Stance
from .words import Lexicon, PhraseList, Token, is_demonym, passage_keys, singular, stem

CLAUSE_MAX_WORDS = 30  # words either side of a figure that its clause may reach
COUNTED_MAX_WORDS = 3  # words after a number read as the noun phrase it counts
# A sentence with this many figures is a table or a list, not prose (prose has at most a handful):
# its figures' frames reach only their neighbours, so that framing stays linear in its length.
TABLE_MIN_FIGURES = 20
TABLE_MAX_WORDS = 4  # words either side of a figure in a table that its frame may reach
IMPLICIT_ACT_WINDOW = 3  # words after a number searched for an act that implies people ("1,386 arrested")
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "into", "inside", "outside", "from", "to"})
# Qualifier clauses also break at "and" ("530 in Moscow and 480 in St Petersburg"); topic clauses
# do not ("nine journalists and 33 minors had been detained" shares one act).
_TOPIC_WORD = r"\s(?:but|while|whereas)\s"
# A break is a bracket or dash, ", " or a word between spaces. Each pattern opens with the class of
# every break's first character, then tells them apart by looking back at it: a pattern that opens
# with a character class is searched for in C, a third faster than one that opens with alternatives.
_BREAK_START = r"[;:()\[\]—–,\s]"
_TOPIC_BREAKS = r"(?<=[;:()\[\]—–])|(?<=,)\s|(?<=\s)(?:but|while|whereas)\s"
_TOPIC_BREAK = re.compile(_BREAK_START + "(?:" + _TOPIC_BREAKS + ")")
# Every topic break is a clause break; the group marks the clause breaks that are not.
_CLAUSE_BREAK = re.compile(
    _BREAK_START
    + "(?:"
    + _TOPIC_BREAKS
    + r"|(?<=\s)(?P<qualifier>and|as well as|after|because|when|which|who|although|though)\s)"
)
_TOPIC_WORD_AT = re.compile(_TOPIC_WORD)
_APPOSITIVE = re.compile(r"\s*(?:an?|up|down|or|roughly|about|some|nearly|almost)\b", re.I)
_INTRO = re.compile(r"(?:in|on|during|since|by|over|for|after|before|last|this|throughout|within|until|as of)\b", re.I)


class Frame(NamedTuple):
    """What a figure refers to. ``counted`` is the singular head noun ("soldier"), ``concept`` its
    lexicon concept; ``generic`` marks people in general; ``implicit_act`` the act that makes a
    noun-less figure count people ("arrest" in "1,386 arrested"). ``role`` is "" (the figure itself),
    "part" (a part of a whole named beside it), "whole" or "baseline" (a figure compared against),
    "pool" (the whole after "412 of": what the part's act does not apply to).
    A named tuple rather than a frozen dataclass, like Token: a source has a frame per figure, and a
    tuple is several times cheaper to build and to load from the cache."""

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


class _Breaks:
    """The clause breaks of one sentence, found once, so that each figure's clause is a lookup
    rather than a scan (figure-dense text would otherwise cost figures x sentence length)."""

    def __init__(self, length: int, spans: Sequence[tuple[int, int]]) -> None:
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]
        self._length = length

    @classmethod
    def _bounded(cls, length: int, starts: list[int], ends: list[int]) -> _Breaks:
        breaks = cls.__new__(cls)
        breaks._starts, breaks._ends, breaks._length = starts, ends, length
        return breaks

    @classmethod
    def of(cls, text: str) -> tuple[_Breaks, _Breaks]:
        """(qualifier, topic) breaks of ``text``, from one scan: the topic breaks are the clause
        breaks but "and", "after" and the like, unless one of those shares its closing space with
        a topic break ("and but"), which a scan of its own then finds."""
        starts: list[int] = []
        ends: list[int] = []
        topic_starts: list[int] = []
        topic_ends: list[int] | None = []
        for m in _CLAUSE_BREAK.finditer(text):
            a, b = m.span()
            starts.append(a)
            ends.append(b)
            if m.group("qualifier") is None:
                if topic_ends is not None:
                    topic_starts.append(a)
                    topic_ends.append(b)
            elif _TOPIC_WORD_AT.match(text, b - 1):
                topic_ends = None
        n = len(text)
        if topic_ends is None:
            return cls._bounded(n, starts, ends), cls(n, [m.span() for m in _TOPIC_BREAK.finditer(text)])
        return cls._bounded(n, starts, ends), cls._bounded(n, topic_starts, topic_ends)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): from the last break ending at or before ``start`` to the
        first break starting at or after ``end``."""
        k = bisect.bisect_right(self._ends, start) - 1
        lo = self._ends[k] if k >= 0 else 0
        j = bisect.bisect_left(self._starts, end)
        hi = self._starts[j] if j < len(self._starts) else self._length
        return lo, hi


INTRO_MAX_CHARS = 120  # a sentence-opening phrase ends with a comma before this offset


def _intro(text: str) -> tuple[int, int]:
    """A sentence-opening adverbial phrase ("In the first weeks after the invasion, ...") applies to
    every figure of the sentence; return its span, or (0, 0)."""
    comma = text.find(", ", 0, INTRO_MAX_CHARS + 1)  # (the comma first: most sentences have none so early)
    if 0 < comma < INTRO_MAX_CHARS and _INTRO.match(text):
        return 0, comma
    return 0, 0


class _Vocab:
    """The lexicon's word lists as the frame stage asks about them for every figure: derived once
    per lexicon (see ``Lexicon.derive``), with the verb and negation readings of the words seen."""

    def __init__(self, lex: Lexicon) -> None:
        lists = lex.lists
        self.variants = lex.variants
        self.not_place_names = lex.union("months", "time_weak")
        self.time_strong, self.time_weak = lists["time_strong"], lists["time_weak"]
        self.strong_phrases = lex.phrase_list("time_strong", 2)
        self.denial_cues, self.denial_phrases = lists["denial_cues"], lex.phrase_list("denial_cues", 2)
        self.denial_firsts = self.denial_cues | self.denial_phrases.by_first.keys()
        self.report_cues, self.generic_counted = lists["report_cues"], lists["generic_counted"]
        self.forecast_cues = lists["forecast_cues"]
        self.part_markers = lex.phrase_list("part_of_markers")
        self.comparison_markers = lex.phrase_list("comparison_markers")
        self.stopwords, self.irregular_verbs = lists["stopwords"], lists["irregular_verbs"]
        self.person_acts = lists["person_acts"]
        # Words that end a counted noun phrase: function words, light and irregular verbs, time words.
        self.counted_ends = lex.union(
            "stopwords", "light_verbs", "irregular_verbs", "time_weak", "time_strong", "months"
        )
        self.stop_or_time = lex.union("stopwords", "time_weak", "time_strong", "months")
        # What ``_times`` gives a clause without words (most of a table's): "".split("-") is [""].
        self.no_times = frozenset({""} & self.time_strong), frozenset({""} & self.time_weak)
        # Word -> whether it reads as a verb of its own / negates a figure, filled as words come.
        self.verb: dict[str, bool] = {}
        self.negation: dict[str, bool] = {}

    def flags(self, words: Iterable[str]) -> tuple[dict[str, bool], dict[str, bool]]:
        """(verb, negation) readings covering ``words``: the shared ones, grown by the words not
        seen before; once those are full, this sentence's own (never cleared: threads share them)."""
        new = set(words).difference(self.verb)
        verb, negation = self.verb, self.negation
        if new and len(verb) + len(new) > MAX_WORD_FLAGS:
            verb, negation, new = {}, {}, set(words)
        for w in new:
            # A past tense or participle, or an irregular verb, that is no function word.
            verb[w] = w not in self.stopwords and (
                w.endswith("ed") or (w in self.irregular_verbs and w not in _AUXILIARIES)
            )
            negation[w] = w in _FIGURE_NEGATIONS or w.endswith("n't")
        return verb, negation


MAX_WORD_FLAGS = 200_000  # distinct words whose verb and negation flags are remembered


def _vocab(lex: Lexicon) -> _Vocab:
    return lex.derive("frames", _Vocab)


def places_in(tokens: Sequence[Token], lex: Lexicon) -> frozenset[str]:
    """Capitalised names after a place preposition ("in Moscow", "into Finland"), as stems; a name
    after a whole-scope word ("across Russia") is the scope of a total, not a place."""
    return _places(tokens, [t.lower for t in tokens], _vocab(lex))


def _places(tokens: Sequence[Token], lowers: Sequence[str], v: _Vocab) -> frozenset[str]:
    # The indexes of the place prepositions that have a word after them, picked out in C.
    prepositions = list(compress(range(len(tokens) - 1), map(PLACE_PREPOSITIONS.__contains__, lowers)))
    if not prepositions:
        return frozenset()
    found: set[str] = set()
    for i in prepositions:
        j = i + 1
        if lowers[j] == "the":
            j += 1
        name: list[str] = []
        while j < len(tokens) and tokens[j].capital and len(name) < 3:
            low = lowers[j]
            if low in v.not_place_names or (is_demonym(tokens[j]) and _modifies_next(tokens, lowers, j, v)):
                break
            if name and tokens[j].start - tokens[j - 1].end > 1:
                # "in Turkey, Syria": a comma between capitals ends one place and starts the next.
                _add_place(found, name, v)
                name = []
            if low not in ("st", "saint"):
                name.append(tokens[j].stem)
            j += 1
        _add_place(found, name, v)
    return frozenset(found)


def _add_place(found: set[str], name: list[str], v: _Vocab) -> None:
    if name:
        joined = " ".join(name)
        found.add(v.variants.get(joined, joined))


def _modifies_next(tokens: Sequence[Token], lowers: Sequence[str], j: int, v: _Vocab) -> bool:
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


NAME_PREPOSITIONS = frozenset({"in", "at", "near", "into", "for", "from", "across", "of", "to"})


def place_names(tokens: Sequence[Token]) -> frozenset[str]:
    """Stems of the capitalised words after a preposition: the places a sentence names."""
    starts = place_name_starts(tokens)
    return frozenset(t.stem for t in tokens if t.start in starts)


def place_name_starts(tokens: Sequence[Token]) -> set[int]:
    """Offsets of capitalised words after a preposition ("for Tollan County", "in Moscow"): places
    a passage may leave to its context, unlike the names of who did what."""
    out: set[int] = set()
    for i, t in enumerate(tokens[1:], 1):
        if t.capital and (tokens[i - 1].lower in NAME_PREPOSITIONS or tokens[i - 1].start in out):
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


def times_in(tokens: Sequence[Token], lex: Lexicon, years: Sequence[str] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) time words: strong ones frame a period ("first weeks", "last year", a year)."""
    return _times([t.lower for t in tokens], years, _vocab(lex))


def _times(
    lowers: Sequence[str], years: Sequence[str], v: _Vocab, hyphens: bool = True
) -> tuple[frozenset[str], frozenset[str]]:
    """``hyphens``: whether any of ``lowers`` may hold a hyphen (if not, the words need no split)."""
    if not lowers and not years:
        return v.no_times
    # Hyphenated words count by their parts: "first-quarter", "full-year".
    words = set("-".join(lowers).split("-")) if hyphens or not lowers else set(lowers)
    strong = words & v.time_strong
    strong.update(years)
    if _holds(v.strong_phrases, lowers):
        strong.add("period")
    return frozenset(strong), frozenset(words & v.time_weak)


def stance_of(tokens: Sequence[Token], lex: Lexicon) -> Stance:
    """Denied if a denial word stands in the sentence before the figure; reported if a reporting word
    stands anywhere in the sentence; else stated."""
    return _stance([t.lower for t in tokens], _vocab(lex))


def _stance(lowers: Sequence[str], v: _Vocab) -> Stance:
    if not v.denial_cues.isdisjoint(lowers) or _holds(v.denial_phrases, lowers):
        return Stance.DENIED
    return Stance.STATED


def _forecast(before: Sequence[Token], v: _Vocab) -> bool:
    """Whether the words of a figure's clause before it make it a forecast, plan or condition
    ("could reach 20,000", "is expected to cost", "if talks fail, 300 jobs"): a cue word, the
    capitalised month "May" aside."""
    return any(t.lower in v.forecast_cues and not (t.capital and t.lower == "may") for t in before)


def _holds(phrases: PhraseList, words: Sequence[str]) -> bool:
    """``phrases.within(words)``, asked as set tests in C: whether the runs of ``words`` as long as
    some of the phrases hold one of them (most runs of words hold no phrase's first or last word)."""
    if phrases.by_first.keys().isdisjoint(words) or phrases.lasts.isdisjoint(words):
        return False
    return any(
        not group.isdisjoint(zip(*(islice(words, k, None) for k in range(n)), strict=False))
        for n, group in phrases.by_length
        if n
    )


_START, _END, _TEXT = attrgetter("start"), attrgetter("end"), attrgetter("text")
_LOWER, _CAPITAL = attrgetter("lower"), attrgetter("capital")


class _Sentence:
    """Per-word facts of one sentence that every figure's frame reads, computed once: framing a
    figure then costs look-ups and slices instead of rescans of its clause (figure-dense text has
    as many figures as words)."""

    __slots__ = ("tokens", "starts", "lowers", "_v", "_verb", "_negation", "_keys")

    def __init__(self, tokens: Sequence[Token], v: _Vocab) -> None:
        self.tokens = tokens
        self.starts = list(map(_START, tokens))
        self.lowers = list(map(_LOWER, tokens))
        self._v = v
        # Word -> flag: the shared readings, until a word turns out not to be among them (see ``reads``).
        self._verb, self._negation = v.verb, v.negation
        self._keys: dict[tuple[int, int], frozenset[str]] = {}

    def reads(self, clause: Sequence[str], after: Sequence[str]) -> tuple[bool, bool]:
        """(whether a word of ``clause`` negates a figure, whether a word of ``after`` reads as a verb
        of its own), for words of this sentence. Most words have been read before: the sentence's
        words are read (``_Vocab.flags``) only when one of them has not."""
        try:
            return any(map(self._negation.__getitem__, clause)), any(map(self._verb.__getitem__, after))
        except KeyError:
            self._verb, self._negation = self._v.flags(self.lowers)
            return any(map(self._negation.__getitem__, clause)), any(map(self._verb.__getitem__, after))

    def keys(self, first: int, last: int) -> frozenset[str]:
        """Index keys of tokens[first:last] (figures of one clause share them)."""
        found = self._keys.get((first, last))
        if found is None:
            found = self._keys[first, last] = passage_keys(self.tokens[first:last])
        return found


def build_frames(
    sentence: str,
    offset: int,
    quantities: Sequence[Quantity],
    tokens: Sequence[Token],
    lex: Lexicon,
    years: Sequence[Quantity] = (),
) -> list[Frame]:
    """Frames for the figures of one sentence. ``sentence`` starts at ``offset`` in the text the
    quantities and tokens were located in; ``years`` are the sentence's years and dates. Tokens,
    quantities and years are in text order."""
    if not quantities:
        return []
    v = _vocab(lex)
    s = _Sentence(tokens, v)
    lowers = s.lowers
    index = partial(bisect.bisect_left, s.starts)  # offset -> index of the first token starting there or after
    intro_lo, intro_hi = _intro(sentence)
    intro = range(index(intro_lo + offset), index(intro_hi + offset))
    reported = not v.report_cues.isdisjoint(lowers)
    may_deny = not v.denial_firsts.isdisjoint(lowers)  # a denial word, or a denial phrase's first
    may_forecast = not v.forecast_cues.isdisjoint(lowers)
    titled: bool | None = None  # whether a headline: asked only once a figure has places or names
    # Per-sentence answers that spare each figure a question: no place preposition, no place; no
    # hyphen in the sentence's words, no hyphenated word to split into its parts.
    may_place = not PLACE_PREPOSITIONS.isdisjoint(lowers)
    hyphens = "-" in "".join(lowers)
    figure_starts = [q.start for q in quantities]
    year_starts = [y.start - offset for y in years]
    reach = TABLE_MAX_WORDS if len(quantities) >= TABLE_MIN_FIGURES else CLAUSE_MAX_WORDS
    frames: list[Frame] = []
    clause_info: list[tuple[bool, Sequence[Token], bool]] = []
    qualifier_breaks, topic_breaks = _Breaks.of(sentence)

    for q in quantities:
        # Tokens [inside, i) lie within the figure ("two million"); token i is the first after it.
        inside, i = index(q.start), index(q.end)
        # A clause's window: the indexes [first, last) of the tokens starting in the clause, at most
        # ``reach`` words either side of token i, so that a "clause" of figure-dense text with no
        # punctuation stays bounded.
        c_lo, c_hi = qualifier_breaks.clause(q.start - offset, q.end - offset)
        labelled = _labelled(sentence, c_lo, q.start - offset)
        if labelled:
            # "Deaths: 25", "Turnout: 71%": the label before the colon says what the figure is.
            c_lo = qualifier_breaks.clause(c_lo - 1, c_lo - 1)[0]
        first, last = max(index(c_lo + offset), i - reach), min(index(c_hi + offset), i + reach)
        # The clause is its window without the figure's own words: [first, upto) and [ahead, last).
        upto, ahead = min(last, inside), max(first, i)
        clause = [*tokens[first:upto], *tokens[ahead:last]]
        clause_lowers = [*lowers[first:upto], *lowers[ahead:last]]
        scope, scope_lowers = clause, clause_lowers
        if intro:
            # The words of a sentence-opening phrase apply to every figure ("In the first weeks, ...").
            opening = [k for k in intro if not first <= k < upto and not ahead <= k < last]
            scope, scope_lowers = clause + [tokens[k] for k in opening], clause_lowers + [lowers[k] for k in opening]
        t_lo, t_hi = topic_breaks.clause(q.start - offset, q.end - offset)
        if labelled:
            t_lo = min(t_lo, c_lo)
        if t_lo > 0 and _APPOSITIVE.match(sentence, t_lo, t_lo + 12):
            # ", an increase of about 22%" speaks of the clause before it.
            t_lo = topic_breaks.clause(t_lo - 3, t_lo - 2)[0]
        topic_keys = s.keys(max(index(t_lo + offset), i - reach), min(index(t_hi + offset), i + reach))
        # Up to ``reach`` words before the figure; a phrase's span may overlap it.
        before = tokens[max(0, inside - reach) : inside]
        before_lowers = lowers[max(0, inside - reach) : inside]
        if before and max(map(_END, before)) > q.start:
            before = [t for t in before if t.end <= q.start]
            before_lowers = [t.lower for t in before]
        last_before = before_lowers[-1] if before else ""
        modifiers: list[str]
        if q.kind is Kind.PERCENT:
            # "a 60% drop", "45% turnout": what follows a share describes it; the topic words carry it.
            counted, modifiers, implicit = "", [], ""
        else:
            counted, modifiers, implicit = _counted(tokens, lowers, i, q, v, sentence, offset)
            if not counted and not implicit:
                # "The death toll stands at 23", "police arrested 14": the act stands before the figure.
                implicit = _act_before(tokens[first:upto], v)
        head = singular(counted.split()[-1]) if counted else ""
        role = ""
        prev_words = before_lowers[-4:]
        if (last_before == "per" and not _gap(sentence, offset, before[-1].end, q.start)) or (
            q.text.lower().startswith("per ")
        ):
            role = "denominator"  # "12 births per 1,000 people": the 1,000 is no figure of its own
        elif v.part_markers.ends(prev_words):
            role = "whole"
        elif last_before == "of" and _figure_ends_at(quantities, figure_starts, before[-1].start):
            role = "pool"  # "winning 412 of 650 seats": the 650 is what the 412 are taken from
        elif v.comparison_markers.ends(prev_words) and not _revision(sentence, q.end - offset, lex):
            role = "baseline"
        elif last_before == "including" or (
            i < len(tokens)
            and tokens[i].start - q.end < 3
            and _starts_part_marker(tokens, lowers, i, quantities, figure_starts, v)
        ):
            role = "part"  # "500 of the 1,300", "including 33 minors"
        elif not counted and (group := _partitive(tokens, i, lex)) is not None:
            # "one of the detainees", "18 of its members", "two of them": a part of a group.
            role = "part"
            implicit = ""
            counted = " ".join(t.lower for t in group)
            head = singular(counted.split()[-1]) if counted else ""
        in_clause = years[bisect.bisect_left(year_starts, c_lo) : bisect.bisect_left(year_starts, c_hi)]
        year_words = [y.text for y in in_clause]
        strong, weak = _times(scope_lowers, year_words, v, hyphens)
        places = _places(scope, scope_lowers, v) if may_place and role not in ("whole", "pool") else frozenset()
        names = name_phrases(scope)
        if places or names:
            if titled is None:
                titled = is_title_case(tokens)
            if titled:  # a headline's capitals say nothing of places or names
                places, names = frozenset(), frozenset()
        stance = Stance.STATED
        if may_deny and _stance(before_lowers, v) is Stance.DENIED:
            stance = Stance.DENIED
        elif may_forecast and _forecast(tokens[first:upto], v):
            stance = Stance.FORECAST
        elif reported:
            stance = Stance.REPORTED
        concept = (lex.word_concept.get(head) or lex.stem_concept.get(stem(head), "")) if head else ""
        negated, own_verb = s.reads(clause_lowers, lowers[ahead:last])
        clause_info.append((own_verb, clause, last_before == "the"))
        frames.append(
            _new_frame(
                (
                    q,
                    head,
                    concept,
                    head in v.generic_counted or head == "person",
                    implicit,
                    frozenset(modifiers),
                    places,
                    strong,
                    weak,
                    role,
                    stance,
                    topic_keys,
                    names,
                    False,
                    negated,
                )
            )
        )
    _inherit(frames, clause_info)
    return frames


_new_frame = partial(tuple.__new__, Frame)  # a Frame from all its fields, without Frame.__new__'s own call

TITLE_CASE_SHARE = 0.7  # share of longer words capitalised that marks a headline: capitals say nothing there
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those", "them"})


def is_title_case(tokens: Sequence[Token]) -> bool:
    """Whether a sentence is a title-cased headline ("Police Detained 18 Journalists at Protests")."""
    if sum(map(_CAPITAL, tokens)) < 3:
        return False  # a headline has at least three capitalised longer words (70% of three or more)
    longer = list(compress(tokens, map((3).__lt__, map(len, map(_TEXT, tokens)))))  # words over 3 letters
    return len(longer) >= 3 and sum(map(_CAPITAL, longer)) >= TITLE_CASE_SHARE * len(longer)


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


def _starts_part_marker(
    tokens: Sequence[Token],
    lowers: Sequence[str],
    i: int,
    quantities: Sequence[Quantity],
    figure_starts: Sequence[int],
    v: _Vocab,
) -> bool:
    """Whether the words after a figure (token ``i`` on, possibly after its counted noun) open
    "of the <figure>". ``lowers`` are the tokens' lower-cased forms; ``figure_starts`` are the
    starts of ``quantities``, in order."""
    for j in range(i, min(i + COUNTED_MAX_WORDS + 1, len(tokens))):
        word = lowers[j]
        if word in ("of", "among", "out"):
            k = bisect.bisect_left(figure_starts, tokens[j].end)  # the next figure
            return k < len(quantities) and quantities[k].start - tokens[j].end < 24
        if word in v.stopwords:
            return False
    return False


def _counted(
    tokens: Sequence[Token], lowers: Sequence[str], i: int, q: Quantity, v: _Vocab, text: str = "", offset: int = 0
) -> tuple[str, list[str], str]:
    """(counted noun phrase, demonym modifiers, implicit act) for the figure whose span ends before
    token ``i``; ``lowers`` are the tokens' lower-cased forms."""
    words: list[Token] = []
    j = i
    n = len(tokens)
    if j < n and lowers[j] == "of" and (q.scale or q.hedge == "plural"):
        j += 1  # "thousands of people", "a dozen of them"
    while j < n and len(words) < COUNTED_MAX_WORDS:
        t = tokens[j]
        # Punctuation, between the figure or the word before and this one, ends the phrase.
        if _gap(text, offset, tokens[j - 1].end if j > i else q.end, t.start):
            break
        word = lowers[j]
        if word in v.counted_ends:
            break
        # "55 wounded soldiers": a participle before a noun belongs to the phrase; "1,740 arrested
        # overnight": a verb does not.
        if word.endswith("ed") and not (
            j + 1 < n
            and not lowers[j + 1].endswith(("ed", "ly"))
            and tokens[j + 1].start - t.end <= 2
            and lowers[j + 1] not in v.stop_or_time
        ):
            break
        words.append(t)
        j += 1
    if words:
        mods = [singular(w.lower) for w in words[:-1] if is_demonym(w)]
        return " ".join(w.lower for w in words), mods, ""
    for t in tokens[i : i + IMPLICIT_ACT_WINDOW]:
        if t.lower in _COORDINATORS:
            break  # "killed 23 and injured 40": the act after "and" is the next figure's
        if t.concept and t.concept in v.person_acts:
            return "", [], t.concept
    return "", [], ""


_COORDINATORS = frozenset({"and", "or", "but", "while", "whereas"})


def _labelled(sentence: str, clause_start: int, figure_start: int) -> bool:
    """Whether a figure opens its clause right after a colon ("Deaths: 25"): a label states it."""
    return clause_start > 0 and sentence[clause_start - 1] == ":" and not sentence[clause_start:figure_start].strip()


def _figure_ends_at(quantities: Sequence[Quantity], starts: Sequence[int], at: int) -> bool:
    """Whether a figure ends right before offset ``at`` (a space apart)."""
    k = bisect.bisect_left(starts, at) - 1
    return k >= 0 and 0 <= at - quantities[k].end <= 1


def _act_before(clause: Sequence[Token], v: _Vocab) -> str:
    """The act that makes a noun-less figure count people, named before it in its clause ("the
    death toll rose to 23"): the concept of the last such word, or ""."""
    for t in reversed(clause):
        if t.concept and t.concept in v.person_acts:
            return t.concept
    return ""


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


_FIGURE_NEGATIONS = frozenset({"not", "never"})
_AUXILIARIES = frozenset({"are", "were", "was", "had", "have"})


def _inherit(frames: list[Frame], clause_info: Sequence[tuple[bool, Sequence[Token], bool]]) -> None:
    """A figure with no noun takes the noun of the figure before it in the sentence ("530 protesters
    in Moscow and 480 in St Petersburg"); a part takes the noun of the whole it is part of. An
    elliptical figure with no verb of its own ("..., 40 in Oakridge and 80 in Millbrook") also takes
    its donor's topic words; one with its own verb ("and 35 more damaged") keeps only its clause's."""
    for k, f in enumerate(frames):
        if f.counted or f.implicit_act:
            continue
        donor = None
        if f.role == "part" and k + 1 < len(frames) and frames[k + 1].role in ("whole", "pool"):
            donor = frames[k + 1]
        elif k > 0:
            donor = frames[k - 1]
        own_verb, clause, after_the = clause_info[k]
        if after_the:
            continue  # "the 14, 31 and 52": numbers named by "the" are labels, not counts of the noun
        if donor and (donor.counted or donor.implicit_act) and donor.quantity.kind == f.quantity.kind:
            topic = passage_keys(clause) if own_verb else f.topic_keys | donor.topic_keys
            # "more than 100 homes, 40 in Oakridge and 80 in Millbrook": a breakdown by place of
            # an unplaced total is a part of it.
            role = "part" if f.places and not donor.places and not f.role else f.role
            frames[k] = Frame(
                f.quantity,
                donor.counted,
                donor.concept,
                donor.generic,
                donor.implicit_act,
                donor.modifiers,
                f.places,
                f.strong_times,
                f.weak_times,
                role,
                f.stance,
                topic,
                f.names,
                inherited=True,
                negated=f.negated,
            )
