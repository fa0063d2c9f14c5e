"""Shared data model: frozen dataclasses and enums passed between the stages.

load -> Claim, Source; segment -> Passage; quantities -> Quantity; judge -> Evidence,
SourceResult, ClaimResult; verify -> Report.
"""

from __future__ import annotations

import bisect
import enum
import math
import operator
import re
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, TypeVar, overload

_T = TypeVar("_T")


def pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle a frozen, slotted dataclass as its constructor and field values. The default for slots
    (``__getstate__`` walking ``fields()`` for every object) costs 3-4x more, and results, facts and
    cached blobs cross process boundaries by the million on a large run. Put it above ``@dataclass``.
    A field with ``metadata={"cache": True}`` (a memo filled while judging) is left out: it starts anew."""
    kept = [f.name for f in fields(cls) if f.init and not f.metadata.get("cache")]  # type: ignore[arg-type]
    assert [f.name for f in fields(cls)][: len(kept)] == kept, "memo fields must come last"  # type: ignore[arg-type]
    values = operator.attrgetter(*kept)

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


class Verdict(str, enum.Enum):
    """What a source (or all sources) says about a claim. The words are a public contract."""

    AGREE = "agree"
    DISAGREE = "disagree"
    SILENT = "silent"
    MIXED = "mixed"

    def __str__(self) -> str:
        return self.value


class Stance(str, enum.Enum):
    """How a source holds what it says: as its own, as someone else's, denied, or as a forecast,
    plan or condition ("could reach", "is expected to", "if the deal fails") rather than a fact."""

    STATED = "stated"
    REPORTED = "reported"
    DENIED = "denied"
    FORECAST = "forecast"

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


STDIN_NAME = "<stdin>"  # how reports name a source read from standard input (``-``)
FIGURE_KINDS = frozenset({Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE})


@pickled_by_fields
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

    @property
    def rounded(self) -> bool:
        """Whether the figure stands for what its written digits round ("$2.5bn", "6%"): exact, with
        a rounding step or a percent (``judge.rounded_bounds``)."""
        return self.hedge == "exact" and (self.step > 0 or self.kind is Kind.PERCENT)

    @property
    def one_sided(self) -> bool:
        """Whether the figure is open on one side ("at least 2,012", "more than 40", "up to 900")."""
        return (self.lo is None) != (self.hi is None)


@pickled_by_fields
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


class OffsetMap(Sequence[int]):
    """Text offset -> offset in the original file, for text extracted from markup: a sequence as
    long as the text, stored as runs in which both advance together (one run per stretch between
    tags or entities), so it costs memory per tag, not per character (a tuple of one int per
    character of a 100 MB page would take gigabytes)."""

    __slots__ = ("_text", "_orig", "_len")

    def __init__(self) -> None:
        self._text = array("q")  # where each run starts in the text
        self._orig = array("q")  # and in the original
        self._len = 0

    def add(self, original_start: int, length: int = 1, same: bool = False) -> None:
        """The next ``length`` text characters come from ``original_start`` on (every one of them
        from ``original_start`` itself when ``same``: an entity that decodes to several)."""
        if length <= 0:
            return
        if same and length > 1:
            for _ in range(length):
                self.add(original_start)
            return
        n = len(self._text)
        if not n or self._orig[-1] + (self._len - self._text[-1]) != original_start:
            self._text.append(self._len)
            self._orig.append(original_start)
        self._len += length

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        run = bisect.bisect_right(self._text, i) - 1
        return self._orig[run] + (i - self._text[run])

    def __reduce__(self) -> tuple[Callable[..., OffsetMap], tuple[array[int], array[int], int]]:
        return _offset_map, (self._text, self._orig, self._len)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._text, self._orig, self._len) == (other._text, other._orig, other._len)
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def _offset_map(text: array[int], orig: array[int], length: int) -> OffsetMap:
    m = OffsetMap()
    m._text, m._orig, m._len = text, orig, length
    return m


class PartMap:
    """Text offset -> (part, line, column) for text read out of a paged or structured document: the
    part is a PDF page (``p14``), a Word paragraph (``para12``) or a Word table cell
    (``table2.r3.c1``), and line and column are counted within it. Stored as runs in text order,
    one per line of the document, each starting at a known (part, line, column): extraction joins
    lines, drops hyphens and headers, so the text's own newlines cannot say where it came from."""

    __slots__ = ("_starts", "_parts", "_lines", "_columns", "labels")

    def __init__(self) -> None:
        self._starts = array("q")  # where each run starts in the text
        self._parts = array("q")  # index into ``labels``
        self._lines = array("q")
        self._columns = array("q")
        self.labels: list[str] = []

    def add(self, text_offset: int, part: str, line: int, column: int = 1) -> None:
        """The text from ``text_offset`` on stands at ``line``:``column`` of ``part``."""
        if not self.labels or self.labels[-1] != part:
            self.labels.append(part)
        if self._starts and self._starts[-1] == text_offset:  # an empty run: the later one wins
            for a in (self._starts, self._parts, self._lines, self._columns):
                a.pop()
        self._starts.append(text_offset)
        self._parts.append(len(self.labels) - 1)
        self._lines.append(line)
        self._columns.append(column)

    def locate(self, offset: int) -> tuple[str, int, int]:
        """(part, line, column) of a text offset; ("", 0, 0) before the first run."""
        run = bisect.bisect_right(self._starts, offset) - 1
        if run < 0:
            return "", 0, 0
        return self.labels[self._parts[run]], self._lines[run], self._columns[run] + offset - self._starts[run]

    def key(self) -> bytes:
        """The map as bytes, for the cache key: the same text located differently is another source."""
        arrays = (self._starts, self._parts, self._lines, self._columns)
        return b"".join(a.tobytes() for a in arrays) + "\0".join(self.labels).encode()

    def __reduce__(self) -> tuple[Callable[..., PartMap], tuple[object, ...]]:
        return _part_map, (self._starts, self._parts, self._lines, self._columns, self.labels)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartMap) and self.key() == other.key()

    __hash__ = None  # type: ignore[assignment]


def _part_map(
    starts: array[int], parts: array[int], lines: array[int], columns: array[int], labels: list[str]
) -> PartMap:
    m = PartMap()
    m._starts, m._parts, m._lines, m._columns, m.labels = starts, parts, lines, columns, labels
    return m


_PART = re.compile(r"p(?P<page>\d+)|para(?P<paragraph>\d+)|table(?P<table>\d+)\.r(?P<row>\d+)\.c(?P<cell>\d+)")


def part_fields(part: str) -> dict[str, int]:
    """A part label as JSON keys: ``p14`` -> {"page": 14}, ``para12`` -> {"paragraph": 12},
    ``table2.r3.c1`` -> {"table": 2, "row": 3, "cell": 1}; {} for text that has no parts."""
    m = _PART.fullmatch(part)
    return {k: int(v) for k, v in m.groupdict().items() if v is not None} if m else {}


def located(path: str, line: int, column: int, part: str = "") -> str:
    """Where evidence stands, as reports print it: ``a.txt:3:7``, ``report.pdf:p14:3:7``."""
    return f"{path}:{part}:{line}:{column}" if part else f"{path}:{line}:{column}"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    """A text to check against. ``path`` is what reports show; ``text`` is the extracted text;
    ``offsets`` maps each text offset to an offset in the original file when they differ (HTML);
    ``parts`` locates text read out of a PDF or Word document by page or paragraph."""

    path: str
    text: str
    original: str | None = None
    offsets: Sequence[int] | None = None
    parts: PartMap | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of a source with its offsets in the source text and 1-based line/column (within
    ``part``, the page or paragraph of a PDF or Word source; "" for text)."""

    start: int
    end: int
    text: str
    line: int
    column: int
    part: str = ""


@pickled_by_fields
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
    part: str = ""  # page or paragraph of a PDF or Word source that line and column count in


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceResult:
    path: str
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    error: str = ""
    accepted: str = ""


class SourceResults(Sequence[SourceResult]):
    """Every source's result on one claim, in source order, held sparsely: the results a run found
    (not silent, or an error) by source index, and the source paths; a silent result is made when
    asked for. A report on a large archive costs memory for what its sources say, not for every
    claim x source pair. ``load`` instead of ``found`` reads the results when needed (from disk,
    each time: a report on an archive never holds them all). With ``only_found`` the sequence is
    just the results found (``--omit-silent``). ``known`` is (how many were found, the verdicts of
    those read), when the run counted them: then neither needs a load."""

    __slots__ = ("paths", "_found", "_load", "only_found", "_known")

    def __init__(
        self,
        paths: Sequence[str],
        found: Mapping[int, SourceResult] | None = None,
        load: Callable[[], Mapping[int, SourceResult]] | None = None,
        only_found: bool = False,
        known: tuple[int, frozenset[Verdict]] | None = None,
    ) -> None:
        self.paths = paths
        self._found = found if found is not None else {}
        self._load = load
        self.only_found = only_found
        self._known = known

    def verdicts(self) -> frozenset[Verdict]:
        """The verdicts of the sources found that could be read."""
        if self._known is not None:
            return self._known[1]
        return frozenset(s.verdict for s in self.found().values() if not s.error)

    def found(self) -> Mapping[int, SourceResult]:
        """Source index -> result, for the results that are not silent (or carry an error)."""
        return self._load() if self._load is not None else self._found

    def explicit(self) -> list[SourceResult]:
        """The results that are not silent (or carry an error), in source order."""
        found = self.found()
        return [found[i] for i in sorted(found)]

    def map(self, change: Callable[[SourceResult], SourceResult]) -> SourceResults:
        """The same sources with ``change`` applied to each result found (lazily, when loaded)."""
        if self._load is None:
            return SourceResults(self.paths, {i: change(s) for i, s in self._found.items()}, None, self.only_found)
        load = self._load
        return SourceResults(
            self.paths, None, lambda: {i: change(s) for i, s in load().items()}, self.only_found, self._known
        )  # a change marks results accepted; what was found stays

    def without_silent(self) -> SourceResults:
        return SourceResults(self.paths, self._found, self._load, True, self._known)

    def __len__(self) -> int:
        if not self.only_found:
            return len(self.paths)
        return self._known[0] if self._known is not None else len(self.found())

    @overload
    def __getitem__(self, i: int) -> SourceResult: ...

    @overload
    def __getitem__(self, i: slice) -> list[SourceResult]: ...

    def __getitem__(self, i: int | slice) -> SourceResult | list[SourceResult]:
        if isinstance(i, slice) or self.only_found:
            return list(self)[i]
        n = len(self.paths)
        if not -n <= i < n:
            raise IndexError(i)
        i %= n
        return self.found().get(i) or SourceResult(self.paths[i], Verdict.SILENT)

    def __iter__(self) -> Iterator[SourceResult]:
        if self.only_found:
            yield from self.explicit()
            return
        found = self.found()
        for i, path in enumerate(self.paths):
            yield found.get(i) or SourceResult(path, Verdict.SILENT)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SourceResults({len(self.paths)} sources, {len(self.found())} found)"


@dataclass(frozen=True, slots=True)
class ClaimResult:
    id: str
    text: str
    verdict: Verdict
    sources: Sequence[SourceResult] = ()
    path: str = ""
    line: int = 0

    def found(self) -> list[SourceResult]:
        """The sources that are not silent on the claim (or could not be read), in source order."""
        if isinstance(self.sources, SourceResults):
            return self.sources.explicit()
        return [s for s in self.sources if _found(s)]

    def verdicts(self) -> frozenset[Verdict]:
        """The verdicts of the sources found that could be read: known without reading back the
        results a large run holds on disk (``SourceResults.verdicts``)."""
        if isinstance(self.sources, SourceResults):
            return self.sources.verdicts()
        return frozenset(s.verdict for s in self.sources if _found(s) and not s.error)

    def counts(self) -> dict[Verdict, int]:
        """How many sources give each verdict on the claim."""
        out = dict.fromkeys(Verdict, 0)
        found = self.found()
        for s in found:
            out[s.verdict] += 1
        total = len(self.sources.paths) if isinstance(self.sources, SourceResults) else len(self.sources)
        out[Verdict.SILENT] += total - len(found)
        return out

    def map_found(self, change: Callable[[SourceResult], SourceResult]) -> ClaimResult:
        """The result with ``change`` applied to each source found (silent ones are left as they are)."""
        if isinstance(self.sources, SourceResults):
            return replace(self, sources=self.sources.map(change))
        return replace(self, sources=tuple(change(s) if _found(s) else s for s in self.sources))


def _found(s: SourceResult) -> bool:
    return s.verdict is not Verdict.SILENT or bool(s.error) or bool(s.evidence)


@dataclass(frozen=True, slots=True)
class Report:
    """What a run found. Each claim carries its verdict and ``verdict`` is the run's, both decided
    once by ``verify``: formatters and the exit code read them, never judge again."""

    claims: tuple[ClaimResult, ...]
    sources: tuple[str, ...] = ()
    errors: tuple[str, ...] = field(default=())
    silent_omitted: bool = False  # claims list only the sources that are not silent on them
    warnings: tuple[str, ...] = ()  # ``path:line: warning: ...``: no claims, an accept naming no source
    verdict: Verdict = Verdict.SILENT  # the claims' verdicts rolled up (docs/verdicts.md §6)

    def without_silent(self) -> Report:
        """The report with each claim's sources cut to those not silent on it (``--omit-silent``)."""
        claims = tuple(
            replace(c, sources=c.sources.without_silent() if isinstance(c.sources, SourceResults) else tuple(c.found()))
            for c in self.claims
        )
        return replace(self, claims=claims, silent_omitted=True)


@dataclass(frozen=True, slots=True)
class Considered:
    """A candidate passage the judge looked at and what it decided, for ``--explain`` (made by ``judge``,
    shown by the formatters)."""

    line: int
    column: int
    text: str
    quantity: str
    decision: str  # supports | contradicts | dropped
    reason: str
    check: str = ""  # what dropped it: a check of checks.CHECKS, or a rule of the judge
