"""Parts of a numeral, read from its tokens: a cardinal below a hundred ("seventy-one"), a
denominator ("fifths", "twenty-first"), a fraction ("two thirds"), spoken decimals ("zero three")."""

from __future__ import annotations

from .kinds import ARTICLE, DIGITS, FRACTION_WORD, HUNDRED, ORDINAL, SCALE, SMALL, TENS, UNIT, VAGUE
from .tokens import Token

_TIGHT = ("", "-")  # joiners of one compound word: "seventy-one", "two thirds"


def denominator(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A denominator word at toks[i]: (value, tokens used) for "fifths", "quarter", "twenty-first".

    >>> from .tokens import scan_tokens
    >>> denominator(scan_tokens("twenty-firsts", 0), 0), denominator(scan_tokens("quarters", 0), 0)
    ((21.0, 2), (4.0, 1))
    """
    if i >= len(toks):
        return None
    t = toks[i]
    if t.join not in ("", "-", None):
        return None
    if (t.typ is FRACTION_WORD and t.value >= 2) or (t.typ is ORDINAL and t.value >= 3):
        return t.value, 1
    if t.typ is TENS and i + 1 < len(toks):
        o = toks[i + 1]
        plural = o.typ is FRACTION_WORD and o.value < 10 and o.raw.lower().endswith("s")
        if o.join in _TIGHT and (o.typ is ORDINAL or plural):
            return t.value + o.value, 2
        if o.typ is FRACTION_WORD and o.value == 1:  # "twenty and firsts": the only plural of one
            return t.value + 1, 2
    return None


def small(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A cardinal below a hundred at toks[i] ("seventy-one", "3"): (value, tokens used).

    >>> from .tokens import scan_tokens
    >>> small(scan_tokens("seventy-one", 0), 0), small(scan_tokens("3.5", 0), 0)
    ((71.0, 2), None)
    """
    if i >= len(toks):
        return None
    t = toks[i]
    if t.typ is DIGITS and t.is_int and not t.den:
        return t.value, 1
    if t.typ in SMALL:
        return t.value, 1
    if t.typ is TENS:
        if i + 1 < len(toks) and toks[i + 1].typ is UNIT and toks[i + 1].join in _TIGHT and toks[i + 1].value:
            return t.value + toks[i + 1].value, 2
        return t.value, 1
    return None


def fraction(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A fraction phrase at toks[i]: "a half", "two thirds", "fifty-four hundredths", "one-eighth".

    >>> from .tokens import scan_tokens
    >>> fraction(scan_tokens("two thirds", 0), 0)
    (0.6666666666666666, 2)
    """
    if i >= len(toks):
        return None
    if toks[i].typ is ARTICLE:
        num, used = 1.0, 1
    else:
        sm = small(toks, i)
        if sm is None or toks[i].typ is DIGITS:
            return None
        num, used = sm
    den = denominator(toks, i + used)
    if den is None:
        return None
    return num / den[0], used + den[1]


def decimal_words(toks: list[Token], i: int) -> tuple[str, int]:
    """Digits spoken after "point": "zero three" -> "03", "seventy-one" -> "71".

    >>> from .tokens import scan_tokens
    >>> decimal_words(scan_tokens("zero three", 0), 0), decimal_words(scan_tokens("seventy-one", 0), 0)
    (('03', 2), ('71', 2))
    """
    digits, j = "", i
    while j < len(toks) and (toks[j].join == "" or j == i):
        t = toks[j]
        if t.typ in SMALL:
            digits += str(int(t.value))
            j += 1
        elif t.typ is TENS:
            if j + 1 < len(toks) and toks[j + 1].typ is UNIT and toks[j + 1].join in _TIGHT:
                digits += str(int(t.value + toks[j + 1].value))
                j += 2
            else:
                digits += str(int(t.value))
                j += 1
        else:
            break
    return digits, j - i


def starts_new_group(toks: list[Token], k: int, hundred: bool, big: float) -> bool:
    """Whether toks[k] would need a scale the number already has ("3 hundred and 2 hundred")."""
    if k >= len(toks) or toks[k].join not in ("", None):
        return False
    t = toks[k]
    return (t.typ is HUNDRED and hundred) or ((t.typ is SCALE or t.typ is VAGUE) and t.value >= big)
