"""Stage 5a, thresholds: "the death toll passed 500", "crossed the 1,000 mark" say the count went
beyond the figure, as "topped 500" does (a hedge the number reader knows), not that it is 500.
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

THRESHOLD_HEDGE = "more-than"  # the reader's hedge for "topped 500" (lexicon/hedges.yaml)

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:(the)\s+)?$")
_TALLY = re.compile(r"%?\s?[-–]\s?\d|\s+to\s+\d")
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+|[^\w\s]|$)")


def read_thresholds(text: str, offset: int, quantities: Sequence[Quantity]) -> list[Quantity]:
    """``quantities`` (read from ``text``, which starts at ``offset``) with each exact figure that a
    threshold verb passes read as open above it: "passed 500", "crossed the 1,000 mark"."""
    verbs = frame_words().threshold_verbs
    out = []
    for q in quantities:
        if q.hedge == "exact" and q.is_figure and _passed(text, q.start - offset, q.end - offset, verbs):
            q = replace(q, hedge=THRESHOLD_HEDGE, lo=q.value, hi=None, lo_open=True, hi_open=False, step=0.0)
        out.append(q)
    return out


def _passed(text: str, start: int, end: int, verbs: frozenset[str]) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is None or before.group(1).lower() not in verbs:
        return False
    if _TALLY.match(text, end):
        return False  # "The bill passed 52-48": a tally
    after = _WORD_AFTER.match(text, end)
    word = after.group(1).lower() if after else ""
    ends = frame_words().threshold_ends
    if before.group(2):  # "crossed the 1,000 mark": the figure names a level
        return word in ends
    return not word[:1].isalpha() or word in ends  # "passed 500." / "passed 500 on Monday", not "passed 12 bills"
