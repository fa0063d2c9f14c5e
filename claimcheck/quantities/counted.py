"""The counted noun phrase after a figure ("55,000 Russian soldiers" -> "russian soldiers")."""

from __future__ import annotations

import re

from .chars import ASCII_LETTER_OR_NONE, BLANK
from .lexicon import number_lexicon

COUNTED_WORDS = 3  # words of the counted noun phrase kept after a figure
WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]{0,30})")
# The noun phrase after a figure: "of" (kept once read) and up to COUNTED_WORDS words.
_COUNTED = re.compile(
    r"(?>(?:[ \t]+(?i:of)(?=[ \t]))?)"
    + r"(?:[ \t]+([A-Za-z][A-Za-z'’-]{0,30}))"
    + r"(?:[ \t]+([A-Za-z][A-Za-z'’-]{0,30}))?" * (COUNTED_WORDS - 1)
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


def next_word(text: str, pos: int) -> str:
    """The word after ``pos`` and the blanks there, or ""."""
    m = WORD_AFTER.match(text, pos)
    return m.group(1) if m else ""


def counted_phrase(text: str, pos: int) -> str:
    """The noun phrase counted right after ``pos`` ("55,000 Russian soldiers" -> "russian soldiers")."""
    if text[pos : pos + 1] not in BLANK:
        return ""  # the pattern starts with a space or tab
    if text[pos : pos + 64].lstrip(" \t")[:1] not in ASCII_LETTER_OR_NONE:
        return ""  # and goes on with a letter ("of" or the first word), however many spaces come first
    words: list[str] = []
    m = _COUNTED.match(text, pos)
    if m is None:
        return ""
    number_words = number_lexicon().words
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
