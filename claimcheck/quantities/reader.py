"""Read the quantity whose numeral starts at a given position: the numeral, then its context."""

from __future__ import annotations

import math
import sys

from .chars import BLANK, FOLD, SPACES, char_before, last_letters
from .counted import M_NOT_MILLION, WORD_AFTER, counted_phrase
from .draft import K_COUNT, K_DATE, K_IDENTIFIER, K_MEASURE, K_MONEY, K_ORDINAL, K_PERCENT, K_TIME, K_YEAR, Draft
from .hedges import HEDGE_WINDOW, apply_hedge, hedge_before
from .kinds import DIGITS, NEGATIVE, WRITTEN
from .lexicon import hedge_table, number_lexicon
from .numerals import Reading, read_numeral
from .shapes import (
    DECADE,
    EXP,
    EXP_FIRST,
    HALF_NOT,
    IDENT_DIGITS,
    MINUS,
    MONTH_AFTER,
    MONTH_AFTER_FIRST,
    ORD_FIRST,
    ORD_SUFFIX,
    PREFIX_BEFORE,
    PRONOUN_ONE,
    SHAPE,
    SHAPE_NEXT,
    SIGN,
    YEAR_MAX,
    YEAR_MIN,
    YEAR_PREFIXES,
    YEAR_WORD_BEFORE,
    month_before,
)
from .tokens import MAX_CHAIN_TOKENS, Chain, as_first, scan_tokens
from .units import UNIT_BASE, UNIT_POWER, UNIT_TRIM, is_money_word, next_word

SCORE_MAX = 20  # "4-2" with both sides at most this and the first not smaller reads as a score


def read_at(  # noqa: C901 - linear context checks
    text: str, s: int, prev_end: int, chain: Chain | None = None
) -> tuple[Draft | None, int]:
    """Read the quantity whose numeral starts at ``s``; return it (or None) and where to go on."""
    lex = number_lexicon()
    # Shapes that are not counts: numeric dates, times, phone numbers, versions, codes.
    m = None
    if text[s : s + 1].isdigit():
        e = s + 1  # the end of the digit run, if it is short
        while e < s + 8 and text[e : e + 1].isdecimal():
            e += 1
        after_run = text[e : e + 1]
        if after_run in SHAPE_NEXT or after_run.isdecimal() or (after_run in BLANK and e - s <= 2):
            m = SHAPE.match(text, s)
    if m:
        if m.group("date") is not None:
            return Draft(s, m.end(), 0.0, None, None, kind=K_DATE), m.end()
        if m.group("time") is not None:
            if m.group("h2") is not None:
                if int(m.group("h2")) <= 24 and int(m.group("m2")) < 60:
                    return Draft(s, m.end(), float(m.group("h2")), None, None, kind=K_TIME), m.end()
            elif 0 < int(m.group("h")) <= 12 and (m.group("m") is None or int(m.group("m")) < 60):
                return Draft(s, m.end(), float(m.group("h")), None, None, kind=K_TIME), m.end()
            m = IDENT_DIGITS.match(text, s)  # not a time after all: maybe "12:75-3"
        if m:
            return Draft(s, m.end(), 0.0, None, None, kind=K_IDENTIFIER), m.end()

    # Scan a few tokens first; most numbers are one or two tokens long.
    limit = 6
    toks = scan_tokens(text, s, limit, chain)
    probe: Reading | None = None
    while len(toks) == limit and limit < MAX_CHAIN_TOKENS:
        probe = read_numeral(toks[1:] if toks[0].typ is NEGATIVE else toks)
        if probe is not None and probe.ntok < len(toks) - 3:
            break
        probe = None
        limit *= 2
        toks = scan_tokens(text, s, limit, chain)
    negative_word = bool(toks) and toks[0].typ is NEGATIVE
    if negative_word:
        toks = toks[1:]
        if toks and toks[0].join not in ("", None):
            toks = []
        if toks:
            toks[0] = as_first(toks[0])
    # the probe already read these tokens (a negative word changes the first token's joiner)
    r = probe if probe is not None and not negative_word else read_numeral(toks)
    if r is None:
        return None, s + max(1, len(toks[0].raw) if toks else 1)
    end = r.end
    num_start, num_end = r.start, r.end
    value = r.value
    mult = r.mult
    scale = r.scale
    step = r.step
    first_raw = toks[0].raw.lower() if r.words else ""

    # A sign, a currency symbol or code written before the figure ("-5", "$-99.99", "US$ 1MM").
    start = s
    sign = 1.0
    before = text[start - 1] if start else ""  # char_before, inlined: it runs for every figure
    if before in BLANK and start > 1:
        before = text[start - 2]
    sm = SIGN.search(text, max(0, start - 2), start) if before in MINUS else None
    if sm and not (prev_end >= 0 and not text[prev_end : sm.start()].strip()):
        sign, start = -1.0, sm.start()
        before = char_before(text, start)
    unit, kind = "", K_COUNT
    cm = lex.currency_before.search(text, max(0, start - 8, prev_end), start) if before in lex.symbols else None
    if cm:
        sym = cm.group("sym")
        unit = lex.symbols[sym]
        if sym == "$" and cm.group("pre"):
            unit = lex.dollar_prefixes[cm.group("pre").translate(FOLD).lower()]
        kind, start = K_MONEY, cm.start()
        if sign > 0 and char_before(text, start) in MINUS:
            sm = SIGN.search(text, max(0, start - 2), start)
            if sm and not (prev_end >= 0 and not text[prev_end : sm.start()].strip()):
                sign, start = -1.0, sm.start()
    elif before.isalpha() and last_letters(text, start) in lex.code_ends:
        km = lex.code_before.search(text, max(0, start - 9, prev_end), start)
        if km:
            code = km.group("code")
            unit = lex.currency_words.get(code.lower(), code.upper())
            if unit == "RMB":
                unit = "CNY"
            kind, start = K_MONEY, km.start()
    if negative_word:
        sign, start = -1.0, s

    # Words that make a lone "one" a pronoun and "half" a part of something else.
    if r.words and r.ntok == 1 and first_raw == "one" and PRONOUN_ONE.search(text, max(0, s - 20), s):
        nw = next_word(text, end)
        if not nw or nw not in lex.units:
            return None, end
    if r.words and r.ntok == 1 and first_raw == "half" and HALF_NOT.search(text, max(0, s - 12), s):
        return None, end

    if r.ordinal:
        return Draft(s, end, value, None, None, kind=K_ORDINAL), end

    # After the digits: an ordinal suffix, a scale abbreviation, a power of ten.
    last_tok = toks[r.ntok - 1]
    if last_tok.typ is DIGITS:
        after = text[end : end + 3]  # the first characters the patterns below can match
        om = ORD_SUFFIX.match(text, end) if after[:1] in ORD_FIRST else None
        if om and last_tok.is_int:
            kindo = K_DATE if month_before(text, s) else K_ORDINAL
            return Draft(s, om.end(), value, None, None, kind=kindo), om.end()
        em = EXP.match(text, end) if after[:2].lstrip(" \t")[:1] in EXP_FIRST else None
        if em:
            try:
                value *= 10.0 ** int(em.group(1).replace("−", "-"))
            except OverflowError:  # "5 x10^999": held at the largest float, as "5e999" is
                value = sys.float_info.max
            end = em.end()
        am = None
        if not r.scale and (em is not None or after.lstrip(" \t")[:1] in lex.abbr_first):
            am = lex.abbr.match(text, end)
        if am:
            ab = am.group(1)
            nxt = next_word(text, am.end())
            take = True
            money_ctx = kind == K_MONEY or is_money_word(nxt) or nxt.upper() in lex.codes
            if ab == "m":
                take = money_ctx or (
                    bool(nxt)
                    and nxt.lower() not in M_NOT_MILLION
                    and nxt.lower() not in lex.units
                    and nxt[:1].islower()
                    and not text[am.end() : am.end() + 1].isalpha()
                )
            elif ab in ("t", "T") or (ab in ("b", "B") and am.group().startswith(" ")):
                take = money_ctx
            if take and not text[am.end() : am.end() + 1].isdigit():
                value *= lex.abbreviations[ab]
                mult = lex.abbreviations[ab]
                scale = ab
                step = mult * 10.0**-last_tok.decimals if last_tok.decimals else 0.0
                end = am.end()
    value *= sign

    # "the 1990s": a decade, not 1990 seconds
    if (
        last_tok.typ is DIGITS
        and len(last_tok.raw) == 4
        and last_tok.is_int
        and not scale
        and YEAR_MIN - 100 <= value <= YEAR_MAX
        and DECADE.match(text, end)
    ):
        dm = DECADE.match(text, end)
        assert dm is not None
        q = Draft(start, dm.end(), value, value, value, kind=K_YEAR)
        q.num_start, q.num_end = num_start, num_end
        return q, dm.end()

    # After the figure: percent, currency, unit.
    counted_from = end
    after_first = lex.after_first
    c = text[end : end + 1]
    am = (
        lex.after.match(text, end)
        if after_first is None or c in after_first or (c in BLANK and text[end + 1 : end + 2] in after_first)
        else None
    )
    if am and am.lastgroup == "pct":
        kind, unit, end = K_PERCENT, "%", am.end()
    elif am and am.lastgroup == "sym" and kind != K_MONEY:
        kind, unit, end = K_MONEY, lex.symbols[am.group().strip()], am.end()
    elif am and am.lastgroup == "money":
        w = SPACES.sub(" ", am.group().strip().lower())
        if w in lex.subunits and kind != K_MONEY:
            code, factor = lex.subunits[w]
            kind, unit, end = K_MONEY, code, am.end()
            value *= factor
        elif w in lex.pounds:
            if kind == K_MONEY or mult >= 1000:
                kind, unit, end = K_MONEY, "GBP", am.end()
            else:
                kind, unit, end = K_MEASURE, "lb", am.end()
        elif w in lex.currency_words or w.upper() in lex.codes:
            code = lex.currency_words.get(w, w.upper())
            kind, unit, end = K_MONEY, "CNY" if code == "RMB" else code, am.end()
        # "75 USD million": a scale after the currency word
        if kind == K_MONEY and not scale:
            sw = WORD_AFTER.match(text, end)
            if sw and sw.group(1).lower() in ("million", "billion", "trillion", "thousand"):
                mult = lex.words[sw.group(1).lower()].value
                value *= mult
                scale = sw.group(1).lower()
                end = sw.end()
    elif am and am.lastgroup in ("unit", "single") and kind != K_MONEY:
        u = UNIT_TRIM.sub("", am.group())
        base = UNIT_BASE.match(u)
        key = SPACES.sub(" ", base.group().strip()) if base else u
        if u in lex.units or u.lower() in lex.units:
            key = u if u in lex.units else u.lower()
        key = UNIT_POWER.sub("", key) if key not in lex.units else key
        norm = lex.units.get(key) or lex.units.get(key.lower()) or key
        kind, unit, end = K_MEASURE, norm, am.end()

    # Hedges: words before (before the currency sign) and after.
    hedge = "exact"
    between = ""
    # hedge_before's first tests, inlined: what is right before the figure, or before the spaces there,
    # must be able to end a hedge (most figures follow a word no hedge ends with, or a comma, or a digit)
    touch = text[start - 1 : start]
    if touch.isspace():
        touch = text[max(0, start - HEDGE_WINDOW) : start].rstrip()[-1:]
        hb = hedge_before(text, start) if touch in lex.hedge_last else None
    else:
        hb = hedge_before(text, start) if touch in lex.hedge_touch else None
    if hb is not None and not (hb[1] < prev_end):
        name, hstart = hb
        if name == "between":
            between = SPACES.sub(" ", text[hstart:start].strip().lower())
        else:
            hedge, start = name, hstart
    blank_then = text[end : end + 1]  # what hedge_after's words must start with, after spaces
    if blank_then in BLANK:
        blank_then = text[end : end + 64].lstrip(" \t")[:1]
    ha = lex.hedge_after.match(text, end) if not blank_then or blank_then in lex.hedge_after_first else None
    if ha is not None:
        words = SPACES.sub(" ", ha.group().strip().lower())
        after_name = lex.hedge_words.get("@" + words)
        if after_name is not None and not (words in ("plus", "+") and text[ha.end() : ha.end() + 1] in ("/", "-")):
            if words.startswith("or equal"):  # "more than 5000 or equal to", "less than 50 or equal"
                hedge = {"more-than": "at-least", "less-than": "at-most", "exact": after_name}.get(hedge, hedge)
            else:
                hedge = after_name
            end = ha.end()

    is_int = r.is_int and not r.fraction and value == int(value) if math.isfinite(value) else False
    small_int = is_int and abs(value) <= SCORE_MAX and not r.words and not scale and kind == K_COUNT
    in_words = toks[0].typ in WRITTEN  # written in words, not digits
    # positional (keywords cost twice as much here): start, end, value, lo, hi, hedge, kind, unit,
    # counted, scale, lo_open, hi_open, step, mult, num_start, num_end, between, is_int, small_int, words
    q = Draft(start, end, value, value, value, hedge, kind, unit, "", scale, False, False, step, mult,
           num_start, num_end, between, is_int, small_int, in_words)  # fmt: skip
    if r.vague:
        rule = hedge_table()[r.vague]
        q.hedge = r.vague
        q.lo = r.unit_value * (rule.lo or 0)
        q.hi = r.unit_value * rule.hi if rule.hi is not None else None
        q.hi_open = rule.hi_open
        q.value = q.lo
    elif hedge != "exact":  # an exact figure's interval is the figure, as Draft was made
        apply_hedge(q)

    # Not counts: years ("in 2019", "1960s", "mid-1972") and dates ("February 24", "24 February").
    if (
        kind == K_COUNT
        and r.is_int
        and not r.words
        and not r.commas
        and not scale
        and not r.fraction
        and math.isfinite(value)
    ):
        v = int(abs(value))
        if sign > 0 and month_before(text, s):
            if 1 <= v <= 31 and len(last_tok.raw) <= 2:
                return Draft(s, end, value, None, None, kind=K_DATE), end
            if YEAR_MIN <= v <= YEAR_MAX:
                q.kind = K_YEAR
        elif (
            1 <= v <= 31
            and len(last_tok.raw) <= 2
            and text[end : end + 1] in MONTH_AFTER_FIRST
            and MONTH_AFTER.match(text, end)
            and hedge == "exact"
        ):
            mm = MONTH_AFTER.match(text, end)
            assert mm is not None
            return Draft(s, mm.end(), value, None, None, kind=K_DATE), mm.end()
        if YEAR_MIN <= v <= YEAR_MAX and len(last_tok.raw) == 4 and sign > 0 and hedge == "exact":
            dm = DECADE.match(text, end)
            if dm:
                q.end = end = dm.end()
                q.kind = K_YEAR
            counted = counted_phrase(text, end)
            if not counted or YEAR_WORD_BEFORE.search(text[max(0, s - 12) : s]):
                q.kind = K_YEAR
        if s > 0 and text[s - 1] == "-" and q.kind == K_COUNT:
            pm = PREFIX_BEFORE.search(text[max(0, s - 12) : s])
            if pm and pm.group(1).lower() in YEAR_PREFIXES and YEAR_MIN <= v <= YEAR_MAX:
                q.kind = K_YEAR
    # (the noun phrase starts with a space or tab: tested here, most figures are followed by neither)
    q.counted = (
        counted_phrase(text, end) if q.kind in (K_COUNT, K_MONEY, K_PERCENT) and text[end : end + 1] in BLANK else ""
    )
    if q.kind == K_MEASURE:
        q.counted = unit if unit in ("years", "months", "weeks", "days", "hours", "minutes") else ""
        if q.counted:
            q.counted = SPACES.sub(" ", text[counted_from:end].strip(" -").lower())
    return q, end
