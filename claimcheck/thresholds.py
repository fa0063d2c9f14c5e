"""Stage 5a, thresholds: "the death toll passed 500", "crossed the 1,000 mark" say the count
reached the figure or went beyond it (read as "at least 500", a hedge the number reader knows).
"Passed" and "crossed" also take a count of things ("passed 12 bills", "crossed 3 borders"), so
only a figure that counts nothing after one of them is read as a threshold, here, for claims and
sources alike, before their frames are built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .lexicon import frame_words
from .model import Quantity

# The reader's hedge for "at least 500" (lexicon/hedges.yaml): closed at the figure, since a toll
# that "crossed the 3,000 mark" may be the 3,000 another source says it "reached".
THRESHOLD_HEDGE = "at-least"

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:(the)\s+)?$")
_TALLY = re.compile(r"%?\s?[-–]\s?\d|\s+to\s+\d")
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+|[^\w\s]|$)")


def read_thresholds(text: str, offset: int, quantities: Sequence[Quantity]) -> list[Quantity]:
    """``quantities`` (read from ``text``, which starts at ``offset``) with each exact figure that a
    threshold verb passes read as at least it: "passed 500", "crossed the 1,000 mark". As for
    the reader's "topped 500", the figure's words then take in the verb and the level's noun: they
    say how the figure is bounded, not what it counts, so neither is a topic word of the figure."""
    out = []
    for q in quantities:
        span = _passed(text, q.start - offset, q.end - offset) if q.hedge == "exact" and q.is_figure else None
        if span is not None:
            begin, end = span
            q = replace(
                q,
                start=offset + begin,
                end=offset + end,
                text=text[begin:end],
                counted="" if end > q.end - offset else q.counted,  # "the 1,000 mark" counts no marks
                hedge=THRESHOLD_HEDGE,
                lo=q.value,
                hi=None,
                lo_open=False,
                hi_open=False,
                step=0.0,
            )
        out.append(q)
    return out


def _passed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the threshold phrase around the figure at ``start:end`` ("passed 500",
    "crossed the 1,000 mark"), or None when no threshold verb passes it."""
    words = frame_words()
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is None or before.group(1).lower() not in words.threshold_verbs:
        return None
    if _TALLY.match(text, end):
        return None  # "The bill passed 52-48": a tally
    after = _WORD_AFTER.match(text, end)
    word = after.group(1).lower() if after else ""
    if word in words.threshold_levels:
        return before.start(1), after.end(1) if after else end
    if before.group(2):  # "crossed the 1,000": only a named level ("the 1,000 mark") is passed
        return None
    if not word[:1].isalpha() or word in words.threshold_ends:  # "passed 500." / "passed 500 on Monday"
        return before.start(1), end
    return None  # "passed 12 bills"
