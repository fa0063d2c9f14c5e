"""Hedges and their intervals: the words around a figure ("more than", "or more") and what they make of it."""

from __future__ import annotations

import math
import re
from functools import cache

from ..model import Quantity
from .chars import SPACES
from .draft import K_PERCENT, Draft
from .lexicon import NumberLexicon, hedge_table, number_lexicon

HEDGE_WINDOW = 48  # characters before a figure searched for a hedge ("greater than or equal to")


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


_HEDGE_PART = re.compile(r"[A-Za-z][\w.]*|[<>=≥≤~]+|[^\sA-Za-z<>=≥≤~]+")
_HEDGE_SYMBOL = re.compile(r"(>[ \t]?=|<[ \t]?=|[<>≥≤~=])[ \t]*\Z")
_SYMBOLS = "<>=≥≤~"  # what a hedge symbol ends with
MAX_HEDGE_WORDS = 6  # "greater than or equal to" and the like


@cache
def _hedge_last_words() -> frozenset[str]:
    """The last word of every hedge phrase, to rule most figures out with one set lookup."""
    words = {w.split()[-1] for w in number_lexicon().hedge_words if not w.startswith("@")}
    return frozenset(words)


@cache
def _hedge_endings() -> frozenset[str]:
    """The last words of every hedge phrase ("to", "equal to", "or equal to", ...): a phrase read
    backwards from a figure that is none of these cannot grow into a hedge."""
    phrases = [w.split() for w in number_lexicon().hedge_words if not w.startswith("@")]
    return frozenset(" ".join(words[k:]) for words in phrases for k in range(len(words)))


def hedge_before(text: str, start: int, lex: NumberLexicon) -> tuple[str, int] | None:
    """The hedge rule written right before ``start`` and where its words begin.

    Looks the last few words up in the hedge table (a dict), so the cost does not grow with the
    number of hedge phrases; symbols (">", "<=") may touch the word before them ("x>10").

    >>> lex = number_lexicon()
    >>> hedge_before("a crowd of more than 40", 21, lex), hedge_before("x>=10", 3, lex), hedge_before("the 40", 4, lex)
    (('more-than', 11), ('at-least', 1), None)
    """
    window_start = max(0, start - HEDGE_WINDOW)
    window = text[window_start:start]
    if window[-1:] not in (" ", "\t") and window[-1:].isalnum():
        return None
    tail = window.rstrip(" \t")
    if not tail:
        return None
    last = tail[-1] if not tail[-1].isspace() else tail.rstrip()[-1:]
    if last not in lex.hedge_last:
        return None  # the last word (or symbol) ends with a character no hedge ends with
    words = tail.rsplit(None, 1)
    if not words:
        return None  # only line breaks before the number
    last_word = words[-1].lstrip("([{\"'“‘").lower()
    if tail[-1] not in _SYMBOLS and last_word not in _hedge_last_words():
        return None  # the common case: no hedge ends here
    best = _hedge_words_before(window, window_start, lex)
    if best is None and tail[-1] in _SYMBOLS:
        best = _hedge_symbol_before(window, window_start, lex)
    return best


def _hedge_words_before(window: str, window_start: int, lex: NumberLexicon) -> tuple[str, int] | None:
    """The longest hedge phrase that ends ``window``, read word by word backwards.

    Parts never span a space, so the last MAX_HEDGE_WORDS space-separated chunks hold the last
    MAX_HEDGE_WORDS parts. Most hedges are a word or two: the last two chunks are read first, and
    all of them only when the phrase read so far could still grow into a longer hedge."""
    hedge_words = lex.hedge_words
    endings = _hedge_endings()
    best: tuple[str, int] | None = None
    for few in (2, MAX_HEDGE_WORDS):
        chunks = window.rsplit(None, few)
        begin = len(chunks[0]) if len(chunks) > few else 0
        parts = list(_HEDGE_PART.finditer(window, begin))
        best = None
        phrase = ""
        grows = True
        for k in range(1, min(len(parts), MAX_HEDGE_WORDS) + 1):
            phrase = f"{parts[-k].group().lower()} {phrase}" if phrase else parts[-k].group().lower()
            name = hedge_words.get(phrase)
            if name is not None:
                best = (name, window_start + parts[-k].start())
            elif phrase not in endings:
                grows = False
                break
        if not grows or begin == 0 or len(parts) >= MAX_HEDGE_WORDS:
            break  # these parts are all the longer read would look at
    return best


def _hedge_symbol_before(window: str, window_start: int, lex: NumberLexicon) -> tuple[str, int] | None:
    """A hedge symbol that ends ``window`` (">", "<=", "≥"), which may touch a word ("x>10")."""
    sm = _HEDGE_SYMBOL.search(window)
    if sm is None:
        return None
    symbol = SPACES.sub(" ", sm.group(1))
    hedge_words = lex.hedge_words
    doubled = symbol in (">", "<", "=") and sm.start(1) > 0 and window[sm.start(1) - 1] in "<>="  # "<<5", "==5"
    if symbol in hedge_words and not doubled:
        return hedge_words[symbol], window_start + sm.start(1)
    return None


def read_hedges(text: str, q: Draft, prev_end: int, lex: NumberLexicon) -> None:
    """The hedges written before the figure (before its currency sign) and after it: set ``q.hedge``
    and widen ``q.start``/``q.end`` over their words; "between"/"from" is kept in ``q.between`` for
    the range it may open.

    >>> q = Draft(10, 13, 500.0, None, None); read_hedges("They sent 500 or more boats", q, -1, number_lexicon())
    >>> (q.hedge, q.start, q.end)
    ('at-least', 10, 21)
    """
    start = q.start
    # hedge_before's first tests, inlined: what is right before the figure, or before the spaces there,
    # must be able to end a hedge (most figures follow a word no hedge ends with, or a comma, or a digit)
    touch = text[start - 1 : start]
    if touch.isspace():
        touch = text[max(0, start - HEDGE_WINDOW) : start].rstrip()[-1:]
        hb = hedge_before(text, start, lex) if touch in lex.hedge_last else None
    else:
        hb = hedge_before(text, start, lex) if touch in lex.hedge_touch else None
    if hb is not None and not (hb[1] < prev_end):
        name, hstart = hb
        if name == "between":
            q.between = SPACES.sub(" ", text[hstart:start].strip().lower())
        else:
            q.hedge, q.start = name, hstart
    end = q.end
    blank_then = text[end : end + 1]  # what hedge_after's words must start with, after spaces
    if blank_then in (" ", "\t"):
        blank_then = text[end : end + 64].lstrip(" \t")[:1]
    if not blank_then or blank_then in lex.hedge_after_first:
        _hedge_after(text, q, lex)


def _hedge_after(text: str, q: Draft, lex: NumberLexicon) -> None:
    """A hedge written after the figure: "500 or more", "40+", "5000 or equal to" after "more than"."""
    ha = lex.hedge_after.match(text, q.end)
    if ha is None:
        return
    words = SPACES.sub(" ", ha.group().strip().lower())
    after_name = lex.hedge_words.get("@" + words)
    if after_name is None or (words in lex.hedge_not_before_slash and text[ha.end() : ha.end() + 1] in ("/", "-")):
        return  # "24/7", "plus-size"
    if words in lex.inclusive_after:  # "more than 5000 or equal to", "less than 50 or equal"
        q.hedge = after_name if q.hedge == "exact" else (hedge_table()[q.hedge].or_equal or q.hedge)
    else:
        q.hedge = after_name
    q.end = ha.end()


def vague_interval(q: Draft, rule_name: str, unit: float) -> None:
    """The interval of a vague figure from its hedge rule: "thousands" -> [2000, 10000)."""
    rule = hedge_table()[rule_name]
    q.hedge = rule_name
    q.lo = unit * (rule.lo or 0)
    q.hi = unit * rule.hi if rule.hi is not None else None
    q.hi_open = rule.hi_open
    q.value = q.lo


def apply_hedge(q: Draft) -> None:
    rule = hedge_table().get(q.hedge)
    if rule is None or q.hedge == "exact":
        q.lo = q.hi = q.value
        return
    v = q.value
    base, least = _hedge_base(q) if rule.lo is not None and rule.hi is not None and rule.lo < 1 < rule.hi else (v, 0.0)
    lo = None if rule.lo is None else v - _widening(base, 1 - rule.lo, least)
    hi = None if rule.hi is None else v + _widening(base, rule.hi - 1, least)
    lo_open, hi_open = rule.lo_open, rule.hi_open
    if v < 0 and lo is not None and hi is not None:
        lo, hi, lo_open, hi_open = hi, lo, hi_open, lo_open
    q.lo, q.hi, q.lo_open, q.hi_open = lo, hi, lo_open, hi_open


def _hedge_base(q: Draft) -> tuple[float, float]:
    """What an approximation's factor ("about", both ways) is a share of, and the least it widens a
    figure by. For most figures the figure itself: "about 400" is 400 ± 40. A share above one half
    is also bounded by the whole, so it is hedged on what is left of it: "about 91%" says about 9%
    did not, so it is 91 ± 0.9, yet never narrower than its last digit ("about 91%" is 90..92)."""
    v = q.value
    if q.kind is K_PERCENT and 50 < v < 100:
        return 100 - v, _last_digit(v)
    return v, 0.0


def _widening(base: float, share: float, least: float) -> float:
    """How far a hedge moves one end of a figure: ``share`` of ``base`` (signed like it), at least ``least``."""
    if share == 0:
        return 0.0
    return max(abs(base * share), least) * (1 if base * share >= 0 else -1)


def _last_digit(v: float) -> float:
    """The value of the last written digit of ``v``: 1 for 91, 0.1 for 94.1, 0.05 -> 0.01 for 99.05."""
    _, _, decimals = f"{v:.6g}".partition(".")
    return 10.0 ** -len(decimals)
