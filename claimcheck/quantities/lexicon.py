"""The lexicon of the number reader: ``lexicon/numbers.yaml``, ``hedges.yaml`` and ``context.yaml`` read
once into typed structures, with the patterns compiled from their words (see ``patterns.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
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
from .patterns import alternation, words_alt

# Word kinds that may follow "a" ("a million", "a half", "a twentieth") and that may start a number
_AFTER_ARTICLE = frozenset({HUNDRED, SCALE, DOZEN, FRACTION_WORD, TENS})
_STARTERS = frozenset(TokenKind) - {DIGITS, FRACTION_SIGN, FRACTION_WORD, ARTICLE, POINT}


@cache
def shipped_yaml(name: str) -> Any:  # noqa: ANN401 - whatever the shipped YAML holds
    """A YAML file of ``claimcheck/lexicon/``, read once."""
    return load_yaml(resources.files("claimcheck").joinpath(f"lexicon/{name}").read_text("utf-8"))


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
    bound: str = ""  # "lower" or "upper" for a one-sided rule
    or_equal: str = ""  # the rule "or equal" after the figure makes of this one


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
            bound=str(row.get("bound", "")),
            or_equal=str(row.get("or_equal", "")),
        )
    return table


@dataclass(frozen=True, slots=True)
class ContextWords:
    """The English read around figures (``lexicon/context.yaml``); each field is described there."""

    number_and: tuple[str, ...]
    number_of: tuple[str, ...]
    months: tuple[str, ...]
    day_words: tuple[str, ...]
    month_of: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    time_markers: tuple[str, ...]
    decade_endings: tuple[str, ...]
    year_words_before: tuple[str, ...]
    year_prefixes: tuple[str, ...]
    pronoun_one_after: tuple[str, ...]
    half_not_after: tuple[str, ...]
    change_verbs: tuple[str, ...]
    range_words: tuple[str, ...]
    range_words_after_dash: tuple[str, ...]
    range_and: tuple[str, ...]
    range_opener_and: str
    range_opener_to: str
    two_bounds_and: tuple[str, ...]
    share_words: tuple[str, ...]
    share_words_any_whole: tuple[str, ...]
    not_after_million: tuple[str, ...]
    counted_of: tuple[str, ...]
    counted_stop_words: tuple[str, ...]
    counted_stop_endings: tuple[str, ...]
    irregular_plurals: tuple[str, ...]


@cache
def context_words() -> ContextWords:
    """``lexicon/context.yaml``, read once.

    >>> context_words().range_opener_and
    'between'
    """
    data = shipped_yaml("context.yaml")
    values: dict[str, Any] = {}
    for f in fields(ContextWords):  # a word alone stays a str; a list becomes a tuple
        raw = data[f.name]
        values[f.name] = raw if isinstance(raw, str) else tuple(str(w) for w in raw)
    return ContextWords(**values)


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A number word: its kind, its value, and for a vague multiplier its hedge rule ("several")."""

    typ: TokenKind
    value: float
    extra: str = ""


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """Everything the reader looks up or matches: words and tables from the YAML files, and the
    patterns compiled from them. Built once (``number_lexicon``)."""

    words: dict[str, NumberWord]
    abbreviations: dict[str, float]
    unicode_fractions: dict[str, float]
    symbols: dict[str, str]
    dollar_prefixes: dict[str, str]
    codes: frozenset[str]
    currency_words: dict[str, str]
    currency_aliases: dict[str, str]
    subunits: dict[str, tuple[str, float]]
    pounds: frozenset[str]
    units: dict[str, str]
    rate_split: re.Pattern[str]  # what parts a rate's unit from its unit of time: " per ", " an ", "/"
    rate_units: dict[tuple[str, str], str]  # (unit, per unit) -> the rate's unit: ("km", "hours") -> "km/h"
    per_after: re.Pattern[str]  # "per hour" after a unit, past a conversion in brackets
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
    hedge_words: dict[str, str]  # before-words -> rule; after-words as "@" + word -> rule
    inclusive_after: frozenset[str]
    hedge_not_before_slash: frozenset[str]
    currency_before: re.Pattern[str]
    code_before: re.Pattern[str]
    code_ends: frozenset[str]  # the last three letters of each code_before word, folded
    join_first: frozenset[str]  # what ``next_token`` starts with, but letters and digits
    after_first: frozenset[str] | None  # what ``after`` can start with after [ \t]; None: anything
    fraction_starters: frozenset[str]
    vague_needs_of: frozenset[str]
    abbreviations_or_noun: frozenset[str]
    abbreviations_for_money: frozenset[str]
    abbreviations_for_money_spaced: frozenset[str]
    not_after_million: frozenset[str]
    big_scales: frozenset[str]
    counted_units: frozenset[str]
    companions: frozenset[str]  # words that are a number only in company: "a" (million), "point" (five)
    points: frozenset[str]  # "point" of "two point five"
    lowercase_codes: frozenset[str]  # currency codes also read in lower case before digits ("usd5")
    suffix_first: frozenset[str]  # what an ordinal suffix, a power of ten or an abbreviation starts with


def _strs(items: Any) -> frozenset[str]:  # noqa: ANN401 - a YAML list
    return frozenset(str(w) for w in items)


def _number_words(data: dict[str, Any]) -> dict[str, NumberWord]:
    """Every number word by its spelling, with its kind; a later section wins ("dozens" is vague)."""
    words: dict[str, NumberWord] = {}
    for w, v in data["cardinals"].items():
        words[w] = NumberWord(UNIT if v < 10 else TEEN, float(v))
    for w, v in data["tens"].items():
        words[w] = NumberWord(TENS, float(v))
    for w, v in data["scales"].items():
        words[w] = NumberWord(HUNDRED if v == 100 else SCALE, float(v))
    for w, v in data["collectives"].items():
        words[w] = NumberWord(DOZEN, float(v))
    for w, v in data["ordinals"].items():
        words[w] = NumberWord(ORDINAL, float(v))
        if v >= data["denominators_from"] or w in data["denominators_also"]:  # "three twenty-firsts"
            words[w + "s"] = NumberWord(FRACTION_WORD, float(v))
    for w, v in data["fractions"].items():
        words[w] = NumberWord(FRACTION_WORD, float(v))
    for w, v in data["vague"].items():
        words[w] = NumberWord(VAGUE, float(v))
    for w, rule in data["vague_multipliers"].items():
        words[w] = NumberWord(VAGUE_MULTIPLIER, 0.0, str(rule))
    for w in data["negatives"]:
        words[w] = NumberWord(NEGATIVE, -1.0)
    for w in data["articles"]:
        words[w] = NumberWord(ARTICLE, 1.0)
    for w in data["points"]:
        words[w] = NumberWord(POINT, 0.0)
    return words


def _core(data: dict[str, Any], words: dict[str, NumberWord], ufr: str) -> re.Pattern[str]:
    """Where a number starts: a URL (skipped), a fraction sign, letters before digits ("Su-57"),
    digits, "a" before a scale, "quarter" before a scale, "point" before a digit word, a number word.

    The alternatives that must start a word share one look-behind: inside a word, the search moves on
    after three cheap tests. "alpha" must come before "word" ("one-5" is an identifier)."""
    scale_words = [w for w, x in words.items() if x.typ in _AFTER_ARTICLE or (x.typ is ORDINAL and x.value >= 3)]
    few = [w.split()[1] for w in data["vague_multipliers"] if w.split()[0] in data["articles"]]  # "a few"
    starters = [w for w, x in words.items() if x.typ in _STARTERS or w in data["fractions_tried"]]
    big = "|".join(w for w, v in data["scales"].items() if v >= 1000)
    digit_words = "|".join(w for w, v in data["cardinals"].items() if v < 10)
    return re.compile(
        r"(?P<url>(?:https?://|www\.)\S+)"
        rf"|(?P<uf>[{ufr}])"
        r"|(?<![\w])(?:"
        r"(?P<alpha>(?<![$])[A-Za-z]{1,12}-?(?=\d))"
        r"|(?P<num>(?<![\^./])(?:\.(?=\d)|\d))"
        rf"|(?P<aword>(?:{words_alt(data['articles'])})\s+(?=(?:{alternation(scale_words + few)})))"
        rf"|(?P<quarter>(?:{words_alt(data['fractions_before_scale'])})(?=\s+(?:{big})))"
        rf"|(?P<point>(?:{words_alt(data['points'])})(?=\s+(?:{digit_words})))"
        rf"|(?P<word>(?:{alternation([w.lower() for w in starters], lead=False)})))",
        re.IGNORECASE,
    )


def _token_patterns(words: dict[str, NumberWord], ufr: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A token (digits, a fraction sign, a number word), and a joiner with the token after it."""
    token = re.compile(
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<exp>[eE][-+]?\d+)?(?:/(?P<den>\d+))?"
        rf"|(?P<uf>[{ufr}])"
        rf"|(?P<w>{alternation(list(words))})",
        re.IGNORECASE,
    )
    # No token starts inside a joiner ("and", "&", "of", ",", "-", spaces), so this finds what a
    # joiner then ``token`` would.
    joiners = words_alt((*context_words().number_and, *context_words().number_of))
    join = rf"[ \t]{{0,3}}(?:(?P<j>{joiners})(?![\w])[ \t]{{0,3}}|(?P<p>[,-])[ \t]{{0,3}})?"
    return token, re.compile(f"(?P<join>{join})(?:{token.pattern})", re.IGNORECASE)


def _hedge_words() -> tuple[dict[str, str], dict[str, str]]:
    """Before-words and after-words of every hedge rule, lower-cased, -> the rule's name."""
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for name, rule in hedge_table().items():
        for w in rule.before:
            before[w.lower()] = name
        for w in rule.after:
            after[w.lower()] = name
    return before, after


def _money_before(data: dict[str, Any], symbols: dict[str, str]) -> tuple[re.Pattern[str], re.Pattern[str], list[str]]:
    """A currency sign (with its letters: "US$", "HK$") or a code or currency word right before a figure."""
    prefixes = sorted((str(k).lower() for k in data["dollar_prefixes"]), key=len, reverse=True)
    letters = "".join(p.upper() for p in prefixes if len(p) == 1)
    words = "|".join(p for p in prefixes if len(p) > 1)
    sym_alt = "".join(re.escape(s) for s in symbols)
    currency_before = re.compile(
        # "S$", "HK$": a prefix only before "$", and not the "s" of a possessive ("Murphy’s £90");
        # a one-letter prefix is a capital right before it ("A$5"), not an article ("a $5 fine").
        rf"(?:(?<![\w'’])(?P<pre>(?:{words})[ \t]?|(?-i:[{letters}]))(?=\$))?"
        rf"(?P<sym>[{sym_alt}])[ \t]?\Z",
        re.IGNORECASE,
    )
    code_words = [*(str(c) for c in data["currency_codes"]), *data["currency_words_before"]]  # three letters or more
    code_before = re.compile(rf"(?P<code>{alternation(code_words)})[ \t]?\Z", re.IGNORECASE)
    return currency_before, code_before, code_words


def _after(data: dict[str, Any], symbols: dict[str, str], money: list[str], units: dict[str, str]) -> re.Pattern[str]:
    """What follows a figure: percent, a currency sign, a currency word or code, a unit (with a power,
    "per" unit or brackets: "km/h", "m^2", "(kg)"), or a one-letter unit."""
    sym_alt = "".join(re.escape(s) for s in symbols)
    unit_alt = alternation([u for u in units if len(u) > 1 or not u.isalpha()], boundary=False)
    single = "|".join(re.escape(u) for u in units if len(u) == 1 and u.isalpha())
    per = rf"\s+(?:{words_alt(data['per_words'])})\s+(?:{'|'.join(data['per_units'])})"
    return re.compile(
        r"(?P<pct>[ \t]?(?:%|" + alternation(data["percent"][1:]) + r"))"
        rf"|(?P<sym>[ \t]?[{sym_alt}])"
        rf"|(?P<money>[ \t]?(?:{alternation(money, lead=False)}))"
        rf"|(?P<unit>(?:[ \t]?-[ \t]?|[ \t]?[(\[{{<][ \t]?|[ \t]?)(?:{unit_alt})(?![A-Za-z])"
        r"(?:\^?[-−]?[1-3](?!\d))?"
        rf"(?:/(?:[A-Za-z]{{1,5}})(?:\^?[23])?|{per})?"
        r"(?:[ \t]?[)\]}>])?)"
        rf"|(?P<single>(?:[ \t]?-[ \t]?|[ \t]?)(?:{single})(?![\w'’])(?:[-−]?[1-3](?!\d))?)",
    )


def _hedge_patterns(lex: dict[str, Any]) -> None:
    """The hedge words and what their patterns and first tests need (into ``lex``)."""
    before, after = _hedge_words()
    hedges = shipped_yaml("hedges.yaml")
    not_before = words_alt(hedges["after_not_before_figure"])
    lex["hedge_after"] = re.compile(
        rf"[ \t]*(?:{alternation(list(after))})(?![ \t]*(?:(?:{not_before})[ \t]+)?[-−]?\d)", re.IGNORECASE
    )
    lex["hedge_after_first"] = frozenset(c for w in after for c in cases_of(w[0]))
    lex["hedge_last"] = hedge_last = frozenset(c for w in before for c in cases_of(w.split()[-1][-1]))
    lex["hedge_touch"] = frozenset(c for c in hedge_last if not c.isalnum())
    lex["hedge_words"] = {**before, **{"@" + k: v for k, v in after.items()}}
    lex["inclusive_after"] = _strs(hedges["inclusive_after"])
    lex["hedge_not_before_slash"] = _strs(hedges["not_before_slash"])


def _money_and_units(data: dict[str, Any], lex: dict[str, Any]) -> None:
    """Currencies, units and the patterns before and after a figure that read them (into ``lex``)."""
    units = {str(f): str(norm) for norm, forms in data["units"].items() for f in forms}
    currency_words = {str(f).lower(): str(code) for code, forms in data["currency_words"].items() for f in forms}
    subunits = {str(k).lower(): (str(v[0]), float(v[1])) for k, v in data["subunits"].items()}
    codes, pounds = _strs(data["currency_codes"]), _strs(data["pounds"])
    symbols = {str(k): str(v) for k, v in data["currency_symbols"].items()}
    money = list(currency_words) + list(subunits) + sorted(pounds) + [c.lower() for c in codes] + list(codes)
    lex["currency_before"], lex["code_before"], code_words = _money_before(data, symbols)
    lex["after"] = _after(data, symbols, money, units)
    after_forms = [*data["percent"], *symbols, *currency_words, *subunits, *pounds, *codes, *units]
    after_first = frozenset("-([{<") | {str(w)[0].lower() for w in after_forms} | {str(w)[0] for w in after_forms}
    # a word that starts with a space starts with \s+ in ``after``: then any character may start it
    lex["after_first"] = None if any(str(w)[:1].isspace() for w in after_forms) else after_first
    lex.update(units=units, currency_words=currency_words, subunits=subunits, codes=codes, pounds=pounds)
    lex.update(symbols=symbols, code_ends=frozenset(w.lower()[-3:] for w in code_words))
    lex["dollar_prefixes"] = {str(k).lower(): str(v) for k, v in data["dollar_prefixes"].items()}
    lex["currency_aliases"] = {str(k): str(v) for k, v in data["currency_aliases"].items()}
    lex["lowercase_codes"] = _strs(data["lowercase_codes"])
    lex["counted_units"] = _strs(data["counted_units"])
    rate_words = words_alt(data["rate_words"])
    lex["rate_split"] = rate_split = re.compile(rf"\s+(?:{rate_words})\s+|/")  # "km per hour", "km/h"
    lex["rate_units"] = rates = {}
    for norm, forms in data["units"].items():
        for form in forms:
            parts = rate_split.split(str(form), maxsplit=1)
            if len(parts) == 2 and parts[0] in units and parts[1] in units:
                rates[units[parts[0]], units[parts[1]]] = str(norm)  # "kilometres per hour" -> km/h
    per_units = "|".join(data["per_units"])
    lex["per_after"] = re.compile(
        rf"(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]+(?:{rate_words})[ \t]+({per_units})\b", re.IGNORECASE
    )


def _scales(data: dict[str, Any], lex: dict[str, Any]) -> None:
    """Scale abbreviations after digits ("5bn", "1.2m") and the words read as scales (into ``lex``)."""
    abbreviations = {str(k): float(v) for k, v in data["abbreviations"].items()}
    alt = "|".join(sorted(abbreviations, key=len, reverse=True))
    lex["abbr"] = re.compile(r"[ \t]{0,2}(" + alt + r")(?![\w])")
    lex["abbr_first"] = abbr_first = frozenset(a[0] for a in abbreviations)
    ordinal_first = {c for w in context_words().ordinal_suffixes for c in cases_of(w[0])}
    lex["suffix_first"] = frozenset(ordinal_first) | frozenset("×x*") | abbr_first
    lex["abbreviations"] = abbreviations
    lex["abbreviations_or_noun"] = _strs(data["abbreviations_or_noun"])
    lex["abbreviations_for_money"] = _strs(data["abbreviations_for_money"])
    lex["abbreviations_for_money_spaced"] = _strs(data["abbreviations_for_money_spaced"])
    lex["big_scales"] = frozenset(str(w) for w, v in data["scales"].items() if v >= 1000)
    lex["not_after_million"] = frozenset(context_words().not_after_million)


@cache
def number_lexicon() -> NumberLexicon:
    """The number lexicon, read and compiled once.

    >>> lex = number_lexicon(); lex.words["twenty"], lex.units["kilometres"]
    (NumberWord(typ=<TokenKind.TENS: 'tens'>, value=20.0, extra=''), 'km')
    """
    data = shipped_yaml("numbers.yaml")
    words = _number_words(data)
    ufr = {str(k): float(v) for k, v in data["unicode_fractions"].items()}
    signs = "".join(ufr)
    lex: dict[str, Any] = {"words": words, "unicode_fractions": ufr, "core": _core(data, words, signs)}
    lex["token"], lex["next_token"] = _token_patterns(words, signs)
    # where core's "url" or "uf" can match: a charset first, so the search skips ahead in C
    lex["url_or_fraction"] = re.compile(rf"[hHwW{signs}](?:(?<=[hH])(?i:ttps?://)|(?<=[wW])(?i:ww\.)|(?<=[{signs}]))")
    lex["join_first"] = frozenset(" \t&,-.") | frozenset(ufr)
    _hedge_patterns(lex)
    _money_and_units(data, lex)
    _scales(data, lex)
    lex["fraction_starters"] = _strs(data["fractions_alone"])
    lex["vague_needs_of"] = _strs(data["vague_needs_of"])
    lex["companions"] = frozenset(w for w, x in words.items() if x.typ is ARTICLE or x.typ is POINT)
    lex["points"] = frozenset(w for w, x in words.items() if x.typ is POINT)
    return NumberLexicon(**lex)
