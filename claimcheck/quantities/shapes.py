"""What is not a count: dates, times, identifiers, years, decades and ordinals, recognised by their shape."""

from __future__ import annotations

import re

from .chars import BLANK, FOLD, cases_of

YEAR_MIN, YEAR_MAX = 1900, 2100  # a standalone integer in this range reads as a year
DIGITISH = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTH_BEFORE = re.compile(rf"(?<![\w]){MONTH}\.?[ \t]{{0,2}}\.?[ \t]{{0,2}}(?:the[ \t]+)?\Z", re.IGNORECASE)
# Every spelling MONTH allows, and "the": a text before a figure that does not end with one of
# these (after dots and spaces) cannot match MONTH_BEFORE.
MONTH_ENDS = tuple(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept sepember september"
    " oct october nov november dec december the".split()
)
# What IGNORECASE matches besides the two cases of a letter (Python's re: "ſ" is an "s", "K" a "k").
# What those endings can end with, as written: a text ending with any other character has no month.
MONTH_LAST = frozenset(c for w in MONTH_ENDS for c in cases_of(w[-1]))
MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH}(?![\w])", re.IGNORECASE)
NUM_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}(?P<dsep>[/.-])\d{1,2}(?P=dsep)(?:\d{4}|\d{2})(?![\d/.-]\d)")
TIME = re.compile(
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?[ \t]?(?:a\.m\.?|p\.m\.?|am(?![\w])|pm(?![\w])|o'clock)"
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
YEAR_PREFIXES = frozenset({"mid", "pre", "post", "late", "early", "end", "fy"})
ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
ORD_FIRST = frozenset("sSſnNrRtT")  # what the suffix can start with
MONTH_AFTER_FIRST = ORD_FIRST | BLANK
# After a run of digits (\d is Unicode's Nd, as str.isdecimal), what lets SHAPE match: a separator
# of dates, times and versions, a letter ("5pm", "4G", "3a7"), or a space after one or two ("5 pm").
SHAPE_NEXT = frozenset("-/.:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
DECADE = re.compile(r"'?s(?![\w])")
EXP = re.compile(r"[ \t]?[×x*][ \t]?10[ \t]?\^?[ \t]?([-−+]?\d+)")
EXP_FIRST = frozenset("×x*")
SIGN = re.compile(r"(?:(?<=[\s(\[<>=:$£€¥])(?<![-−][ \t])|^)[-−](?:(?<=^[-−])[ \t]|(?<=[(=:][-−])[ \t])?\Z")
MINUS = frozenset("-−")
PRONOUN_ONE = re.compile(
    r"(?<![\w])(?:the|this|that|which|each|every|any|no|another|other|last|next|only|little|big|right|wrong"
    r"|same|new|old|whichever|someone|one)[ \t]+\Z",
    re.IGNORECASE,
)
HALF_NOT = re.compile(r"(?<![\w])(?:first|second|latter|former|other|the|top|bottom|back|front|better)[ \t]+\Z", re.I)
CHANGE_VERB = re.compile(
    r"(?<![\w])(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|increas\w*|decreas\w*|reduc\w*|cut|chang\w*"
    r"|climb\w*|jump\w*|drop\w*|grew|grow\w*|rais\w*|lower\w*|slid\w*|slipp\w*|soar\w*|surg\w*|plung\w*"
    r"|tumbl\w*|declin\w*|went|gone|go|goes|going|moved?|revis\w*|up|down|boost\w*|swell\w*|doubl\w*"
    r"|shrank|shrunk)"
    r"(?![\w])[^.;]{0,40}\Z",
    re.IGNORECASE,
)
YEAR_WORD_BEFORE = re.compile(
    r"(?<![\w])(?:in|since|by|of|until|till|from|during|early|late|mid|before"
    r"|after|the|around|circa|year|fiscal|and|to)[ \t-]*\Z",
    re.IGNORECASE,
)
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
