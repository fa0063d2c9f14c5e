"""Units and money: a sign or currency before a figure ("-5", "$-99.99", "US$ 1MM"), a power of ten or
a scale abbreviation after its digits ("x 10^6", "5bn"), and percent, currency or unit after it."""

from __future__ import annotations

import re
import sys

from .chars import BLANK, FOLD, SPACES, char_before, last_letters
from .counted import WORD_AFTER, next_word
from .draft import K_MEASURE, K_MONEY, K_PERCENT, Draft
from .lexicon import NumberLexicon, number_lexicon
from .tokens import Token

UNIT_TRIM = re.compile(r"^[\s(\[{<-]+|[\s)\]}>]+$")  # brackets, hyphen and spaces around a unit
UNIT_BASE = re.compile(r"[^\^/]+")  # "km" of "km/h", "m" of "m^2"
UNIT_POWER = re.compile(r"[-−]?[1-3]$")  # "2" of "m2"
EXP = re.compile(r"[ \t]?[×x*][ \t]?10[ \t]?\^?[ \t]?([-−+]?\d+)")
EXP_FIRST = frozenset("×x*")
# A minus sign right before a figure (or before its currency): after a space, a bracket, "=", ":"
# or a currency sign, or at the start; "- 5" only at the start or after "(", "=", ":".
SIGN = re.compile(r"(?:(?<=[\s(\[<>=:$£€¥])(?<![-−][ \t])|^)[-−](?:(?<=^[-−])[ \t]|(?<=[(=:][-−])[ \t])?\Z")
MINUS = frozenset("-−")


def is_money_word(word: str) -> bool:
    """A currency word, subunit or code: "dollars", "pence", "EUR".

    >>> is_money_word("Euros"), is_money_word("people")
    (True, False)
    """
    lex = number_lexicon()
    w = word.lower()
    return w in lex.currency_words or w in lex.subunits or w in lex.pounds or word.upper() in lex.codes


def _minus_before(text: str, start: int, prev_end: int) -> int | None:
    """Where a minus sign right before ``start`` begins, unless it joins the figure before ("4-2")."""
    sm = SIGN.search(text, max(0, start - 2), start)
    if sm and not (prev_end >= 0 and not text[prev_end : sm.start()].strip()):
        return sm.start()
    return None


def read_before(text: str, q: Draft, prev_end: int, lex: NumberLexicon) -> float:
    """A sign and a currency written before the figure: set ``q.start`` (and the money unit), return
    the sign.

    >>> lex = number_lexicon()
    >>> q = Draft(7, 9, 99.0, None, None); (read_before("Paid $-99", q, -1, lex), q.start, q.unit)
    (-1.0, 5, 'USD')
    >>> q = Draft(11, 12, 5.0, None, None); (read_before("It is -US$ 5", q, -1, lex), q.start, q.kind.value, q.unit)
    (-1.0, 6, 'money', 'USD')
    """
    start = q.start
    sign = 1.0
    before = text[start - 1] if start else ""  # char_before, inlined: it runs for every figure
    if before in BLANK and start > 1:
        before = text[start - 2]
    if before in MINUS:
        minus = _minus_before(text, start, prev_end)
        if minus is not None:
            sign, start = -1.0, minus
            before = char_before(text, start)
    cm = lex.currency_before.search(text, max(0, start - 8, prev_end), start) if before in lex.symbols else None
    if cm:
        sym = cm.group("sym")
        q.unit = lex.symbols[sym]
        if sym == "$" and cm.group("pre"):
            q.unit = lex.dollar_prefixes[cm.group("pre").strip().translate(FOLD).lower()]
        q.kind, start = K_MONEY, cm.start()
        if sign > 0 and char_before(text, start) in MINUS:
            minus = _minus_before(text, start, prev_end)
            if minus is not None:
                sign, start = -1.0, minus
    elif before.isalpha() and last_letters(text, start) in lex.code_ends:
        km = lex.code_before.search(text, max(0, start - 9, prev_end), start)
        if km:
            code = km.group("code")
            q.unit = lex.currency_words.get(code.lower(), code.upper())
            q.unit = lex.currency_aliases.get(q.unit, q.unit)
            q.kind, start = K_MONEY, km.start()
    q.start = start
    return sign


def read_exponent(text: str, q: Draft) -> bool:
    """A power of ten after the digits ("2.48 x 10^-5", "5×10^3"): whether there was one.

    >>> q = Draft(0, 1, 5.0, None, None); read_exponent("5 x 10^3 m", q), q.value, q.end
    (True, 5000.0, 8)
    """
    em = EXP.match(text, q.end)
    if em is None:
        return False
    try:
        q.value *= 10.0 ** int(em.group(1).replace("−", "-"))
    except OverflowError:  # "5 x10^999": held at the largest float, as "5e999" is
        q.value = sys.float_info.max
    q.end = em.end()
    return True


def scale_abbreviation(text: str, q: Draft, last_tok: Token, lex: NumberLexicon) -> None:
    """A scale abbreviated after digits ("5k", "1.2m people", "$3bn"). The ones that are also units
    ("m" metres, "t" tonnes) count only where the figure is money or a noun follows ("1.2m people").

    >>> from .tokens import scan_tokens
    >>> q = Draft(1, 4, 2.5, None, None, kind=K_MONEY); t = scan_tokens("$2.5bn deal", 1)[0]
    >>> scale_abbreviation("$2.5bn deal", q, t, number_lexicon()); (q.value, q.scale, q.step, q.end)
    (2500000000.0, 'bn', 100000000.0, 6)
    """
    am = lex.abbr.match(text, q.end)
    if am is None:
        return
    ab = am.group(1)
    nxt = next_word(text, am.end())
    take = True
    money_ctx = q.kind is K_MONEY or is_money_word(nxt) or nxt.upper() in lex.codes
    if ab in lex.abbreviations_or_noun:
        take = money_ctx or (
            bool(nxt)
            and nxt.lower() not in lex.not_after_million
            and nxt.lower() not in lex.units
            and nxt[:1].islower()
            and not text[am.end() : am.end() + 1].isalpha()
        )
    elif ab in lex.abbreviations_for_money or (ab in lex.abbreviations_for_money_spaced and am.group().startswith(" ")):
        take = money_ctx
    if take and not text[am.end() : am.end() + 1].isdigit():
        q.mult = lex.abbreviations[ab]
        q.value *= q.mult
        q.scale = ab
        q.step = q.mult * 10.0**-last_tok.decimals if last_tok.decimals else 0.0
        q.end = am.end()


def read_unit_after(text: str, q: Draft, lex: NumberLexicon) -> None:
    """Percent, a currency or a unit right after the figure ("45%", "40 pence", "12 km/h")."""
    am = lex.after.match(text, q.end)
    if am is None:
        return
    group = am.lastgroup
    if group == "pct":
        q.kind, q.unit, q.end = K_PERCENT, "%", am.end()
    elif group == "sym" and q.kind is not K_MONEY:
        q.kind, q.unit, q.end = K_MONEY, lex.symbols[am.group().strip()], am.end()
    elif group == "money":
        _money_after(text, q, am, lex)
    elif group in ("unit", "single") and q.kind is not K_MONEY:
        u = UNIT_TRIM.sub("", am.group())
        base = UNIT_BASE.match(u)
        key = SPACES.sub(" ", base.group().strip()) if base else u
        if u in lex.units or u.lower() in lex.units:
            key = u if u in lex.units else u.lower()
        key = UNIT_POWER.sub("", key) if key not in lex.units else key
        unit = lex.units.get(key) or lex.units.get(key.lower()) or key
        q.kind, q.unit, q.end = K_MEASURE, _rate(u, unit, text, am.end(), lex), am.end()


def _rate(u: str, unit: str, text: str, end: int, lex: NumberLexicon) -> str:
    """A unit per unit of time as the one rate the lexicon names: "km per hour", "km/hr" and "160 km
    (100 miles) per hour" are km/h; ``unit`` when the lexicon names no such rate."""
    parts = lex.rate_split.split(u, maxsplit=1)
    if len(parts) < 2:
        m = lex.per_after.match(text, end)
        if m is None:
            return unit
        parts = [u, m.group(1)]
    base, per = (lex.units.get(w) or lex.units.get(w.lower()) for w in parts)
    return lex.rate_units.get((base or "", per or ""), unit)


def _money_after(text: str, q: Draft, am: re.Match[str], lex: NumberLexicon) -> None:
    """A currency word, subunit or code after the figure ("40 pence", "5 dollars", "2.7m pounds"),
    and a scale after the currency ("75 USD million")."""
    w = SPACES.sub(" ", am.group().strip().lower())
    if w in lex.subunits and q.kind is not K_MONEY:
        code, factor = lex.subunits[w]
        q.kind, q.unit, q.end = K_MONEY, code, am.end()
        q.value *= factor
    elif w in lex.pounds:  # money after a scale or a currency sign ("2.7m pounds"), a weight otherwise
        if q.kind is K_MONEY or q.mult >= 1000:
            q.kind, q.unit, q.end = K_MONEY, "GBP", am.end()
        else:
            q.kind, q.unit, q.end = K_MEASURE, "lb", am.end()
    elif w in lex.currency_words or w.upper() in lex.codes:
        code = lex.currency_words.get(w, w.upper())
        q.kind, q.unit, q.end = K_MONEY, lex.currency_aliases.get(code, code), am.end()
    if q.kind is K_MONEY and not q.scale:
        sw = WORD_AFTER.match(text, q.end)
        if sw and sw.group(1).lower() in lex.big_scales:
            q.mult = lex.words[sw.group(1).lower()].value
            q.value *= q.mult
            q.scale = sw.group(1).lower()
            q.end = sw.end()


def counted_measure(text: str, q: Draft, counted_from: int) -> str:
    """What a measure of time counts, as written ("5 years" -> "years"); "" for other units."""
    if q.unit not in number_lexicon().counted_units:
        return ""
    return SPACES.sub(" ", text[counted_from : q.end].strip(" -").lower())
