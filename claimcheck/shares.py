"""Stage 5a, shares: a fraction of a group is a share of it. "A quarter of voters", "one in four
voters" and "25% of voters" say the same (docs/verdicts.md, "figures"), but the number reader
reads "two thirds of the cake" as 0.667, as the public number specs expect of it, and leaves a
fraction a count below one. Claims and sources pass through this step before their frames are
built, so a fraction of a group meets the percentages it is compared with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .lexicon import frame_words
from .model import Kind, Quantity
from .words import is_plural, lexicon, singular

# A fraction in words is coarse: "a quarter" is 22.5%-27.5%, as a figure rounded to 5 points is.
WORD_SHARE_STEP = 5.0

_DECIMAL = re.compile(r"\d[.,]\d")  # "0.25 of a point" is a decimal, not a fraction of a group
_PUNCTUATION = re.compile(r"[^\w\s'’-]")  # the group ends at punctuation
GROUP_REACH = 60  # characters after a fraction searched for its group
GROUP_WORDS = 3  # words after "of the" searched for the group's plural noun ("of the town's adult residents")


def fraction_of_group(text: str, at: int, q: Quantity) -> bool:
    """Whether ``q`` (ending at offset ``at`` of ``text``) is a fraction followed by the group of
    people it is a fraction of: "a quarter of voters", "half the residents", "two thirds of its
    members", "a quarter of those who died"; not "a quarter of a point", "half the shops", "a third
    of the way"."""
    if q.kind is not Kind.COUNT or not 0 < q.value < 1 or _DECIMAL.search(q.text):
        return False
    words = frame_words()
    phrase = _PUNCTUATION.split(text[at : at + GROUP_REACH], maxsplit=1)[0].lower().split()
    if not phrase or phrase[0] not in words.share_followers:
        return False
    if (
        len(phrase) > 2
        and phrase[1] in words.share_people_pronouns
        and (phrase[2] == "who" or phrase[2].endswith("ed"))
    ):
        return True  # "a quarter of those who died", "half of those arrested": people, named by their act
    # The words of the group, but for determiners and whose it is ("of the town's residents").
    rest = [w for w in phrase[1:] if w not in words.share_followers and not w.endswith(("'s", "’s"))][:GROUP_WORDS]
    plural = next((w for w in rest if is_plural(w) or w in words.collective_nouns), None)
    if plural is None:
        return False
    lex, head = lexicon(), singular(plural)
    return plural in words.collective_nouns or lex.has("generic_counted", head) or lex.is_person_noun(head)


def as_share(q: Quantity) -> Quantity:
    """A fraction as the percentage it is of its group, its hedge kept ("more than a quarter" is
    more than 25%); unhedged, it carries the rounding of a fraction in words."""
    lo = None if q.lo is None else q.lo * 100
    hi = None if q.hi is None else q.hi * 100
    step = WORD_SHARE_STEP if q.hedge == "exact" and not any(c.isdigit() for c in q.text) else 0.0
    return replace(q, value=q.value * 100, lo=lo, hi=hi, kind=Kind.PERCENT, unit="%", step=step)


def read_shares(text: str, offset: int, quantities: Sequence[Quantity]) -> list[Quantity]:
    """``quantities`` (read from ``text``, which starts at ``offset``) with each fraction of a group
    read as a share of it."""
    return [as_share(q) if fraction_of_group(text, q.end - offset, q) else q for q in quantities]
