"""Stage 4, frames: a figure in its sentence -> what it counts, where, when, for whom, and how the
sentence holds it (part of a whole, a baseline, someone else's claim, denied).

The judge compares a claim figure with a source figure only when their frames align (docs/verdicts.md §1).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from .ages import AGE, ATTRIBUTE, age_form
from .clauses import Breaks, intro, label_act_words, label_start, labelled_at
from .directions import is_change_label, magnitude, marker_act, signed_change
from .lexicon import frame_words
from .model import Kind, Quantity, Stance
from .parts import CLAUSE_END, counted_phrase, counted_so_far, figure_ends_at, gap, partitive, starts_part_marker
from .places import name_phrases, read_places, read_times
from .stances import called_false, denial_cue, denied_before, forecast_after, forecast_before
from .vocab import Vocab, holds, vocab
from .words import Lexicon, Token, passage_keys, singular, stem

CLAUSE_MAX_WORDS = 30  # words either side of a figure that its clause may reach
# A sentence with this many figures is a table or a list, not prose (prose has at most a handful):
# its figures' frames reach only their neighbours, so that framing stays linear in its length.
TABLE_MIN_FIGURES = 20
TABLE_MAX_WORDS = 4  # words either side of a figure in a table that its frame may reach
_WORDS = frame_words()  # lexicon/frames.yaml
_APPOSITIVE = re.compile(r"\s*(?:" + "|".join(map(re.escape, _WORDS.appositive_openers)) + r")\b", re.I)
_RESTATED = re.compile(r",\s*or\s+[^,;:]{0,20}\d[^,;:]{0,16},")  # ", or 14.8%," after a figure


class Frame(NamedTuple):
    """What a figure refers to. ``counted`` is the singular head noun ("soldier"), ``concept`` its
    lexicon concept; ``generic`` marks people in general; ``implicit_act`` the act that makes a
    noun-less figure count people ("arrest" in "1,386 arrested"). ``role`` is "" (the figure itself),
    "part" (a part of a whole named beside it), "other" (a count that leaves something out: "24
    other cities"), "whole" or "baseline" (a figure compared against),
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
    labelled: bool = False  # stated by a label ("Road repairs, Budget 2025: €6.2 million"): no verb
    # Stems of the words before the counted noun in its phrase, demonyms aside: the kind of thing
    # counted ("bus" of "2,300 bus services"; "tram services" are another kind).
    qualifiers: frozenset[str] = frozenset()

    @property
    def counts(self) -> str:
        """A short description of what is counted, for reasons shown to users."""
        if self.counted:
            return self.counted
        return f"people ({self.implicit_act})" if self.implicit_act else "?"


_START, _END, _TEXT = attrgetter("start"), attrgetter("end"), attrgetter("text")
_LOWER, _CAPITAL = attrgetter("lower"), attrgetter("capital")


class _Sentence:
    """Per-word facts of one sentence that every figure's frame reads, computed once: framing a
    figure then costs look-ups and slices instead of rescans of its clause (figure-dense text has
    as many figures as words)."""

    __slots__ = ("tokens", "starts", "lowers", "_v", "_verb", "_negation", "_keys")

    def __init__(self, tokens: Sequence[Token], v: Vocab) -> None:
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
        words are read (``Vocab.flags``) only when one of them has not."""
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
    headline: bool | None = None,
) -> list[Frame]:
    """Frames for the figures of one sentence. ``sentence`` starts at ``offset`` in the text the
    quantities and tokens were located in; ``years`` are the sentence's years and dates. Tokens,
    quantities and years are in text order. ``headline`` says whether the sentence is a title-cased
    headline, whose capitals name nothing; None finds out (a claim is a sentence: False)."""
    if not quantities:
        return []
    framing = _Framing(sentence, offset, quantities, tokens, lex, years)
    framing.titled = headline
    frames: list[Frame] = []
    clause_info: list[tuple[bool, Sequence[Token], bool]] = []
    for q in quantities:
        frame, info = framing.frame(q)
        frames.append(frame)
        clause_info.append(info)
    _inherit(frames, clause_info)
    _acted_parts(frames, framing)
    return frames


def _acted_parts(frames: list[Frame], framing: _Framing) -> None:
    """ "won 412 of the 650 seats": a part right after its verb is the verb's figure, the whole its
    pool; "500 of the 1,300 were in Moscow" stays a part of a whole."""
    for k in range(len(frames) - 1):
        f, whole = frames[k], frames[k + 1]
        if f.role == "part" and whole.role in ("whole", "pool") and framing.verb_before(f.quantity):
            frames[k], frames[k + 1] = f._replace(role=""), whole._replace(role="pool")


class _Window(NamedTuple):
    """Where a figure stands among its sentence's tokens. Tokens [inside, i) lie within the figure
    ("two million"); token i is the first after it. [first, last) are the indexes of the tokens of
    its clause, at most ``reach`` words either side of token i, so that a "clause" of figure-dense
    text with no punctuation stays bounded; the clause without the figure's own words is
    [first, upto) and [ahead, last). [c_lo, c_hi) is the clause in characters of the sentence."""

    inside: int
    i: int
    first: int
    last: int
    upto: int
    ahead: int
    c_lo: int
    c_hi: int
    labelled: bool


class _Framing:
    """One sentence whose figures are being framed: what every figure's frame reads, worked out
    once for the sentence, and the steps that read one figure's frame."""

    def __init__(
        self,
        sentence: str,
        offset: int,
        quantities: Sequence[Quantity],
        tokens: Sequence[Token],
        lex: Lexicon,
        years: Sequence[Quantity],
    ) -> None:
        self.sentence, self.offset, self.quantities, self.tokens, self.lex = sentence, offset, quantities, tokens, lex
        self.v = v = vocab(lex)
        self.s = _Sentence(tokens, v)
        self.lowers = lowers = self.s.lowers
        self.index = partial(bisect.bisect_left, self.s.starts)  # offset -> index of the first token there or after
        intro_lo, intro_hi = intro(sentence)
        self.intro = range(self.index(intro_lo + offset), self.index(intro_hi + offset))
        # "In 2021, 30 people died": the opening phrase's years frame every figure, as its words do.
        self.intro_years, self.intro_end = [y for y in years if intro_lo <= y.start - offset < intro_hi], intro_hi
        self.reported = not v.report_cues.isdisjoint(lowers)
        self.may_deny = not v.denial_firsts.isdisjoint(lowers)  # a denial word, or a denial phrase's first
        self.may_forecast = not v.forecast_cues.isdisjoint(lowers)
        # "The union's claim of a 71% turnout is wrong", "not the 400 its press office claims": a figure
        # the sentence gives as someone's claim and then negates or calls false is denied, not negated.
        self.attributed = not v.attribution_cues.isdisjoint(lowers)
        # "Reports that 30 died are untrue": a proposition noun and "that" give the figure as a say-so.
        self.said_that = [i for i, w in enumerate(lowers[:-1]) if w in v.proposition_nouns and lowers[i + 1] == "that"]
        self.titled: bool | None = None  # whether a headline: asked only once a figure has places or names
        # Per-sentence answers that spare each figure a question: no place preposition, no place; no
        # hyphen in the sentence's words, no hyphenated word to split into its parts.
        self.may_place = not v.place_prepositions.isdisjoint(lowers)
        self.may_be_where = "where" in lowers
        self.hyphens = "-" in "".join(lowers)
        self.figure_starts = [q.start for q in quantities]
        self.years = years
        self.year_starts = [y.start - offset for y in years]
        self.reach = TABLE_MAX_WORDS if len(quantities) >= TABLE_MIN_FIGURES else CLAUSE_MAX_WORDS
        self.qualifier_breaks, self.topic_breaks = Breaks.of(sentence, self.figure_starts, offset)

    def frame(self, q: Quantity) -> tuple[Frame, tuple[bool, Sequence[Token], bool]]:
        """The frame of figure ``q``, and what ``_inherit`` asks of its clause."""
        v, w = self.v, self._window(q)
        clause, clause_lowers, scope, scope_lowers = self._scope(w)
        before, before_lowers = self._before(q, w.inside)
        last_before = before_lowers[-1] if before else ""
        counted, modifiers, implicit = self._counted(q, w)
        if age := age_form(self.sentence, self.offset, q, before, before_lowers, counted):
            # "aged 32", "the 32-year-old": a person's age, counted as its own kind of figure
            q, counted, modifiers, implicit = replace(q, kind=Kind.COUNT, unit=""), AGE, [], ""
        if q.value < 0 and self._change_label(w) and signed_change(self.sentence, q.start - self.offset):
            q = magnitude(q)  # "Offers, Change: −1.6%": fell by 1.6%, as "down 1.6%" says
        role = self._role(q, w.i, before, before_lowers)
        if not role and not counted and (group := partitive(self.tokens, w.i, self.lex)) is not None:
            # "one of the detainees", "18 of its members", "two of them": a part of a group. A share
            # ("17% of those on the drug") names its base, not a larger figure it is part of.
            implicit, counted = "", " ".join(t.lower for t in group)
            role = "" if q.kind is Kind.PERCENT else "part"
        head = singular(counted.split()[-1]) if counted else ""
        year_starts = self.year_starts
        in_clause = self.years[bisect.bisect_left(year_starts, w.c_lo) : bisect.bisect_left(year_starts, w.c_hi)]
        if self.intro_years and w.c_lo >= self.intro_end and not in_clause:
            in_clause = self.intro_years
        strong, weak = read_times(scope_lowers, [y.text for y in in_clause], v, self.hyphens)
        places, names = self._places_and_names(scope, scope_lowers, role, q.start)
        lex = self.lex
        concept = lex.noun_concept(head) if head else ""
        negated, own_verb = self.s.reads(clause_lowers, self.lowers[w.ahead : w.last])
        stance = self._figure_stance(before_lowers, w)
        # What the sentence says after the figure, up to a semicolon that another figure follows:
        # "corrected it to 40,950; the figure of 41,200 was wrong" disputes the 41,200 only.
        semi = self.sentence.find(";", q.end - self.offset)
        if semi >= 0 and not any(x.start - self.offset > semi for x in self.quantities):
            semi = -1  # "...; police say that is false": what follows speaks of this figure
        after = self.lowers[w.i : self.index(self.offset + semi)] if semi >= 0 else self.lowers[w.i :]
        if stance is not Stance.DENIED and (
            (self.attributed and (negated or denial_cue(after, v) is not None))
            or holds(v.disputing_predicates, after)
            or (self.said_that and self.said_that[0] < w.inside and self._called_false(q, w.inside))
        ):
            stance, negated = Stance.DENIED, False
        if counted == AGE and age == ATTRIBUTE and stance is not Stance.STATED:
            stance = Stance.STATED  # "Smith, 32, denied the charges": what is denied is not the age
        fields = (
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
            self._topic_keys(q, w),
            names,
            False,
            negated,
            w.labelled and not own_verb,
            frozenset(stem(x) for x in counted.split()[:-1] if singular(x) not in modifiers) if counted else _NONE,
        )
        return _new_frame(fields), (own_verb, clause, last_before == "the")

    def _called_false(self, q: Quantity, inside: int) -> bool:
        """Whether the clause after the figure calls the say-so that gives it false (``stances``)."""
        end = CLAUSE_END.search(self.sentence, q.end - self.offset)
        after = self.lowers[self.index(q.end) : self.index(self.offset + end.start()) if end else None]
        return called_false(self.lowers[self.said_that[0] + 2 : inside], after, self.v)

    def _window(self, q: Quantity) -> _Window:
        index, offset, sentence, reach = self.index, self.offset, self.sentence, self.reach
        inside, i = index(q.start), index(q.end)
        c_lo, c_hi = self.qualifier_breaks.clause(q.start - offset, q.end - offset)
        labelled = labelled_at(sentence, c_lo, q.start - offset)
        if labelled:
            # "Deaths: 25", "Turnout: 71%", "Road repairs, Budget 2025: €6.2 million": the whole
            # label before the colon says what the figure is, its commas included.
            c_lo = label_start(sentence, c_lo - 1)
        first, last = max(index(c_lo + offset), i - reach), min(index(c_hi + offset), i + reach)
        return _Window(inside, i, first, last, min(last, inside), max(first, i), c_lo, c_hi, labelled)

    def _scope(self, w: _Window) -> tuple[list[Token], list[str], list[Token], list[str]]:
        """The clause's tokens and their lower-cased forms, and the same with the words of a
        sentence-opening phrase, which apply to every figure ("In the first weeks, ...")."""
        tokens, lowers = self.tokens, self.lowers
        clause = [*tokens[w.first : w.upto], *tokens[w.ahead : w.last]]
        clause_lowers = [*lowers[w.first : w.upto], *lowers[w.ahead : w.last]]
        if not self.intro:
            return clause, clause_lowers, clause, clause_lowers
        opening = [k for k in self.intro if not w.first <= k < w.upto and not w.ahead <= k < w.last]
        return (
            clause,
            clause_lowers,
            clause + [tokens[k] for k in opening],
            clause_lowers + [lowers[k] for k in opening],
        )

    def _topic_keys(self, q: Quantity, w: _Window) -> frozenset[str]:
        """The index keys of the figure's topic clause (wider than its qualifier clause)."""
        offset, sentence, topic_breaks = self.offset, self.sentence, self.topic_breaks
        t_lo, t_hi = topic_breaks.clause(q.start - offset, q.end - offset)
        if w.labelled:
            t_lo = min(t_lo, w.c_lo)
        if t_lo > 0 and _APPOSITIVE.match(sentence, t_lo, t_lo + 12):
            # ", an increase of about 22%" speaks of the clause before it.
            t_lo = topic_breaks.clause(t_lo - 3, t_lo - 2)[0]
        if (restated := _RESTATED.match(sentence, t_hi)) is not None:
            # "797,700 people, or 14.8%, were born abroad": the figure said again another way
            # stands between the figure and its verb, which is still the figure's.
            t_hi = max(t_hi, topic_breaks.clause(restated.end(), restated.end())[1])
        index, i, reach = self.index, w.i, self.reach
        keys = self.s.keys(max(index(t_lo + offset), i - reach), min(index(t_hi + offset), i + reach))
        if (
            w.inside > w.first
            and (act := marker_act(self.tokens, self.lowers, w.inside - 1, w.i))
            and q.start - self.tokens[w.inside - 1].end <= 1
        ):
            return keys | {act}  # ", up 3.4 points": the clause says it rose
        if self._change_label(w) and (act := signed_change(sentence, q.start - offset)):
            return keys | {act}  # "Tuition, Change: +3.5%": the label says it rose
        return keys

    def _change_label(self, w: _Window) -> bool:
        """Whether the figure is stated by a label that names a change ("Tuition, Change: ...")."""
        sentence, offset, tokens = self.sentence, self.offset, self.tokens
        return w.labelled and any(
            is_change_label(sentence, tokens[j].start - offset, self.lowers[j]) for j in range(w.first, w.inside)
        )

    def _before(self, q: Quantity, inside: int) -> tuple[Sequence[Token], Sequence[str]]:
        """Up to ``reach`` words before the figure, and their lower-cased forms; a phrase's span
        may overlap the figure, and is left out then."""
        start = max(0, inside - self.reach)
        before, before_lowers = self.tokens[start:inside], self.lowers[start:inside]
        if before and max(map(_END, before)) > q.start:
            before = [t for t in before if t.end <= q.start]
            before_lowers = [t.lower for t in before]
        return before, before_lowers

    def _counted(self, q: Quantity, w: _Window) -> tuple[str, list[str], str]:
        """(counted noun phrase, demonym modifiers, implicit act) of the figure."""
        if q.kind is Kind.PERCENT:
            # "a 60% drop", "45% turnout": what follows a share describes it; the topic words carry it.
            return "", [], ""
        counted, modifiers, implicit = counted_phrase(
            self.tokens, self.lowers, w.i, q, self.v, self.sentence, self.offset
        )
        if not counted and not implicit and q.value == 0 and q.counted in self.v.generic_counted:
            counted = q.counted  # "No one drowned": zeros.py names whom the nought counts
        if not counted and not implicit:
            # "The death toll stands at 23", "police arrested 14": the act stands before the figure.
            clause = self.tokens[w.first : w.upto]
            if w.labelled:  # "Homes flooded (Evacuations ... by district): 780": the caption is every cell's
                clause = label_act_words(clause, self.sentence, self.offset, self.lex, self.v.person_acts)
            implicit = _act_before(clause, self.v)
        return counted, modifiers, implicit

    def _role(self, q: Quantity, i: int, before: Sequence[Token], before_lowers: Sequence[str]) -> str:
        """The figure's part in its sentence: a denominator, the progress of a count, a whole, a pool,
        a baseline, a part, or "" (a figure of its own)."""
        sentence, offset, tokens, quantities, v = self.sentence, self.offset, self.tokens, self.quantities, self.v
        last_before = before_lowers[-1] if before else ""
        prev_words = before_lowers[-4:]
        if (last_before == "per" and not gap(sentence, offset, before[-1].end, q.start)) or (
            q.text.lower().startswith("per ")
        ):
            return "denominator"  # "12 births per 1,000 people": the 1,000 is no figure of its own
        if "with" in before_lowers[-2:] and counted_so_far(q, self.tokens, i, sentence, offset):
            return "progress"  # "With 97% of ballots counted, ...": how much of a count is in
        if self._bracket(q, last_before):
            return "bracket"  # "people aged 65 and over": the 65 bounds a group
        if tokens and self.lowers[0] == "of" and self.s.starts[0] == offset:
            # "Of the 300 people arrested, 90 were women": the whole, then a part of it.
            comma = sentence.find(", ", 0)
            if comma >= 0 and q.start - offset < comma and len(before) <= 3:
                return "whole" if any(x.start - offset > comma for x in quantities) else ""
            whole = any(x.end - offset <= comma for x in quantities)  # not "Of course, 300 came"
            if comma >= 0 and whole and q.start - offset > comma:
                return "part"  # "..., 75 were children and 40 were elderly": each a part
        if v.part_markers.ends(prev_words):
            return "whole"
        of = self._of_before(before, before_lowers)
        if of is not None and figure_ends_at(quantities, self.figure_starts, of.start):
            return "pool"  # "winning 412 of 650 seats": the 650 is what the 412 are taken from
        if v.comparison_markers.ends(prev_words) and not _revision(sentence, q.end - offset, self.lex):
            return "baseline"
        if last_before == "from" and (self._after_figure(before[-1].start) or self._to_figure(q)):
            # "fell to 3.4% in May from 3.5%", "will go from $80 to $95": where the change started
            return "baseline"
        if i < len(tokens) and tokens[i].start - q.end < 3 and self.lowers[i] in _WORDS.additive_words:
            return "other"  # "Paris and 24 other cities": a count that leaves something out
        if last_before == "including" or (
            i < len(tokens)
            and tokens[i].start - q.end < 3
            and starts_part_marker(tokens, self.lowers, i, quantities, self.figure_starts, v, sentence, offset)
        ):
            return "part"  # "500 of the 1,300", "including 33 minors"
        return ""

    def verb_before(self, q: Quantity) -> bool:
        """Whether the word right before figure ``q`` is a verb of its own ("won 412"). Not an
        -ing form, whose subject may be another's ("the Tories collapsed, winning 121 of 650")."""
        k = self.index(q.start)
        if k == 0 or gap(self.sentence, self.offset, self.tokens[k - 1].end, q.start):
            return False
        word = self.lowers[k - 1]
        return self.v.flags((word,))[0][word]

    def _of_before(self, before: Sequence[Token], before_lowers: Sequence[str]) -> Token | None:
        """The "of" right before a figure, or before its owner ("of its 9,100", "of Kelvor's 40")."""
        if before_lowers and before_lowers[-1] == "of":
            return before[-1]
        if len(before) >= 2 and before_lowers[-2] == "of":
            owner = before[-1]
            at = owner.end - self.offset
            if before_lowers[-1] in _WORDS.possessive_determiners or self.sentence[at : at + 1] in ("'", "’"):
                return before[-2]
        return None

    def _bracket(self, q: Quantity, last_before: str) -> bool:
        """Whether figure ``q`` bounds an age group ("aged 65 and over", "aged 18 to 24", "65 or
        older") rather than being a figure of its own ("Smith, aged 32, said"). An age is a bare
        number: "100 million euros plus bonuses" bounds nothing."""
        if q.kind is not Kind.COUNT or q.unit:
            return False
        after = self.sentence[q.end - self.offset : q.end - self.offset + 16].lower().lstrip()
        if after.startswith(_WORDS.bracket_closers) or q.text.lower().endswith(_WORDS.bracket_closers):
            return True
        return last_before in _WORDS.bracket_openers and q.hedge != "exact"

    def _to_figure(self, q: Quantity) -> bool:
        """Whether "to" and another figure follow figure ``q`` ("from $80 to $95")."""
        k = bisect.bisect_right(self.figure_starts, q.start)
        if k >= len(self.quantities):
            return False
        between = self.sentence[q.end - self.offset : self.quantities[k].start - self.offset]
        return between.strip().lower() == "to"

    def _after_figure(self, at: int) -> bool:
        """Whether a figure stands before offset ``at`` with only time and function words between
        ("4.1% in March from"), in the same clause."""
        k = bisect.bisect_left(self.figure_starts, at) - 1
        if k < 0:
            return False
        between = self.sentence[self.quantities[k].end - self.offset : at - self.offset]
        words = between.split()
        return not set(",;:()") & set(between) and all(w.lower() in self.v.stop_or_time for w in words)

    def _places_and_names(
        self, scope: Sequence[Token], scope_lowers: Sequence[str], role: str, at: int
    ) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
        """The places and name phrases of the figure's clause (the figure at offset ``at``); none in
        a headline, whose capitals say nothing of places or names, nor for a whole or a pool (the
        parts' places are theirs). Names before a verb of speech that stands before the figure say
        who gives it, not whose it is ("The Western Ranges Fire Service puts the area at 9,800")."""
        places: frozenset[str] = frozenset()
        if self.may_place and role not in ("whole", "pool"):
            places = read_places(scope, scope_lowers, self.v)
        if self.may_be_where and role not in ("whole", "pool") and (where := self._where_place(at)):
            places = places | {where}
        names = name_phrases(scope)
        if names:
            cues = self.v.speaker_verbs
            said = [i for i, w in enumerate(scope_lowers) if w in cues and scope[i].start < at]
            if said:
                names = name_phrases(scope[said[-1] + 1 :])
        if places or names:
            if self.titled is None:
                self.titled = is_title_case(self.tokens)
            if self.titled:
                return frozenset(), frozenset()
        return places, names

    def _where_place(self, at: int) -> str:
        """The place a relative "where" opens the figure's clause on ("the North, where 26.8% of
        residents are 65 or over"; "in Harvik, where rents rose 9%"), as a stem; "" when none:
        "where" must stand after a comma and a capitalised name, with no clause break between it
        and the figure at offset ``at``."""
        tokens, sentence, offset = self.tokens, self.sentence, self.offset
        k = max((i for i, t in enumerate(tokens) if t.start < at and self.lowers[i] == "where"), default=-1)
        if k < 2 or CLAUSE_END.search(sentence, tokens[k].end - offset, at - offset):
            return ""
        name = tokens[k - 1]
        if not name.capital or sentence[name.end - offset : tokens[k].start - offset].strip() != ",":
            return ""
        return name.stem if self.lowers[k - 2] in ("the", *self.v.place_prepositions) else ""

    def _figure_stance(self, before_lowers: Sequence[str], w: _Window) -> Stance:
        """Denied by a denial before the figure, else a forecast by a cue in its clause before it,
        else reported in a sentence with a reporting word, else stated."""
        if self.may_deny and denied_before(before_lowers, self.v):
            return Stance.DENIED
        if self.may_forecast and (
            forecast_before(self.tokens[w.first : w.upto], self.v) or forecast_after(self.tokens[w.i : w.last], self.v)
        ):
            return Stance.FORECAST
        if self.reported:
            return Stance.REPORTED
        return Stance.STATED


_NONE: frozenset[str] = frozenset()
_new_frame = partial(tuple.__new__, Frame)  # a Frame from all its fields, without Frame.__new__'s own call

TITLE_CASE_SHARE = 0.7  # share of longer words capitalised that marks a headline: capitals say nothing there


def is_title_case(tokens: Sequence[Token]) -> bool:
    """Whether a sentence is a title-cased headline ("Police Detained 18 Journalists at Protests")."""
    if sum(map(_CAPITAL, tokens)) < 3:
        return False  # a headline has at least three capitalised longer words (70% of three or more)
    longer = list(compress(tokens, map((3).__lt__, map(len, map(_TEXT, tokens)))))  # words over 3 letters
    return len(longer) >= 3 and sum(map(_CAPITAL, longer)) >= TITLE_CASE_SHARE * len(longer)


def _act_before(clause: Sequence[Token], v: Vocab) -> str:
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
    return any(lex.has("report_cues", w) or w in _WORDS.revision_words for w in words)


def _inherit(frames: list[Frame], clause_info: Sequence[tuple[bool, Sequence[Token], bool]]) -> None:
    """A figure with no noun takes the noun of the figure before it in the sentence ("530 protesters
    in Moscow and 480 in St Petersburg"); a part takes the noun of the whole it is part of. An
    elliptical figure with no verb of its own ("..., 40 in Oakridge and 80 in Millbrook") also takes
    its donor's topic words; one with its own verb ("and 35 more damaged") keeps only its clause's."""
    for k, f in enumerate(frames):
        whole = (
            frames[k + 1]
            if f.role == "part" and k + 1 < len(frames) and frames[k + 1].role in ("whole", "pool")
            else None
        )
        if f.role == "part" and f.counted and k > 0 and frames[k - 1].role == "whole":
            # "Of the 300 people arrested, 90 were women": the part is of the whole's act.
            frames[k] = f._replace(topic_keys=f.topic_keys | frames[k - 1].topic_keys)
            continue
        # "3,900 of its 9,100 staff": the part counts the whole's noun, which its act word only found
        if f.counted or (f.implicit_act and not (whole and whole.counted)):
            continue
        donor = None
        if whole is not None:
            donor = whole
        elif f.role == "part" and (before := [g for g in frames[:k] if g.role == "whole"]):
            donor = before[-1]  # "Of the 480 rescued, 75 were children and 40 elderly": the whole's noun
        elif k > 0:
            donor = frames[k - 1]
        own_verb, clause, after_the = clause_info[k]
        if after_the:
            continue  # "the 14, 31 and 52": numbers named by "the" are labels, not counts of the noun
        if donor and (donor.counted or donor.implicit_act) and donor.quantity.kind == f.quantity.kind:
            topic = passage_keys(clause) if own_verb else f.topic_keys | donor.topic_keys
            # "more than 100 homes, 40 in Oakridge and 80 in Millbrook": a breakdown of a total, a part
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
                labelled=f.labelled,
                qualifiers=donor.qualifiers,
            )
