"""Stage 7, report: formatters that write a Report to a stream. One explicit registry; ``--format``
is built from its keys. Each formatter module has ``render(report, stream) -> None``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..model import Report
from . import github, html, jsonl, markdown, sarif, table
from . import json as json_format

Formatter = Callable[[Report, TextIO], None]

FORMATTERS: dict[str, Formatter] = {
    "table": table.render,
    "json": json_format.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
    "markdown": markdown.render,
    "html": html.render,
}


def render(report: Report, fmt: str, stream: TextIO) -> None:
    FORMATTERS[fmt](report, stream)


def contradictions_only(report: Report) -> Report:
    """The report cut to what fails a run (``--quiet``): claims that some source contradicts without
    being accepted (in the rules or a baseline), and only their unaccepted contradicting evidence."""
    from dataclasses import replace

    from ..model import Relation, SourceResult, Verdict

    def failing(s: SourceResult) -> bool:
        return s.verdict in (Verdict.DISAGREE, Verdict.MIXED) and not s.accepted

    def cut(s: SourceResult) -> SourceResult:
        kept = () if s.accepted else tuple(e for e in s.evidence if e.relation is Relation.CONTRADICTS)
        return replace(s, evidence=kept)

    claims = tuple(c.map_found(cut) for c in report.claims if any(failing(s) for s in c.found()))
    return replace(report, claims=claims)
