"""Markdown formatter, for pull-request comments: a summary line, a table with a row per claim and
its verdict counts across sources, then each contradiction with its location, reason and quote.
Sample::

    **claimcheck**: 1 claim: 1 mixed. 1 contradiction.

    | claim | verdict | agree | disagree | mixed | silent | text |
    |---|---|---:|---:|---:|---:|---|
    | `towns` | **mixed** | 1 | 1 | 0 | 0 | Flooding hit 38 towns |

    - `towns` disagree `docs/b.txt:1:1`: 38 excludes 'over 40' ...
      > Officials said flooding hit over 40 towns.
"""

from __future__ import annotations

from typing import TextIO

from ..baseline import contradictions
from ..model import Report, Verdict, located

MAX_QUOTE_CHARS = 300  # a PR comment quotes at most this much of a sentence


def cell(text: str) -> str:
    """Text safe inside a table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _verdict(v: Verdict) -> str:
    return f"**{v.value}**" if v in (Verdict.DISAGREE, Verdict.MIXED) else v.value


def render(report: Report, stream: TextIO) -> None:
    claims = report.claims
    counts = {v: sum(1 for c in claims if c.verdict is v) for v in Verdict}
    found = [(c, s, e) for c in claims for s in c.found() for e in contradictions(s)]
    accepted = sum(1 for _, s, _ in found if s.accepted)
    by_verdict = ", ".join(f"{n} {v.value}" for v, n in counts.items() if n)
    summary = f"**claimcheck**: {len(claims)} claim{'s' * (len(claims) != 1)}"
    summary += f": {by_verdict}." if by_verdict else "."
    summary += f" {len(found)} contradiction{'s' * (len(found) != 1)}"
    summary += f" ({accepted} accepted)." if accepted else "."
    out = [summary, ""]
    if claims:
        out += ["| claim | verdict | agree | disagree | mixed | silent | text |", "|---|---|---:|---:|---:|---:|---|"]
        for c in claims:
            per = c.counts()
            n = [str(per[v]) for v in (Verdict.AGREE, Verdict.DISAGREE, Verdict.MIXED, Verdict.SILENT)]
            out.append(f"| `{cell(c.id)}` | {_verdict(c.verdict)} | {' | '.join(n)} | {cell(c.text)} |")
        out.append("")
    for c, s, e in found:
        note = f" (accepted: {cell(s.accepted)})" if s.accepted else ""
        quote = cell(e.text)
        if len(quote) > MAX_QUOTE_CHARS:
            quote = quote[: MAX_QUOTE_CHARS - 1] + "…"
        where = cell(located(s.path, e.line, e.column, e.part))
        out.append(f"- `{cell(c.id)}` {s.verdict.value} `{where}`: {cell(e.reason)}{note}")
        out.append(f"  > {quote}")
    if found:
        out.append("")
    for err in report.errors:
        out.append(f"- error: {cell(err)}")
    stream.write("\n".join(out).rstrip("\n") + "\n")
