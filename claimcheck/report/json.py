"""JSON formatter: one object per run, the contract shell pipelines read. Keys may be added, never
removed or renamed. Sample::

    {"version": "0.1.0", "verdict": "mixed",
     "summary": {"agree": 1, "disagree": 0, "mixed": 1, "silent": 0},
     "claims": [{"id": "arrests-total", "text": "1,386 arrested in 38 cities", "verdict": "mixed",
                 "path": "rules/seeds.yaml", "line": 3,
                 "sources": [{"path": "seeds/a.txt", "verdict": "agree", "error": "", "accepted": "",
                              "evidence": [{"line": 23, "column": 1, "text": "More than 1,300 ...",
                                            "relation": "supports", "stance": "reported",
                                            "quantity": "More than 1,300", "claim_quantity": "1,386",
                                            "reason": "1,386 lies within 'More than 1,300' (1,300–1,950)",
                                            "score": 0.6, "start": 1911, "end": 2011}]}]}],
     "sources": ["seeds/a.txt"], "errors": [], "silent_omitted": false}

Each claim lists every source, silent ones too, unless the run was asked to omit them
(``--omit-silent``: then ``silent_omitted`` is true and a source missing under a claim is silent on it).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, TextIO

from ..model import (
    Claim,
    ClaimResult,
    Considered,
    Evidence,
    Quantity,
    Report,
    SourceResult,
    SourceResults,
    Verdict,
    part_fields,
)
from ..quantities import plausible_bounds
from ..version import __version__


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    """One quantity as the ``claimcheck numbers --json`` object (offsets are Python str offsets, end
    exclusive). ``figure`` is false for what is not a count (a year, a date, an ordinal); for a figure,
    ``interval`` is what verify compares a claim with ([1300, 1950] for "more than 1,300"; null for
    an open end), ``value`` the logical bounds."""
    value: Any
    if q.lo == q.hi == q.value and not (q.lo_open or q.hi_open):
        value = q.value
    else:
        value = {"lo": q.lo, "hi": q.hi, "stated": q.value}
    interval = [None if math.isinf(x) else x for x in plausible_bounds(q)] if q.is_figure else None
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "value": value,
        "kind": str(q.kind),
        "hedge": q.hedge,
        "unit": q.unit,
        "counted": q.counted,
        "scale": q.scale,
        "figure": q.is_figure,
        "interval": interval,
    }


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    """Evidence as JSON. From a PDF or Word source it also has ``part`` ("p14") and the keys that
    part stands for: ``page`` (PDF), ``paragraph`` or ``table``/``row``/``cell`` (Word); its line
    and column are then counted within that page, paragraph or cell."""
    out = {
        "line": e.line,
        "column": e.column,
        "text": e.text,
        "relation": e.relation.value,
        "stance": e.stance.value,
        "quantity": e.quantity,
        "claim_quantity": e.claim_quantity,
        "reason": e.reason,
        "score": e.score,
        "start": e.start,
        "end": e.end,
    }
    if e.part:
        out["part"] = e.part
        out.update(part_fields(e.part))
    return out


def explanation_to_dict(claim: Claim, considered: Sequence[tuple[str, Considered]]) -> dict[str, Any]:
    """``verify --explain ID --format json``: the claim and every passage considered, with the decision::

    {"id": "towns", "text": "Flooding hit 38 towns", "path": "rules/claims.yaml", "line": 2,
     "considered": [{"path": "docs/b.txt", "line": 3, "column": 5, "quantity": "over 40",
                     "decision": "contradicts", "reason": "'over 40' excludes 38", "text": "..."}]}
    """
    return {
        "id": claim.id,
        "text": claim.text,
        "path": claim.path,
        "line": claim.line,
        "considered": [
            {
                "path": path,
                "line": c.line,
                "column": c.column,
                "quantity": c.quantity,
                "decision": c.decision,
                "check": c.check,
                "reason": c.reason,
                "text": c.text,
            }
            for path, c in considered
        ],
    }


def source_to_dict(s: SourceResult) -> dict[str, Any]:
    return {
        "path": s.path,
        "verdict": s.verdict.value,
        "error": s.error,
        "accepted": s.accepted,
        "evidence": [evidence_to_dict(e) for e in s.evidence],
    }


def claim_to_dict(c: ClaimResult) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "verdict": str(c.verdict),
        "path": c.path,
        "line": c.line,
        "sources": [source_to_dict(s) for s in c.sources],
    }


def summary(report: Report) -> dict[str, int]:
    counts = {str(v): 0 for v in Verdict}
    for c in report.claims:
        counts[str(c.verdict)] += 1
    return counts


def _around_claims(report: Report) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys before and after ``claims``, in document order."""
    head = {"version": __version__, "verdict": str(report.verdict), "summary": summary(report)}
    tail = {"sources": list(report.sources), "errors": list(report.errors), "silent_omitted": report.silent_omitted}
    return head, tail


def report_to_dict(report: Report) -> dict[str, Any]:
    head, tail = _around_claims(report)
    return {**head, "claims": [claim_to_dict(c) for c in report.claims], **tail}


INDENT_MAX_ENTRIES = 10_000  # claim x source entries up to which the document is indented for people
INDENT = 2  # spaces per level of an indented document
WRITE_CHARS = 1 << 16  # characters gathered before one write to the stream (a longer piece goes alone)


class _Layout:
    """Writes values as ``json.dumps(value, ensure_ascii=False, indent=indent)`` lays them out at a
    given depth, so that a document written piece by piece reads exactly as if dumped whole."""

    def __init__(self, indent: int | None) -> None:
        self.indent = indent
        self.item_separator = "," if indent is not None else ", "
        self.encode = json.JSONEncoder(ensure_ascii=False, indent=indent).encode
        self.silent: dict[str, str] = {}  # source path -> its silent entry under a claim

    def newline(self, depth: int) -> str:
        return "" if self.indent is None else "\n" + " " * (self.indent * depth)

    def value(self, obj: Any, depth: int) -> str:
        # JSON escapes every newline inside a string, so each newline is where the encoder indented
        text = self.encode(obj)
        return text if self.indent is None or not depth else text.replace("\n", self.newline(depth))

    def container(self, brackets: str, items: Iterable[Iterable[str]], depth: int) -> Iterator[str]:
        """An array or object (``brackets`` "[]" or "{}") of items written as pieces."""
        first = True
        for item in items:
            yield (brackets[0] if first else self.item_separator) + self.newline(depth + 1)
            yield from item
            first = False
        yield brackets if first else self.newline(depth) + brackets[1]

    def members(self, obj: dict[str, Any], depth: int) -> Iterator[tuple[str]]:
        for key, value in obj.items():
            yield (f"{self.encode(key)}: {self.value(value, depth + 1)}",)

    def source(self, s: SourceResult, depth: int) -> tuple[str]:
        return (self.value(source_to_dict(s), depth),)

    def silent_source(self, path: str, depth: int) -> tuple[str]:
        """The entry of a source silent on a claim: the same for every claim, so made once per path."""
        text = self.silent.get(path)
        if text is None:
            text = self.silent[path] = self.value(source_to_dict(SourceResult(path, Verdict.SILENT)), depth)
        return (text,)

    def sources(self, sources: Sequence[SourceResult], depth: int) -> Iterable[str]:
        """A claim's ``sources`` array. Held sparsely, with every source listed, it is written a source
        at a time, a silent one from its path; otherwise (results as found) in one call to the encoder."""
        if not isinstance(sources, SourceResults) or sources.only_found:
            return (self.value([source_to_dict(s) for s in sources], depth),)
        found = sources.found()
        items = (
            self.silent_source(path, depth + 1) if found.get(i) is None else self.source(found[i], depth + 1)
            for i, path in enumerate(sources.paths)
        )
        return self.container("[]", items, depth)

    def claim(self, c: ClaimResult, depth: int) -> Iterator[str]:
        head = {"id": c.id, "text": c.text, "verdict": str(c.verdict), "path": c.path, "line": c.line}
        sources = chain((f"{self.encode('sources')}: ",), self.sources(c.sources, depth + 1))
        return self.container("{}", [*self.members(head, depth), sources], depth)

    def report(self, report: Report) -> Iterator[str]:
        head, tail = _around_claims(report)
        claims = chain(
            (f"{self.encode('claims')}: ",), self.container("[]", (self.claim(c, 2) for c in report.claims), 1)
        )
        return self.container("{}", [*self.members(head, 0), claims, *self.members(tail, 0)], 0)


def render(report: Report, stream: TextIO) -> None:
    """One JSON document, the same as ``json.dumps(report_to_dict(report))``, written some 64 KiB at
    a time so that neither the whole dict nor its text is ever held. Indented for reading,
    except for large runs, where Python's indenting encoder is ten times slower than its compact one."""
    entries = sum(len(c.sources) for c in report.claims)
    layout = _Layout(INDENT if entries <= INDENT_MAX_ENTRIES else None)
    pieces: list[str] = []
    gathered = 0
    for piece in layout.report(report):
        if len(piece) >= WRITE_CHARS:  # a claim's results, written without copying them once more
            stream.write("".join(pieces))
            stream.write(piece)
            pieces.clear()
            gathered = 0
            continue
        pieces.append(piece)
        gathered += len(piece)
        if gathered >= WRITE_CHARS:
            stream.write("".join(pieces))
            pieces.clear()
            gathered = 0
    stream.write("".join(pieces) + "\n")
