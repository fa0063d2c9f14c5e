"""Table formatter (Rich): a row per claim with its verdict, a column per source (or counts when
there are many sources), then the evidence behind every non-silent cell, located as path:line:col
(path:p14:line:col on page 14 of a PDF, path:para12:line:col in paragraph 12 of a Word document).
Verdict words are always printed, so the table reads the same without colour. Sample::

    claim           verdict  000_bfd8….txt  001_94df….txt  002_8881….txt
    arrests-total   mixed    agree          mixed          agree

    arrests-total: 1,386 arrested in 38 cities
      seeds/000_bfd8b0a1d68bdccd.txt:23:1  supports (reported)  1,386 lies within 'More than 1,300' (1,300–1,950)
          More than 1,300 protesters were taken into custody and some were then ordered to report for muster, ...
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import PurePath
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from ..model import Claim, ClaimResult, Considered, Quantity, Relation, Report, SourceResult, Verdict, located
from ..quantities import plausible_bounds

STYLE = {
    Verdict.AGREE: "green",
    Verdict.DISAGREE: "bold red",
    Verdict.MIXED: "yellow",
    Verdict.SILENT: "dim",
}
MAX_SOURCE_COLUMNS = 6  # more sources than this are summed into counts per verdict
PIPED_WIDTH = 100  # columns when the output is not a terminal (a file, a pipe, a CI log)
QUOTE_INDENT = 6  # a quoted sentence is printed under its location, indented this much


def _console(stream: TextIO) -> Console:
    """Fits the terminal (Rich reads its width, or COLUMNS); PIPED_WIDTH when not a terminal."""
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(
        file=stream,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        width=None if is_tty or os.environ.get("COLUMNS") else PIPED_WIDTH,
        soft_wrap=False,
        highlight=False,
        emoji=False,
    )


def quote(text: str, width: int, focus: str = "") -> str:
    """``text`` on one line of at most ``width`` characters: cut with "…" where it is too long,
    keeping ``focus`` (the figure compared) in view. A quote is never wrapped across lines."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    width = max(width, 10)
    at = text.find(focus) if focus else -1
    if at < 0 or at + len(focus) <= width - 1:
        return text[: width - 1] + "…"
    start = min(max(0, at - width // 3), len(text) - (width - 2))
    if start + width - 2 >= len(text):
        return "…" + text[len(text) - (width - 1) :]
    return "…" + text[start : start + width - 2] + "…"


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
            where = located(s.path, e.line, e.column, e.part)
            console.print(
                Padding(
                    f"{escape(where)}  [{colour}]{e.relation.value}[/] ({e.stance.value})  {escape(e.reason)}",
                    (0, 0, 0, 2),  # a long reason wraps under its location, never at the margin
                    expand=False,
                ),
                overflow="fold",
            )
            cut = quote(e.text, console.width - QUOTE_INDENT, e.quantity)
            console.print(" " * QUOTE_INDENT + f"[italic]{escape(cut)}[/]", overflow="ellipsis", no_wrap=True)


def render_explanation(claim: Claim, considered: Sequence[tuple[str, Considered]], stream: TextIO) -> None:
    """``verify --explain ID``: every passage considered for one claim, where, and what was decided."""
    console = _console(stream)
    console.print(f"[bold]{escape(claim.id)}[/]: {escape(' '.join(claim.text.split()))}", overflow="fold")
    if not considered:
        console.print("  no passage shares a word with the claim")
    for path, c in considered:
        figure = " " + escape(f"[{c.quantity}]") if c.quantity else ""
        decision = f"{c.decision} by {c.check}" if c.check else c.decision
        located = f"{escape(path)}:{c.line}:{c.column}{figure} {decision}: {escape(c.reason)}"
        console.print(Padding(located, (0, 0, 0, 2), expand=False), overflow="fold")
        if c.text:
            shown = quote(c.text, console.width - QUOTE_INDENT, c.quantity)
            console.print(" " * QUOTE_INDENT + escape(shown), overflow="ellipsis", no_wrap=True)


def number(x: float) -> str:
    """A bound as verify's reasons write it: 1,950, 0.5, ∞."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}"


def intervals(q: Quantity) -> tuple[str, str]:
    """(interval, limits) of a figure as ``numbers`` shows them: the interval verify compares a claim
    figure with ("More than 1,300" -> 1,300–1,950: a claim inside it is supported), and, when they
    differ, the limits a claim figure must fall outside to be contradicted ("(1,300, ∞)"). A number
    that is not a figure (a year, a date, an ordinal) is marked as such."""
    if not q.is_figure:
        return f"not a count ({q.kind})", ""
    lo, hi = plausible_bounds(q)
    interval = number(lo) if lo == hi else f"{number(lo)}–{number(hi)}"
    low, high = q.bounds()
    if (low, high) == (lo, hi):
        return interval, ""
    left = "(" if q.lo_open or math.isinf(low) else "["
    right = ")" if q.hi_open or math.isinf(high) else "]"
    return interval, f"{left}{number(low)}, {number(high)}{right}"


def render_numbers(quantities: list[Quantity], stream: TextIO) -> None:
    """The numbers found in a text, one row each (``claimcheck numbers``)."""
    console = _console(stream)
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for name in ("span", "text", "kind", "hedge", "interval", "limits", "unit", "counted"):
        table.add_column(name, overflow="fold")
    for q in quantities:
        interval, limits = intervals(q)
        span = f"{q.start}-{q.end}"
        table.add_row(span, escape(q.text), str(q.kind), q.hedge, interval, limits, escape(q.unit), escape(q.counted))
    console.print(table)
