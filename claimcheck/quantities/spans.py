"""Spans: where numbers can start in a text (anchors), and the pass that reads them all in order."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import fields
from functools import cache

from ..model import Quantity
from .chars import FOLD, FOLD_FROM, LETTER, LETTERS, LETTERS_ONLY
from .draft import K_IDENTIFIER, Draft
from .hedges import hedge_before
from .lexicon import NumberLexicon, number_lexicon
from .ranges import merge_pair
from .reader import read_at
from .shapes import DIGITISH, IDENT_ALPHA, YEAR_PREFIXES
from .tokens import Chain

ANCHOR_WINDOW = 4096  # characters anchored at a time (see _anchors)
# Same matches as \d+; a pattern that starts with a character class lets re's search skip ahead in C.
_DIGIT_RUN = re.compile(r"\d\d*")
_NOT_BEFORE_NUM = frozenset("_^./")  # with letters and digits: what core's "num" may not follow
_BEFORE_DIGITS = LETTER | {".", "-"}  # what before a digit run adds an anchor of its own


def _anchors(text: str, lex: NumberLexicon, words: list[int], lo: int, hi: int, signs: bool = True) -> list[int]:
    """Every position in [lo, hi) where ``lex.core`` can match (and a few where it cannot), in order.

    Searching ``core`` itself tries all its alternatives at every character; these are found with
    fast C loops instead: digit runs (with a "." or up to 12 letters right before them, for ".5" and
    "Su-57"), URL and fraction signs (unless ``signs`` is false: the text has none), and the number
    words of ``words`` (see _word_anchors). A text is read in windows, so that a figure that runs on
    ("1-1-1-...") is not anchored all along."""
    found = words[bisect_left(words, lo) : bisect_left(words, hi)]
    runs = [m.start() for m in _DIGIT_RUN.finditer(text, lo, hi + 14)]  # a run up to 13 characters on has letters here
    found += runs
    for d in runs:
        c = text[d - 1] if d else ""
        if c in _BEFORE_DIGITS:  # most runs follow a space or a comma: nothing to add
            if c == ".":
                found.append(d - 1)
            e = b = d - 1 if c == "-" else d
            while b > 0 and e - b < 12 and text[b - 1] in LETTER:
                b -= 1
            found.append(b)
    if signs:
        found.extend(m.start() for m in lex.url_or_fraction.finditer(text, lo, hi + 8))
    found = sorted(set(found))
    return found[bisect_left(found, lo) : bisect_left(found, hi)]


def letter_runs(low: str) -> list[str]:
    """``LETTERS.findall(low)``; for ASCII text, a byte translation and a split do it 3x faster."""
    if low.isascii():
        return low.encode("ascii").translate(LETTERS_ONLY).decode("ascii").split()
    return LETTERS.findall(low)


def _word_anchors(text: str) -> list[int]:
    """Where number words (and "point") start, found with ``str.find``, and the word before each
    ("a dozen", "a few", "point five"), in order."""
    found: list[int] = []
    # The folded letters are not ASCII.
    low = text.lower() if text.isascii() or not any(c in text for c in FOLD_FROM) else text.translate(FOLD).lower()
    for w in _anchor_words().intersection(letter_runs(low)):
        i = low.find(w)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):  # (?<![\w])
                found.append(i)
                j = i
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                b = j
                while b > 0 and j - b < 5 and text[b - 1] in LETTER:
                    b -= 1
                if b < j:
                    found.append(b)
            i = low.find(w, i + 1)
    return sorted(set(found))


@cache
def _anchor_words() -> frozenset[str]:
    return number_words() | {"point"}


@cache
def number_words() -> frozenset[str]:
    """Every word of the number lexicon: a text without one of them (and without digits) has no number."""
    return frozenset(part for w in number_lexicon().words for part in w.split() if part not in ("a", "an", "point"))


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
    """
    lex = number_lexicon()
    if not DIGITISH.search(text) and number_words().isdisjoint(letter_runs(text.lower())):
        return []  # the prefilter: no digit and no number word
    found: list[Draft] = []
    pos = 0
    prev_end = -1
    core = lex.core
    chain = Chain()
    words = _word_anchors(text)
    # what url_or_fraction needs ("://", "www." in any case, a fraction sign): most texts have none
    signs = (
        "://" in text or "ww." in text.lower() or (not text.isascii() and any(c in text for c in lex.unicode_fractions))
    )  # the signs are not ASCII
    anchors: list[int] = []
    k = hi = 0
    n = len(text)
    while True:
        if k == len(anchors) or pos >= hi:
            if max(pos, hi) >= n:
                break
            lo = max(pos, hi)
            hi = min(n, lo + ANCHOR_WINDOW)
            anchors, k = _anchors(text, lex, words, lo, hi, signs), 0
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
            m = core.match(text, s)
            if m is None:
                continue
            group = m.lastgroup
            if group == "url":
                pos = m.end()
                continue
            if group == "alpha":
                letters = m.group().rstrip("-")
                digit_at = m.end()
                if letters.lower() in YEAR_PREFIXES and m.group().endswith("-"):
                    pos = digit_at
                    q, nxt = read_at(text, digit_at, prev_end, chain)
                elif letters.upper() in lex.codes and letters.isupper() or letters.lower() in ("usd", "eur", "gbp"):
                    q, nxt = read_at(text, digit_at, prev_end, chain)
                else:
                    im = IDENT_ALPHA.match(text, s)
                    end = im.end() if im else digit_at + 1
                    found.append(Draft(s, end, 0.0, None, None, kind=K_IDENTIFIER))
                    prev_end = pos = end
                    continue
            else:
                q, nxt = read_at(text, s, prev_end, chain)
        if q is not None:
            if found and q.start < found[-1].end:
                q.start = found[-1].end if q.num_start >= found[-1].end else q.start
            if found and q.start < found[-1].end:
                pos = nxt if nxt > s else s + 1
                continue
            found.append(q)
            prev_end = q.end
        pos = nxt if nxt > s else s + 1

    # Second pass over neighbours: ranges, two-sided bounds, ratios, scores.
    merged: list[Draft] = []
    for q in found:
        if merged:
            pair = merge_pair(text, merged[-1], q)
            if pair is not None:
                first = merged.pop()
                if first.between and first.start == pair.start:
                    hb = hedge_before(text, first.start, lex)
                    if hb is not None:
                        pair.start = hb[1]
                pair.num_start, pair.num_end = first.num_start, q.num_end
                merged.append(pair)
                continue
        merged.append(q)

    return [_quantity(q, text, offset) for q in merged]


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
