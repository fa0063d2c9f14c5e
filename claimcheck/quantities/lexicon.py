"""The number lexicon (``lexicon/numbers.yaml``, ``lexicon/hedges.yaml``) read once and compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..words import load_yaml
from .chars import cases_of
from .kinds import (
    ARTICLE,
    DIGITS,
    DOZEN,
    FRACTION_SIGN,
    FRACTION_WORD,
    HUNDRED,
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
def shipped_yaml(name: str) -> Any:
    return load_yaml(resources.files("claimcheck").joinpath(f"lexicon/{name}").read_text("utf-8"))


@cache
def hedge_table() -> dict[str, HedgeRule]:
    """The hedge rules from ``lexicon/hedges.yaml``, by rule name."""
    table = {}
    for name, row in shipped_yaml("hedges.yaml")["rules"].items():
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


# Lexicon -> compiled patterns (once per process)


M_NOT_MILLION = frozenset(
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

# Word kinds that may follow "a" ("a million", "a half", "a twentieth") and that may start a number
_AFTER_ARTICLE = frozenset({HUNDRED, SCALE, DOZEN, FRACTION_WORD, TENS})
_STARTERS = frozenset(TokenKind) - {DIGITS, FRACTION_SIGN, FRACTION_WORD, ARTICLE, POINT}


@dataclass(frozen=True, slots=True)
class NumberWord:
    typ: TokenKind
    value: float
    extra: str = ""


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    words: dict[str, NumberWord]
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
    fraction_starters: frozenset[str]
    vague_needs_of: frozenset[str]
    abbreviations_or_noun: frozenset[str]
    abbreviations_for_money: frozenset[str]
    abbreviations_for_money_spaced: frozenset[str]
    not_after_million: frozenset[str]
    big_scales: frozenset[str]
    counted_units: frozenset[str]
    hedge_not_before_slash: frozenset[str]
    companions: frozenset[str]  # words that are a number only in company: "a" (million), "point" (five)
    points: frozenset[str]  # "point" of "two point five"
    lowercase_codes: frozenset[str]  # currency codes also read in lower case before digits ("usd5")
    suffix_first: frozenset[str]  # what an ordinal suffix, a power of ten or an abbreviation starts with
    or_equal: str
    code_ends: frozenset[str] = frozenset()  # the last three letters of each code_before word, folded
    join_first: frozenset[str] = frozenset()  # what ``next_token`` starts with, but letters and digits
    after_first: frozenset[str] | None = None  # what ``after`` can start with after [ \t]; None: anything


def alternation(words: list[str] | set[str] | frozenset[str], boundary: bool = True, lead: bool = True) -> str:
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
def number_lexicon() -> NumberLexicon:
    data = shipped_yaml("numbers.yaml")
    words: dict[str, NumberWord] = {}
    for w, v in data["cardinals"].items():
        words[w] = NumberWord(UNIT if v < 10 else TEEN, float(v))
    for w, v in data["tens"].items():
        words[w] = NumberWord(TENS, float(v))
    for w, v in data["scales"].items():
        words[w] = NumberWord(HUNDRED if v == 100 else SCALE, float(v))
    for w, v in data["collectives"].items():
        if w != "score":  # "score" is far more often a sports score than twenty
            words[w] = NumberWord(DOZEN, float(v))
    for w, v in data["ordinals"].items():
        words[w] = NumberWord(ORDINAL, float(v))
        if v >= 3 or w == "first":  # "three twenty-firsts"
            words[w + "s"] = NumberWord(FRACTION_WORD, float(v))
    for w, v in data["fractions"].items():
        words[w] = NumberWord(FRACTION_WORD, float(v))
    for w, v in data["vague"].items():
        words[w] = NumberWord(VAGUE, float(v))
    for w, rule in data["vague_multipliers"].items():
        words[w] = NumberWord(VAGUE_MULTIPLIER, 0.0, str(rule))
    for w in data["negatives"]:
        words[w] = NumberWord(NEGATIVE, -1.0)
    words["a"] = NumberWord(ARTICLE, 1.0)
    words["an"] = NumberWord(ARTICLE, 1.0)
    words["point"] = NumberWord(POINT, 0.0)

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
    scale_words = [w for w, x in words.items() if x.typ in _AFTER_ARTICLE or (x.typ is ORDINAL and x.value >= 3)]
    starters = [w for w, x in words.items() if x.typ in _STARTERS or w in ("half", "halves")]
    # The alternatives that must start a word share one look-behind: inside a word, the search
    # moves on after three cheap tests. "alpha" must come before "word" ("one-5" is an identifier).
    core = re.compile(
        r"(?P<url>(?:https?://|www\.)\S+)"
        rf"|(?P<uf>[{''.join(ufr)}])"
        r"|(?<![\w])(?:"
        r"(?P<alpha>(?<![$])[A-Za-z]{1,12}-?(?=\d))"
        r"|(?P<num>(?<![\^./])(?:\.(?=\d)|\d))"
        rf"|(?P<aword>an?\s+(?=(?:{alternation(scale_words + ['few'])})))"
        r"|(?P<quarter>quarter(?=\s+(?:million|billion|trillion|thousand)))"
        r"|(?P<point>point(?=\s+(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine)))"
        rf"|(?P<word>(?:{alternation([w.lower() for w in starters], lead=False)})))",
        re.IGNORECASE,
    )
    token = re.compile(
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<exp>[eE][-+]?\d+)?(?:/(?P<den>\d+))?"
        rf"|(?P<uf>[{''.join(ufr)}])"
        rf"|(?P<w>{alternation(list(words))})",
        re.IGNORECASE,
    )
    # A joiner and the token after it in one match. No token starts inside a joiner ("and", "&",
    # "of", ",", "-", spaces), so this finds what JOIN then ``token`` would.
    next_token = re.compile(f"(?P<join>{JOIN.pattern})(?:{token.pattern})", re.IGNORECASE)
    abbr = re.compile(r"[ \t]{0,2}(" + "|".join(sorted(data["abbreviations"], key=len, reverse=True)) + r")(?![\w])")

    hedge_words: dict[str, str] = {}
    after_words: dict[str, str] = {}
    for name, rule in hedge_table().items():
        for w in rule.before:
            hedge_words[w.lower()] = name
        for w in rule.after:
            after_words[w.lower()] = name
    hedge_after = re.compile(
        r"[ \t]*(?:" + alternation(list(after_words)) + r")(?![ \t]*(?:than[ \t]+|to[ \t]+)?[-−]?\d)", re.IGNORECASE
    )
    hedge_words.update({"@" + k: v for k, v in after_words.items()})

    before_words = [w for w in [*hedge_words, "between", "from"] if w[:1] != "@"]
    hedge_last = frozenset(c for w in before_words for c in cases_of(w.split()[-1][-1]))
    prefixes = {str(k).lower(): str(v) for k, v in data["dollar_prefixes"].items()}
    sym_alt = "".join(re.escape(s) for s in symbols)
    currency_before = re.compile(
        # "S$", "HK$": a prefix only before "$", and not the "s" of a possessive ("Murphy’s £90")
        rf"(?:(?<![\w'’])(?P<pre>{'|'.join(sorted(prefixes, key=len, reverse=True))})[ \t]?(?=\$))?"
        rf"(?P<sym>[{sym_alt}])[ \t]?\Z",
        re.IGNORECASE,
    )
    code_words = [*codes, "dollar", "dollars", "euro", "euros"]  # three letters or more
    code_before = re.compile(rf"(?P<code>{alternation(code_words)})[ \t]?\Z", re.IGNORECASE)
    unit_alt = alternation([u for u in units if len(u) > 1 or not u.isalpha()], boundary=False)
    single = "|".join(re.escape(u) for u in units if len(u) == 1 and u.isalpha())
    money_alt = alternation(
        list(currency_words) + list(subunits) + sorted(pounds) + [c.lower() for c in codes] + list(codes),
        lead=False,
    )
    after = re.compile(
        r"(?P<pct>[ \t]?(?:%|" + alternation(data["percent"][1:]) + r"))"
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
    return NumberLexicon(
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
        hedge_after_first=frozenset(c for w in after_words for c in cases_of(w[0])),
        hedge_last=hedge_last,
        hedge_touch=frozenset(c for c in hedge_last if not c.isalnum()),
        hedge_words=hedge_words,
        currency_before=currency_before,
        code_before=code_before,
        code_ends=frozenset(w.lower()[-3:] for w in code_words),
        fraction_starters=frozenset(("half", "quarter")),
        vague_needs_of=frozenset(("tens",)),
        abbreviations_or_noun=frozenset(("m",)),
        abbreviations_for_money=frozenset(("t", "T")),
        abbreviations_for_money_spaced=frozenset(("b", "B")),
        not_after_million=M_NOT_MILLION,
        big_scales=frozenset(("million", "billion", "trillion", "thousand")),
        counted_units=frozenset(("years", "months", "weeks", "days", "hours", "minutes")),
        hedge_not_before_slash=frozenset(("plus", "+")),
        or_equal="or equal",
        companions=frozenset(w for w, x in words.items() if x.typ is ARTICLE or x.typ is POINT),
        points=frozenset(w for w, x in words.items() if x.typ is POINT),
        lowercase_codes=frozenset(("usd", "eur", "gbp")),
        suffix_first=frozenset("sSſnNrRtT×x*") | frozenset(str(a)[0] for a in data["abbreviations"]),
    )


JOIN = re.compile(r"[ \t]{0,3}(?:(?P<j>and|&|of)(?![\w])[ \t]{0,3}|(?P<p>[,-])[ \t]{0,3})?", re.IGNORECASE)
