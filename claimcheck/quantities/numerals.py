"""Numerals: a run of tokens read as one number ("three hundred and two", "2.5 million", "two thirds")."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .lexicon import hedge_table
from .tokens import Token, number_word


@dataclass(slots=True)
class Reading:
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


def _denominator(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A denominator word at toks[i]: (value, tokens used) for "fifths", "quarter", "twenty-first"."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.join not in ("", "-", None):
        return None
    if (t.typ == "F" and t.value >= 2) or (t.typ == "O" and t.value >= 3):
        return t.value, 1
    if t.typ == "X" and i + 1 < len(toks):
        o = toks[i + 1]
        if o.join in ("", "-") and o.value < 10 and (o.typ == "O" or (o.typ == "F" and o.raw.lower().endswith("s"))):
            return t.value + o.value, 2
        if o.join in ("", "-") and o.typ == "O":
            return t.value + o.value, 2
    if t.typ == "X" and i + 1 < len(toks) and toks[i + 1].raw.lower() in ("firsts", "seconds"):
        return t.value + (1 if toks[i + 1].raw.lower() == "firsts" else 2), 2
    return None


def _small(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A cardinal below a hundred at toks[i] ("seventy-one", "3"): (value, tokens used)."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.typ == "D" and t.is_int and not t.den:
        return t.value, 1
    if t.typ in ("U", "T"):
        return t.value, 1
    if t.typ == "X":
        if i + 1 < len(toks) and toks[i + 1].typ == "U" and toks[i + 1].join in ("", "-") and toks[i + 1].value:
            return t.value + toks[i + 1].value, 2
        return t.value, 1
    return None


def _fraction(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A fraction phrase at toks[i]: "a half", "two thirds", "fifty-four hundredths", "one-eighth"."""
    if i >= len(toks):
        return None
    if toks[i].typ == "A":
        num, used = 1.0, 1
    else:
        sm = _small(toks, i)
        if sm is None or (toks[i].typ == "D"):
            return None
        num, used = sm
    den = _denominator(toks, i + used)
    if den is None:
        return None
    return num / den[0], used + den[1]


def _decimal_words(toks: list[Token], i: int) -> tuple[str, int]:
    """Digits spoken after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    digits, j = "", i
    while j < len(toks) and (toks[j].join == "" or j == i):
        t = toks[j]
        if t.typ in ("U", "T"):
            digits += str(int(t.value))
            j += 1
        elif t.typ == "X":
            if j + 1 < len(toks) and toks[j + 1].typ == "U" and toks[j + 1].join in ("", "-"):
                digits += str(int(t.value + toks[j + 1].value))
                j += 2
            else:
                digits += str(int(t.value))
                j += 1
        else:
            break
    return digits, j - i


def _starts_new_group(toks: list[Token], k: int, hundred: bool, big: float) -> bool:
    """Whether toks[k] would need a scale the number already has ("3 hundred and 2 hundred")."""
    if k >= len(toks) or toks[k].join not in ("", None):
        return False
    t = toks[k]
    return (t.typ == "H" and hundred) or (t.typ in ("S", "V") and t.value >= big)


# Tokens that end a number begun with a fraction sign: only a scale, "dozen" or "a" ("½ a million") go on.
_STOPS_AFTER_SIGN = frozenset("DYUTXHFOPN")


def read_numeral(toks: list[Token]) -> Reading | None:  # noqa: C901 - one state machine reads better whole
    """Read the longest number at the start of ``toks``; the rest is left for the next number."""
    if not toks:
        return None
    t0 = toks[0]
    n = len(toks)
    # The common cases, as the loop below reads them: digits ("1,386") or a fraction sign ("½") with
    # nothing after them that could go on the number (another figure, a word that is no scale).
    if t0.typ == "D":
        t1 = toks[1] if n > 1 else None
        if t1 is None or (t1.typ == "D" and not (t1.den and t1.join == "" and t0.is_int)):
            # positional (faster than keywords): words, scale, mult, step, ordinal, is_int, commas, fraction
            return Reading(
                t0.start, t0.end, 0.0 + t0.value, False, "", 1.0, 0.0, False, t0.is_int, "," in t0.raw, t0.den
            )
    elif t0.typ == "Y" and (n == 1 or toks[1].typ in _STOPS_AFTER_SIGN):
        return Reading(t0.start, t0.end, 0.0 + t0.value, False, "", 1.0, 0.0, False, True, False, True)
    elif n == 1 and t0.typ in ("U", "T", "X"):  # a lone cardinal word: "seven", "twenty"
        return Reading(t0.start, t0.end, 0.0 + t0.value, True)
    r = Reading(t0.start, t0.end, 0.0, words=t0.typ not in ("D", "Y"))
    total, cur = 0.0, 0.0
    big = math.inf
    hundred = False
    last = ""
    i = 0

    # Vague readings: "thousands", "tens of thousands", "several hundred", "a few million".
    if t0.typ in ("V", "Q"):
        rule = "plural"
        k = 0
        unit = t0.value
        if t0.typ == "Q":
            rule = number_word(t0.raw).extra
            k = 1
            if k >= n or toks[k].typ not in ("H", "S", "Z", "V") or toks[k].join != "":
                return None
            unit = toks[k].value
        elif t0.raw.lower() == "tens" and (n < 2 or toks[1].join != "of" or toks[1].typ != "V" or toks[1].value < 1000):
            return None
        if t0.typ == "V" and n > 1 and toks[1].join == "of" and toks[1].typ == "V" and toks[1].value >= 1000:
            unit *= toks[1].value
            k = 1
        rule_obj = hedge_table()[rule]
        r.vague = rule
        r.unit_value = unit
        r.value = unit * (rule_obj.lo or 1.0)
        r.end = toks[k].end
        r.scale = toks[k].raw.lower()
        r.ntok = k + 1
        return r

    if t0.typ == "O":
        r.ordinal = True
        r.value = t0.value
        return r
    if t0.typ == "X" and n > 1 and toks[1].typ == "O" and toks[1].join in ("", "-") and toks[1].value < 10:
        r.ordinal = True
        r.value = t0.value + toks[1].value
        r.end = toks[1].end
        r.ntok = 2
        return r

    if t0.typ == "A":
        fr = _fraction(toks, 0)
        if fr is not None:
            cur, i = fr
            r.fraction = True
            last = "F"
        elif n > 1 and toks[1].typ in ("H", "S", "Z") and toks[1].join == "":
            cur, i, last = 1.0, 1, "A"
        else:
            return None
    elif t0.typ == "F":
        if t0.raw.lower() not in ("half", "quarter"):
            return None
        cur, i, last = 1.0 / t0.value, 1, "F"
        r.fraction = True
    elif t0.typ in ("H", "S", "Z"):
        cur, i, last = 1.0, 0, "A"
    elif t0.typ in ("P", "N"):
        return None

    while i < n:
        t = toks[i]
        j = t.join or ""
        if t.typ == "D" and last in ("", "H", "S") and not (last == "" and i > 0):
            if last == "":
                cur = t.value
                r.is_int, r.commas = t.is_int, "," in t.raw
                r.step = 10.0**-t.decimals if t.decimals else 0.0
                if t.den:
                    r.fraction = True
                last = "D"
                i += 1
                continue
            limit = 100 if last == "H" else (big if cur == 0 else 100)
            if j in ("", "and", "&") and t.is_int and not t.den and 0 < t.value < limit:
                if _starts_new_group(toks, i + 1, hundred, big):
                    break
                cur += t.value
                last = "D+"
                i += 1
                continue
            break
        if t.typ == "D" and last == "D" and j == "" and t.den and toks[i - 1].is_int:
            cur += t.value  # "2 1/4", "10 1/2 miles"
            r.fraction = True
            last = "D+"
            i += 1
            continue
        if t.typ == "Y" and last in ("", "D") and (last == "" or j == "" or t.start == toks[i - 1].end):
            cur += t.value
            r.fraction = True
            last = "F"
            i += 1
            continue
        if t.typ in ("U", "T", "X"):
            if last == "":
                sm = _small(toks, i)
                assert sm is not None
                # a numerator: "three fifths", "twenty-three fifths", "three twenty-firsts"
                cur, used = sm
                i += used
                last = "X" if t.typ == "X" and used == 1 else "U"
                continue
            if last in ("H", "S") and j in ("", "and", "&", ",") and not (j == "," and last != "S"):
                if j in ("and", "&"):
                    fr = _fraction(toks, i)
                    if fr is not None and last == "S":
                        break  # "3 million and a half": read after the loop
                    if fr is not None:
                        cur += fr[0]
                        i += fr[1]
                        r.fraction = True
                        last = "F+"
                        continue
                if last == "H" and cur % 100:
                    break
                sm = _small(toks, i)
                assert sm is not None
                if _starts_new_group(toks, i + sm[1], hundred, big):
                    break  # "3 hundred and 2 hundred" is two numbers
                cur += sm[0]
                i += sm[1]
                last = "U"
                continue
            if last == "X" and t.typ == "U" and j in ("", "-") and t.value and cur % 10 == 0:
                cur += t.value
                i += 1
                last = "U"
                continue
            if last in ("U", "X", "D", "D+") and t.typ == "X" and _denominator(toks, i) is not None:
                pass  # "three twenty-firsts": handled as a denominator below
            else:
                break
        if t.typ == "H":
            if last in ("U", "X", "D", "A", "D+", "T") and j == "" and not hundred and (cur < 100 or last == "D"):
                cur = (cur or 1.0) * 100
                hundred = True
                last = "H"
                r.scale = t.raw.lower()
                r.mult = 100
                i += 1
                continue
            break
        if t.typ in ("S", "V") and t.value >= 1000 or (t.typ == "V" and t.value == 100):
            if last in ("U", "X", "D", "D+", "H", "A", "F", "F+") and j in ("", "of") and t.value < big:
                if j == "of" and last != "F":
                    break
                total += (cur or 1.0) * t.value
                cur = 0.0
                big = t.value
                hundred = False
                last = "S"
                r.scale = t.raw.lower()
                r.mult = t.value
                i += 1
                continue
            break
        if t.typ == "Z" or (t.typ == "V" and t.value == 12):
            if last in ("U", "X", "D", "D+", "H", "A", "F", "U+") and j in ("", "of"):
                if hundred and cur >= 100 and last != "H":
                    hundreds = math.floor(cur / 100) * 100
                    cur = hundreds + (cur - hundreds) * 12
                else:
                    cur = (cur or 1.0) * 12
                last = "Z"
                r.scale = t.raw.lower()
                r.mult = 12
                i += 1
                continue
            break
        if t.typ == "A" and last == "F" and j in ("", "of") and i + 1 < n and toks[i + 1].typ in ("S", "Z", "H"):
            i += 1  # "half a dozen", "two thirds of a million"
            toks[i].join = "" if toks[i].join == "" else toks[i].join
            continue
        if t.typ in ("F", "O", "X") and last in ("U", "X", "D", "A") and j in ("", "-"):
            dn = _denominator(toks, i)
            if dn is None or (last == "D" and not (toks[i - 1].is_int)):
                break
            if last == "D" and t.typ != "F":
                break
            # numerator: the group since the last big scale ("one hundred thirty two fifths" = 132/5)
            cur = cur / dn[0]
            i += dn[1]
            r.fraction = True
            last = "F"
            continue
        if t.typ in ("U", "T", "X", "A") or j in ("and", "&"):
            break
        if t.typ == "P" and last in ("U", "X", "D", "T", "H", "S", "D+") and j == "" and r.is_int:
            digits, used = _decimal_words(toks, i + 1)
            if not digits:
                break
            if last == "S":
                total, cur = total / big, 0.0  # "two million point five" is rare; keep the scale
                total = (total + float("0." + digits)) * big
            else:
                cur += float("0." + digits)
            i += 1 + used
            last = "P"
            continue
        break
    # "and" + fraction after a complete number: "one hundred and three quarters", "two and a half"
    if i < n and toks[i].join in ("and", "&") and last in ("U", "X", "D", "D+", "H", "S", "U+"):
        fr = _fraction(toks, i)
        if fr is not None:
            k = i + fr[1]
            if last == "S" and cur == 0 and not (k < n and toks[k].typ in ("S",) and toks[k].join == ""):
                total += fr[0] * big  # "3 million and a half"
                i = k
                r.fraction = True
            else:
                cur += fr[0]
                i = k
                r.fraction = True
                # "five and a half million", "one billion and a half million"
                if k < n and toks[k].typ == "S" and toks[k].join == "" and toks[k].value < big:
                    total += cur * toks[k].value
                    cur = 0.0
                    r.scale = toks[k].raw.lower()
                    r.mult = toks[k].value
                    i = k + 1
    if i == 0:
        return None
    r.value = total + cur
    r.end = toks[i - 1].end
    r.ntok = i
    if r.words is False and i > 1 and any(t.typ not in ("D", "Y") for t in toks[:i]):
        r.words = True
    if r.scale and r.mult > 1 and toks[0].typ == "D" and toks[0].decimals and i == 2:
        r.step = r.mult * 10.0 ** -toks[0].decimals
    elif r.step and r.mult > 1:
        r.step = 0.0
    if not r.scale:
        r.step = 0.0
    return r


# ---------------------------------------------------------------------------------------------
