"""Table formatter (Rich): a row per claim with its verdict, a column per source (or counts when
there are many sources), then the evidence behind every non-silent cell, located as path:line:col.
Verdict words are always printed, so the table reads the same without colour. Sample::

    claim           verdict  000_bfd8….txt  001_94df….txt  002_8881….txt
    arrests-total   mixed    agree          mixed          agree

    arrests-total: 1,386 arrested in 38 cities
      seeds/000_bfd8b0a1d68bdccd.txt:23:1  supports (reported)  1,386 lies within 'More than 1,300' (1,300–1,950)
          More than 1,300 protesters were taken into custody and some were then ordered to report for muster, ...
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import ClaimResult, Quantity, Relation, Report, SourceResult, Verdict

STYLE = {
    Verdict.AGREE: "green",
    Verdict.DISAGREE: "bold red",
    Verdict.MIXED: "yellow",
    Verdict.SILENT: "dim",
}
MAX_SOURCE_COLUMNS = 6  # more sources than this are summed into counts per verdict
MAX_QUOTE_CHARS = 240  # evidence sentences longer than this are cut for the terminal


def _console(stream: TextIO) -> Console:
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(
        file=stream,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        width=None if is_tty else 160,
        soft_wrap=False,
        highlight=False,
        emoji=False,
    )


def short_names(paths: list[str]) -> list[str]:
    """File names, with parent folders added where two sources share a name."""
    names = [PurePath(p).name for p in paths]
    if len(set(names)) == len(names):
        return names
    return paths


def _cell(v: Verdict) -> str:
    return f"[{STYLE[v]}]{v.value}[/]"


def render(report: Report, stream: TextIO) -> None:
    console = _console(stream)
    claims = list(report.claims)
    if not claims and not report.errors:
        return
    console.print(_verdict_table(claims, list(report.sources)))
    for c in claims:
        _print_evidence(console, c)
    for err in report.errors:
        console.print(f"[bold red]{escape(err)}[/]")


def _verdict_table(claims: list[ClaimResult], paths: list[str]) -> Table:
    """One row per claim: its verdict, then each source's (or, for many sources, the counts)."""
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    table.add_column("claim", overflow="fold")
    table.add_column("verdict")
    many = len(paths) > MAX_SOURCE_COLUMNS
    if many:
        for v in Verdict:
            table.add_column(v.value, justify="right")
    else:
        for name in short_names(paths):
            table.add_column(escape(name), overflow="fold")
    for c in claims:
        if many:
            counts = c.counts()
            table.add_row(escape(c.id), _cell(c.verdict), *[str(counts[v]) for v in Verdict])
        else:
            by_path = {s.path: s for s in c.sources}
            table.add_row(escape(c.id), _cell(c.verdict), *[_source_cell(by_path.get(p)) for p in paths])
    return table


def _source_cell(s: SourceResult | None) -> str:
    if s is None:
        return ""
    if s.error:
        return "[bold red]error[/]"
    return _cell(s.verdict) + (" (accepted)" if s.accepted else "")


def _print_evidence(console: Console, c: ClaimResult) -> None:
    """The claim, then each piece of evidence of the sources that are not silent on it."""
    shown = [s for s in c.found() if s.evidence and s.verdict is not Verdict.SILENT]
    if not shown:
        return
    console.print()
    console.print(f"[bold]{escape(c.id)}[/]: {escape(c.text)}  ->  {_cell(c.verdict)}")
    for s in shown:
        for e in s.evidence:
            colour = "green" if e.relation is Relation.SUPPORTS else "red"
            quote = e.text if len(e.text) <= MAX_QUOTE_CHARS else e.text[: MAX_QUOTE_CHARS - 1] + "…"
            console.print(
                f"  {escape(s.path)}:{e.line}:{e.column}  [{colour}]{e.relation.value}[/] ({e.stance.value})  "
                f"{escape(e.reason)}",
                overflow="fold",
            )
            console.print(f"      [italic]{escape(quote)}[/]", overflow="fold")


def render_numbers(quantities: list[Quantity], stream: TextIO) -> None:
    """The numbers found in a text, one row each (``claimcheck numbers``)."""
    console = _console(stream)
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for name in ("span", "text", "kind", "hedge", "interval", "unit", "counted"):
        table.add_column(name, overflow="fold")
    for q in quantities:
        lo = "-∞" if q.lo is None else f"{q.lo:,.10g}"
        hi = "∞" if q.hi is None else f"{q.hi:,.10g}"
        left = "(" if q.lo_open or q.lo is None else "["
        right = ")" if q.hi_open or q.hi is None else "]"
        interval = f"{left}{lo}, {hi}{right}"
        table.add_row(
            f"{q.start}-{q.end}", escape(q.text), str(q.kind), q.hedge, interval, escape(q.unit), escape(q.counted)
        )
    console.print(table)
