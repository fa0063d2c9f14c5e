"""Results of a large run kept on disk: a temporary SQLite file written as sources are judged and
read back a claim at a time when the report is written, so memory does not grow with the archive.

A run holds its results in memory until there are ``SPILL_AFTER_RESULTS`` of them (most runs never
get there); then they all move here. The file is deleted when the run's report is no longer used.
"""

from __future__ import annotations

import marshal
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Mapping
from pathlib import Path

from .model import Evidence, Relation, SourceResult, Stance, Verdict

SPILL_AFTER_RESULTS = 200_000  # (claim, source) results held in memory before they go to disk
BATCH = 5_000  # rows written per statement


class Spill:
    """(claim, source index) -> SourceResult in a temporary SQLite file."""

    def __init__(self) -> None:
        folder = tempfile.TemporaryDirectory(prefix="claimcheck-results-")
        self._db = sqlite3.connect(Path(folder.name) / "results.sqlite", check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE results (claim INTEGER, source INTEGER, result BLOB)")
        self._pending: list[tuple[int, int, bytes]] = []
        self._indexed = False
        self._finalizer = weakref.finalize(self, _close, self._db, folder)

    def add(self, claim: int, source: int, result: SourceResult | bytes) -> None:
        """One result, or its ``pack`` (as a worker sent it)."""
        self._pending.append((claim, source, result if isinstance(result, bytes) else pack(result)))
        if len(self._pending) >= BATCH:
            self._flush()

    def add_all(self, claim: int, results: Iterable[tuple[int, SourceResult | bytes]]) -> None:
        for source, result in results:
            self.add(claim, source, result)

    def _flush(self) -> None:
        if self._pending:
            self._db.executemany("INSERT INTO results VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def load(self, claim: int) -> dict[int, SourceResult]:
        """Source index -> result, for one claim."""
        if not self._indexed:
            self._flush()
            self._db.execute("CREATE INDEX by_claim ON results (claim, source)")
            self._db.commit()
            self._indexed = True
        rows = self._db.execute("SELECT source, result FROM results WHERE claim = ? ORDER BY source", (claim,))
        return {source: unpack(blob) for source, blob in rows}


def unpacked(found: Mapping[int, SourceResult | bytes]) -> dict[int, SourceResult]:
    """Source index -> result, unpacking the results held as bytes."""
    return {i: r if isinstance(r, SourceResult) else unpack(r) for i, r in found.items()}


_VERDICTS = {v.value: v for v in Verdict}
_RELATIONS = {r.value: r for r in Relation}
_STANCES = {s.value: s for s in Stance}


def pack(result: SourceResult) -> bytes:
    """A result as bytes, for another process of this run or the spill: its fields as plain values
    (marshal: a few µs each way, where pickling the objects costs 4-15). An evidence path equal to
    the result's is left out. Not for storing across Python versions: the cache pickles."""
    return marshal.dumps((result.path, result.verdict.value, result.error, result.accepted, tuple(
        ("" if e.path == result.path else e.path, e.line, e.column, e.text, e.relation.value, e.stance.value,
         e.quantity, e.claim_quantity, e.reason, e.score, e.start, e.end) for e in result.evidence)))


def unpack(blob: bytes) -> SourceResult:
    path, verdict, error, accepted, evidence = marshal.loads(blob)  # noqa: S302 - packed by this run
    items = tuple(
        Evidence(e_path or path, line, column, text, _RELATIONS[relation], _STANCES[stance], q, cq, reason, score,
                 start, end)
        for e_path, line, column, text, relation, stance, q, cq, reason, score, start, end in evidence)
    return SourceResult(path, _VERDICTS[verdict], items, error, accepted)


def _close(db: sqlite3.Connection, folder: tempfile.TemporaryDirectory[str]) -> None:
    db.close()
    folder.cleanup()
