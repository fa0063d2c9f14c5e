"""Ages, for the frame stage: a figure that is a person's age ("Smith, 45,", "aged 32", "the
32-year-old", "Smith was 32 when ...") counts years of a life, not anything the sentence names. Its
words live in lexicon/frames.yaml (``age_openers``, ``age_endings``, ``age_copulas``)."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import frame_words
from .model import Kind, Quantity
from .words import Token

ATTRIBUTE, PREDICATE = "attribute", "predicate"  # how an age is written (see ``age_form``)
AGE = "age"  # the counted noun of a person's age ("aged 32", "the 32-year-old")
MAX_AGE = 125  # years: a larger figure is no one's age
AFTER_CHARS = 12  # characters after a figure read for an age's ending or the end of its clause

_WORDS = frame_words()
_OPENERS = tuple(" " + o for o in _WORDS.age_openers)


def age_form(
    sentence: str, offset: int, q: Quantity, before: Sequence[Token], before_lowers: Sequence[str], counted: str
) -> str:
    """How figure ``q`` of ``sentence`` (which starts at ``offset``) is written as a person's age:
    ATTRIBUTE ("Smith, 45,", "aged 32", "the 32-year-old": said of the person, not asserted by the
    clause), PREDICATE ("Smith was 32 when ...": what the clause asserts, which a denial may deny),
    or "" for no age. ``before`` are the words before it, ``counted`` the noun it counts ("" for none)."""
    if q.hedge != "exact" or q.kind not in (Kind.COUNT, Kind.MEASURE) or not 0 < q.value < MAX_AGE:
        return ""
    at, start = q.end - offset, q.start - offset
    after = sentence[at : at + AFTER_CHARS].lower()
    if (q.text.lower().lstrip("0123456789.,") + after).startswith(_WORDS.age_endings):
        return ATTRIBUTE  # "the 32-year-old", "12 years old"
    if q.kind is not Kind.COUNT or counted or not before:
        return ""
    opened = " " + " ".join(before_lowers[-4:])
    if opened.endswith(_OPENERS) and not sentence[before[-1].end - offset : start].strip():
        return ATTRIBUTE  # "aged 32", "at the age of 17"
    if sentence[start - 2 : start] == ", " and after.startswith(",") and before[-1].capital:
        return ATTRIBUTE  # "Smith, 45, was arrested"
    # "Smith was 32 when he was sentenced": a name, a copula, a figure that ends its clause
    ends = not after.strip() or after[:1] in ".,;" or after.lstrip().startswith(_WORDS.age_clause_ends)
    copula = len(before) > 1 and before_lowers[-1] in _WORDS.age_copulas and before[-2].capital
    return PREDICATE if copula and ends else ""
