"""Units and money: currency before a figure, scale abbreviations, percent, currency and units after it."""

from __future__ import annotations

import re

from .counted import WORD_AFTER
from .lexicon import number_lexicon

UNIT_TRIM = re.compile(r"^[\s(\[{<-]+|[\s)\]}>]+$")  # brackets, hyphen and spaces around a unit
UNIT_BASE = re.compile(r"[^\^/]+")  # "km" of "km/h", "m" of "m^2"
UNIT_POWER = re.compile(r"[-−]?[1-3]$")  # "2" of "m2"


def is_money_word(word: str) -> bool:
    lex = number_lexicon()
    w = word.lower()
    return w in lex.currency_words or w in lex.subunits or w in lex.pounds or word.upper() in lex.codes


def next_word(text: str, pos: int) -> str:
    m = WORD_AFTER.match(text, pos)
    return m.group(1) if m else ""
