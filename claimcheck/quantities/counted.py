"""The counted noun phrase after a figure ("55,000 Russian soldiers" -> "russian soldiers")."""

from __future__ import annotations

import re

from .chars import ASCII_LETTER_OR_NONE, BLANK
from .lexicon import context_words, number_lexicon
from .patterns import words_alt

COUNTED_WORDS = 3  # words of the counted noun phrase kept after a figure
WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]{0,30})")
_WORDS = context_words()  # lexicon/context.yaml
# The noun phrase after a figure: "of" (kept once read) and up to COUNTED_WORDS words.
_COUNTED = re.compile(
    rf"(?>(?:[ \t]+(?i:{words_alt(_WORDS.counted_of)})(?=[ \t]))?)"
    + r"(?:[ \t]+([A-Za-z][A-Za-z'’-]{0,30}))"
    + r"(?:[ \t]+([A-Za-z][A-Za-z'’-]{0,30}))?" * (COUNTED_WORDS - 1)
)
# Words that end the counted noun phrase: "38 cities across Russia" -> "cities".
_STOP = frozenset(_WORDS.counted_stop_words)
_STOP_ENDINGS = _WORDS.counted_stop_endings  # of verbs and adverbs, in words of five letters or more
_PLURAL_IRREGULAR = frozenset(_WORDS.irregular_plurals)


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
        if w in _STOP or (len(w) > 4 and w.endswith(_STOP_ENDINGS)):
            break
        if w in number_words:
            break
        words.append(w)
        if w in _PLURAL_IRREGULAR or (w.endswith("s") and not w.endswith("ss") and len(w) > 3):
            break
    return " ".join(words)
