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
    """The report cut to claims that some source contradicts, and to contradicting evidence (``--quiet``)."""
    from dataclasses import replace

    from ..model import Relation, Verdict

    claims = tuple(
        c.map_found(lambda s: replace(s, evidence=tuple(e for e in s.evidence if e.relation is Relation.CONTRADICTS)))
        for c in report.claims
        if c.verdict in (Verdict.DISAGREE, Verdict.MIXED)
    )
    return replace(report, claims=claims)
