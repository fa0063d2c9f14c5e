"""Numbers that say which one, not how many, for the judge: a statement's years, ordinals, dates
and times ("scored in the 58th minute", "resumed in 2018"). A passage that gives another of the
same kind, and none with the claim's value, is about another event."""

from __future__ import annotations

import functools

from .model import Kind, Quantity
from .quantities import extract_quantities

_MARKS = (Kind.ORDINAL, Kind.YEAR, Kind.DATE, Kind.TIME)  # numbers that say which, not how many


def other_marks(claim: str, passage: str) -> str:
    """A number of a statement that says which one ("in the 67th minute", "in 2019", "on May 4")
    and that the passage gives otherwise, with none of the claim's value: the passage's, else ""."""
    marks = [q for q in _quantities(claim) if q.kind in _MARKS]
    if not marks:
        return ""
    found = [q for q in _quantities(passage) if q.kind in _MARKS]
    for m in marks:
        same_kind = [q for q in found if q.kind is m.kind]
        if same_kind and all(q.value != m.value for q in same_kind):
            return same_kind[0].text
    return ""


@functools.lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(extract_quantities(text))
