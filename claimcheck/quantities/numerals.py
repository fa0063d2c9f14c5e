"""Numerals: the tokens of a written number read as one value ("three hundred and two", "2.5 million",
"two thirds", "thousands"). Input: tokens from ``tokens.scan_tokens``; output: a ``Reading``."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from .kinds import (
    ARTICLE,
    BELOW_HUNDRED,
    DIGITS,
    DOZEN,
    FRACTION_SIGN,
    FRACTION_WORD,
    HUNDRED,
    MULTIPLIERS,
    NEGATIVE,
    ORDINAL,
    POINT,
    SCALE,
    TEEN,
    TENS,
    UNIT,
    VAGUE,
    VAGUE_MULTIPLIER,
    TokenKind,
)
from .lexicon import context_words, hedge_table, number_lexicon
from .numeral_parts import decimal_words, denominator, fraction, small, starts_new_group
from .tokens import Token, number_word


@dataclass(slots=True)
class Reading:
    """A numeral as read: its span, value and how it was written."""

    start: int
    end: int
    value: float
    words: bool = False
    scale: str = ""
    mult: float = 1.0
    step: float = 0.0
    ordinal: bool = False
    is_int: bool = True
    commas: bool = False
    fraction: bool = False
    vague: str = ""  # hedge rule of a vague reading ("plural", "several")
    unit_value: float = 0.0  # the unit of a vague reading ("thousands" -> 1000)
    ntok: int = 1


class Read(str, Enum):
    """What the numeral read last; what may come next depends on it ("three" + "hundred", "hundred" + "and two")."""

    NOTHING = ""
    DIGITS = "digits"
    ADDED = "added"  # digits or words added to a group ("hundred and 2", "2 1/4")
    UNITS = "units"  # a cardinal below a hundred, or one with its units ("seventy-one")
    TENS = "tens"  # a tens word alone, which a unit may follow ("seventy" + "one")
    HUNDRED = "hundred"
    SCALE = "scale"
    DOZEN = "dozen"
    ONE = "one"  # "a" before a scale, or a scale word first: an implied one ("a million", "million")
    FRACTION = "fraction"
    FRACTION_ADDED = "fraction-added"  # "and a half" added to a group
    POINT = "point"  # decimals spoken after "point"


_NOTHING, _DIGITS, _ADDED, _UNITS, _TENS = Read.NOTHING, Read.DIGITS, Read.ADDED, Read.UNITS, Read.TENS
_HUNDRED, _SCALE, _DOZEN, _ONE = Read.HUNDRED, Read.SCALE, Read.DOZEN, Read.ONE
_FRACTION, _FRACTION_ADDED, _POINT = Read.FRACTION, Read.FRACTION_ADDED, Read.POINT

_AFTER_SCALE = frozenset({_HUNDRED, _SCALE})  # a group closed by a scale: a smaller number may be added
_COUNTS = frozenset({_UNITS, _TENS, _DIGITS})  # a plain count, which a denominator may divide
_BEFORE_HUNDRED = _COUNTS | {_ONE, _ADDED}
_BEFORE_SCALE = _BEFORE_HUNDRED | {_HUNDRED, _FRACTION, _FRACTION_ADDED}
_BEFORE_DOZEN = _BEFORE_HUNDRED | {_HUNDRED, _FRACTION}
_BEFORE_POINT = _COUNTS | {_HUNDRED, _SCALE, _ADDED}
_BEFORE_AND_FRACTION = _COUNTS | {_ADDED, _HUNDRED, _SCALE}
_AND = frozenset(context_words().number_and)  # "hundred and two", "two and a half"
_OF = frozenset(context_words().number_of)  # "a third of a million", "tens of thousands"
_AND_OR_NONE = _AND | {""}
_OF_OR_NONE = _OF | {""}
_TIGHT = ("", "-")  # joiners of one compound word: "seventy-one", "two thirds"

# Tokens that end a number begun with a fraction sign: only a scale, "dozen" or "a" ("½ a million") go on.
_STOPS_AFTER_SIGN = frozenset(TokenKind) - {SCALE, DOZEN, ARTICLE, VAGUE, VAGUE_MULTIPLIER}
_FIGURE_KINDS = frozenset({DIGITS, FRACTION_SIGN})
_VAGUE_UNITS = MULTIPLIERS | {VAGUE}  # what "several" and "a few" stand before: "several hundred"


@dataclass(slots=True)
class _Numeral:
    """The state of one reading: groups closed by a big scale, the group being read, and where it is."""

    reading: Reading
    total: float = 0.0  # the groups closed by a scale word ("3 million" of "3 million 200")
    cur: float = 0.0  # the group being read
    big: float = math.inf  # the last scale closed: a later one must be smaller
    hundred: bool = False  # the group has its "hundred"
    last: Read = _NOTHING
    i: int = 0  # the next token


def read_numeral(toks: list[Token]) -> Reading | None:
    """Read the longest number at the start of ``toks``; the rest is left for the next number.

    >>> from .tokens import scan_tokens
    >>> [(r.value, r.ntok) for r in map(read_numeral, [scan_tokens("1,386 people", 0)])]
    [(1386.0, 1)]
    >>> read_numeral(scan_tokens("three hundred and two boats", 0)).value
    302.0
    """
    if not toks:
        return None
    t0 = toks[0]
    n = len(toks)
    # The common cases, as the general reading would read them: digits ("1,386") or a fraction sign
    # ("½") with nothing after them that could go on the number (another figure, a word that is no scale).
    if t0.typ is DIGITS:
        t1 = toks[1] if n > 1 else None
        if t1 is None or (t1.typ is DIGITS and not (t1.den and t1.join == "" and t0.is_int)):
            # positional (faster than keywords): words, scale, mult, step, ordinal, is_int, commas, fraction
            return Reading(
                t0.start, t0.end, 0.0 + t0.value, False, "", 1.0, 0.0, False, t0.is_int, "," in t0.raw, t0.den
            )
    elif t0.typ is FRACTION_SIGN and (n == 1 or toks[1].typ in _STOPS_AFTER_SIGN):
        return Reading(t0.start, t0.end, 0.0 + t0.value, False, "", 1.0, 0.0, False, True, False, True)
    elif n == 1 and t0.typ in BELOW_HUNDRED:  # a lone cardinal word: "seven", "twenty"
        return Reading(t0.start, t0.end, 0.0 + t0.value, True)
    if t0.typ is VAGUE or t0.typ is VAGUE_MULTIPLIER:
        return _read_vague(toks)
    if t0.typ is ORDINAL or (t0.typ is TENS and n > 1 and _is_ordinal_unit(toks[1])):
        return _read_ordinal(toks)
    st = _start(toks)
    if st is None:
        return None
    _read_groups(st, toks)
    _read_and_fraction(st, toks)
    return _finish(st, toks)


def _read_vague(toks: list[Token]) -> Reading | None:
    """Vague plurals: "thousands", "tens of thousands", "several hundred", "a few million".

    >>> from .tokens import scan_tokens
    >>> r = read_numeral(scan_tokens("tens of thousands", 0)); (r.value, r.unit_value, r.vague, r.scale)
    (20000.0, 10000.0, 'plural', 'thousands')
    >>> read_numeral(scan_tokens("tens", 0)) is None  # "tens" alone is no number
    True
    """
    t0 = toks[0]
    n = len(toks)
    rule = "plural"
    k = 0
    unit = t0.value
    of_thousands = n > 1 and toks[1].join in _OF and toks[1].typ is VAGUE and toks[1].value >= 1000
    if t0.typ is VAGUE_MULTIPLIER:
        rule = number_word(t0.raw).extra
        k = 1
        if k >= n or toks[k].typ not in _VAGUE_UNITS or toks[k].join != "":
            return None
        unit = toks[k].value
    elif t0.raw.lower() in number_lexicon().vague_needs_of and not of_thousands:
        return None
    if t0.typ is VAGUE and of_thousands:
        unit *= toks[1].value
        k = 1
    rule_obj = hedge_table()[rule]
    value = unit * (rule_obj.lo or 1.0)
    last = toks[k]
    return Reading(t0.start, last.end, value, True, last.raw.lower(), vague=rule, unit_value=unit, ntok=k + 1)


def _is_ordinal_unit(t: Token) -> bool:
    """The ordinal of a compound ordinal after a tens word: "first" .. "ninth" of "twenty-first"."""
    return t.typ is ORDINAL and t.join in _TIGHT and t.value < 10


def _read_ordinal(toks: list[Token]) -> Reading:
    """An ordinal word, alone or compound: "third", "twenty-first".

    >>> from .tokens import scan_tokens
    >>> r = read_numeral(scan_tokens("twenty-first", 0)); (r.value, r.ordinal, r.ntok)
    (21.0, True, 2)
    """
    t0 = toks[0]
    if t0.typ is ORDINAL:
        return Reading(t0.start, t0.end, t0.value, True, ordinal=True)
    return Reading(t0.start, toks[1].end, t0.value + toks[1].value, True, ordinal=True, ntok=2)


def _start(toks: list[Token]) -> _Numeral | None:
    """The state before the first group: an article, a fraction or a scale word may open the number."""
    t0 = toks[0]
    st = _Numeral(Reading(t0.start, t0.end, 0.0, words=t0.typ not in _FIGURE_KINDS))
    if t0.typ is ARTICLE:
        fr = fraction(toks, 0)
        if fr is not None:  # "a half", "a third of"
            st.cur, st.i, st.last = fr[0], fr[1], _FRACTION
            st.reading.fraction = True
        elif len(toks) > 1 and toks[1].typ in MULTIPLIERS and toks[1].join == "":  # "a million"
            st.cur, st.i, st.last = 1.0, 1, _ONE
        else:
            return None
    elif t0.typ is FRACTION_WORD:
        if t0.raw.lower() not in number_lexicon().fraction_starters:
            return None  # "quarters" and "fifths" need a numerator
        st.cur, st.i, st.last = 1.0 / t0.value, 1, _FRACTION
        st.reading.fraction = True
    elif t0.typ in MULTIPLIERS:  # "million", "dozen": one of them
        st.cur, st.i, st.last = 1.0, 0, _ONE
    elif t0.typ is POINT or t0.typ is NEGATIVE:
        return None
    return st


def _read_groups(st: _Numeral, toks: list[Token]) -> None:
    """Read token after token while each goes on the number (each kind's step says whether it does)."""
    n = len(toks)
    while st.i < n:
        t = toks[st.i]
        step = _STEPS.get(t.typ)
        if step is None or not step(st, toks, t):
            return


def _digits_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """Digits: the first group ("3" of "3 million"), a part after a scale ("hundred and 2"), or a
    fraction after a whole ("2 1/4")."""
    last, r = st.last, st.reading
    if last is _NOTHING and st.i == 0:
        st.cur = t.value
        r.is_int, r.commas = t.is_int, "," in t.raw
        r.step = 10.0**-t.decimals if t.decimals else 0.0
        if t.den:
            r.fraction = True
        st.last = _DIGITS
        st.i += 1
        return True
    if last in _AFTER_SCALE:
        limit = 100 if last is _HUNDRED else (st.big if st.cur == 0 else 100)
        j = t.join or ""
        if j in _AND_OR_NONE and t.is_int and not t.den and 0 < t.value < limit:
            if starts_new_group(toks, st.i + 1, st.hundred, st.big):
                return False
            st.cur += t.value
            st.last = _ADDED
            st.i += 1
            return True
        return False
    if last is _DIGITS and t.join == "" and t.den and toks[st.i - 1].is_int:
        st.cur += t.value  # "2 1/4", "10 1/2 miles"
        r.fraction = True
        st.last = _ADDED
        st.i += 1
        return True
    return False


def _sign_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """A fraction sign first or right after digits: "½", "2½", "2 ½"."""
    if st.last is _NOTHING or (st.last is _DIGITS and (t.join == "" or t.start == toks[st.i - 1].end)):
        st.cur += t.value
        st.reading.fraction = True
        st.last = _FRACTION
        st.i += 1
        return True
    return False


def _cardinal_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """A cardinal word below a hundred: a numerator first, a part after a scale, the units after tens."""
    last = st.last
    j = t.join or ""
    if last is _NOTHING:  # a numerator: "three fifths", "twenty-three fifths", "three twenty-firsts"
        sm = small(toks, st.i)
        assert sm is not None
        st.cur = sm[0]
        st.i += sm[1]
        st.last = _TENS if t.typ is TENS and sm[1] == 1 else _UNITS
        return True
    if last in _AFTER_SCALE and (j in _AND_OR_NONE or j == ",") and not (j == "," and last is not _SCALE):
        return _part_after_scale(st, toks, t)
    if last is _TENS and t.typ is UNIT and j in _TIGHT and t.value and st.cur % 10 == 0:
        st.cur += t.value
        st.i += 1
        st.last = _UNITS
        return True
    if last in _COUNTS and t.typ is TENS and denominator(toks, st.i) is not None:
        return _denominator_step(st, toks, t)  # "three twenty-firsts"
    return False


def _part_after_scale(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """A cardinal or a fraction after a hundred or a scale: "hundred and two", "hundred and a half"."""
    if t.join in _AND:
        fr = fraction(toks, st.i)
        if fr is not None and st.last is _SCALE:
            return False  # "3 million and a half": read after the groups
        if fr is not None:
            st.cur += fr[0]
            st.i += fr[1]
            st.reading.fraction = True
            st.last = _FRACTION_ADDED
            return True
    if st.last is _HUNDRED and st.cur % 100:
        return False
    sm = small(toks, st.i)
    assert sm is not None
    if starts_new_group(toks, st.i + sm[1], st.hundred, st.big):
        return False  # "3 hundred and 2 hundred" is two numbers
    st.cur += sm[0]
    st.i += sm[1]
    st.last = _UNITS
    return True


def _took_multiplier(st: _Numeral, t: Token, last: Read, mult: float) -> bool:
    """Record multiplier word ``t`` ("hundred", "million", "dozen") as read, and step past it."""
    st.last = last
    st.reading.scale = t.raw.lower()
    st.reading.mult = mult
    st.i += 1
    return True


def _hundred_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """ "hundred" after a count below a hundred (or digits): "three hundred", "12 hundred"."""
    if st.last in _BEFORE_HUNDRED and not t.join and not st.hundred and (st.cur < 100 or st.last is _DIGITS):
        st.cur = (st.cur or 1.0) * 100
        st.hundred = True
        return _took_multiplier(st, t, _HUNDRED, 100)
    return False


def _scale_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """A scale word closes the group: "3 million", "two thirds of a million"; each smaller than the last."""
    j = t.join or ""
    if st.last in _BEFORE_SCALE and j in _OF_OR_NONE and t.value < st.big:
        if j in _OF and st.last is not _FRACTION:
            return False
        st.total += (st.cur or 1.0) * t.value
        st.cur = 0.0
        st.big = t.value
        st.hundred = False
        return _took_multiplier(st, t, _SCALE, t.value)
    return False


def _dozen_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """ "dozen" multiplies the units of the group: "three dozen", "a hundred and two dozen"."""
    if st.last in _BEFORE_DOZEN and (t.join or "") in _OF_OR_NONE:
        if st.hundred and st.cur >= 100 and st.last is not _HUNDRED:
            hundreds = math.floor(st.cur / 100) * 100
            st.cur = hundreds + (st.cur - hundreds) * 12
        else:
            st.cur = (st.cur or 1.0) * 12
        return _took_multiplier(st, t, _DOZEN, 12)
    return False


def _vague_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """A plural scale after a count reads as its scale ("two thousands", "3 dozens")."""
    if t.value >= 1000 or t.value == 100:
        return _scale_step(st, toks, t)
    if t.value == 12:
        return _dozen_step(st, toks, t)
    return False


def _article_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """ "a" between a fraction and a scale: "half a dozen", "two thirds of a million"."""
    i = st.i
    if st.last is _FRACTION and (t.join or "") in _OF_OR_NONE and i + 1 < len(toks) and toks[i + 1].typ in MULTIPLIERS:
        st.i += 1
        return True
    return False


def _denominator_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """A denominator divides the group read since the last big scale: "three fifths", "one hundred
    thirty two fifths" (132/5), "3 quarters"."""
    last = st.last
    if not (last in _COUNTS or last is _ONE) or t.join not in _TIGHT:
        return False
    dn = denominator(toks, st.i)
    if dn is None or (last is _DIGITS and not toks[st.i - 1].is_int):
        return False
    if last is _DIGITS and t.typ is not FRACTION_WORD:
        return False
    st.cur = st.cur / dn[0]
    st.i += dn[1]
    st.reading.fraction = True
    st.last = _FRACTION
    return True


def _point_step(st: _Numeral, toks: list[Token], t: Token) -> bool:
    """Decimals spoken after "point": "two point five", "3 million point 2" (rare; the scale is kept)."""
    if not (st.last in _BEFORE_POINT and t.join == "" and st.reading.is_int):
        return False
    digits, used = decimal_words(toks, st.i + 1)
    if not digits:
        return False
    if st.last is _SCALE:
        st.total = (st.total / st.big + float("0." + digits)) * st.big
        st.cur = 0.0
    else:
        st.cur += float("0." + digits)
    st.i += 1 + used
    st.last = _POINT
    return True


_STEPS = {
    DIGITS: _digits_step,
    FRACTION_SIGN: _sign_step,
    UNIT: _cardinal_step,
    TEEN: _cardinal_step,
    TENS: _cardinal_step,
    HUNDRED: _hundred_step,
    SCALE: _scale_step,
    VAGUE: _vague_step,
    DOZEN: _dozen_step,
    ARTICLE: _article_step,
    FRACTION_WORD: _denominator_step,
    ORDINAL: _denominator_step,
    POINT: _point_step,
}


def _read_and_fraction(st: _Numeral, toks: list[Token]) -> None:
    """ "and" + a fraction after a complete number: "one hundred and three quarters", "two and a half",
    "3 million and a half", "five and a half million"."""
    i, n = st.i, len(toks)
    if not (i < n and toks[i].join in _AND and st.last in _BEFORE_AND_FRACTION):
        return
    fr = fraction(toks, i)
    if fr is None:
        return
    k = i + fr[1]
    st.reading.fraction = True
    st.i = k
    scale_next = k < n and toks[k].typ is SCALE and toks[k].join == ""
    if st.last is _SCALE and st.cur == 0 and not scale_next:
        st.total += fr[0] * st.big  # "3 million and a half"
        return
    st.cur += fr[0]
    if scale_next and toks[k].value < st.big:  # "five and a half million", "one billion and a half million"
        st.total += st.cur * toks[k].value
        st.cur = 0.0
        st.reading.scale = toks[k].raw.lower()
        st.reading.mult = toks[k].value
        st.i = k + 1


def _finish(st: _Numeral, toks: list[Token]) -> Reading | None:
    """The reading of the tokens read; a rounding step only for digits before their scale: "2.5bn"
    is [2.45bn, 2.55bn) and "$11 billion" [10.5bn, 11.5bn) (docs/verdicts.md: fewer significant
    digits carry their rounding)."""
    i, r = st.i, st.reading
    if i == 0:
        return None
    r.value = st.total + st.cur
    r.end = toks[i - 1].end
    r.ntok = i
    if r.words is False and i > 1 and any(t.typ not in _FIGURE_KINDS for t in toks[:i]):
        r.words = True
    if r.scale and r.mult > 1 and toks[0].typ is DIGITS and i == 2 and (toks[0].decimals or toks[0].value >= 10):
        # (a single digit, "3 million", stays exact: its rounding would be a third of the figure)
        r.step = r.mult * 10.0 ** -toks[0].decimals
    elif r.step and r.mult > 1:
        r.step = 0.0
    if not r.scale:
        r.step = 0.0
    return r
