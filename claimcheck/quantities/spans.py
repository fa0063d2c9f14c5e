"""Spans: read every number of a text in order, from anchor to anchor, then join neighbours into
ranges; the result as frozen ``model.Quantity`` objects with their spans in the text."""

from __future__ import annotations

from dataclasses import fields

from ..model import Quantity
from .anchors import anchor_positions, may_have_numbers, may_have_signs, word_anchors
from .draft import K_IDENTIFIER, Draft
from .lexicon import NumberLexicon, number_lexicon
from .ranges import merge_neighbours
from .reader import read_at
from .shapes import IDENT_ALPHA, YEAR_PREFIXES
from .tokens import Chain

ANCHOR_WINDOW = 4096  # characters anchored at a time (see anchors.anchor_positions)
_NOT_BEFORE_NUM = frozenset("_^./")  # with letters and digits: what core's "num" may not follow
# What reading at an anchor that is no digit comes to (see _read_word_anchor)
_READ, _NO_MATCH, _SKIP, _IDENTIFIER = range(4)


def extract_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every number in ``text``, figures and non-figures alike (see ``Quantity.kind``), sorted by start;
    ``start``/``end`` are offsets in ``text`` plus ``offset`` (where ``text`` stands in a larger one).

    Conventions:

    - ``value`` is the figure as written after scaling and sign ("1.2m" -> 1200000, "minus five" -> -5,
      "45%" -> 45, "40 pence" -> 0.40 with unit GBP, "one in four" -> 25 with kind PERCENT). For a
      range ("between 200 and 300") it is the lower stated figure; for vague plurals ("thousands of")
      the lower end of their interval.
    - ``lo``/``hi`` is the logical interval from the hedge rule in ``lexicon/hedges.yaml`` (None = open),
      with ``lo_open``/``hi_open``; ``hedge`` names the rule. Ranges and two-sided bounds ("more than
      10 and less than 40") have hedge "between". Non-figures have ``lo = hi = None`` except years.
    - ``step`` is the unit of the last digit of a decimal mantissa before a scale word ("2.5bn" -> 1e8).
    - ``counted`` is the noun phrase written right after the figure ("" when a verb or preposition
      follows); written fractions ("half", "two thirds") keep their value as a fraction (0.5).

    >>> [(q.text, q.value, q.hedge, q.kind.value) for q in extract_quantities("Nearly 1,400 came on May 4.")]
    [('Nearly 1,400', 1400.0, 'nearly', 'count'), ('4', 4.0, 'exact', 'date')]
    """
    if not may_have_numbers(text):
        return []
    return [_quantity(q, text, offset) for q in read_all(text)]


def read_all(text: str) -> list[Draft]:
    """The drafts of every number in ``text``, neighbours joined into ranges (see merge_neighbours)."""
    lex = number_lexicon()
    return merge_neighbours(text, read_figures(text, lex), lex)


def read_figures(text: str, lex: NumberLexicon) -> list[Draft]:
    """Every number in ``text`` in order, read at anchor after anchor; a figure never overlaps the one
    before it. A text is anchored in windows, so that a figure that runs on ("1-1-1-...") is not
    anchored all along."""
    found: list[Draft] = []
    pos, prev_end, chain = 0, -1, Chain()
    words = word_anchors(text)
    signs = may_have_signs(text, lex)
    anchors: list[int] = []
    k = hi = 0
    n = len(text)
    while True:
        if k == len(anchors) or pos >= hi:
            if max(pos, hi) >= n:
                return found
            lo = max(pos, hi)
            hi = min(n, lo + ANCHOR_WINDOW)
            anchors, k = anchor_positions(text, lex, words, lo, hi, signs), 0
            continue
        s = anchors[k]
        k += 1
        if s < pos:
            continue
        if text[s].isdecimal():  # what core's "num" does at a digit (\d is Unicode's Nd), without the match
            if s and (text[s - 1].isalnum() or text[s - 1] in _NOT_BEFORE_NUM):
                continue
            q, nxt = read_at(text, s, prev_end, chain)
        elif text[s] in lex.unicode_fractions:  # core's "uf", which nothing before it can stop
            q, nxt = read_at(text, s, prev_end, chain)
        else:
            q, nxt, how = _read_word_anchor(text, s, prev_end, chain, lex)
            if how != _READ:
                if how == _IDENTIFIER and q is not None:
                    found.append(q)
                    prev_end = nxt
                if how != _NO_MATCH:
                    pos = nxt
                continue
        if q is not None and _keep(found, q):
            found.append(q)
            prev_end = q.end
        pos = nxt if nxt > s else s + 1


def _read_word_anchor(
    text: str, s: int, prev_end: int, chain: Chain, lex: NumberLexicon
) -> tuple[Draft | None, int, int]:
    """At an anchor that is no digit: a URL (skipped), a code ("Su-57": an identifier), a currency
    code or a year prefix before digits ("USD5", "mid-1990s"), or a number word. Returns the
    quantity, where to go on and what it came to (_READ, _NO_MATCH, _SKIP or _IDENTIFIER)."""
    m = lex.core.match(text, s)
    if m is None:
        return None, s, _NO_MATCH
    group = m.lastgroup
    if group == "url":
        return None, m.end(), _SKIP
    if group != "alpha":
        return (*read_at(text, s, prev_end, chain), _READ)
    letters = m.group().rstrip("-")
    digit_at = m.end()
    prefix = letters.lower() in YEAR_PREFIXES and m.group().endswith("-")
    if prefix or (letters.upper() in lex.codes and letters.isupper()) or letters.lower() in lex.lowercase_codes:
        return (*read_at(text, digit_at, prev_end, chain), _READ)
    im = IDENT_ALPHA.match(text, s)
    end = im.end() if im else digit_at + 1
    return Draft(s, end, 0.0, None, None, kind=K_IDENTIFIER), end, _IDENTIFIER


def _keep(found: list[Draft], q: Draft) -> bool:
    """Whether ``q`` goes after the figures found: its context may not reach into the last of them
    (then it starts where that one ends), its numeral may not."""
    if found and q.start < found[-1].end:
        q.start = found[-1].end if q.num_start >= found[-1].end else q.start
        if q.start < found[-1].end:
            return False
    return True


# Quantity is frozen, so its __init__ sets each field through object.__setattr__. The reader makes
# one per figure and sets the slots directly instead: the same object in about half the time.
_QUANTITY_FIELDS = ("start", "end", "text", "value", "lo", "hi", "hedge", "kind", "unit", "counted", "scale",
                    "lo_open", "hi_open", "step")  # fmt: skip
if {f.name for f in fields(Quantity)} != set(_QUANTITY_FIELDS):  # a field added to Quantity must be set here
    raise RuntimeError("claimcheck.quantities._quantity does not set the fields of model.Quantity")
_SETTERS = [getattr(Quantity, n).__set__ for n in _QUANTITY_FIELDS]  # the slots' own descriptors
(_SET_START, _SET_END, _SET_TEXT, _SET_VALUE, _SET_LO, _SET_HI, _SET_HEDGE, _SET_KIND, _SET_UNIT, _SET_COUNTED,
 _SET_SCALE, _SET_LO_OPEN, _SET_HI_OPEN, _SET_STEP) = _SETTERS  # fmt: skip
_new_object = object.__new__


def _quantity(q: Draft, text: str, offset: int) -> Quantity:
    out: Quantity = _new_object(Quantity)
    _SET_START(out, q.start + offset)
    _SET_END(out, q.end + offset)
    _SET_TEXT(out, text[q.start : q.end])
    _SET_VALUE(out, q.value)
    _SET_LO(out, q.lo)
    _SET_HI(out, q.hi)
    _SET_HEDGE(out, q.hedge)
    _SET_KIND(out, q.kind)
    _SET_UNIT(out, q.unit)
    _SET_COUNTED(out, q.counted)
    _SET_SCALE(out, q.scale)
    _SET_LO_OPEN(out, q.lo_open)
    _SET_HI_OPEN(out, q.hi_open)
    _SET_STEP(out, q.step)
    return out
