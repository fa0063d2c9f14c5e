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
from typing import Any, TextIO

from ..model import ClaimResult, Evidence, Quantity, Report, SourceResult, Verdict
from ..version import __version__


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    """One quantity as the ``claimcheck numbers --json`` object (offsets are Python str offsets, end exclusive)."""
    value: Any
    if q.lo == q.hi == q.value and not (q.lo_open or q.hi_open):
        value = q.value
    else:
        value = {"lo": q.lo, "hi": q.hi, "stated": q.value}
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
    }


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    return {
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


def render(report: Report, stream: TextIO) -> None:
    """One JSON document, the same as ``json.dumps(report_to_dict(report))``, written a claim at a
    time so a large report is never held as one string. Indented for reading, except for large runs,
    where Python's indenting encoder is ten times slower than its compact one."""
    entries = sum(len(c.sources) for c in report.claims)
    if entries <= INDENT_MAX_ENTRIES:
        stream.write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
        stream.write("\n")
        return
    head, tail = _around_claims(report)
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "claims": [')
    for n, c in enumerate(report.claims):
        stream.write((", " if n else "") + json.dumps(claim_to_dict(c), ensure_ascii=False))
    stream.write("], " + json.dumps(tail, ensure_ascii=False)[1:] + "\n")
