"""Characters and small text tests shared by the reader's steps: blanks, letters, case folding."""

from __future__ import annotations

import re

LETTERS = re.compile(r"[a-z]+")
LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # bytes: a-z kept, all else a space
FOLD_FROM = "ſKİı"
FOLD = str.maketrans(FOLD_FROM, "skii")
BLANK = frozenset(" \t")
ASCII_LETTER_OR_NONE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | {""}
SPACES = re.compile(r"\s+")
LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZſKİı")  # [A-Za-z] under IGNORECASE


def cases_of(ch: str) -> set[str]:
    """The characters IGNORECASE matches to ``ch``."""
    return {ch.lower(), ch.upper()} | {f for f in FOLD_FROM if f.translate(FOLD) == ch.lower()}


def char_before(text: str, start: int) -> str:
    """The character before ``start``, or before a space or tab there ("" at the start of the text):
    the sign, currency symbol or code patterns searched before a figure must end with it."""
    c = text[start - 1] if start else ""
    if c in (" ", "\t") and start > 1:
        c = text[start - 2]
    return c


def last_letters(text: str, start: int) -> str:
    """The three characters before ``start`` (or before a space or tab there), folded as IGNORECASE
    compares them: a currency code or word written before a figure ends with them."""
    end = start - 1 if text[start - 1 : start] in BLANK else start
    return text[max(0, end - 3) : end].translate(FOLD).lower()
