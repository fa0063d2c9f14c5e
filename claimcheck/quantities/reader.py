"""Read one quantity: the numeral that starts at a position, then its context, step by step (shape,
numeral, sign and currency before, suffix, unit after, hedges, year or date, counted noun)."""

from __future__ import annotations

import math

from .chars import BLANK
from .counted import counted_phrase
from .draft import K_COUNT, K_MEASURE, K_MONEY, K_ORDINAL, K_PERCENT, Draft
from .hedges import apply_hedge, read_hedges, vague_interval
from .kinds import DIGITS, NEGATIVE, WRITTEN
from .lexicon import NumberLexicon, number_lexicon
from .numerals import Reading, read_numeral
from .shapes import ORD_FIRST, SHAPE_NEXT, decade_after, ordinal_suffix, read_shape, word_not_a_number, year_or_date
from .tokens import MAX_CHAIN_TOKENS, Chain, Token, as_first, scan_tokens
from .units import EXP_FIRST, counted_measure, read_before, read_exponent, read_unit_after, scale_abbreviation

SCORE_MAX = 20  # "4-2" with both sides at most this and the first not smaller reads as a score
FIRST_SCAN = 6  # tokens scanned first: most numbers are one or two tokens long
_COUNTED_KINDS = frozenset({K_COUNT, K_MONEY, K_PERCENT})


def read_at(  # noqa: PLR0912 - one flat sequence of the steps of reading, each a call; splitting it hides the order
    text: str, s: int, prev_end: int, chain: Chain | None = None
) -> tuple[Draft | None, int]:
    """Read the quantity whose numeral starts at ``s``; return it (or None) and where to go on.
    ``prev_end`` is where the quantity before it ends (-1: none), which no context may reach into.

    >>> q, end = read_at("Police said more than 1,300 people", 22, -1)
    >>> (q.start, end, q.value, q.hedge, q.counted)
    (12, 27, 1300.0, 'more-than', 'people')
    """
    if text[s : s + 1].isdigit():  # dates, times, phone numbers, versions, codes: not counts
        e = s + 1  # the end of the digit run, if it is short (read_shape's first test, inlined)
        while e < s + 8 and text[e : e + 1].isdecimal():
            e += 1
        after_run = text[e : e + 1]
        if after_run in SHAPE_NEXT or after_run.isdecimal() or (after_run in BLANK and e - s <= 2):
            shaped = read_shape(text, s)
            if shaped is not None:
                return shaped, shaped.end
    lex = number_lexicon()
    toks = scan_tokens(text, s, FIRST_SCAN, chain)
    if len(toks) < FIRST_SCAN and not (toks and toks[0].typ is NEGATIVE):  # most numbers: all their tokens
        r, negative = read_numeral(toks), False
    else:
        toks, r, negative = _scan_numeral(text, toks, s, chain)
    if r is None:
        return None, s + max(1, len(toks[0].raw) if toks else 1)
    # positional (keywords cost twice as much here): start, end, value, lo, hi, hedge, kind, unit,
    # counted, scale, lo_open, hi_open, step, mult, num_start, num_end
    q = Draft(s, r.end, r.value, None, None, "exact", K_COUNT, "", "", r.scale, False, False, r.step, r.mult,
              r.start, r.end)  # fmt: skip
    sign = read_before(text, q, prev_end, lex)
    if negative:
        sign, q.start = -1.0, s
    if r.words and r.ntok == 1 and word_not_a_number(text, s, toks[0].raw.lower(), r.end):
        return None, r.end
    if r.ordinal:
        return Draft(s, r.end, r.value, None, None, kind=K_ORDINAL), r.end
    last_tok = toks[r.ntok - 1]
    if last_tok.typ is DIGITS and text[r.end : r.end + 3].lstrip(" \t")[:1] in lex.suffix_first:
        shaped = _read_digit_suffix(text, s, q, last_tok, lex)
        if shaped is not None:
            return shaped, shaped.end
    q.value *= sign
    if last_tok.typ is DIGITS and len(last_tok.raw) == 4 and last_tok.is_int and not q.scale:
        decade = decade_after(text, q)  # "the 1990s": a decade, not 1990 seconds
        if decade is not None:
            return decade, decade.end
    return _read_after(text, s, q, prev_end, r, toks, sign, lex)


def _scan_numeral(
    text: str, toks: list[Token], s: int, chain: Chain | None
) -> tuple[list[Token], Reading | None, bool]:
    """The tokens from ``s`` (``toks``: the first FIRST_SCAN), the numeral they start with, and whether
    a word made it negative ("minus five"). Scans more tokens only while the numeral may run past them."""
    limit = FIRST_SCAN
    probe: Reading | None = None
    while len(toks) == limit and limit < MAX_CHAIN_TOKENS:
        probe = read_numeral(toks[1:] if toks[0].typ is NEGATIVE else toks)
        if probe is not None and probe.ntok < len(toks) - 3:
            break
        probe = None
        limit *= 2
        toks = scan_tokens(text, s, limit, chain)
    negative = bool(toks) and toks[0].typ is NEGATIVE
    if negative:
        toks = toks[1:]
        if toks and toks[0].join not in ("", None):
            toks = []
        if toks:
            toks[0] = as_first(toks[0])
    # the probe already read these tokens (a negative word changes the first token's joiner)
    r = probe if probe is not None and not negative else read_numeral(toks)
    return toks, r, negative


def _read_digit_suffix(text: str, s: int, q: Draft, last_tok: Token, lex: NumberLexicon) -> Draft | None:
    """After digits: an ordinal suffix ("17th": returned, not a count), a power of ten ("x 10^6"),
    a scale abbreviation ("5bn", "1.2m people")."""
    end = q.end
    after = text[end : end + 3]  # the first characters the patterns can match
    if after[:1] in ORD_FIRST and last_tok.is_int:
        ordinal = ordinal_suffix(text, s, q)
        if ordinal is not None:
            return ordinal
    exponent = after[:2].lstrip(" \t")[:1] in EXP_FIRST and read_exponent(text, q)
    if not q.scale and (exponent or after.lstrip(" \t")[:1] in lex.abbr_first):
        scale_abbreviation(text, q, last_tok, lex)
    return None


def _read_after(
    text: str, s: int, q: Draft, prev_end: int, r: Reading, toks: list[Token], sign: float, lex: NumberLexicon
) -> tuple[Draft | None, int]:
    """The figure's unit, hedges and interval; then whether it is a year or a date, and what it counts."""
    counted_from = end = q.end
    c = text[end : end + 1]  # read_unit_after's first test, inlined: what can start a unit
    after_first = lex.after_first
    if after_first is None or c in after_first or (c in BLANK and text[end + 1 : end + 2] in after_first):
        read_unit_after(text, q, lex)
    read_hedges(text, q, prev_end, lex)
    value = q.value
    q.lo = q.hi = value
    q.is_int = r.is_int and not r.fraction and value == int(value) if math.isfinite(value) else False
    q.small_int = q.is_int and abs(value) <= SCORE_MAX and not r.words and not q.scale and q.kind is K_COUNT
    q.words = toks[0].typ in WRITTEN  # written in words, not digits
    if r.vague:
        vague_interval(q, r.vague, r.unit_value)
    elif q.hedge != "exact":  # an exact figure's interval is the figure
        apply_hedge(q)
    if q.kind is K_COUNT and r.is_int and not (r.words or r.commas or q.scale or r.fraction) and math.isfinite(value):
        date = year_or_date(text, s, q, toks[r.ntok - 1], sign)
        if date is not None:
            return date, date.end
    end = q.end
    if q.kind in _COUNTED_KINDS and text[end : end + 1] in (" ", "\t"):  # the phrase starts with a blank
        q.counted = counted_phrase(text, end)
    elif q.kind is K_MEASURE:
        q.counted = counted_measure(text, q, counted_from)
    return q, end
