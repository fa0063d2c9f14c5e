"""Stage 3, quantities: text -> Quantity intervals (digits, words, scales, hedges, ranges, %, money, units).

Input any text; output every number in it, sorted by start and non-overlapping, with its kind so that
years, dates, times, ordinals and identifiers ("Su-57", "4-2") are never mistaken for counts.

Performance: anchor, then read locally. ``_anchors`` lists the few positions where a number can
start (digit runs, URL and fraction signs, number words found with ``str.find``) with C-speed
loops, and the core pattern is matched only there instead of being searched character by
character. Around a figure, every context pattern is matched at a fixed position or searched in a
window of a few characters, and most are skipped after a one-character test of what they must
start or end with (``_char_before``, ``hedge_after_first``, ``_month_before``). Word lists compile
to tries (``_alt``), so a pattern branches on a letter rather than trying every word in turn.
"""

from __future__ import annotations

import math
import re
import sys
from bisect import bisect_left
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from typing import Any

from .model import Kind, Quantity
from .words import load_yaml

__all__ = ["HedgeRule", "extract_quantities", "hedge_table", "plausible_bounds"]

MAX_CHAIN_TOKENS = 40  # a written number longer than this is not one number
HEDGE_WINDOW = 48  # characters before a figure searched for a hedge ("greater than or equal to")
COUNTED_WORDS = 3  # words of the counted noun phrase kept after a figure
MAX_EXPONENT = 300  # written powers of ten beyond this leave the float range
YEAR_MIN, YEAR_MAX = 1900, 2100  # a standalone integer in this range reads as a year
ANCHOR_WINDOW = 4096  # characters anchored at a time (see _anchors)
SCORE_MAX = 20  # "4-2" with both sides at most this and the first not smaller reads as a score

# The kinds as plain module names: ``Kind.COUNT`` is a lookup through the enum's metaclass, and
# the reader tests kinds a dozen times per figure.
_K_COUNT, _K_PERCENT, _K_MONEY, _K_MEASURE = Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE
_K_ORDINAL, _K_YEAR, _K_DATE, _K_TIME, _K_IDENTIFIER = Kind.ORDINAL, Kind.YEAR, Kind.DATE, Kind.TIME, Kind.IDENTIFIER


@dataclass(frozen=True, slots=True)
class HedgeRule:
    """How a hedge turns a stated figure N into an interval (see ``lexicon/hedges.yaml``).

    ``lo``/``hi`` are factors of N (``None`` = open side); ``plausible`` closes the open side of a
    one-sided rule for display and support: a lower bound reaches ``N * plausible``, an upper bound
    starts at ``N / plausible``.
    """

    name: str
    lo: float | None
    hi: float | None
    lo_open: bool = False
    hi_open: bool = False
    plausible: float = 1.0
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@cache
def _yaml(name: str) -> Any:
    return load_yaml(resources.files("claimcheck").joinpath(f"lexicon/{name}").read_text("utf-8"))


@cache
def hedge_table() -> dict[str, HedgeRule]:
    """The hedge rules from ``lexicon/hedges.yaml``, by rule name."""
    table = {}
    for name, row in _yaml("hedges.yaml")["rules"].items():
        table[name] = HedgeRule(
            name=name,
            lo=None if row.get("lo") is None else float(row["lo"]),
            hi=None if row.get("hi") is None else float(row["hi"]),
            lo_open=bool(row.get("lo_open", False)),
            hi_open=bool(row.get("hi_open", False)),
            plausible=float(row.get("plausible", 1.0)),
            before=tuple(str(w) for w in row.get("before", ())),
            after=tuple(str(w) for w in row.get("after", ())),
        )
    return table


def plausible_bounds(q: Quantity) -> tuple[float, float]:
    """The interval a figure plausibly stands for: the logical bounds, with an open side closed by
    the hedge's ``plausible`` factor ("more than 40" -> (40, 60]) and an exact figure widened by
    half its rounding step ("$2.5bn" -> [2.45bn, 2.55bn])."""
    lo, hi = q.bounds()
    if q.step > 0 and q.hedge == "exact":
        return q.value - q.step / 2, q.value + q.step / 2
    rule = hedge_table().get(q.hedge)
    factor = rule.plausible if rule is not None else 1.0
    if math.isinf(hi) and not math.isinf(lo) and factor > 1:
        reach = lo + abs(lo) * (factor - 1)
        hi = reach if reach > lo else math.inf
    elif math.isinf(lo) and not math.isinf(hi) and factor > 1:
        lo = 0.0 if math.isinf(factor) and hi > 0 else hi - abs(hi) * (1 - 1 / factor)
    return lo, hi


# ---------------------------------------------------------------------------------------------
# Lexicon -> compiled patterns (once per process)


@dataclass(frozen=True, slots=True)
class _Word:
    typ: str  # U unit 0-9, T teen, X tens, H hundred, S scale, Z dozen, F fraction word, O ordinal,
    # A a/an, P point, N minus, V vague plural, Q vague multiplier
    value: float
    extra: str = ""


@dataclass(frozen=True, slots=True)
class _Lex:
    words: dict[str, _Word]
    abbreviations: dict[str, float]
    unicode_fractions: dict[str, float]
    symbols: dict[str, str]
    dollar_prefixes: dict[str, str]
    codes: frozenset[str]
    currency_words: dict[str, str]
    subunits: dict[str, tuple[str, float]]
    pounds: frozenset[str]
    units: dict[str, str]
    core: re.Pattern[str]
    url_or_fraction: re.Pattern[str]
    token: re.Pattern[str]
    next_token: re.Pattern[str]
    abbr: re.Pattern[str]
    abbr_first: frozenset[str]
    after: re.Pattern[str]
    hedge_after: re.Pattern[str]
    hedge_after_first: frozenset[str]
    hedge_last: frozenset[str]  # what the last word of a hedge ends with, in either case
    hedge_touch: frozenset[str]  # what, but a space, can end a hedge right before a figure ("x>5", "approx.5")
    hedge_words: dict[str, str]
    currency_before: re.Pattern[str]
    code_before: re.Pattern[str]
    code_ends: frozenset[str] = frozenset()  # the last three letters of each code_before word, folded
    join_first: frozenset[str] = frozenset()  # what ``next_token`` starts with, but letters and digits
    after_first: frozenset[str] | None = None  # what ``after`` can start with after [ \t]; None: anything


def _cases(ch: str) -> set[str]:
    """The characters IGNORECASE matches to ``ch``."""
    return {ch.lower(), ch.upper()} | {f for f in _FOLD_FROM if f.translate(_FOLD) == ch.lower()}


def _alt(words: list[str] | set[str] | frozenset[str], boundary: bool = True, lead: bool = True) -> str:
    """One alternation of ``words`` with shared prefixes factored out ("tw(?:o|elve|enty)"), so the regex
    engine branches on a letter instead of trying every word at every position.

    Spaces in a word match any whitespace. With ``boundary``, a word that starts (if ``lead``) or ends
    with a letter or digit must start or end a word of the text. The longest word that fits wins,
    with backtracking to shorter ones, as in a longest-first list of alternatives."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], last: str) -> str:
        branches = [re.escape(ch).replace(r"\ ", r"\s+") + emit(sub, ch) for ch, sub in sorted(node.items()) if ch]
        if "" in node:  # a word ends here: after the longer words, try it
            branches.append(r"(?![\w])" if boundary and last.isalnum() else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    # Words that must start a word of the text share one look-behind, tested once per position.
    bounded: list[str] = []
    free: list[str] = []
    for ch, sub in sorted(tree.items()):
        branch = re.escape(ch).replace(r"\ ", r"\s+") + emit(sub, ch)
        (bounded if boundary and lead and ch.isalnum() else free).append(branch)
    if bounded:
        free.insert(0, r"(?<![\w])(?:" + "|".join(bounded) + ")")
    return "|".join(free)


@cache
def _lex() -> _Lex:
    data = _yaml("numbers.yaml")
    words: dict[str, _Word] = {}
    for w, v in data["cardinals"].items():
        words[w] = _Word("U" if v < 10 else "T", float(v))
    for w, v in data["tens"].items():
        words[w] = _Word("X", float(v))
    for w, v in data["scales"].items():
        words[w] = _Word("H" if v == 100 else "S", float(v))
    for w, v in data["collectives"].items():
        if w != "score":  # "score" is far more often a sports score than twenty
            words[w] = _Word("Z", float(v))
    for w, v in data["ordinals"].items():
        words[w] = _Word("O", float(v))
        if v >= 3 or w == "first":  # "three twenty-firsts"
            words[w + "s"] = _Word("F", float(v))
    for w, v in data["fractions"].items():
        words[w] = _Word("F", float(v))
    for w, v in data["vague"].items():
        words[w] = _Word("V", float(v))
    for w, rule in data["vague_multipliers"].items():
        words[w] = _Word("Q", 0.0, str(rule))
    for w in data["negatives"]:
        words[w] = _Word("N", -1.0)
    words["a"] = _Word("A", 1.0)
    words["an"] = _Word("A", 1.0)
    words["point"] = _Word("P", 0.0)

    units: dict[str, str] = {}
    for norm, forms in data["units"].items():
        for f in forms:
            units[str(f)] = str(norm)
    currency_words: dict[str, str] = {}
    for code, forms in data["currency_words"].items():
        for f in forms:
            currency_words[str(f).lower()] = str(code)
    subunits = {str(k).lower(): (str(v[0]), float(v[1])) for k, v in data["subunits"].items()}
    codes = frozenset(str(c) for c in data["currency_codes"])
    pounds = frozenset(str(p) for p in data["pounds"])
    symbols = {str(k): str(v) for k, v in data["currency_symbols"].items()}
    ufr = {str(k): float(v) for k, v in data["unicode_fractions"].items()}

    # Words that may start a written number. "a"/"an", "point", "half" and "quarter" need company.
    scale_words = [w for w, x in words.items() if x.typ in "HSZFX" or (x.typ == "O" and x.value >= 3)]
    starters = [w for w, x in words.items() if x.typ in "UTXHSZOVNQ" or w in ("half", "halves")]
    # The alternatives that must start a word share one look-behind: inside a word, the search
    # moves on after three cheap tests. "alpha" must come before "word" ("one-5" is an identifier).
    core = re.compile(
        r"(?P<url>(?:https?://|www\.)\S+)"
        rf"|(?P<uf>[{''.join(ufr)}])"
        r"|(?<![\w])(?:"
        r"(?P<alpha>(?<![$])[A-Za-z]{1,12}-?(?=\d))"
        r"|(?P<num>(?<![\^./])(?:\.(?=\d)|\d))"
        rf"|(?P<aword>an?\s+(?=(?:{_alt(scale_words + ['few'])})))"
        r"|(?P<quarter>quarter(?=\s+(?:million|billion|trillion|thousand)))"
        r"|(?P<point>point(?=\s+(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine)))"
        rf"|(?P<word>(?:{_alt([w.lower() for w in starters], lead=False)})))",
        re.IGNORECASE,
    )
    token = re.compile(
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<exp>[eE][-+]?\d+)?(?:/(?P<den>\d+))?"
        rf"|(?P<uf>[{''.join(ufr)}])"
        rf"|(?P<w>{_alt(list(words))})",
        re.IGNORECASE,
    )
    # A joiner and the token after it in one match. No token starts inside a joiner ("and", "&",
    # "of", ",", "-", spaces), so this finds what _JOIN then ``token`` would.
    next_token = re.compile(f"(?P<join>{_JOIN.pattern})(?:{token.pattern})", re.IGNORECASE)
    abbr = re.compile(r"[ \t]{0,2}(" + "|".join(sorted(data["abbreviations"], key=len, reverse=True)) + r")(?![\w])")

    hedge_words: dict[str, str] = {}
    after_words: dict[str, str] = {}
    for name, rule in hedge_table().items():
        for w in rule.before:
            hedge_words[w.lower()] = name
        for w in rule.after:
            after_words[w.lower()] = name
    hedge_after = re.compile(
        r"[ \t]*(?:" + _alt(list(after_words)) + r")(?![ \t]*(?:than[ \t]+|to[ \t]+)?[-−]?\d)", re.IGNORECASE
    )
    hedge_words.update({"@" + k: v for k, v in after_words.items()})

    before_words = [w for w in [*hedge_words, "between", "from"] if w[:1] != "@"]
    hedge_last = frozenset(c for w in before_words for c in _cases(w.split()[-1][-1]))
    prefixes = {str(k).lower(): str(v) for k, v in data["dollar_prefixes"].items()}
    sym_alt = "".join(re.escape(s) for s in symbols)
    currency_before = re.compile(
        # "S$", "HK$": a prefix only before "$", and not the "s" of a possessive ("Murphy’s £90")
        rf"(?:(?<![\w'’])(?P<pre>{'|'.join(sorted(prefixes, key=len, reverse=True))})[ \t]?(?=\$))?"
        rf"(?P<sym>[{sym_alt}])[ \t]?\Z",
        re.IGNORECASE,
    )
    code_words = [*codes, "dollar", "dollars", "euro", "euros"]  # three letters or more
    code_before = re.compile(rf"(?P<code>{_alt(code_words)})[ \t]?\Z", re.IGNORECASE)
    unit_alt = _alt([u for u in units if len(u) > 1 or not u.isalpha()], boundary=False)
    single = "|".join(re.escape(u) for u in units if len(u) == 1 and u.isalpha())
    money_alt = _alt(
        list(currency_words) + list(subunits) + sorted(pounds) + [c.lower() for c in codes] + list(codes),
        lead=False,
    )
    after = re.compile(
        r"(?P<pct>[ \t]?(?:%|" + _alt(data["percent"][1:]) + r"))"
        rf"|(?P<sym>[ \t]?[{sym_alt}])"
        rf"|(?P<money>[ \t]?(?:{money_alt}))"
        rf"|(?P<unit>(?:[ \t]?-[ \t]?|[ \t]?[(\[{{<][ \t]?|[ \t]?)(?:{unit_alt})(?![A-Za-z])"
        r"(?:\^?[-−]?[1-3](?!\d))?"
        r"(?:/(?:[A-Za-z]{1,5})(?:\^?[23])?|\s+per\s+(?:hour|second|minute|day|week|month|year|millisecond))?"
        r"(?:[ \t]?[)\]}>])?)"
        rf"|(?P<single>(?:[ \t]?-[ \t]?|[ \t]?)(?:{single})(?![\w'’])(?:[-−]?[1-3](?!\d))?)",
    )
    after_forms = [*data["percent"], *symbols, *currency_words, *subunits, *pounds, *codes, *units]
    after_first = frozenset("-([{<") | {str(w)[0].lower() for w in after_forms} | {str(w)[0] for w in after_forms}
    return _Lex(
        words=words,
        abbreviations={str(k): float(v) for k, v in data["abbreviations"].items()},
        unicode_fractions=ufr,
        symbols=symbols,
        dollar_prefixes=prefixes,
        codes=codes,
        currency_words=currency_words,
        subunits=subunits,
        pounds=pounds,
        units=units,
        core=core,
        # where core's "url" or "uf" can match: a charset first, so the search skips ahead in C
        url_or_fraction=re.compile(
            rf"[hHwW{''.join(ufr)}](?:(?<=[hH])(?i:ttps?://)|(?<=[wW])(?i:ww\.)|(?<=[{''.join(ufr)}]))"
        ),
        token=token,
        next_token=next_token,
        join_first=frozenset(" \t&,-.") | frozenset(ufr),
        abbr=abbr,
        abbr_first=frozenset(str(a)[0] for a in data["abbreviations"]),
        after=after,
        hedge_after=hedge_after,
        # a word that starts with a space starts with \s+ in ``after``: then any character may start it
        after_first=None if any(str(w)[:1].isspace() for w in after_forms) else after_first,
        hedge_after_first=frozenset(c for w in after_words for c in _cases(w[0])),
        hedge_last=hedge_last,
        hedge_touch=frozenset(c for c in hedge_last if not c.isalnum()),
        hedge_words=hedge_words,
        currency_before=currency_before,
        code_before=code_before,
        code_ends=frozenset(w.lower()[-3:] for w in code_words),
    )


# ---------------------------------------------------------------------------------------------
# Fixed patterns: not-a-count shapes, joiners, context

_LETTERS = re.compile(r"[a-z]+")
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # bytes: a-z kept, all else a space
_DIGITISH = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
_HEDGE_PART = re.compile(r"[A-Za-z][\w.]*|[<>=≥≤~]+|[^\sA-Za-z<>=≥≤~]+")
_HEDGE_SYMBOL = re.compile(r"(>[ \t]?=|<[ \t]?=|[<>≥≤~=])[ \t]*\Z")
MAX_HEDGE_WORDS = 6  # "greater than or equal to" and the like

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"(?<![\w]){_MONTH}\.?[ \t]{{0,2}}\.?[ \t]{{0,2}}(?:the[ \t]+)?\Z", re.IGNORECASE)
# Every spelling _MONTH allows, and "the": a text before a figure that does not end with one of
# these (after dots and spaces) cannot match _MONTH_BEFORE.
_MONTH_ENDS = tuple(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept sepember september"
    " oct october nov november dec december the".split()
)
# What IGNORECASE matches besides the two cases of a letter (Python's re: "ſ" is an "s", "K" a "k").
_FOLD_FROM = "ſKİı"
_FOLD = str.maketrans(_FOLD_FROM, "skii")
# What those endings can end with, as written: a text ending with any other character has no month.
_MONTH_LAST = frozenset(c for w in _MONTH_ENDS for c in _cases(w[-1]))
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}(?![\w])", re.IGNORECASE)
_NUM_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)|\d{1,2}(?P<dsep>[/.-])\d{1,2}(?P=dsep)(?:\d{4}|\d{2})(?![\d/.-]\d)")
_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?[ \t]?(?:a\.m\.?|p\.m\.?|am(?![\w])|pm(?![\w])|o'clock)"
    r"|(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::\d{2})?(?![\d])",
    re.IGNORECASE,
)
_IDENT_DIGITS = re.compile(
    r"\+\d+(?:[- ]\(?\d+\)?){2,}|\+?\d+(?:-\d+){2,}|\d+(?:\.\d+){2,}|\d+(?:/\d+){2,}"
    r"|\d+(?![eE][-+]?\d)[A-Za-z]+\d{2,}\w*|\d+(?![eE][-+]?\d)[A-Za-z]+\d[A-Za-z]\w*|\d[DG](?![\w])|\d+/0(?!\d)"
)
# The three in one pattern, tried in this order with one call. The empty groups say which matched;
# a group around a repeat would make the engine save its marks at every turn ("1-1-1-..." x 100k).
_SHAPE = re.compile(rf"(?:{_NUM_DATE.pattern})(?P<date>)|(?i:{_TIME.pattern})(?P<time>)|{_IDENT_DIGITS.pattern}")
_IDENT_ALPHA = re.compile(r"[A-Za-z]{1,12}-?\d[\w]*(?:[-./]\w+)*")
_YEAR_PREFIXES = frozenset({"mid", "pre", "post", "late", "early", "end", "fy"})
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_ORD_FIRST = frozenset("sSſnNrRtT")  # what the suffix can start with
_BLANK = frozenset(" \t")
_ASCII_LETTER_OR_NONE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | {""}
_MONTH_AFTER_FIRST = _ORD_FIRST | _BLANK
# After a run of digits (\d is Unicode's Nd, as str.isdecimal), what lets _SHAPE match: a separator
# of dates, times and versions, a letter ("5pm", "4G", "3a7"), or a space after one or two ("5 pm").
_SHAPE_NEXT = frozenset("-/.:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DECADE = re.compile(r"'?s(?![\w])")
_EXP = re.compile(r"[ \t]?[×x*][ \t]?10[ \t]?\^?[ \t]?([-−+]?\d+)")
_EXP_FIRST = frozenset("×x*")
_JOIN = re.compile(r"[ \t]{0,3}(?:(?P<j>and|&|of)(?![\w])[ \t]{0,3}|(?P<p>[,-])[ \t]{0,3})?", re.IGNORECASE)
_SIGN = re.compile(r"(?:(?<=[\s(\[<>=:$£€¥])(?<![-−][ \t])|^)[-−](?:(?<=^[-−])[ \t]|(?<=[(=:][-−])[ \t])?\Z")
_MINUS = frozenset("-−")
_PRONOUN_ONE = re.compile(
    r"(?<![\w])(?:the|this|that|which|each|every|any|no|another|other|last|next|only|little|big|right|wrong"
    r"|same|new|old|whichever|someone|one)[ \t]+\Z",
    re.IGNORECASE,
)
_HALF_NOT = re.compile(r"(?<![\w])(?:first|second|latter|former|other|the|top|bottom|back|front|better)[ \t]+\Z", re.I)
_CHANGE_VERB = re.compile(
    r"(?<![\w])(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|increas\w*|decreas\w*|reduc\w*|cut|chang\w*"
    r"|climb\w*|jump\w*|drop\w*|grew|grow\w*|rais\w*|lower\w*|slid\w*|slipp\w*|soar\w*|surg\w*|plung\w*"
    r"|tumbl\w*|declin\w*|went|gone|go|goes|going|moved?|revis\w*|up|down|boost\w*|swell\w*|doubl\w*"
    r"|shrank|shrunk)"
    r"(?![\w])[^.;]{0,40}\Z",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_UNIT_TRIM = re.compile(r"^[\s(\[{<-]+|[\s)\]}>]+$")  # brackets, hyphen and spaces around a unit
_UNIT_BASE = re.compile(r"[^\^/]+")  # "km" of "km/h", "m" of "m^2"
_UNIT_POWER = re.compile(r"[-−]?[1-3]$")  # "2" of "m2"
_YEAR_WORD_BEFORE = re.compile(
    r"(?<![\w])(?:in|since|by|of|until|till|from|during|early|late|mid|before"
    r"|after|the|around|circa|year|fiscal|and|to)[ \t-]*\Z",
    re.IGNORECASE,
)
_PREFIX_BEFORE = re.compile(r"(?<![\w])([A-Za-z]+)-\Z")  # "mid-" of "mid-1972"
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]{0,30})")
# The noun phrase after a figure: "of" (kept once read) and up to COUNTED_WORDS words.
_COUNTED = re.compile(
    r"(?>(?:[ \t]+(?i:of)(?=[ \t]))?)"
    + r"(?:[ \t]+([A-Za-z][A-Za-z'’-]{0,30}))"
    + r"(?:[ \t]+([A-Za-z][A-Za-z'’-]{0,30}))?" * (COUNTED_WORDS - 1)
)
_M_NOT_MILLION = frozenset(
    {
        "tall",
        "long",
        "high",
        "wide",
        "deep",
        "away",
        "from",
        "above",
        "below",
        "in",
        "is",
        "are",
        "was",
        "were",
    }
    | {"and", "or", "to", "of", "at", "on", "by", "x"}
)
# Words that end the counted noun phrase: "38 cities across Russia" -> "cities".
_STOP_WORDS = """a an the and or but nor of in on at to for from by with as into onto over under about than
    across during after before since until while among between through throughout against within without upon
    via per each every is are was were be been being am has have had do does did will would shall should
    can could may might must not no so if then too very that this these those it its they them their he
    she his her him we us our you your i me my who whom which what when where why how there here also
    still already even just only more less most least some any all both few many much other own same
    ago later earlier old apiece each a.m p.m said says say"""
_STOP = frozenset(_STOP_WORDS.split())
_PLURAL_IRREGULAR = frozenset(
    {
        "people",
        "men",
        "women",
        "children",
        "police",
        "staff",
        "personnel",
        "troops",
        "cattle",
        "sheep",
        "fish",
    }
)


@dataclass(slots=True)
class _Tok:
    typ: str  # D digits, W with _Word typ in .wtyp, Y unicode fraction
    value: float
    start: int
    end: int
    join: str | None  # None: first token; "" spaces only; else the joiner word/char
    raw: str
    is_int: bool = True
    decimals: int = 0
    den: bool = False  # digits written as a fraction "1/2"


@dataclass(slots=True)
class _Reading:
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


@dataclass(slots=True)
class _Q:
    start: int
    end: int
    value: float
    lo: float | None
    hi: float | None
    hedge: str = "exact"
    kind: Kind = _K_COUNT
    unit: str = ""
    counted: str = ""
    scale: str = ""
    lo_open: bool = False
    hi_open: bool = False
    step: float = 0.0
    mult: float = 1.0
    num_start: int = 0
    num_end: int = 0
    between: str = ""  # "between" / "from" written before it, pending a second figure
    is_int: bool = True
    small_int: bool = False
    words: bool = False


# ---------------------------------------------------------------------------------------------
# Written and digit numerals


@dataclass(slots=True)
class _Chain:
    """The tokens last scanned in a text. In a run of figures ("1,1,1,...", "½⅓ ½⅓ ...") the next
    figure starts at one of them, and a scan from there reads the same tokens after it."""

    toks: list[_Tok] = field(default_factory=list)
    complete: bool = False  # the scan ended before its limit: no token follows the last


def _scan_tokens(text: str, pos: int, limit: int = MAX_CHAIN_TOKENS, chain: _Chain | None = None) -> list[_Tok]:
    """The tokens of a written number from ``pos`` on, at most ``limit`` of them."""
    lex = _lex()
    toks: list[_Tok] = []
    p = pos
    pattern = lex.token
    if chain is not None and chain.toks and chain.toks[-1].start >= pos:  # else the chain was left behind
        toks = _from_chain(chain, pos, limit)
        if toks:
            if len(toks) == limit or chain.complete:
                chain.toks, chain.complete = toks, len(toks) < limit
                return toks
            p, pattern = toks[-1].end, lex.next_token
    while len(toks) < limit:
        if toks and not text[p : p + 1].isalnum() and text[p : p + 1] not in lex.join_first:
            break  # no joiner and no token starts here (the end of most numbers)
        m = pattern.match(text, p)
        if m is None:
            break
        join: str | None = None
        q = p
        if toks:
            q = m.end("join")
            join = (m.group("j") or m.group("p") or "").lower()
            if q == p and toks[-1].typ != "D" and m.group("num"):
                break
        raw, exp, den, uf, word = m.group("num", "exp", "den", "uf", "w")
        if raw:
            value = float(raw.replace(",", ""))
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            if exp:
                # "1e999999" is no figure anyone reports: past the float range it is held at the
                # largest float (or 0), which JSON can still write.
                power = int(exp[1:])
                value = value * 10.0**power if abs(power) <= MAX_EXPONENT else (0.0 if power < 0 else math.inf)
                if math.isinf(value):
                    value = sys.float_info.max
            tok = _Tok("D", value, q, m.end(), join, raw, "." not in raw and not exp, decimals)
            if den is not None:
                if int(den) == 0:
                    break
                tok.value = value / int(den)
                tok.den = True
                tok.is_int = False
            toks.append(tok)
        elif uf:
            toks.append(_Tok("Y", lex.unicode_fractions[uf], q, m.end(), join, uf, False))
        else:
            w = _word(word)
            toks.append(_Tok(w.typ, w.value, q, m.end(), join, word))
        p = m.end()
        pattern = lex.next_token
    if chain is not None:
        chain.toks, chain.complete = toks, len(toks) < limit
    return toks


def _from_chain(chain: _Chain, pos: int, limit: int) -> list[_Tok]:
    """The chain's tokens from the one that starts at ``pos`` (now the first: no joiner), or []."""
    if not chain.toks or chain.toks[-1].start < pos:
        return []  # the chain was left behind: the usual case outside a run of figures
    for k, t in enumerate(chain.toks):
        if t.start >= pos:
            if t.start > pos:
                return []
            return [_as_first(t), *chain.toks[k + 1 : k + limit]]
    return []


def _as_first(t: _Tok) -> _Tok:
    """``t`` as the first token of a number (no joiner before it), without changing ``t``."""
    return t if t.join is None else _Tok(t.typ, t.value, t.start, t.end, None, t.raw, t.is_int, t.decimals, t.den)


def _word(raw: str) -> _Word:
    """The lexicon entry of a number word as written ("Twenty", "a  few", "ſeven")."""
    words = _lex().words
    w = words.get(raw.lower())
    if w is None:  # other spacing, or a letter IGNORECASE matched that lower() leaves alone
        w = words[_SPACES.sub(" ", raw.translate(_FOLD).lower())]
    return w


def _denominator(toks: list[_Tok], i: int) -> tuple[float, int] | None:
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


def _small(toks: list[_Tok], i: int) -> tuple[float, int] | None:
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


def _fraction(toks: list[_Tok], i: int) -> tuple[float, int] | None:
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


def _decimal_words(toks: list[_Tok], i: int) -> tuple[str, int]:
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


def _starts_new_group(toks: list[_Tok], k: int, hundred: bool, big: float) -> bool:
    """Whether toks[k] would need a scale the number already has ("3 hundred and 2 hundred")."""
    if k >= len(toks) or toks[k].join not in ("", None):
        return False
    t = toks[k]
    return (t.typ == "H" and hundred) or (t.typ in ("S", "V") and t.value >= big)


# Tokens that end a number begun with a fraction sign: only a scale, "dozen" or "a" ("½ a million") go on.
_STOPS_AFTER_SIGN = frozenset("DYUTXHFOPN")


def _evaluate(toks: list[_Tok]) -> _Reading | None:  # noqa: C901 - one state machine reads better whole
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
            return _Reading(
                t0.start, t0.end, 0.0 + t0.value, False, "", 1.0, 0.0, False, t0.is_int, "," in t0.raw, t0.den
            )
    elif t0.typ == "Y" and (n == 1 or toks[1].typ in _STOPS_AFTER_SIGN):
        return _Reading(t0.start, t0.end, 0.0 + t0.value, False, "", 1.0, 0.0, False, True, False, True)
    elif n == 1 and t0.typ in ("U", "T", "X"):  # a lone cardinal word: "seven", "twenty"
        return _Reading(t0.start, t0.end, 0.0 + t0.value, True)
    r = _Reading(t0.start, t0.end, 0.0, words=t0.typ not in ("D", "Y"))
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
            rule = _word(t0.raw).extra
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
# Context around a numeral: sign, currency, hedge before; scale, unit, currency, hedge after


def _char_before(text: str, start: int) -> str:
    """The character before ``start``, or before a space or tab there ("" at the start of the text):
    the sign, currency symbol or code patterns searched before a figure must end with it."""
    c = text[start - 1] if start else ""
    if c in (" ", "\t") and start > 1:
        c = text[start - 2]
    return c


def _last_letters(text: str, start: int) -> str:
    """The three characters before ``start`` (or before a space or tab there), folded as IGNORECASE
    compares them: a currency code or word written before a figure ends with them."""
    end = start - 1 if text[start - 1 : start] in _BLANK else start
    return text[max(0, end - 3) : end].translate(_FOLD).lower()


def _month_before(text: str, s: int) -> bool:
    """A month name (and maybe "the") written right before ``s``: "Feb. 24", "March the 3"."""
    tail = text[max(0, s - 14) : s].rstrip(" \t.")
    if tail[-1:] not in _MONTH_LAST:
        return False  # most figures: no spelling of a month or "the" ends with this letter
    if not tail.lower().endswith(_MONTH_ENDS) and (
        tail.isascii() or not tail.translate(_FOLD).lower().endswith(_MONTH_ENDS)
    ):
        return False
    return _MONTH_BEFORE.search(text, max(0, s - 14), s) is not None


@cache
def _hedge_last_words() -> frozenset[str]:
    """The last word of every hedge phrase, to rule most figures out with one set lookup."""
    words = {w.split()[-1] for w in _lex().hedge_words if not w.startswith("@")}
    return frozenset(words | {"between", "from"})


@cache
def _hedge_endings() -> frozenset[str]:
    """The last words of every hedge phrase ("to", "equal to", "or equal to", ...): a phrase read
    backwards from a figure that is none of these cannot grow into a hedge."""
    phrases = [w.split() for w in _lex().hedge_words if not w.startswith("@")] + [["between"], ["from"]]
    return frozenset(" ".join(words[k:]) for words in phrases for k in range(len(words)))


def _hedge_before(text: str, start: int) -> tuple[str, int] | None:
    """The hedge rule written right before ``start`` and where its words begin.

    Looks the last few words up in the hedge table (a dict), so the cost does not grow with the
    number of hedge phrases; symbols (">", "<=") may touch the word before them ("x>10")."""
    window_start = max(0, start - HEDGE_WINDOW)
    window = text[window_start:start]
    if window[-1:] not in (" ", "\t") and window[-1:].isalnum():
        return None
    tail = window.rstrip(" \t")
    if not tail:
        return None
    lex = _lex()
    last = tail[-1] if not tail[-1].isspace() else tail.rstrip()[-1:]
    if last not in lex.hedge_last:
        return None  # the last word (or symbol) ends with a character no hedge ends with
    words = tail.rsplit(None, 1)
    if not words:
        return None  # only line breaks before the number
    last_word = words[-1].lstrip("([{\"'“‘").lower()
    if tail[-1] not in "<>=≥≤~" and last_word not in _hedge_last_words():
        return None  # the common case: no hedge ends here
    # Parts never span a space, so the last MAX_HEDGE_WORDS space-separated chunks hold the last
    # MAX_HEDGE_WORDS parts. Most hedges are a word or two: the last two chunks are read first, and
    # all of them only when the phrase read so far could still grow into a longer hedge.
    best: tuple[str, int] | None = None
    endings = _hedge_endings()
    for few in (2, MAX_HEDGE_WORDS):
        chunks = window.rsplit(None, few)
        begin = len(chunks[0]) if len(chunks) > few else 0
        parts = list(_HEDGE_PART.finditer(window, begin))
        best = None
        phrase = ""
        grows = True
        for k in range(1, min(len(parts), MAX_HEDGE_WORDS) + 1):
            phrase = f"{parts[-k].group().lower()} {phrase}" if phrase else parts[-k].group().lower()
            name = lex.hedge_words.get(phrase)
            if name is None and phrase in ("between", "from"):
                name = "between"
            if name is not None:
                best = (name, window_start + parts[-k].start())
            elif phrase not in endings:
                grows = False
                break
        if not grows or begin == 0 or len(parts) >= MAX_HEDGE_WORDS:
            break  # these parts are all the longer read would look at
    sm = _HEDGE_SYMBOL.search(window) if best is None and tail[-1] in "<>=≥≤~" else None
    if sm is not None:
        symbol = _SPACES.sub(" ", sm.group(1))
        if symbol in lex.hedge_words and not (
            symbol in (">", "<", "=") and sm.start(1) > 0 and window[sm.start(1) - 1] in "<>="
        ):
            best = (lex.hedge_words[symbol], window_start + sm.start(1))
    return best


def _is_money_word(word: str) -> bool:
    lex = _lex()
    w = word.lower()
    return w in lex.currency_words or w in lex.subunits or w in lex.pounds or word.upper() in lex.codes


def _next_word(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos)
    return m.group(1) if m else ""


def _counted(text: str, pos: int) -> str:
    """The noun phrase counted right after ``pos`` ("55,000 Russian soldiers" -> "russian soldiers")."""
    if text[pos : pos + 1] not in _BLANK:
        return ""  # the pattern starts with a space or tab
    if text[pos : pos + 64].lstrip(" \t")[:1] not in _ASCII_LETTER_OR_NONE:
        return ""  # and goes on with a letter ("of" or the first word), however many spaces come first
    words: list[str] = []
    m = _COUNTED.match(text, pos)
    if m is None:
        return ""
    number_words = _lex().words
    for raw in m.groups():
        if raw is None:
            break
        w = raw.lower().rstrip("'’-")
        if w in _STOP or (w.endswith("ed") and len(w) > 4) or (w.endswith("ly") and len(w) > 4):
            break
        if w in number_words:
            break
        words.append(w)
        if w in _PLURAL_IRREGULAR or (w.endswith("s") and not w.endswith("ss") and len(w) > 3):
            break
    return " ".join(words)


def _read_at(  # noqa: C901 - linear context checks
    text: str, s: int, prev_end: int, chain: _Chain | None = None
) -> tuple[_Q | None, int]:
    """Read the quantity whose numeral starts at ``s``; return it (or None) and where to go on."""
    lex = _lex()
    # Shapes that are not counts: numeric dates, times, phone numbers, versions, codes.
    m = None
    if text[s : s + 1].isdigit():
        e = s + 1  # the end of the digit run, if it is short
        while e < s + 8 and text[e : e + 1].isdecimal():
            e += 1
        after_run = text[e : e + 1]
        if after_run in _SHAPE_NEXT or after_run.isdecimal() or (after_run in _BLANK and e - s <= 2):
            m = _SHAPE.match(text, s)
    if m:
        if m.group("date") is not None:
            return _Q(s, m.end(), 0.0, None, None, kind=_K_DATE), m.end()
        if m.group("time") is not None:
            if m.group("h2") is not None:
                if int(m.group("h2")) <= 24 and int(m.group("m2")) < 60:
                    return _Q(s, m.end(), float(m.group("h2")), None, None, kind=_K_TIME), m.end()
            elif 0 < int(m.group("h")) <= 12 and (m.group("m") is None or int(m.group("m")) < 60):
                return _Q(s, m.end(), float(m.group("h")), None, None, kind=_K_TIME), m.end()
            m = _IDENT_DIGITS.match(text, s)  # not a time after all: maybe "12:75-3"
        if m:
            return _Q(s, m.end(), 0.0, None, None, kind=_K_IDENTIFIER), m.end()

    # Scan a few tokens first; most numbers are one or two tokens long.
    limit = 6
    toks = _scan_tokens(text, s, limit, chain)
    probe: _Reading | None = None
    while len(toks) == limit and limit < MAX_CHAIN_TOKENS:
        probe = _evaluate(toks[1:] if toks[0].typ == "N" else toks)
        if probe is not None and probe.ntok < len(toks) - 3:
            break
        probe = None
        limit *= 2
        toks = _scan_tokens(text, s, limit, chain)
    negative_word = bool(toks) and toks[0].typ == "N"
    if negative_word:
        toks = toks[1:]
        if toks and toks[0].join not in ("", None):
            toks = []
        if toks:
            toks[0] = _as_first(toks[0])
    # the probe already read these tokens (a negative word changes the first token's joiner)
    r = probe if probe is not None and not negative_word else _evaluate(toks)
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
    before = text[start - 1] if start else ""  # _char_before, inlined: it runs for every figure
    if before in _BLANK and start > 1:
        before = text[start - 2]
    sm = _SIGN.search(text, max(0, start - 2), start) if before in _MINUS else None
    if sm and not (prev_end >= 0 and not text[prev_end : sm.start()].strip()):
        sign, start = -1.0, sm.start()
        before = _char_before(text, start)
    unit, kind = "", _K_COUNT
    cm = lex.currency_before.search(text, max(0, start - 8, prev_end), start) if before in lex.symbols else None
    if cm:
        sym = cm.group("sym")
        unit = lex.symbols[sym]
        if sym == "$" and cm.group("pre"):
            unit = lex.dollar_prefixes[cm.group("pre").translate(_FOLD).lower()]
        kind, start = _K_MONEY, cm.start()
        if sign > 0 and _char_before(text, start) in _MINUS:
            sm = _SIGN.search(text, max(0, start - 2), start)
            if sm and not (prev_end >= 0 and not text[prev_end : sm.start()].strip()):
                sign, start = -1.0, sm.start()
    elif before.isalpha() and _last_letters(text, start) in lex.code_ends:
        km = lex.code_before.search(text, max(0, start - 9, prev_end), start)
        if km:
            code = km.group("code")
            unit = lex.currency_words.get(code.lower(), code.upper())
            if unit == "RMB":
                unit = "CNY"
            kind, start = _K_MONEY, km.start()
    if negative_word:
        sign, start = -1.0, s

    # Words that make a lone "one" a pronoun and "half" a part of something else.
    if r.words and r.ntok == 1 and first_raw == "one" and _PRONOUN_ONE.search(text, max(0, s - 20), s):
        nw = _next_word(text, end)
        if not nw or nw not in lex.units:
            return None, end
    if r.words and r.ntok == 1 and first_raw == "half" and _HALF_NOT.search(text, max(0, s - 12), s):
        return None, end

    if r.ordinal:
        return _Q(s, end, value, None, None, kind=_K_ORDINAL), end

    # After the digits: an ordinal suffix, a scale abbreviation, a power of ten.
    last_tok = toks[r.ntok - 1]
    if last_tok.typ == "D":
        after = text[end : end + 3]  # the first characters the patterns below can match
        om = _ORD_SUFFIX.match(text, end) if after[:1] in _ORD_FIRST else None
        if om and last_tok.is_int:
            kindo = _K_DATE if _month_before(text, s) else _K_ORDINAL
            return _Q(s, om.end(), value, None, None, kind=kindo), om.end()
        em = _EXP.match(text, end) if after[:2].lstrip(" \t")[:1] in _EXP_FIRST else None
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
            nxt = _next_word(text, am.end())
            take = True
            money_ctx = kind == _K_MONEY or _is_money_word(nxt) or nxt.upper() in lex.codes
            if ab == "m":
                take = money_ctx or (
                    bool(nxt)
                    and nxt.lower() not in _M_NOT_MILLION
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
        last_tok.typ == "D"
        and len(last_tok.raw) == 4
        and last_tok.is_int
        and not scale
        and YEAR_MIN - 100 <= value <= YEAR_MAX
        and _DECADE.match(text, end)
    ):
        dm = _DECADE.match(text, end)
        assert dm is not None
        q = _Q(start, dm.end(), value, value, value, kind=_K_YEAR)
        q.num_start, q.num_end = num_start, num_end
        return q, dm.end()

    # After the figure: percent, currency, unit.
    counted_from = end
    after_first = lex.after_first
    c = text[end : end + 1]
    am = (
        lex.after.match(text, end)
        if after_first is None or c in after_first or (c in _BLANK and text[end + 1 : end + 2] in after_first)
        else None
    )
    if am and am.lastgroup == "pct":
        kind, unit, end = _K_PERCENT, "%", am.end()
    elif am and am.lastgroup == "sym" and kind != _K_MONEY:
        kind, unit, end = _K_MONEY, lex.symbols[am.group().strip()], am.end()
    elif am and am.lastgroup == "money":
        w = _SPACES.sub(" ", am.group().strip().lower())
        if w in lex.subunits and kind != _K_MONEY:
            code, factor = lex.subunits[w]
            kind, unit, end = _K_MONEY, code, am.end()
            value *= factor
        elif w in lex.pounds:
            if kind == _K_MONEY or mult >= 1000:
                kind, unit, end = _K_MONEY, "GBP", am.end()
            else:
                kind, unit, end = _K_MEASURE, "lb", am.end()
        elif w in lex.currency_words or w.upper() in lex.codes:
            code = lex.currency_words.get(w, w.upper())
            kind, unit, end = _K_MONEY, "CNY" if code == "RMB" else code, am.end()
        # "75 USD million": a scale after the currency word
        if kind == _K_MONEY and not scale:
            sw = _WORD_AFTER.match(text, end)
            if sw and sw.group(1).lower() in ("million", "billion", "trillion", "thousand"):
                mult = lex.words[sw.group(1).lower()].value
                value *= mult
                scale = sw.group(1).lower()
                end = sw.end()
    elif am and am.lastgroup in ("unit", "single") and kind != _K_MONEY:
        u = _UNIT_TRIM.sub("", am.group())
        base = _UNIT_BASE.match(u)
        key = _SPACES.sub(" ", base.group().strip()) if base else u
        if u in lex.units or u.lower() in lex.units:
            key = u if u in lex.units else u.lower()
        key = _UNIT_POWER.sub("", key) if key not in lex.units else key
        norm = lex.units.get(key) or lex.units.get(key.lower()) or key
        kind, unit, end = _K_MEASURE, norm, am.end()

    # Hedges: words before (before the currency sign) and after.
    hedge = "exact"
    between = ""
    # _hedge_before's first tests, inlined: what is right before the figure, or before the spaces there,
    # must be able to end a hedge (most figures follow a word no hedge ends with, or a comma, or a digit)
    touch = text[start - 1 : start]
    if touch.isspace():
        touch = text[max(0, start - HEDGE_WINDOW) : start].rstrip()[-1:]
        hb = _hedge_before(text, start) if touch in lex.hedge_last else None
    else:
        hb = _hedge_before(text, start) if touch in lex.hedge_touch else None
    if hb is not None and not (hb[1] < prev_end):
        name, hstart = hb
        if name == "between":
            between = _SPACES.sub(" ", text[hstart:start].strip().lower())
        else:
            hedge, start = name, hstart
    blank_then = text[end : end + 1]  # what hedge_after's words must start with, after spaces
    if blank_then in _BLANK:
        blank_then = text[end : end + 64].lstrip(" \t")[:1]
    ha = lex.hedge_after.match(text, end) if not blank_then or blank_then in lex.hedge_after_first else None
    if ha is not None:
        words = _SPACES.sub(" ", ha.group().strip().lower())
        after_name = lex.hedge_words.get("@" + words)
        if after_name is not None and not (words in ("plus", "+") and text[ha.end() : ha.end() + 1] in ("/", "-")):
            if words.startswith("or equal"):  # "more than 5000 or equal to", "less than 50 or equal"
                hedge = {"more-than": "at-least", "less-than": "at-most", "exact": after_name}.get(hedge, hedge)
            else:
                hedge = after_name
            end = ha.end()

    is_int = r.is_int and not r.fraction and value == int(value) if math.isfinite(value) else False
    small_int = is_int and abs(value) <= SCORE_MAX and not r.words and not scale and kind == _K_COUNT
    in_words = toks[0].typ not in ("D", "Y")  # written in words, not digits
    # positional (keywords cost twice as much here): start, end, value, lo, hi, hedge, kind, unit,
    # counted, scale, lo_open, hi_open, step, mult, num_start, num_end, between, is_int, small_int, words
    q = _Q(start, end, value, value, value, hedge, kind, unit, "", scale, False, False, step, mult,
           num_start, num_end, between, is_int, small_int, in_words)  # fmt: skip
    if r.vague:
        rule = hedge_table()[r.vague]
        q.hedge = r.vague
        q.lo = r.unit_value * (rule.lo or 0)
        q.hi = r.unit_value * rule.hi if rule.hi is not None else None
        q.hi_open = rule.hi_open
        q.value = q.lo
    elif hedge != "exact":  # an exact figure's interval is the figure, as _Q was made
        _apply_hedge(q)

    # Not counts: years ("in 2019", "1960s", "mid-1972") and dates ("February 24", "24 February").
    if (
        kind == _K_COUNT
        and r.is_int
        and not r.words
        and not r.commas
        and not scale
        and not r.fraction
        and math.isfinite(value)
    ):
        v = int(abs(value))
        if sign > 0 and _month_before(text, s):
            if 1 <= v <= 31 and len(last_tok.raw) <= 2:
                return _Q(s, end, value, None, None, kind=_K_DATE), end
            if YEAR_MIN <= v <= YEAR_MAX:
                q.kind = _K_YEAR
        elif (
            1 <= v <= 31
            and len(last_tok.raw) <= 2
            and text[end : end + 1] in _MONTH_AFTER_FIRST
            and _MONTH_AFTER.match(text, end)
            and hedge == "exact"
        ):
            mm = _MONTH_AFTER.match(text, end)
            assert mm is not None
            return _Q(s, mm.end(), value, None, None, kind=_K_DATE), mm.end()
        if YEAR_MIN <= v <= YEAR_MAX and len(last_tok.raw) == 4 and sign > 0 and hedge == "exact":
            dm = _DECADE.match(text, end)
            if dm:
                q.end = end = dm.end()
                q.kind = _K_YEAR
            counted = _counted(text, end)
            if not counted or _YEAR_WORD_BEFORE.search(text[max(0, s - 12) : s]):
                q.kind = _K_YEAR
        if s > 0 and text[s - 1] == "-" and q.kind == _K_COUNT:
            pm = _PREFIX_BEFORE.search(text[max(0, s - 12) : s])
            if pm and pm.group(1).lower() in _YEAR_PREFIXES and YEAR_MIN <= v <= YEAR_MAX:
                q.kind = _K_YEAR
    # (the noun phrase starts with a space or tab: tested here, most figures are followed by neither)
    q.counted = (
        _counted(text, end) if q.kind in (_K_COUNT, _K_MONEY, _K_PERCENT) and text[end : end + 1] in _BLANK else ""
    )
    if q.kind == _K_MEASURE:
        q.counted = unit if unit in ("years", "months", "weeks", "days", "hours", "minutes") else ""
        if q.counted:
            q.counted = _SPACES.sub(" ", text[counted_from:end].strip(" -").lower())
    return q, end


def _apply_hedge(q: _Q) -> None:
    rule = hedge_table().get(q.hedge)
    if rule is None or q.hedge == "exact":
        q.lo = q.hi = q.value
        return
    v = q.value
    lo = None if rule.lo is None else v * rule.lo
    hi = None if rule.hi is None else v * rule.hi
    lo_open, hi_open = rule.lo_open, rule.hi_open
    if v < 0 and lo is not None and hi is not None:
        lo, hi, lo_open, hi_open = hi, lo, hi_open, lo_open
    q.lo, q.hi, q.lo_open, q.hi_open = lo, hi, lo_open, hi_open


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
_JOIN_FIRST = frozenset("+±-–—~") | {c for w in ("out", "in", "to", "through", "thru", "and") for c in _cases(w[0])}
_FIGURES = frozenset({_K_COUNT, _K_PERCENT, _K_MONEY, _K_MEASURE})


def _merge_range(text: str, a: _Q, b: _Q) -> _Q | None:
    gap = text[a.end : b.start]
    if len(gap) > 16 or "\n" in gap:
        return None
    bounds = a.hedge in _BOUNDS and b.hedge in _BOUNDS
    if not bounds and gap.strip(" \t")[:1] not in _JOIN_FIRST:
        return None  # what is between them is no joiner: most neighbours
    # "9.83e-3 +/- 1e-5": a value and its uncertainty
    if _PM_JOIN.match(gap) and a.kind in _FIGURES and b.kind in _FIGURES and a.hedge == b.hedge == "exact":
        return _Q(
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
            return _Q(
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
        and a.kind == b.kind == _K_COUNT
        and a.is_int
        and b.is_int
        and 0 < a.value < b.value
        and not a.scale
        and (b.value <= 1000 or "out" in gap.lower())
    ):
        share = a.value / b.value * 100
        rule = hedge_table()[a.hedge]
        return _Q(
            a.start,
            b.end,
            share,
            share * rule.lo if rule.lo is not None else None,
            share * rule.hi if rule.hi is not None else None,
            a.hedge,
            _K_PERCENT,
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
        and _CHANGE_VERB.search(text, max(0, a.start - 60), a.start)
    ):
        return None
    dash = bool(_DASH_JOIN.match(gap))
    if dash and (a.words or b.words):
        return None  # "three-nought-four" is three numbers
    # not-a-count pairs: years "1941-1945", fiscal years "2013-14", year-month "1995-01", scores "4-2"
    if a.kind == _K_YEAR:
        # "2019-2020 flu season": a year then a later year is a span of years, even when a noun
        # after the second made it look like a count.
        if (
            b.kind == _K_YEAR
            or (dash and b.kind == _K_COUNT and b.is_int and not b.scale and YEAR_MIN <= b.value <= YEAR_MAX)
        ) and a.value < b.value:
            return _Q(a.start, b.end, a.value, a.value, b.value, "between", _K_YEAR)
        if dash and b.kind == _K_COUNT and b.is_int and len(text[b.num_start : b.num_end]) == 2:
            return _Q(a.start, b.end, a.value, None, None, kind=_K_DATE)
        return None
    if dash and not a.between and a.small_int and b.small_int and a.value >= b.value and gap.strip() == "-":
        return _Q(a.start, b.end, a.value, None, None, kind=_K_IDENTIFIER)
    if a.kind not in _FIGURES or b.kind not in _FIGURES:
        return None
    if a.kind != b.kind and a.kind != _K_COUNT:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None  # "from 44 ml to 50 mg" is two figures
    va = a.value
    if not a.scale and b.scale and b.mult > 1 and abs(va) < abs(b.value) / b.mult:
        va *= b.mult  # "between 2 and 3 million", "$5-10bn"
    if not a.between and va >= b.value:
        return None
    lo, hi = min(va, b.value), max(va, b.value)
    return _Q(
        a.start,
        b.end,
        va,
        lo,
        hi,
        "between",
        b.kind if a.kind == _K_COUNT else a.kind,
        a.unit or b.unit,
        b.counted,
        b.scale or a.scale,
    )


# Same matches as \d+; a pattern that starts with a character class lets re's search skip ahead in C.
_DIGIT_RUN = re.compile(r"\d\d*")
_NOT_BEFORE_NUM = frozenset("_^./")  # with letters and digits: what core's "num" may not follow
_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZſKİı")  # [A-Za-z] under IGNORECASE
_BEFORE_DIGITS = _LETTER | {".", "-"}  # what before a digit run adds an anchor of its own


def _anchors(text: str, lex: _Lex, words: list[int], lo: int, hi: int, signs: bool = True) -> list[int]:
    """Every position in [lo, hi) where ``lex.core`` can match (and a few where it cannot), in order.

    Searching ``core`` itself tries all its alternatives at every character; these are found with
    fast C loops instead: digit runs (with a "." or up to 12 letters right before them, for ".5" and
    "Su-57"), URL and fraction signs (unless ``signs`` is false: the text has none), and the number
    words of ``words`` (see _word_anchors). A text is read in windows, so that a figure that runs on
    ("1-1-1-...") is not anchored all along."""
    found = words[bisect_left(words, lo) : bisect_left(words, hi)]
    runs = [m.start() for m in _DIGIT_RUN.finditer(text, lo, hi + 14)]  # a run up to 13 characters on has letters here
    found += runs
    for d in runs:
        c = text[d - 1] if d else ""
        if c in _BEFORE_DIGITS:  # most runs follow a space or a comma: nothing to add
            if c == ".":
                found.append(d - 1)
            e = b = d - 1 if c == "-" else d
            while b > 0 and e - b < 12 and text[b - 1] in _LETTER:
                b -= 1
            found.append(b)
    if signs:
        found.extend(m.start() for m in lex.url_or_fraction.finditer(text, lo, hi + 8))
    found = sorted(set(found))
    return found[bisect_left(found, lo) : bisect_left(found, hi)]


def _letter_runs(low: str) -> list[str]:
    """``_LETTERS.findall(low)``; for ASCII text, a byte translation and a split do it 3x faster."""
    if low.isascii():
        return low.encode("ascii").translate(_LETTERS_ONLY).decode("ascii").split()
    return _LETTERS.findall(low)


def _word_anchors(text: str) -> list[int]:
    """Where number words (and "point") start, found with ``str.find``, and the word before each
    ("a dozen", "a few", "point five"), in order."""
    found: list[int] = []
    # The folded letters are not ASCII.
    low = text.lower() if text.isascii() or not any(c in text for c in _FOLD_FROM) else text.translate(_FOLD).lower()
    for w in _anchor_words().intersection(_letter_runs(low)):
        i = low.find(w)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):  # (?<![\w])
                found.append(i)
                j = i
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                b = j
                while b > 0 and j - b < 5 and text[b - 1] in _LETTER:
                    b -= 1
                if b < j:
                    found.append(b)
            i = low.find(w, i + 1)
    return sorted(set(found))


@cache
def _anchor_words() -> frozenset[str]:
    return _number_words() | {"point"}


@cache
def _number_words() -> frozenset[str]:
    """Every word of the number lexicon: a text without one of them (and without digits) has no number."""
    return frozenset(part for w in _lex().words for part in w.split() if part not in ("a", "an", "point"))


def extract_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every number in ``text``, figures and non-figures alike (see ``Quantity.kind``), sorted by start;
    ``start``/``end`` are offsets in ``text`` plus ``offset`` (where ``text`` stands in a larger one).

    Conventions:

    - ``value`` is the figure as written after scaling and sign ("1.2m" -> 1200000, "minus five" -> -5,
      "45%" -> 45, "40 pence" -> 0.40 with unit GBP, "one in four" -> 25 with kind PERCENT). For a
      range ("between 200 and 300") it is the lower stated figure; for vague plurals ("thousands of")
      the lower end of their interval.
    - ``lo``/``hi`` is the logical interval from the hedge rule in ``lexicon/hedges.yaml`` (None = open),
      with ``lo_open``/``hi_open``; ``hedge`` names the rule. Ranges and two-sided bounds ("more than
      10 and less than 40") have hedge "between". Non-figures have ``lo = hi = None`` except years.
    - ``step`` is the unit of the last digit of a decimal mantissa before a scale word ("2.5bn" -> 1e8).
    - ``counted`` is the noun phrase written right after the figure ("" when a verb or preposition
      follows); written fractions ("half", "two thirds") keep their value as a fraction (0.5).
    """
    lex = _lex()
    if not _DIGITISH.search(text) and _number_words().isdisjoint(_letter_runs(text.lower())):
        return []  # the prefilter: no digit and no number word
    found: list[_Q] = []
    pos = 0
    prev_end = -1
    core = lex.core
    chain = _Chain()
    words = _word_anchors(text)
    # what url_or_fraction needs ("://", "www." in any case, a fraction sign): most texts have none
    signs = (
        "://" in text or "ww." in text.lower() or (not text.isascii() and any(c in text for c in lex.unicode_fractions))
    )  # the signs are not ASCII
    anchors: list[int] = []
    k = hi = 0
    n = len(text)
    while True:
        if k == len(anchors) or pos >= hi:
            if max(pos, hi) >= n:
                break
            lo = max(pos, hi)
            hi = min(n, lo + ANCHOR_WINDOW)
            anchors, k = _anchors(text, lex, words, lo, hi, signs), 0
            continue
        s = anchors[k]
        k += 1
        if s < pos:
            continue
        if text[s].isdecimal():  # what core's "num" does at a digit (\d is Unicode's Nd), without the match
            if s and (text[s - 1].isalnum() or text[s - 1] in _NOT_BEFORE_NUM):
                continue
            q, nxt = _read_at(text, s, prev_end, chain)
        elif text[s] in lex.unicode_fractions:  # core's "uf", which nothing before it can stop
            q, nxt = _read_at(text, s, prev_end, chain)
        else:
            m = core.match(text, s)
            if m is None:
                continue
            group = m.lastgroup
            if group == "url":
                pos = m.end()
                continue
            if group == "alpha":
                letters = m.group().rstrip("-")
                digit_at = m.end()
                if letters.lower() in _YEAR_PREFIXES and m.group().endswith("-"):
                    pos = digit_at
                    q, nxt = _read_at(text, digit_at, prev_end, chain)
                elif letters.upper() in lex.codes and letters.isupper() or letters.lower() in ("usd", "eur", "gbp"):
                    q, nxt = _read_at(text, digit_at, prev_end, chain)
                else:
                    im = _IDENT_ALPHA.match(text, s)
                    end = im.end() if im else digit_at + 1
                    found.append(_Q(s, end, 0.0, None, None, kind=_K_IDENTIFIER))
                    prev_end = pos = end
                    continue
            else:
                q, nxt = _read_at(text, s, prev_end, chain)
        if q is not None:
            if found and q.start < found[-1].end:
                q.start = found[-1].end if q.num_start >= found[-1].end else q.start
            if found and q.start < found[-1].end:
                pos = nxt if nxt > s else s + 1
                continue
            found.append(q)
            prev_end = q.end
        pos = nxt if nxt > s else s + 1

    # Second pass over neighbours: ranges, two-sided bounds, ratios, scores.
    merged: list[_Q] = []
    for q in found:
        if merged:
            pair = _merge_range(text, merged[-1], q)
            if pair is not None:
                first = merged.pop()
                if first.between and first.start == pair.start:
                    hb = _hedge_before(text, first.start)
                    if hb is not None:
                        pair.start = hb[1]
                pair.num_start, pair.num_end = first.num_start, q.num_end
                merged.append(pair)
                continue
        merged.append(q)

    return [_quantity(q, text, offset) for q in merged]


# Quantity is frozen, so its __init__ sets each field through object.__setattr__. The reader makes
# one per figure and sets the slots directly instead: the same object in about half the time.
_QUANTITY_FIELDS = ("start", "end", "text", "value", "lo", "hi", "hedge", "kind", "unit", "counted", "scale",
                    "lo_open", "hi_open", "step")  # fmt: skip
if {f.name for f in fields(Quantity)} != set(_QUANTITY_FIELDS):  # a field added to Quantity must be set here
    raise RuntimeError("claimcheck.quantities._quantity does not set the fields of model.Quantity")
_SETTERS = [getattr(Quantity, n).__set__ for n in _QUANTITY_FIELDS]  # the slots' own descriptors
(_SET_START, _SET_END, _SET_TEXT, _SET_VALUE, _SET_LO, _SET_HI, _SET_HEDGE, _SET_KIND, _SET_UNIT, _SET_COUNTED,
 _SET_SCALE, _SET_LO_OPEN, _SET_HI_OPEN, _SET_STEP) = _SETTERS  # fmt: skip
_new_object = object.__new__


def _quantity(q: _Q, text: str, offset: int) -> Quantity:
    out: Quantity = _new_object(Quantity)
    _SET_START(out, q.start + offset)
    _SET_END(out, q.end + offset)
    _SET_TEXT(out, text[q.start : q.end])
    _SET_VALUE(out, q.value)
    _SET_LO(out, q.lo)
    _SET_HI(out, q.hi)
    _SET_HEDGE(out, q.hedge)
    _SET_KIND(out, q.kind)
    _SET_UNIT(out, q.unit)
    _SET_COUNTED(out, q.counted)
    _SET_SCALE(out, q.scale)
    _SET_LO_OPEN(out, q.lo_open)
    _SET_HI_OPEN(out, q.hi_open)
    _SET_STEP(out, q.step)
    return out
