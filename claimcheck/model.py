"""Shared data model: frozen dataclasses and enums passed between the stages.

load -> Claim, Source; segment -> Passage; quantities -> Quantity; judge -> Evidence,
SourceResult, ClaimResult; verify -> Report.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field


class Verdict(str, enum.Enum):
    """What a source (or all sources) says about a claim. The words are a public contract."""

    AGREE = "agree"
    DISAGREE = "disagree"
    SILENT = "silent"
    MIXED = "mixed"

    def __str__(self) -> str:
        return self.value


class Stance(str, enum.Enum):
    """How a source holds what it says: as its own, as someone else's, or denied."""

    STATED = "stated"
    REPORTED = "reported"
    DENIED = "denied"

    def __str__(self) -> str:
        return self.value


class Relation(str, enum.Enum):
    """How one piece of evidence bears on a claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"

    def __str__(self) -> str:
        return self.value


class Kind(str, enum.Enum):
    """What a number in text is. Only COUNT, PERCENT, MONEY and MEASURE are figures a claim can state."""

    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    MEASURE = "measure"
    ORDINAL = "ordinal"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    IDENTIFIER = "identifier"

    def __str__(self) -> str:
        return self.value


FIGURE_KINDS = frozenset({Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, read as an interval.

    ``lo``/``hi`` are the logical bounds (``None`` = open side, e.g. "more than 40" has hi None);
    ``lo_open``/``hi_open`` say whether the bound itself is excluded ("more than 40" excludes 40).
    ``value`` is the number as written after scaling ("1.2m" -> 1200000); ``hedge`` names the
    rule that turned it into an interval (``exact``, ``more-than``, ``about``, ...). ``start``/``end``
    are offsets into the text that was scanned (end exclusive) and cover the hedge words too.
    Percentages keep their written value (45% -> 45). ``unit`` is an ISO currency code for money,
    ``%`` for percent, a unit word for measures; ``counted`` is the noun phrase the number counts
    when the text says it ("38 cities" -> "cities"), else "".
    """

    start: int
    end: int
    text: str
    value: float
    lo: float | None
    hi: float | None
    hedge: str = "exact"
    kind: Kind = Kind.COUNT
    unit: str = ""
    counted: str = ""
    scale: str = ""
    lo_open: bool = False
    hi_open: bool = False
    step: float = 0.0  # rounding unit of the last written digit when a scale word follows ("2.5bn" -> 1e8)

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    def bounds(self) -> tuple[float, float]:
        """The logical interval with open sides as infinities."""
        lo = -math.inf if self.lo is None else self.lo
        hi = math.inf if self.hi is None else self.hi
        return lo, hi


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim from a rules file. ``aliases`` maps a word of the claim to extra words that mean
    the same thing in sources; ``tolerance`` widens exact figures by a relative amount (0.05 = 5%)."""

    id: str
    text: str
    path: str = ""
    line: int = 0
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    tolerance: float = 0.0
    note: str = ""
    mode: str = "auto"  # auto | figures | statement
    accept: tuple[tuple[str, str], ...] = ()  # (source path or glob, reason)


@dataclass(frozen=True, slots=True)
class Source:
    """A text to check against. ``path`` is what reports show; ``text`` is the extracted text;
    ``offsets`` maps each text offset to an offset in the original file when they differ (HTML)."""

    path: str
    text: str
    original: str | None = None
    offsets: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of a source with its offsets in the source text and 1-based line/column."""

    start: int
    end: int
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """One passage that bears on a claim, with what was compared and why it fits or clashes."""

    path: str
    line: int
    column: int
    text: str
    relation: Relation
    stance: Stance = Stance.STATED
    quantity: str = ""
    claim_quantity: str = ""
    reason: str = ""
    score: float = 0.0
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class SourceResult:
    path: str
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    error: str = ""
    accepted: str = ""


@dataclass(frozen=True, slots=True)
class ClaimResult:
    id: str
    text: str
    verdict: Verdict
    sources: tuple[SourceResult, ...] = ()
    path: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Report:
    claims: tuple[ClaimResult, ...]
    sources: tuple[str, ...] = ()
    errors: tuple[str, ...] = field(default=())
