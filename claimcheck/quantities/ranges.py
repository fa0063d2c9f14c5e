"""Pairs of figures: ranges, bounds on both sides, ratios, scores, uncertainties."""

from __future__ import annotations

import re

from .chars import cases_of
from .draft import K_COUNT, K_DATE, K_IDENTIFIER, K_MEASURE, K_MONEY, K_PERCENT, K_YEAR, Draft
from .lexicon import hedge_table
from .shapes import CHANGE_VERB, YEAR_MAX, YEAR_MIN

# ---------------------------------------------------------------------------------------------
# Pairs of figures: ranges, bounds on both sides, ratios, scores, uncertainties

_RANGE_JOIN = re.compile(r"[ \t]*(?:-[ \t]*to|[-–—~]|to|through|thru|and)[ \t]*\Z", re.IGNORECASE)
_DASH_JOIN = re.compile(r"[ \t]*[-–—][ \t]*\Z")
_WORD_TO = re.compile(r"[ \t]*-?[ \t]*(?:to|through|thru)[ \t]+\Z", re.IGNORECASE)
_BOUND_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?\Z", re.IGNORECASE)
_RATIO_JOIN = re.compile(r"[ \t]+(?:out[ \t]+of|in)[ \t]+\Z", re.IGNORECASE)
_PM_JOIN = re.compile(r"[ \t]*(?:\+/-|±|\+-)[ \t]*\Z")
_LOWER = frozenset({"more-than", "at-least", "just-over"})
_UPPER = frozenset({"less-than", "at-most", "up-to", "nearly"})
_BOUNDS = _LOWER | _UPPER
# What the joiners above but _BOUND_JOIN can start with after spaces (in any case IGNORECASE allows).
_JOIN_FIRST = frozenset("+±-–—~") | {c for w in ("out", "in", "to", "through", "thru", "and") for c in cases_of(w[0])}
_FIGURES = frozenset({K_COUNT, K_PERCENT, K_MONEY, K_MEASURE})


def merge_pair(text: str, a: Draft, b: Draft) -> Draft | None:
    gap = text[a.end : b.start]
    if len(gap) > 16 or "\n" in gap:
        return None
    bounds = a.hedge in _BOUNDS and b.hedge in _BOUNDS
    if not bounds and gap.strip(" \t")[:1] not in _JOIN_FIRST:
        return None  # what is between them is no joiner: most neighbours
    # "9.83e-3 +/- 1e-5": a value and its uncertainty
    if _PM_JOIN.match(gap) and a.kind in _FIGURES and b.kind in _FIGURES and a.hedge == b.hedge == "exact":
        return Draft(
            a.start,
            b.end,
            a.value,
            a.value - abs(b.value),
            a.value + abs(b.value),
            "about",
            a.kind,
            a.unit or b.unit,
            a.counted or b.counted,
            a.scale,
        )
    # "more than 10 and less than 40", "at most 100 and at least 20"
    if bounds and _BOUND_JOIN.match(gap):
        lo_q, hi_q = (a, b) if a.hedge in _LOWER and b.hedge in _UPPER else (b, a)
        if (
            lo_q.hedge in _LOWER
            and hi_q.hedge in _UPPER
            and lo_q.lo is not None
            and hi_q.hi is not None
            and lo_q.lo < hi_q.hi
            and a.kind == b.kind
        ):
            return Draft(
                a.start,
                b.end,
                lo_q.value,
                lo_q.lo,
                hi_q.hi,
                "between",
                a.kind,
                a.unit or b.unit,
                b.counted,
                a.scale or b.scale,
                lo_open=lo_q.lo_open,
                hi_open=hi_q.hi_open,
            )
        return None
    if a.hedge not in ("exact", "about") or b.hedge != "exact" or b.between:
        return None
    # "one in four", "roughly two out of five hundred": a share (keeping the hedge)
    if (
        _RATIO_JOIN.match(gap)
        and a.kind == b.kind == K_COUNT
        and a.is_int
        and b.is_int
        and 0 < a.value < b.value
        and not a.scale
        and (b.value <= 1000 or "out" in gap.lower())
    ):
        share = a.value / b.value * 100
        rule = hedge_table()[a.hedge]
        return Draft(
            a.start,
            b.end,
            share,
            share * rule.lo if rule.lo is not None else None,
            share * rule.hi if rule.hi is not None else None,
            a.hedge,
            K_PERCENT,
            "%",
            b.counted,
        )
    if a.hedge == "about" and not _DASH_JOIN.match(gap) and not _WORD_TO.match(gap):
        return None
    if not _RANGE_JOIN.match(gap):
        return None
    word_and = gap.strip().lower() == "and"
    if word_and and a.between != "between":
        return None
    if (
        gap.strip().lower() in ("to", "through", "thru", "- to")
        and a.between == "from"
        and CHANGE_VERB.search(text, max(0, a.start - 60), a.start)
    ):
        return None
    dash = bool(_DASH_JOIN.match(gap))
    if dash and (a.words or b.words):
        return None  # "three-nought-four" is three numbers
    # not-a-count pairs: years "1941-1945", fiscal years "2013-14", year-month "1995-01", scores "4-2"
    if a.kind == K_YEAR:
        # "2019-2020 flu season": a year then a later year is a span of years, even when a noun
        # after the second made it look like a count.
        if (
            b.kind == K_YEAR
            or (dash and b.kind == K_COUNT and b.is_int and not b.scale and YEAR_MIN <= b.value <= YEAR_MAX)
        ) and a.value < b.value:
            return Draft(a.start, b.end, a.value, a.value, b.value, "between", K_YEAR)
        if dash and b.kind == K_COUNT and b.is_int and len(text[b.num_start : b.num_end]) == 2:
            return Draft(a.start, b.end, a.value, None, None, kind=K_DATE)
        return None
    if dash and not a.between and a.small_int and b.small_int and a.value >= b.value and gap.strip() == "-":
        return Draft(a.start, b.end, a.value, None, None, kind=K_IDENTIFIER)
    if a.kind not in _FIGURES or b.kind not in _FIGURES:
        return None
    if a.kind != b.kind and a.kind != K_COUNT:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None  # "from 44 ml to 50 mg" is two figures
    va = a.value
    if not a.scale and b.scale and b.mult > 1 and abs(va) < abs(b.value) / b.mult:
        va *= b.mult  # "between 2 and 3 million", "$5-10bn"
    if not a.between and va >= b.value:
        return None
    lo, hi = min(va, b.value), max(va, b.value)
    return Draft(
        a.start,
        b.end,
        va,
        lo,
        hi,
        "between",
        b.kind if a.kind == K_COUNT else a.kind,
        a.unit or b.unit,
        b.counted,
        b.scale or a.scale,
    )
