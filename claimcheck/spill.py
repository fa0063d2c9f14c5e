"""Results of a large run kept on disk: a temporary file written as sources are judged and read back
a claim at a time when the report is written, so memory grows by the chunks' places, not by the
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
CHUNK_BYTES = 1 << 16  # a claim's records gathered before they are written, together, as one chunk
PENDING_BYTES = 32 << 20  # records gathered for all claims at most, before every claim's are written
_HEAD = struct.Struct("<qI")  # a record: source index, length of the packed result, then the result


class Spill:
    """(claim, source index) -> SourceResult in a temporary file. A claim's records are gathered in
    memory and written together, a chunk at a time (``CHUNK_BYTES``; every claim's once
    ``PENDING_BYTES`` are waiting), so that reading a claim back takes a read per chunk, not per
    result; what stays in memory is where each chunk starts and how long it is. Reading preads
    (no memory map: a mapped file would count in the process's memory as the report reads it through)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="claimcheck-results-")  # noqa: SIM115 - lives with the spill
        self._size = 0
        self._starts: dict[int, array[int]] = {}
        self._sizes: dict[int, array[int]] = {}
        self._pending: dict[int, list[bytes]] = {}  # claim -> records not yet written
        self._pending_sizes: dict[int, int] = {}
        self._pending_total = 0
        self._finalizer = weakref.finalize(self, self._file.close)

    def add(self, claim: int, source: int, result: SourceResult | bytes) -> None:
        """One result, or its ``pack`` (as a worker sent it)."""
        blob = result if isinstance(result, bytes) else pack(result)
        record = _HEAD.pack(source, len(blob)) + blob
        pending = self._pending.get(claim)
        if pending is None:
            pending = self._pending[claim] = []
            self._pending_sizes[claim] = 0
        pending.append(record)
        self._pending_sizes[claim] += len(record)
        self._pending_total += len(record)
        if self._pending_sizes[claim] >= CHUNK_BYTES:
            self._write(claim)
        elif self._pending_total >= PENDING_BYTES:
            for waiting in list(self._pending):
                self._write(waiting)

    def _write(self, claim: int) -> None:
        """Write the records gathered for ``claim`` as one chunk."""
        records = self._pending.pop(claim, None)
        if not records:
            return
        size = self._pending_sizes.pop(claim)
        self._pending_total -= size
        starts = self._starts.get(claim)
        if starts is None:
            starts = self._starts[claim] = array("q")
            self._sizes[claim] = array("I")  # a chunk: CHUNK_BYTES and a record at most
        starts.append(self._size)
        self._sizes[claim].append(size)
        self._file.write(b"".join(records))
        self._size += size

    def add_all(self, claim: int, results: Iterable[tuple[int, SourceResult | bytes]]) -> None:
        for source, result in results:
            self.add(claim, source, result)

    def load(self, claim: int) -> dict[int, SourceResult]:
        """Source index -> result, for one claim (in the order the results came: source order). Its
        records still gathered in memory are written first."""
        self._write(claim)
        starts = self._starts.get(claim)
        if not starts:
            return {}
        file, head, skip = self._file, _HEAD.unpack_from, _HEAD.size
        file.flush()
        read = functools.partial(os.pread, file.fileno()) if hasattr(os, "pread") else self._read
        out: dict[int, SourceResult] = {}
        for at, size in zip(starts, self._sizes[claim], strict=True):
            chunk = read(size, at)
            pos = 0
            while pos < size:
                source, length = head(chunk, pos)
                pos += skip
                out[source] = unpack(chunk[pos : pos + length])
                pos += length
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
