"""Anchors: the few positions of a text where a number can start, found with fast C loops (digit
runs, URL and fraction signs, number words found with ``str.find``), so that the core pattern is
matched only there instead of being searched character by character."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from .chars import FOLD, FOLD_FROM, LETTER, LETTERS, LETTERS_ONLY
from .lexicon import NumberLexicon, number_lexicon
from .shapes import DIGITISH

# Same matches as \d+; a pattern that starts with a character class lets re's search skip ahead in C.
_DIGIT_RUN = re.compile(r"\d\d*")
_BEFORE_DIGITS = LETTER | {".", "-"}  # what before a digit run adds an anchor of its own


def may_have_numbers(text: str) -> bool:
    """The prefilter: a text with no digit and no number word has no number.

    >>> may_have_numbers("The statement came after days of talks."), may_have_numbers("after nine days")
    (False, True)
    """
    return DIGITISH.search(text) is not None or not number_words().isdisjoint(letter_runs(text.lower()))


def may_have_signs(text: str, lex: NumberLexicon) -> bool:
    """Whether the text has what ``url_or_fraction`` needs ("://", "www." in any case, a fraction
    sign): most texts have none, and their anchors skip that search."""
    return (
        "://" in text or "ww." in text.lower() or (not text.isascii() and any(c in text for c in lex.unicode_fractions))
    )  # the signs are not ASCII


def anchor_positions(
    text: str, lex: NumberLexicon, words: list[int], lo: int, hi: int, signs: bool = True
) -> list[int]:
    """Every position in [lo, hi) where ``lex.core`` can match (and a few where it cannot), in order.

    Searching ``core`` itself tries all its alternatives at every character; these are found with
    fast C loops instead: digit runs (with a "." or up to 12 letters right before them, for ".5" and
    "Su-57"), URL and fraction signs (unless ``signs`` is false: the text has none), and the number
    words of ``words`` (see word_anchors). A text is read in windows, so that a figure that runs on
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
            while b > 0 and e - b < 12 and text[b - 1] in LETTER:
                b -= 1
            found.append(b)
    if signs:
        found.extend(m.start() for m in lex.url_or_fraction.finditer(text, lo, hi + 8))
    found = sorted(set(found))
    return found[bisect_left(found, lo) : bisect_left(found, hi)]


def letter_runs(low: str) -> list[str]:
    """``LETTERS.findall(low)``; for ASCII text, a byte translation and a split do it 3x faster."""
    if low.isascii():
        return low.encode("ascii").translate(LETTERS_ONLY).decode("ascii").split()
    return LETTERS.findall(low)


def word_anchors(text: str) -> list[int]:
    """Where number words (and "point") start, found with ``str.find``, and the word before each
    ("a dozen", "a few", "point five"), in order."""
    found: list[int] = []
    # The folded letters are not ASCII.
    low = text.lower() if text.isascii() or not any(c in text for c in FOLD_FROM) else text.translate(FOLD).lower()
    for w in _anchor_words().intersection(letter_runs(low)):
        i = low.find(w)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):  # (?<![\w])
                found.append(i)
                j = i
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                b = j
                while b > 0 and j - b < 5 and text[b - 1] in LETTER:
                    b -= 1
                if b < j:
                    found.append(b)
            i = low.find(w, i + 1)
    return sorted(set(found))


@cache
def _anchor_words() -> frozenset[str]:
    """The words ``word_anchors`` looks for: number words, and the ones that start a number only in
    company ("point five")."""
    return number_words() | number_lexicon().points


@cache
def number_words() -> frozenset[str]:
    """Every word of the number lexicon: a text without one of them (and without digits) has no number."""
    lex = number_lexicon()
    return frozenset(part for w in lex.words for part in w.split() if part not in lex.companions)
