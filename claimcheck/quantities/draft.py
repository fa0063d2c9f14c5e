"""The reader's working record of one figure, before it becomes a frozen ``model.Quantity``."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Kind

# The kinds as plain module names: ``Kind.COUNT`` is a lookup through the enum's metaclass, and
# the reader tests kinds a dozen times per figure.
K_COUNT, K_PERCENT, K_MONEY, K_MEASURE = Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE
K_ORDINAL, K_YEAR, K_DATE, K_TIME, K_IDENTIFIER = Kind.ORDINAL, Kind.YEAR, Kind.DATE, Kind.TIME, Kind.IDENTIFIER


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    value: float
    lo: float | None
    hi: float | None
    hedge: str = "exact"
    kind: Kind = K_COUNT
    unit: str = ""
    counted: str = ""
    scale: str = ""
    lo_open: bool = False
    hi_open: bool = False
    step: float = 0.0
    mult: float = 1.0
    num_start: int = 0
    num_end: int = 0
    between: str = ""  # "between" / "from" written before it, pending a second figure
    is_int: bool = True
    small_int: bool = False
    words: bool = False


# ---------------------------------------------------------------------------------------------
# Written and digit numerals
