"""Token kinds: what each token of a written number is (digits, a fraction sign, a kind of number word)."""

from __future__ import annotations

from enum import Enum


class TokenKind(str, Enum):
    """The kind of a token. A ``str`` enum: members hash and compare as C strings, which the reader
    does a dozen times per figure (an ``Enum`` alone hashes in Python)."""

    DIGITS = "digits"  # "1,386", "2.5", "1/2", "1e6"
    FRACTION_SIGN = "fraction-sign"  # "½"
    UNIT = "unit"  # "zero" .. "nine"
    TEEN = "teen"  # "ten" .. "nineteen"
    TENS = "tens"  # "twenty" .. "ninety"
    HUNDRED = "hundred"
    SCALE = "scale"  # "thousand", "million", ...
    DOZEN = "dozen"  # collectives: "dozen", "doz"
    FRACTION_WORD = "fraction-word"  # "half", "quarters", "fifths"
    ORDINAL = "ordinal"  # "first", "third", "hundredth"
    ARTICLE = "article"  # "a", "an": one, before a scale or a fraction
    POINT = "point"  # "point" of "two point five"
    NEGATIVE = "negative"  # "minus", "negative"
    VAGUE = "vague"  # plural scales: "thousands", "dozens", "tens"
    VAGUE_MULTIPLIER = "vague-multiplier"  # "several", "a few"


# The members as module names: ``TokenKind.DIGITS`` is a lookup through the enum's metaclass.
DIGITS, FRACTION_SIGN = TokenKind.DIGITS, TokenKind.FRACTION_SIGN
UNIT, TEEN, TENS, HUNDRED, SCALE = TokenKind.UNIT, TokenKind.TEEN, TokenKind.TENS, TokenKind.HUNDRED, TokenKind.SCALE
DOZEN, FRACTION_WORD, ORDINAL = TokenKind.DOZEN, TokenKind.FRACTION_WORD, TokenKind.ORDINAL
ARTICLE, POINT, NEGATIVE = TokenKind.ARTICLE, TokenKind.POINT, TokenKind.NEGATIVE
VAGUE, VAGUE_MULTIPLIER = TokenKind.VAGUE, TokenKind.VAGUE_MULTIPLIER

WRITTEN = frozenset(TokenKind) - {DIGITS, FRACTION_SIGN}  # number words
SMALL = frozenset({UNIT, TEEN})  # below twenty
BELOW_HUNDRED = frozenset({UNIT, TEEN, TENS})  # a cardinal word below a hundred
MULTIPLIERS = frozenset({HUNDRED, SCALE, DOZEN})  # what "a" can stand in front of: "a hundred", "a dozen"
