"""Clauses of a sentence, for the frame stage: where a figure's qualifier and topic clauses break
("530 in Moscow and 480 in St Petersburg"), a sentence-opening phrase that applies to every figure,
and a label before a colon ("Deaths: 25") that states one."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .lexicon import frame_words
from .vocab import vocab
from .words import Lexicon, Token, lexicon

_WORDS = frame_words()  # lexicon/frames.yaml
# Qualifier clauses also break at "and" ("530 in Moscow and 480 in St Petersburg"), unless it joins
# words ("in Turkey and Syria", "in leisure and hospitality in January": ``_joins``); topic clauses
# do not ("nine journalists and 33 minors had been detained" shares one act).
_TOPIC_WORDS = "|".join(map(re.escape, _WORDS.topic_break_words))
_TOPIC_WORD = r"\s(?:" + _TOPIC_WORDS + r")\s"
# A break is a bracket or dash, ", " or a word between spaces. Each pattern opens with the class of
# every break's first character, then tells them apart by looking back at it: a pattern that opens
# with a character class is searched for in C, a third faster than one that opens with alternatives.
_BREAK_START = r"[;:()\[\]—–,\s]"
_TOPIC_BREAKS = r"(?<=[;:()\[\]—–])|(?<=,)\s|(?<=\s)(?:" + _TOPIC_WORDS + r")\s"
_TOPIC_BREAK = re.compile(_BREAK_START + "(?:" + _TOPIC_BREAKS + ")")
# Every topic break is a clause break; the group marks the clause breaks that are not.
_CLAUSE_BREAK = re.compile(
    _BREAK_START
    + "(?:"
    + _TOPIC_BREAKS
    + r"|(?<=\s)(?P<qualifier>"
    + "|".join(map(re.escape, _WORDS.qualifier_break_words))
    + r")\s)"
)
_TOPIC_WORD_AT = re.compile(_TOPIC_WORD)
# Words that may follow one or two words an "and" joins ("leisure and hospitality in January").
_CONJUNCT_FOLLOWERS = (_WORDS.place_prepositions | frozenset(_WORDS.intro_openers)) - {"to", "from"}
_INTRO = re.compile("(?:" + "|".join(map(re.escape, _WORDS.intro_openers)) + r")\b", re.I)


class Breaks:
    """The clause breaks of one sentence, found once, so that each figure's clause is a lookup
    rather than a scan (figure-dense text would otherwise cost figures x sentence length)."""

    def __init__(self, length: int, spans: Sequence[tuple[int, int]]) -> None:
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]
        self._length = length

    @classmethod
    def _bounded(cls, length: int, starts: list[int], ends: list[int]) -> Breaks:
        breaks = cls.__new__(cls)
        breaks._starts, breaks._ends, breaks._length = starts, ends, length
        return breaks

    @classmethod
    def of(cls, text: str, figures: Sequence[int] | None = None, offset: int = 0) -> tuple[Breaks, Breaks]:
        """(qualifier, topic) breaks of ``text``, from one scan: the topic breaks are the clause
        breaks but "and", "after" and the like, unless one of those shares its closing space with
        a topic break ("and but"), which a scan of its own then finds. ``figures``, when given, are
        where the text's figures start (in the text that ``text`` starts at ``offset`` in), by which
        an "and" may be found to join words (``_joins``)."""
        starts: list[int] = []
        ends: list[int] = []
        topic_starts: list[int] = []
        topic_ends: list[int] | None = []
        matches = list(_CLAUSE_BREAK.finditer(text))
        last = len(matches) - 1
        for n, m in enumerate(matches):
            a, b = m.span()
            if m.group("qualifier") == "and":
                upto = matches[n + 1].start() if n < last else len(text)  # the next break
                if _joins(text, a, b, upto, figures, offset):
                    continue
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


def _joins(text: str, a: int, b: int, upto: int, figures: Sequence[int] | None, offset: int) -> bool:
    """Whether the "and" at [a, b) joins words, not clauses: two names ("in Turkey and Syria"), or,
    with ``figures`` given, one or two content words with no figure after them before the next
    break at ``upto``, which end there or before a preposition ("jobs in leisure and hospitality
    in January", "bars and restaurants,"); not "and police said", "and has not", "and in York"."""
    if _joins_names(text, a, b):
        return True
    if figures is None or _figure_in(figures, b + offset, upto + offset):
        return False
    before = text[:a].rsplit(maxsplit=1)[-1:]
    if not before or not before[0].islower():  # "in Grodno and journalists in Minsk"
        return False
    words = text[b:upto].lower().split(maxsplit=3)
    lex = lexicon()
    for n in (1, 2):
        if len(words) < n or not _noun_like(words[n - 1], lex):
            return False
        if len(words) == n or words[n] in _CONJUNCT_FOLLOWERS:
            return True
    return False


def _noun_like(word: str, lex: Lexicon) -> bool:
    """Whether a lower-cased word may be a noun or adjective joined to another by "and": no
    function word, verb form, negation, forecast or report word ("hospitality", "restaurants";
    not "has", "said", "never", "expects")."""
    v = vocab(lex)
    verb, negation = v.flags((word,))  # the frame stage's own reading of verb forms and negations
    return (
        word.isalpha()
        and not lex.has("stopwords", word)
        and not verb[word]
        and not negation[word]
        and word not in _WORDS.auxiliaries
        and word not in v.forecast_cues
        and word not in v.report_cues
    )


def _figure_in(figures: Sequence[int], start: int, end: int) -> bool:
    """Whether one of ``figures`` (offsets, in order) starts in [start, end)."""
    k = bisect.bisect_left(figures, start)
    return k < len(figures) and figures[k] < end


def _joins_names(text: str, a: int, b: int) -> bool:
    """Whether the "and" at [a, b) joins two names ("in Turkey and Syria"), one place or group for
    the figure, not two clauses with a figure each ("530 in Moscow and 480 in Kazan")."""
    before = text.rfind(" ", 0, a) + 1
    return b < len(text) and text[b].isupper() and before < a and text[before].isupper() and text[a - 1].isalpha()


INTRO_MAX_CHARS = 120  # a sentence-opening phrase ends with a comma before this offset


def intro(text: str) -> tuple[int, int]:
    """A sentence-opening adverbial phrase ("In the first weeks after the invasion, ...") applies to
    every figure of the sentence; return its span, or (0, 0)."""
    comma = text.find(", ", 0, INTRO_MAX_CHARS + 1)  # (the comma first: most sentences have none so early)
    if 0 < comma < INTRO_MAX_CHARS and _INTRO.match(text):
        return 0, comma
    return 0, 0


def labelled_at(sentence: str, clause_start: int, figure_start: int) -> bool:
    """Whether a figure opens its clause right after a colon ("Deaths: 25", "Change: +3.5%"): a
    label states it."""
    between = sentence[clause_start:figure_start]
    return clause_start > 0 and sentence[clause_start - 1] == ":" and not between.strip(" +")


def label_start(sentence: str, colon: int) -> int:
    """Where the label that ends at the colon ``colon`` starts: after the last full stop or
    semicolon before it, else at the sentence's start."""
    return max(sentence.rfind(";", 0, colon), sentence.rfind(". ", 0, colon)) + 1


def outside_brackets(tokens: Sequence[Token], sentence: str, offset: int) -> list[Token]:
    """The ``tokens`` (in order, at ``offset`` in the text) of ``sentence`` that stand outside round
    brackets, at any depth: one pass over the sentence."""
    outside: list[Token] = []
    depth, at = 0, 0
    for t in tokens:
        for c in sentence[at : t.start - offset]:
            depth += (c == "(") - (c == ")" and depth > 0)
        at = max(at, t.start - offset)
        if not depth:
            outside.append(t)
    return outside


def label_act_words(
    clause: Sequence[Token], sentence: str, offset: int, lex: Lexicon, person_acts: frozenset[str]
) -> Sequence[Token]:
    """The words of a label where the act of its noun-less figure may stand: all of them, but for
    the words in brackets when the rest names an act or a thing of its own. A table cell's caption
    ("Carrisford, Homes flooded (Evacuations and flooded homes by district): 780") is every cell's:
    it does not make the homes column count people evacuated; it does give "Total (People evacuated
    by district)" its act, as does a label's own bracket ("Total (died)")."""
    if "(" not in sentence:
        return clause
    outside = outside_brackets(clause, sentence, offset)
    if any(t.concept in person_acts for t in outside):
        return outside  # "Total deaths (Evacuations by district)": the label's own act
    thing = any((c := lex.noun_concept(t.lower)) and c not in person_acts for t in outside)
    return outside if thing else clause
