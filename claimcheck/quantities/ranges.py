"""Pairs of figures: ranges, bounds on both sides, ratios, scores, uncertainties."""

from __future__ import annotations

import re

from .chars import cases_of
from .draft import K_COUNT, K_DATE, K_IDENTIFIER, K_MEASURE, K_MONEY, K_PERCENT, K_YEAR, Draft
from .hedges import hedge_before
from .lexicon import NumberLexicon, context_words, hedge_table
from .patterns import words_alt
from .shapes import YEAR_MAX, YEAR_MIN

_WORDS = context_words()  # lexicon/context.yaml
_TO = words_alt(_WORDS.range_words)
_DASH_TO = words_alt(_WORDS.range_words_after_dash)
_RANGE_JOIN = re.compile(rf"[ \t]*(?:-[ \t]*(?:{_DASH_TO})|[-–—~]|{_TO}|{words_alt(_WORDS.range_and)})[ \t]*\Z", re.I)
_DASH_JOIN = re.compile(r"[ \t]*[-–—][ \t]*\Z")
_WORD_TO = re.compile(rf"[ \t]*-?[ \t]*(?:{_TO})[ \t]+\Z", re.IGNORECASE)
_BOUND_JOIN = re.compile(rf"[ \t]*,?[ \t]*(?:(?:{words_alt(_WORDS.two_bounds_and)})[ \t]+)?\Z", re.IGNORECASE)
_ANY_WHOLE = words_alt(_WORDS.share_words_any_whole)
_SHARE = words_alt(w for w in _WORDS.share_words if w not in _WORDS.share_words_any_whole)
_RATIO_JOIN = re.compile(rf"[ \t]+(?:(?P<any>{_ANY_WHOLE})|{_SHARE})[ \t]+\Z", re.IGNORECASE)
SHARE_MAX_WHOLE = 1000  # "one in four" is a share; "one in 5,000" only with "out of"
_PM_JOIN = re.compile(r"[ \t]*(?:\+/-|±|\+-)[ \t]*\Z")
_LOWER = frozenset(name for name, rule in hedge_table().items() if rule.bound == "lower")
_UPPER = frozenset(name for name, rule in hedge_table().items() if rule.bound == "upper")
_BOUNDS = _LOWER | _UPPER
# What the joiners above but _BOUND_JOIN can start with after spaces (in any case IGNORECASE allows).
_JOINER_WORDS = (*_WORDS.range_words, *_WORDS.range_and, *_WORDS.share_words)
_JOIN_FIRST = frozenset("+±-–—~") | {c for w in _JOINER_WORDS for c in cases_of(w[0])}
_RANGE_AND = frozenset(_WORDS.range_and)
_TO_JOINERS = frozenset(_WORDS.range_words) | {f"- {w}" for w in _WORDS.range_words_after_dash}
CHANGE_VERB = re.compile(rf"(?<![\w])(?:{words_alt(_WORDS.change_verbs)})(?![\w])[^.;]{{0,40}}\Z", re.IGNORECASE)
_FIGURES = frozenset({K_COUNT, K_PERCENT, K_MONEY, K_MEASURE})


def merge_pair(text: str, a: Draft, b: Draft) -> Draft | None:
    """The one quantity two neighbouring figures make, or None: a range ("between 200 and 300",
    "$5-10bn"), two bounds ("more than 10 and less than 40"), a share ("one in four"), a value and
    its uncertainty ("9.83 +/- 0.01"), or a span of years, a year and month, a score ("4-2").

    >>> from .spans import read_all
    >>> [(q.hedge, q.lo, q.hi) for q in read_all("between 200 and 300 people")]
    [('between', 200.0, 300.0)]
    """
    gap = text[a.end : b.start]
    if len(gap) > 16 or "\n" in gap:
        return None
    bounds = a.hedge in _BOUNDS and b.hedge in _BOUNDS
    if not bounds and gap.strip(" \t")[:1] not in _JOIN_FIRST:
        return None  # what is between them is no joiner: most neighbours
    if _PM_JOIN.match(gap) and a.kind in _FIGURES and b.kind in _FIGURES and a.hedge == b.hedge == "exact":
        return _uncertainty(a, b)
    if bounds and _BOUND_JOIN.match(gap):
        return _two_bounds(a, b)
    if a.hedge not in ("exact", "about") or b.hedge != "exact" or b.between:
        return None
    ratio = _RATIO_JOIN.match(gap)
    if ratio is not None and _is_share(ratio, a, b):
        return _share(a, b)
    return _range(text, gap, a, b)


def _uncertainty(a: Draft, b: Draft) -> Draft:
    """ "9.83e-3 +/- 1e-5": a value and its uncertainty, read as about the value."""
    lo, hi = a.value - abs(b.value), a.value + abs(b.value)
    return Draft(a.start, b.end, a.value, lo, hi, "about", a.kind, a.unit or b.unit, a.counted or b.counted, a.scale)


def _two_bounds(a: Draft, b: Draft) -> Draft | None:
    """ "more than 10 and less than 40", "at most 100 and at least 20": the interval between them."""
    lo_q, hi_q = (a, b) if a.hedge in _LOWER and b.hedge in _UPPER else (b, a)
    if not (lo_q.hedge in _LOWER and hi_q.hedge in _UPPER and a.kind == b.kind):
        return None
    if lo_q.lo is None or hi_q.hi is None or not lo_q.lo < hi_q.hi:
        return None
    return Draft(a.start, b.end, lo_q.value, lo_q.lo, hi_q.hi, "between", a.kind, a.unit or b.unit, b.counted,
                 a.scale or b.scale, lo_q.lo_open, hi_q.hi_open)  # fmt: skip


def _is_share(ratio: re.Match[str], a: Draft, b: Draft) -> bool:
    """Two whole counts, the first the smaller: "one in four", "two out of five hundred"."""
    if not (a.kind == b.kind == K_COUNT and a.is_int and b.is_int and 0 < a.value < b.value and not a.scale):
        return False
    return b.value <= SHARE_MAX_WHOLE or ratio.group("any") is not None


def _share(a: Draft, b: Draft) -> Draft:
    """A share as a percentage, keeping the hedge: "roughly one in four" is about 25%."""
    share = a.value / b.value * 100
    rule = hedge_table()[a.hedge]
    lo = share * rule.lo if rule.lo is not None else None
    hi = share * rule.hi if rule.hi is not None else None
    return Draft(a.start, b.end, share, lo, hi, a.hedge, K_PERCENT, "%", b.counted)


def _range(text: str, gap: str, a: Draft, b: Draft) -> Draft | None:
    """A range written with a dash or a word ("200-300", "200 to 300", "between 200 and 300"), or
    what such a pair is when it is no range of counts (years, a score)."""
    if a.hedge == "about" and not _DASH_JOIN.match(gap) and not _WORD_TO.match(gap):
        return None
    if not _RANGE_JOIN.match(gap):
        return None
    joiner = gap.strip().lower()
    if joiner in _RANGE_AND and a.between != _WORDS.range_opener_and:
        return None
    if joiner in _TO_JOINERS and a.between == _WORDS.range_opener_to and _change_before(text, a):
        return None  # "rose from 5 to 7": two figures, before and after
    dash = bool(_DASH_JOIN.match(gap))
    if dash and (a.words or b.words):
        return None  # "three-nought-four" is three numbers
    if a.kind == K_YEAR:
        return _year_pair(text, a, b, dash)
    if a.kind == b.kind == K_PERCENT and in_points(text[a.start : a.end]) != in_points(text[b.start : b.end]):
        return None  # "rose 2.9 percentage points to 31%": a change in points, then the level it reached
    if dash and not a.between and a.small_int and b.small_int and a.value >= b.value and joiner == "-":
        return Draft(a.start, b.end, a.value, None, None, kind=K_IDENTIFIER)  # a score: "4-2"
    return _figure_range(a, b)


def in_points(text: str) -> bool:
    """Whether a percent is written in percentage points ("6.2 percentage points"): a difference of
    two shares, not a share ("4.8%")."""
    return text.lower().rstrip("s").endswith("point")


def _change_before(text: str, a: Draft) -> bool:
    """A verb of change shortly before the figure: "rose from 5 to 7" is a change, not a range."""
    return CHANGE_VERB.search(text, max(0, a.start - 60), a.start) is not None


def _year_pair(text: str, a: Draft, b: Draft, dash: bool) -> Draft | None:
    """After a year: a span of years ("1941-1945", "2019-2020 flu season": a noun after the second
    made it look like a count), a fiscal year or a year and month ("2013-14", "1995-01")."""
    later_year = b.kind == K_YEAR or (
        dash and b.kind == K_COUNT and b.is_int and not b.scale and YEAR_MIN <= b.value <= YEAR_MAX
    )
    if later_year and a.value < b.value:
        return Draft(a.start, b.end, a.value, a.value, b.value, "between", K_YEAR)
    if dash and b.kind == K_COUNT and b.is_int and len(text[b.num_start : b.num_end]) == 2:
        return Draft(a.start, b.end, a.value, None, None, kind=K_DATE)
    return None


def _figure_range(a: Draft, b: Draft) -> Draft | None:
    """A range of two figures of one kind and unit; a scale written once counts for both
    ("between 2 and 3 million", "$5-10bn")."""
    if a.kind not in _FIGURES or b.kind not in _FIGURES:
        return None
    if a.kind != b.kind and a.kind != K_COUNT:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None  # "from 44 ml to 50 mg" is two figures
    va = a.value
    if not a.scale and b.scale and b.mult > 1 and abs(va) < abs(b.value) / b.mult:
        va *= b.mult
    if not a.between and va >= b.value:
        return None
    kind = b.kind if a.kind == K_COUNT else a.kind
    return Draft(a.start, b.end, va, min(va, b.value), max(va, b.value), "between", kind, a.unit or b.unit,
                 b.counted, b.scale or a.scale)  # fmt: skip


def merge_neighbours(text: str, found: list[Draft], lex: NumberLexicon) -> list[Draft]:
    """The figures with each pair of neighbours that makes one quantity joined (see merge_pair); a
    range opened by "between" or "from" starts at that word."""
    merged: list[Draft] = []
    for q in found:
        pair = merge_pair(text, merged[-1], q) if merged else None
        if pair is None:
            merged.append(q)
            continue
        first = merged.pop()
        if first.between and first.start == pair.start:
            hb = hedge_before(text, first.start, lex)
            if hb is not None:
                pair.start = hb[1]
        pair.num_start, pair.num_end = first.num_start, q.num_end
        merged.append(pair)
    return merged
