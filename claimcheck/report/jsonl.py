"""JSON Lines formatter, for ``jq`` and streaming: one object per claim x source, in report order,
each on its own line with the claim, both verdicts and that source's evidence. Sample::

    {"claim": "towns", "text": "Flooding hit 38 towns", "claim_verdict": "mixed", "path": "docs/a.txt",
     "verdict": "agree", "accepted": "", "error": "", "evidence": [{"line": 1, "column": 1, ...}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from ..model import Report
from .json import evidence_to_dict


def rows(report: Report) -> Iterator[dict[str, Any]]:
    for c in report.claims:
        for s in c.sources:
            yield {
                "claim": c.id,
                "text": c.text,
                "claim_verdict": str(c.verdict),
                "path": s.path,
                "verdict": str(s.verdict),
                "accepted": s.accepted,
                "error": s.error,
                "evidence": [evidence_to_dict(e) for e in s.evidence],
            }


def render(report: Report, stream: TextIO) -> None:
    for row in rows(report):
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
