"""HTML formatter: one self-contained page for people (no network, no external assets): a claims x
sources matrix marked by verdict in colour, symbol and word; each claim's evidence; each source's
text (or, for a large run, its evidence passages in context) with the evidence highlighted and
linked both ways. Every text from rules and sources is escaped, and a Content-Security-Policy lets
only the page's own style and script run. Sample::

    <!doctype html>
    <html lang="en">
    <head><meta charset="utf-8"> ... <title>claimcheck: 1 claim × 2 sources: mixed</title> ...
    <table class="matrix" id="matrix-table" data-page-rows="50"> ...
      <tr id="m-0" data-claim="0" data-verdict="mixed" data-contra="1">
        <th scope="row"><a href="#c-0">towns<span class="ct">Flooding hit 38 towns</span></a></th>
        <td class="v-mixed"><a href="#c-0"><i aria-hidden="true">±</i> mixed</a></td>
        <td class="v-agree"><a href="#e-0-0"><i aria-hidden="true">✓</i> agree</a></td>
        <td class="v-disagree"><a href="#e-0-1"><i aria-hidden="true">✗</i> disagree</a></td></tr> ...
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import PurePath
from typing import TextIO

from ..model import ClaimResult, Evidence, Relation, Report, SourceResult, Verdict, located
from ..version import __version__
from .html_sources import RELATION_SYMBOL, Passage, Shown, TextReader, e, highlighted, read_text, source_texts, sym
from .json import summary

SYMBOL = {Verdict.AGREE: "✓", Verdict.DISAGREE: "✗", Verdict.MIXED: "±", Verdict.SILENT: "–"}
ORDER = (Verdict.DISAGREE, Verdict.MIXED, Verdict.AGREE, Verdict.SILENT)  # the order counts are shown in
MATRIX_MAX_SOURCES = 40  # more sources than this: the matrix shows counts and the sources that speak
MATRIX_MAX_CHIPS = 12  # sources named in a row of the collapsed matrix
PAGE_ROWS = 50  # matrix rows per page (the script pages; printed and without script, all rows show)
# Evidence shown under a claim: from at most this many sources, contradicting ones first; on a large
# run fewer, so that the page holds about PAGE_MAX_SOURCE_RESULTS in all (about 1 KB of page each).
MAX_SOURCES_PER_CLAIM = 100
MIN_SOURCES_PER_CLAIM = 3
PAGE_MAX_SOURCE_RESULTS = 4_000
MAX_EVIDENCE_PER_SOURCE = 20  # evidence items shown for one claim in one source
MAX_SILENT_NAMED = 10  # silent sources named under a claim


def _asset(name: str) -> str:
    return (files("claimcheck.report") / "assets" / name).read_text(encoding="utf-8")


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def short_names(paths: Sequence[str]) -> list[str]:
    """File names, or whole paths where two sources share a name."""
    names = [PurePath(p).name for p in paths]
    return names if len(set(names)) == len(names) else list(paths)


def _badge(v: Verdict, extra: str = "") -> str:
    return f'<span class="verdict v-{v.value}">{sym(SYMBOL[v])} {v.value}{extra}</span>'


@dataclass
class _Page:
    report: Report
    index: dict[str, int]  # source path -> column
    shown: list[list[tuple[SourceResult, int, list[Shown]]]]  # per claim: its sources shown
    omitted: list[dict[Verdict, int]]  # per claim: sources with evidence left out, by verdict
    by_source: list[list[Shown]]  # per source: the evidence items shown that come from it
    passages: list[list[Passage]]  # per source: the passages highlighted, each item linked to its own
    failed: dict[int, str]  # source -> why it could not be read (--keep-going)


def sources_per_claim(n_claims: int) -> int:
    """How many sources a claim shows the evidence of, on a page of ``n_claims`` claims."""
    return max(MIN_SOURCES_PER_CLAIM, min(MAX_SOURCES_PER_CLAIM, PAGE_MAX_SOURCE_RESULTS // max(1, n_claims)))


def _plan(report: Report) -> _Page:
    index: dict[str, int] = {}
    for i, path in enumerate(report.sources):
        index.setdefault(path, i)
    rank = {Verdict.DISAGREE: 0, Verdict.MIXED: 1, Verdict.AGREE: 2, Verdict.SILENT: 3}
    shown: list[list[tuple[SourceResult, int, list[Shown]]]] = []
    omitted: list[dict[Verdict, int]] = []
    per_claim = sources_per_claim(len(report.claims))
    by_source: list[list[Shown]] = [[] for _ in report.sources]
    for c, claim in enumerate(report.claims):
        found = [s for s in claim.found() if s.path in index]
        found.sort(key=lambda s: (rank[s.verdict] if not s.error else -1, index[s.path]))
        keep = found[:per_claim]
        left: dict[Verdict, int] = {}
        for s in found[per_claim:]:
            left[s.verdict] = left.get(s.verdict, 0) + 1
        omitted.append(left)
        row = []
        for s in sorted(keep, key=lambda s: index[s.path]):
            col = index[s.path]
            items = [Shown(c, col, n, ev) for n, ev in enumerate(s.evidence[:MAX_EVIDENCE_PER_SOURCE])]
            by_source[col].extend(items)
            row.append((s, col, items))
        shown.append(row)
    passages = [highlighted(items) for items in by_source]
    for col, spans in enumerate(passages):
        for n, p in enumerate(spans):
            for item in p.items:
                item.passage = f"p-{col}-{n}"
    failed = {col: s.error for row in shown for s, col, _ in row if s.error}
    return _Page(report, index, shown, omitted, by_source, passages, failed)


def render(report: Report, stream: TextIO, read: TextReader = read_text) -> None:
    """The page, written a section at a time. ``read(path)`` gives a source's text (None: not available)."""
    page = _plan(report)
    style, script = _asset("report.css"), _asset("report.js")
    csp = (
        f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    n_claims, n_sources = len(report.claims), len(report.sources)
    verdict = report.verdict
    title = (
        f"claimcheck: {n_claims} claim{'s' * (n_claims != 1)} × {n_sources} source{'s' * (n_sources != 1)}: "
        f"{verdict.value}"
    )
    stream.write(
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f'<meta name="generator" content="claimcheck {e(__version__)}">\n'
        f"<title>{e(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#matrix">Skip to the matrix</a>\n'
    )
    stream.write(_header(report, verdict))
    stream.write('<main>\n<section id="matrix" aria-labelledby="matrix-h">\n')
    stream.write('<h2 id="matrix-h">Claims × sources</h2>\n')
    stream.write(_filters(report))
    for chunk in _matrix(page):
        stream.write(chunk)
    stream.write(
        '<nav class="pager" id="pager" aria-label="Matrix pages" hidden>'
        '<button type="button" id="prev">‹ Previous</button> <span id="page-info" aria-live="polite"></span> '
        '<button type="button" id="next">Next ›</button></nav>\n</section>\n'
    )
    stream.write('<section id="claims" aria-labelledby="claims-h">\n<h2 id="claims-h">Claims and their evidence</h2>\n')
    for c, claim in enumerate(report.claims):
        stream.write(_claim(page, c, claim))
    stream.write("</section>\n")
    stream.write('<section id="sources" aria-labelledby="sources-h">\n<h2 id="sources-h">Sources</h2>\n')
    for chunk in source_texts(report, page.by_source, page.passages, page.failed, read):
        stream.write(chunk)
    stream.write(
        "</section>\n</main>\n"
        f"<footer><p>Made by claimcheck {e(__version__)}. Verdicts: "
        + " ".join(_badge(v) for v in ORDER)
        + ". Colour is never the only signal: each verdict also has its symbol and word.</p></footer>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _header(report: Report, verdict: Verdict) -> str:
    counts = summary(report)
    contradictions = sum(
        1
        for c in report.claims
        for s in c.found()
        for ev in s.evidence
        if ev.relation is Relation.CONTRADICTS and not s.accepted
    )
    n_claims, n_sources = len(report.claims), len(report.sources)
    pills = "".join(
        f'<li class="v-{v.value}{" zero" * (not counts[v.value])}">{sym(SYMBOL[v])} <b>{counts[v.value]:,}</b> '
        f"{v.value}</li>"
        for v in ORDER
    )
    out = [
        '<header class="top">\n<div class="title">\n<h1>claimcheck report</h1>\n',
        f'<p class="lede">{n_claims} claim{"s" * (n_claims != 1)} checked against '
        f"{n_sources} source{'s' * (n_sources != 1)}; "
        f"{contradictions} contradicting passage{'s' * (contradictions != 1)}.</p>\n</div>\n",
        f'<div class="overall">Overall {_badge(verdict)}</div>\n',
        f'<ul class="summary" aria-label="Claims by verdict">{pills}</ul>\n',
    ]
    if report.silent_omitted:
        out.append('<p class="note">Silent sources were omitted from this run (<code>--omit-silent</code>).</p>\n')
    if report.errors:
        out.append('<ul class="errors" aria-label="Errors">')
        out.extend(f"<li>{e(err)}</li>" for err in report.errors)
        out.append("</ul>\n")
    out.append("</header>\n")
    return "".join(out)


def _filters(report: Report) -> str:
    options = "".join(f'<option value="{c}">{e(claim.id)}</option>' for c, claim in enumerate(report.claims))
    return (
        '<form class="filters" id="filters" hidden aria-label="Filter claims">'
        '<label><input type="checkbox" id="only-contra"> Only contradictions</label> '
        f'<label>Claim <select id="one-claim"><option value="">all claims</option>{options}</select></label> '
        '<span id="shown-count" aria-live="polite"></span></form>\n'
    )


def _contra(claim: ClaimResult) -> str:
    return "1" if claim.verdict in (Verdict.DISAGREE, Verdict.MIXED) else "0"


def _cell(s: SourceResult | None, target: str) -> str:
    if s is None or (s.verdict is Verdict.SILENT and not s.error and not s.evidence):
        return '<td class="v-silent" tabindex="-1"><i aria-hidden="true">–</i> silent</td>'
    if s.error:
        return f'<td class="v-error"><a href="#{target}"><i aria-hidden="true">!</i> error</a></td>'
    note = ' <span class="accepted">(accepted)</span>' if s.accepted else ""
    v = s.verdict
    return f'<td class="v-{v.value}"><a href="#{target}">{sym(SYMBOL[v])} {v.value}{note}</a></td>'


def _matrix(page: _Page) -> Iterator[str]:
    report = page.report
    paths = list(report.sources)
    wide = len(paths) <= MATRIX_MAX_SOURCES
    yield '<div class="matrix-wrap">\n'
    yield f'<table class="matrix" id="matrix-table" data-page-rows="{PAGE_ROWS}">\n'
    if wide:
        head = "".join(
            f'<th scope="col" title="{e(p)}"><a href="#s-{i}">{e(name)}</a></th>'
            for i, (p, name) in enumerate(zip(paths, short_names(paths), strict=True))
        )
        yield f'<thead><tr><th scope="col">claim</th><th scope="col">verdict</th>{head}</tr></thead>\n'
    else:
        yield (
            "<caption>Too many sources for a column each: counts per verdict, and the sources that speak.</caption>\n"
            '<thead><tr><th scope="col">claim</th><th scope="col">verdict</th>'
            + "".join(f'<th scope="col" class="v-{v.value}">{sym(SYMBOL[v])} {v.value}</th>' for v in ORDER)
            + '<th scope="col">sources that speak</th></tr></thead>\n'
        )
    yield "<tbody>\n"
    for c, claim in enumerate(report.claims):
        row = [
            f'<tr id="m-{c}" data-claim="{c}" data-verdict="{claim.verdict.value}" data-contra="{_contra(claim)}">',
            f'<th scope="row"><a href="#c-{c}">{e(claim.id)}<span class="ct">{e(claim.text)}</span></a></th>',
            f'<td class="v-{claim.verdict.value}"><a href="#c-{c}">{sym(SYMBOL[claim.verdict])} '
            f"{claim.verdict.value}</a></td>",
        ]
        shown = {col: s for s, col, _ in page.shown[c]}
        if wide:
            row.extend(_cell(shown.get(i), f"e-{c}-{i}") for i in range(len(paths)))
        else:
            counts = claim.counts()
            row.extend(f'<td class="n{" zero" * (not counts[v])}">{counts[v]:,}</td>' for v in ORDER)
            chips = [
                f'<a class="chip v-{s.verdict.value}" href="#e-{c}-{col}" title="{e(s.path)}">'
                f'<i aria-hidden="true">{"!" if s.error else SYMBOL[s.verdict]}</i> '
                f"{e(PurePath(s.path).name)}</a>"
                for s, col, _ in page.shown[c][:MATRIX_MAX_CHIPS]
            ]
            more = max(0, len(page.shown[c]) - MATRIX_MAX_CHIPS) + sum(page.omitted[c].values())
            if more > 0:
                chips.append(f'<a class="more" href="#c-{c}">+{more} more</a>')
            row.append(f'<td class="chips">{" ".join(chips)}</td>')
        row.append("</tr>\n")
        yield "".join(row)
    yield "</tbody>\n</table>\n</div>\n"


def _interval(lo: float | None, hi: float | None, lo_open: bool, hi_open: bool) -> str:
    left = "(" if lo_open or lo is None else "["
    right = ")" if hi_open or hi is None else "]"
    low = "−∞" if lo is None else f"{lo:,.10g}"
    high = "∞" if hi is None else f"{hi:,.10g}"
    return f"{left}{low}, {high}{right}"


def _figures(text: str) -> str:
    """The figures of a claim as read, each with its interval."""
    from ..quantities import extract_quantities

    figures = [q for q in extract_quantities(text) if q.is_figure]
    if not figures:
        return '<span class="none">none (a statement)</span>'
    return ", ".join(
        f'<span class="fig"><b>{e(q.text)}</b> <span class="iv">{e(_interval(q.lo, q.hi, q.lo_open, q.hi_open))}'
        f"{' ' + e(q.unit) if q.unit and q.unit != '%' else ''}</span></span>"
        for q in figures
    )


def _sentence(ev: Evidence) -> str:
    """The evidence sentence with the figure it was compared on in bold."""
    text, figure = ev.text, ev.quantity
    found = re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)", text) if figure else None
    if found is None:
        return e(text)
    at, end = found.span()
    return f"{e(text[:at])}<strong>{e(figure)}</strong>{e(text[end:])}"


def _claim(page: _Page, c: int, claim: ClaimResult) -> str:
    report = page.report
    counts = claim.counts()
    where = f"{claim.path}:{claim.line}" if claim.path else ""
    tally = " ".join(f'<span class="v-{v.value}">{sym(SYMBOL[v])} {counts[v]} {v.value}</span>' for v in ORDER)
    out = [
        f'<article class="claim v-{claim.verdict.value}" id="c-{c}" data-claim="{c}" '
        f'data-verdict="{claim.verdict.value}" data-contra="{_contra(claim)}">\n',
        # The heading stays at the top of the window while the claim's evidence scrolls under it.
        f'<h3 class="bar">{_badge(claim.verdict)} <code class="id">{e(claim.id)}</code>'
        f'<a class="up" href="#m-{c}">matrix row ↑</a><span class="claim-text">{e(claim.text)}</span></h3>\n',
        "<header>",
        '<dl class="facts">',
        f"<dt>figures as read</dt><dd>{_figures(claim.text)}</dd>",
        f"<dt>sources</dt><dd>{tally}</dd>",
        f"<dt>rule</dt><dd>{e(where)}</dd>" if where else "",
        "</dl></header>\n",
    ]
    for s, col, items in page.shown[c]:
        out.append(_source_result(c, s, col, items))
    if page.omitted[c]:
        left = page.omitted[c]
        n = sum(left.values())
        by = ", ".join(f"{k} {v.value}" for v, k in left.items())
        out.append(
            f'<p class="note">Evidence from {n} more source{"s" * (n != 1)} ({by}) is left out to keep the page '
            "small; <code>--format json</code> has it all.</p>\n"
        )
    silent = counts[Verdict.SILENT]
    if silent:
        spoke = {s.path for s, _, _ in page.shown[c]}
        names = []
        if len(report.sources) <= MATRIX_MAX_SOURCES:  # a large run names none: the list would be noise
            names = [f'<a href="#s-{i}">{e(p)}</a>' for i, p in enumerate(report.sources) if p not in spoke]
            names = names[:MAX_SILENT_NAMED]
        rest = silent - len(names)
        listed = ", ".join(names) + (f" and {rest} more" if rest > 0 else "")
        out.append(
            f'<p class="silent-note"><i aria-hidden="true">–</i> silent: {silent} '
            f"source{'s' * (silent != 1)}{': ' + listed if names else ''}</p>\n"
        )
    out.append("</article>\n")
    return "".join(out)


def _source_result(c: int, s: SourceResult, col: int, items: list[Shown]) -> str:
    extra = ' <span class="accepted">(accepted)</span>' if s.accepted else ""
    badge = (
        '<span class="verdict v-error"><i aria-hidden="true">!</i> error</span>'
        if s.error
        else _badge(s.verdict, extra)
    )
    out = [
        f'<section class="src v-{"error" if s.error else s.verdict.value}" id="e-{c}-{col}">\n',
        f'<h4>{badge} <a href="#s-{col}">{e(s.path)}</a></h4>\n',
    ]
    if s.error:
        out.append(f'<p class="error">{e(s.error)}</p>\n')
    if s.accepted:
        out.append(f'<p class="note">Accepted: {e(s.accepted)}</p>\n')
    if items:
        out.append('<ol class="evidence">\n')
        for item in items:
            ev = item.evidence
            rel = ev.relation
            compared = (
                f"<dt>compared</dt><dd>claim <b>{e(ev.claim_quantity)}</b> · source <b>{e(ev.quantity)}</b></dd>"
                if ev.quantity or ev.claim_quantity
                else ""
            )
            out.append(
                f'<li class="ev r-{rel.value}" id="{item.id}">'
                f'<p class="rel r-{rel.value}"><i aria-hidden="true">{RELATION_SYMBOL[rel]}</i> '
                f"{rel.value}</p>"
                f"<blockquote>{_sentence(ev)}</blockquote>"
                f'<dl class="facts"><dt>where</dt>'
                f'<dd><a href="#{item.passage}">{e(located(s.path, ev.line, ev.column, ev.part))}</a></dd>'
                f"{compared}<dt>reason</dt><dd>{e(ev.reason)}</dd><dt>stance</dt><dd>{e(ev.stance.value)}</dd></dl>"
                "</li>\n"
            )
        out.append("</ol>\n")
        if len(s.evidence) > len(items):
            out.append(f'<p class="note">{len(s.evidence) - len(items)} more passages not shown.</p>\n')
    out.append("</section>\n")
    return "".join(out)
