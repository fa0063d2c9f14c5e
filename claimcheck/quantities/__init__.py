"""Stage 3, quantities: text -> Quantity intervals (digits, words, scales, hedges, ranges, %, money, units).

Input any text; output every number in it, sorted by start and non-overlapping, with its kind so that
years, dates, times, ordinals and identifiers ("Su-57", "4-2") are never mistaken for counts.

Performance: anchor, then read locally. ``spans.anchors`` lists the few positions where a number can
start (digit runs, URL and fraction signs, number words found with ``str.find``) with C-speed
loops, and the core pattern is matched only there instead of being searched character by
character. Around a figure, every context pattern is matched at a fixed position or searched in a
window of a few characters, and most are skipped after a one-character test of what they must
start or end with (``char_before``, ``hedge_after_first``, ``month_before``). Word lists compile
to tries (``lexicon.alternation``), so a pattern branches on a letter rather than trying every word in turn.
"""

from __future__ import annotations

from .hedges import plausible_bounds
from .lexicon import HedgeRule, hedge_table
from .ranges import in_points
from .spans import extract_quantities

__all__ = ["HedgeRule", "extract_quantities", "hedge_table", "in_points", "plausible_bounds"]
