"""Results of a large run kept on disk: a temporary file written as sources are judged and read back
a claim at a time when the report is written, so memory grows by 12 bytes a result, not by the
results themselves.

A run holds its results in memory until there are ``SPILL_AFTER_RESULTS`` of them (most runs never
get there); then they all move here. The file is deleted when the run's report is no longer used.
"""

from __future__ import annotations

import functools
import marshal
import os
import struct
import tempfile
import weakref
from array import array
from collections.abc import Iterable, Mapping

from .model import Evidence, Relation, SourceResult, Stance, Verdict

SPILL_AFTER_RESULTS = 200_000  # (claim, source) results held in memory before they go to disk
_HEAD = struct.Struct("<qI")  # a record: source index, length of the packed result, then the result


class Spill:
    """(claim, source index) -> SourceResult in a temporary file. Records are appended as results
    come (a write each, no database); what stays in memory is, per claim, where its records start
    and how long they are: 12 bytes a result. Reading preads each record (no memory map: a mapped
    file would count in the process's memory as the report reads it through)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="claimcheck-results-")  # noqa: SIM115 - lives with the spill
        self._size = 0
        self._starts: dict[int, array[int]] = {}
        self._sizes: dict[int, array[int]] = {}
        self._finalizer = weakref.finalize(self, self._file.close)

    def add(self, claim: int, source: int, result: SourceResult | bytes) -> None:
        """One result, or its ``pack`` (as a worker sent it)."""
        blob = result if isinstance(result, bytes) else pack(result)
        starts = self._starts.get(claim)
        if starts is None:
            starts = self._starts[claim] = array("q")
            self._sizes[claim] = array("I")
        record = _HEAD.pack(source, len(blob)) + blob
        starts.append(self._size)
        self._sizes[claim].append(len(record))
        self._file.write(record)
        self._size += len(record)

    def add_all(self, claim: int, results: Iterable[tuple[int, SourceResult | bytes]]) -> None:
        for source, result in results:
            self.add(claim, source, result)

    def load(self, claim: int) -> dict[int, SourceResult]:
        """Source index -> result, for one claim (in the order the results came: source order)."""
        starts = self._starts.get(claim)
        if not starts:
            return {}
        file, head, skip = self._file, _HEAD.unpack_from, _HEAD.size
        file.flush()
        read = functools.partial(os.pread, file.fileno()) if hasattr(os, "pread") else self._read
        out: dict[int, SourceResult] = {}
        for at, size in zip(starts, self._sizes[claim], strict=True):
            record = read(size, at)
            out[head(record)[0]] = unpack(record[skip:])
        return out

    def _read(self, size: int, at: int) -> bytes:
        """``os.pread`` where there is none (Windows)."""
        self._file.seek(at)
        record = self._file.read(size)
        self._file.seek(self._size)  # appends go on at the end
        return record


def unpacked(found: Mapping[int, SourceResult | bytes]) -> dict[int, SourceResult]:
    """Source index -> result, unpacking the results held as bytes."""
    return {i: r if isinstance(r, SourceResult) else unpack(r) for i, r in found.items()}


VERDICTS = {v.value: v for v in Verdict}  # a verdict's word -> the verdict
_RELATIONS = {r.value: r for r in Relation}
_STANCES = {s.value: s for s in Stance}


def pack(result: SourceResult) -> bytes:
    """A result as bytes, for another process of this run or the spill: its fields as plain values
    (marshal: a few µs each way, where pickling the objects costs 4-15). An evidence path equal to
    the result's is left out. Not for storing across Python versions: the cache pickles."""
    # ``_value_``: the plain attribute behind an enum's ``value`` property, at a third of its cost
    return marshal.dumps(
        (
            result.path,
            result.verdict._value_,
            result.error,
            result.accepted,
            tuple(
                (
                    "" if e.path == result.path else e.path,
                    e.line,
                    e.column,
                    e.text,
                    e.relation._value_,
                    e.stance._value_,
                    e.quantity,
                    e.claim_quantity,
                    e.reason,
                    e.score,
                    e.start,
                    e.end,
                    e.part,
                )
                for e in result.evidence
            ),
        )
    )


def unpack(blob: bytes) -> SourceResult:
    path, verdict, error, accepted, evidence = marshal.loads(blob)  # noqa: S302 - packed by this run
    items = tuple(
        Evidence(
            e_path or path,
            line,
            column,
            text,
            _RELATIONS[relation],
            _STANCES[stance],
            q,
            cq,
            reason,
            score,
            start,
            end,
            part,
        )
        for e_path, line, column, text, relation, stance, q, cq, reason, score, start, end, part in evidence
    )
    return SourceResult(path, VERDICTS[verdict], items, error, accepted)
