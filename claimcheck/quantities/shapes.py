"""What is not a count: dates, times, identifiers, years, decades and ordinals, recognised by their shape."""

from __future__ import annotations

import re

from .chars import BLANK, FOLD, cases_of
from .counted import counted_phrase, next_word
from .draft import K_COUNT, K_DATE, K_IDENTIFIER, K_ORDINAL, K_TIME, K_YEAR, Draft
from .kinds import FRACTION_WORD, UNIT
from .lexicon import context_words, number_lexicon
from .patterns import words_alt
from .tokens import Token

YEAR_MIN, YEAR_MAX = 1900, 2100  # a standalone integer in this range reads as a year
DIGITISH = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")

_WORDS = context_words()  # lexicon/context.yaml
MONTH = f"(?:{words_alt(_WORDS.months)})"
_DAY_WORDS = words_alt(_WORDS.day_words)
MONTH_BEFORE = re.compile(
    rf"(?<![\w]){MONTH}\.?[ \t]{{0,2}}\.?[ \t]{{0,2}}(?:(?:{_DAY_WORDS})[ \t]+)?\Z", re.IGNORECASE
)
# Every spelling of a month, and "the": a text before a figure that does not end with one of these
# (after dots and spaces) cannot match MONTH_BEFORE.
MONTH_ENDS = (*_WORDS.months, *_WORDS.day_words)
# What those endings can end with, as written: a text ending with any other character has no month.
MONTH_LAST = frozenset(c for w in MONTH_ENDS for c in cases_of(w[-1]))
_ORDINAL_SUFFIX = words_alt(_WORDS.ordinal_suffixes)
MONTH_AFTER = re.compile(
    rf"(?:{_ORDINAL_SUFFIX})?[ \t]+(?:(?:{words_alt(_WORDS.month_of)})[ \t]+)?{MONTH}(?![\w])", re.IGNORECASE
)
NUM_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}(?P<dsep>[/.-])\d{1,2}(?P=dsep)(?:\d{4}|\d{2})(?![\d/.-]\d)")
TIME = re.compile(
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?[ \t]?(?:" + "|".join(_WORDS.time_markers) + ")"
    r"|(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::\d{2})?(?![\d])",
    re.IGNORECASE,
)
IDENT_DIGITS = re.compile(
    r"\+\d+(?:[- ]\(?\d+\)?){2,}|\+?\d+(?:-\d+){2,}|\d+(?:\.\d+){2,}|\d+(?:/\d+){2,}"
    r"|\d+(?![eE][-+]?\d)[A-Za-z]+\d{2,}\w*|\d+(?![eE][-+]?\d)[A-Za-z]+\d[A-Za-z]\w*|\d[DG](?![\w])|\d+/0(?!\d)"
)
# The three in one pattern, tried in this order with one call. The empty groups say which matched;
# a group around a repeat would make the engine save its marks at every turn ("1-1-1-..." x 100k).
SHAPE = re.compile(rf"(?:{NUM_DATE.pattern})(?P<date>)|(?i:{TIME.pattern})(?P<time>)|{IDENT_DIGITS.pattern}")
IDENT_ALPHA = re.compile(r"[A-Za-z]{1,12}-?\d[\w]*(?:[-./]\w+)*")
YEAR_PREFIXES = frozenset(_WORDS.year_prefixes)
ORD_SUFFIX = re.compile(rf"(?:{_ORDINAL_SUFFIX})(?![A-Za-z])", re.IGNORECASE)
ORD_FIRST = frozenset(c for w in _WORDS.ordinal_suffixes for c in cases_of(w[0]))  # what a suffix starts with
MONTH_AFTER_FIRST = ORD_FIRST | BLANK
# After a run of digits (\d is Unicode's Nd, as str.isdecimal), what lets SHAPE match: a separator
# of dates, times and versions, a letter ("5pm", "4G", "3a7"), or a space after one or two ("5 pm").
SHAPE_NEXT = frozenset("-/.:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
DECADE = re.compile(rf"(?:{words_alt(_WORDS.decade_endings)})(?![\w])")
# "that one in four": a share's first number ("in", "out of", then a number) is no pronoun.
_SHARE_AFTER = re.compile(rf"[ \t]+(?:{words_alt(_WORDS.share_words)})[ \t]+(?P<n>\d|[a-z]+\b)", re.IGNORECASE)
PRONOUN_ONE = re.compile(rf"(?<![\w])(?:{words_alt(_WORDS.pronoun_one_after)})[ \t]+\Z", re.IGNORECASE)
HALF_NOT = re.compile(rf"(?<![\w])(?:{words_alt(_WORDS.half_not_after)})[ \t]+\Z", re.IGNORECASE)
YEAR_WORD_BEFORE = re.compile(rf"(?<![\w])(?:{words_alt(_WORDS.year_words_before)})[ \t-]*\Z", re.IGNORECASE)
PREFIX_BEFORE = re.compile(r"(?<![\w])([A-Za-z]+)-\Z")  # "mid-" of "mid-1972"


def month_before(text: str, s: int) -> bool:
    """A month name (and maybe "the") written right before ``s``: "Feb. 24", "March the 3"."""
    tail = text[max(0, s - 14) : s].rstrip(" \t.")
    if tail[-1:] not in MONTH_LAST:
        return False  # most figures: no spelling of a month or "the" ends with this letter
    if not tail.lower().endswith(MONTH_ENDS) and (
        tail.isascii() or not tail.translate(FOLD).lower().endswith(MONTH_ENDS)
    ):
        return False
    return MONTH_BEFORE.search(text, max(0, s - 14), s) is not None


def read_shape(text: str, s: int) -> Draft | None:
    """A numeric date, a time or an identifier starting at ``s`` (a digit), or None.

    >>> [(q.kind.value, q.end) for q in (read_shape("On 24.02.2022 at", 3), read_shape("at 8 a.m. on", 3))]
    [('date', 13), ('time', 9)]
    >>> read_shape("1,386 people", 0) is None
    True
    """
    e = s + 1  # the end of the digit run, if it is short
    while e < s + 8 and text[e : e + 1].isdecimal():
        e += 1
    after_run = text[e : e + 1]
    if not (after_run in SHAPE_NEXT or after_run.isdecimal() or (after_run in BLANK and e - s <= 2)):
        return None  # what follows the digits starts no date, time or code (read_at tests this first)
    m = SHAPE.match(text, s)
    if m is None:
        return None
    if m.group("date") is not None:
        return Draft(s, m.end(), 0.0, None, None, kind=K_DATE)
    if m.group("time") is not None:
        if m.group("h2") is not None:
            if int(m.group("h2")) <= 24 and int(m.group("m2")) < 60:
                return Draft(s, m.end(), float(m.group("h2")), None, None, kind=K_TIME)
        elif 0 < int(m.group("h")) <= 12 and (m.group("m") is None or int(m.group("m")) < 60):
            return Draft(s, m.end(), float(m.group("h")), None, None, kind=K_TIME)
        m = IDENT_DIGITS.match(text, s)  # not a time after all: maybe "12:75-3"
        if m is None:
            return None
    return Draft(s, m.end(), 0.0, None, None, kind=K_IDENTIFIER)


def word_not_a_number(text: str, s: int, word: str, end: int) -> bool:
    """A lone "one" used as a pronoun ("the one that", unless a unit follows: "the one km") or a
    "half" that is a part of something ("the first half").

    >>> word_not_a_number("Which one do you prefer?", 6, "one", 9)
    True
    """
    lex = number_lexicon()
    entry = lex.words.get(word)
    if entry is None:
        return False
    if entry.typ is UNIT and entry.value == 1 and PRONOUN_ONE.search(text, max(0, s - 20), s):
        m = _SHARE_AFTER.match(text, end)
        if m is not None and (m["n"].isdigit() or m["n"].lower() in lex.words):
            return False  # "that one in four of our students"
        nw = next_word(text, end)
        return not nw or nw not in lex.units
    is_half = entry.typ is FRACTION_WORD and entry.value == 2  # "halves" alone is no number anyway
    return is_half and HALF_NOT.search(text, max(0, s - 12), s) is not None


def ordinal_suffix(text: str, s: int, q: Draft) -> Draft | None:
    """ "17th" is an ordinal, "February 24th" a date: either way not a count."""
    om = ORD_SUFFIX.match(text, q.end)
    if om is None:
        return None
    return Draft(s, om.end(), q.value, None, None, kind=K_DATE if month_before(text, s) else K_ORDINAL)


def decade_after(text: str, q: Draft) -> Draft | None:
    """ "the 1990s", "1990's": a decade (read as its first year), not 1990 seconds."""
    if not YEAR_MIN - 100 <= q.value <= YEAR_MAX:
        return None
    dm = DECADE.match(text, q.end)
    if dm is None:
        return None
    year = Draft(q.start, dm.end(), q.value, q.value, q.value, kind=K_YEAR)
    year.num_start, year.num_end = q.num_start, q.num_end
    return year


def year_or_date(text: str, s: int, q: Draft, last_tok: Token, sign: float) -> Draft | None:
    """A plain integer that is a date ("February 24", "24 February": returned) or a year ("in 2019",
    "1960s", "mid-1972": ``q.kind`` set to YEAR)."""
    v = int(abs(q.value))
    short = len(last_tok.raw) <= 2
    if sign > 0 and month_before(text, s):
        if 1 <= v <= 31 and short:
            return Draft(s, q.end, q.value, None, None, kind=K_DATE)
        if YEAR_MIN <= v <= YEAR_MAX:
            q.kind = K_YEAR
    elif 1 <= v <= 31 and short and q.hedge == "exact" and text[q.end : q.end + 1] in MONTH_AFTER_FIRST:
        mm = MONTH_AFTER.match(text, q.end)
        if mm is not None:
            return Draft(s, mm.end(), q.value, None, None, kind=K_DATE)
    if YEAR_MIN <= v <= YEAR_MAX and len(last_tok.raw) == 4 and sign > 0 and q.hedge == "exact":
        dm = DECADE.match(text, q.end)
        if dm:
            q.end = dm.end()
            q.kind = K_YEAR
        if not counted_phrase(text, q.end) or YEAR_WORD_BEFORE.search(text[max(0, s - 12) : s]):
            q.kind = K_YEAR
    if s > 0 and text[s - 1] == "-" and q.kind is K_COUNT and YEAR_MIN <= v <= YEAR_MAX:
        pm = PREFIX_BEFORE.search(text[max(0, s - 12) : s])
        if pm and pm.group(1).lower() in YEAR_PREFIXES:
            q.kind = K_YEAR
    return None
