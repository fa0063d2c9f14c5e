"""Stage 5a, zeros: "no one died", "nobody was hurt", "no arrests were made" state a count of
nought, as "zero people died" does, and contradict "two people died" as plainly. The number reader
reads digits and number words; this step reads the words that say none, for claims and sources
alike, before their frames are built, so the figure after them is compared like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import frame_words
from .model import Kind, Quantity
from .words import Token, singular

PEOPLE = "people"  # whom "no one" and "nobody" count
_HINT = re.compile(r"\b(?:no|none|nobody|no-one)\b", re.IGNORECASE)  # most sentences say none of them


def read_zeros(text: str, offset: int, tokens: Sequence[Token], quantities: Sequence[Quantity]) -> list[Quantity]:
    """``quantities`` (read from ``text``, which starts at ``offset`` and has ``tokens``) with a
    figure of nought for each word or phrase that says none of a group: "no one", "nobody",
    "none of the", and "no" before a plural noun ("no arrests"); "no more than 40" is the reader's."""
    if not _HINT.search(text):
        return list(quantities)
    words = frame_words()
    taken = [(q.start, q.end) for q in quantities]
    found: list[Quantity] = []
    for i, t in enumerate(tokens):
        lower = t.lower
        if lower not in words.zero_words and lower not in words.zero_people and lower not in words.zero_determiners:
            continue
        if any(s <= t.start < e for s, e in taken):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        adjacent = nxt is not None and nxt.start == t.end + 1
        end = t.end
        if lower in words.zero_determiners:
            if not adjacent or nxt is None:
                continue
            if nxt.lower in words.zero_persons:
                end = nxt.end  # "no one": a figure with no noun, like "two died"
            elif singular(nxt.lower) == nxt.lower or nxt.lower in words.zero_not_nouns:
                continue  # "no longer", "no more than 40", "no matter"
        whom = PEOPLE if lower in words.zero_people or end != t.end else ""
        written = text[t.start - offset : end - offset]
        found.append(Quantity(t.start, end, written, 0.0, 0.0, 0.0, kind=Kind.COUNT, counted=whom))
    if not found:
        return list(quantities)
    return sorted([*quantities, *found], key=lambda q: q.start)
