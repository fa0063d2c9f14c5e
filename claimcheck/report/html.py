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
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from pathlib import PurePath
from typing import TextIO

from ..errors import ClaimcheckError
from ..model import ClaimResult, Evidence, Relation, Report, SourceResult, Verdict, located
from ..version import __version__
from .json import summary

SYMBOL = {Verdict.AGREE: "✓", Verdict.DISAGREE: "✗", Verdict.MIXED: "±", Verdict.SILENT: "–"}
ORDER = (Verdict.DISAGREE, Verdict.MIXED, Verdict.AGREE, Verdict.SILENT)  # the order counts are shown in
RELATION_SYMBOL = {Relation.SUPPORTS: "✓", Relation.CONTRADICTS: "✗"}
MATRIX_MAX_SOURCES = 40  # more sources than this: the matrix shows counts and the sources that speak
MATRIX_MAX_CHIPS = 12  # sources named in a row of the collapsed matrix
PAGE_ROWS = 50  # matrix rows per page (the script pages; printed and without script, all rows show)
FULL_TEXT_MAX_BYTES = 400_000  # sources this large in all are shown whole; larger runs show excerpts
FULL_TEXT_MAX_SOURCES = 50  # and no more sources than this
CONTEXT_LINES = 2  # lines of text around an evidence passage in an excerpt
CONTEXT_MAX_CHARS = 400  # at most this much context on either side (a paragraph may be one line)
# Evidence shown under a claim: from at most this many sources, contradicting ones first; on a large
# run fewer, so that the page holds about PAGE_MAX_SOURCE_RESULTS in all (about 1 KB of page each).
MAX_SOURCES_PER_CLAIM = 100
MIN_SOURCES_PER_CLAIM = 3
PAGE_MAX_SOURCE_RESULTS = 4_000
MAX_EVIDENCE_PER_SOURCE = 20  # evidence items shown for one claim in one source
MAX_CLAIMS_PER_SOURCE = 50  # claims a source's header links to
MAX_SILENT_NAMED = 10  # silent sources named under a claim
TextReader = Callable[[str], "str | None"]


def read_text(path: str) -> str | None:
    """A source's text as the check read it (HTML reduced to text), or None when it cannot be read again."""
    from ..load import STDIN, read_source

    if path == STDIN:
        return None
    try:
        return read_source(path).text
    except (ClaimcheckError, OSError, UnicodeError):
        return None


def _asset(name: str) -> str:
    return (files("claimcheck.report") / "assets" / name).read_text(encoding="utf-8")


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def e(text: object) -> str:
    """Text safe in element content and in quoted attribute values."""
    return escape(str(text), quote=True)


def short_names(paths: Sequence[str]) -> list[str]:
    """File names, or whole paths where two sources share a name."""
    names = [PurePath(p).name for p in paths]
    return names if len(set(names)) == len(names) else list(paths)


def _sym(symbol: str) -> str:
    """A verdict's symbol, hidden from screen readers: the word beside it says the same."""
    return f'<i aria-hidden="true">{symbol}</i>'


def _badge(v: Verdict, extra: str = "") -> str:
    return f'<span class="verdict v-{v.value}">{_sym(SYMBOL[v])} {v.value}{extra}</span>'


@dataclass
class _Shown:
    """One evidence item as the page shows it: under claim ``claim``, source ``source``, item ``n``."""

    claim: int
    source: int
    n: int
    evidence: Evidence
    passage: str = ""  # id of the highlighted passage in the source section

    @property
    def id(self) -> str:
        return f"e-{self.claim}-{self.source}-{self.n}"


@dataclass
class _Passage:
    """A stretch of a source text highlighted as evidence, with the items it backs."""

    start: int
    end: int
    line: int
    items: list[_Shown] = field(default_factory=list)
    part: str = ""  # a PDF page or Word paragraph the line counts within ("p14", "para3")

    def at(self) -> str:
        return f"{self.part}, line {self.line}" if self.part else f"line {self.line}"

    def sentences(self) -> str:
        """The evidence sentences alone, for when the source text is not at hand."""
        return " … ".join(dict.fromkeys(i.evidence.text for i in self.items))

    def relation(self) -> str:
        kinds = {i.evidence.relation for i in self.items}
        return "both" if len(kinds) > 1 else next(iter(kinds)).value


@dataclass
class _Page:
    report: Report
    index: dict[str, int]  # source path -> column
    shown: list[list[tuple[SourceResult, int, list[_Shown]]]]  # per claim: its sources shown
    omitted: list[dict[Verdict, int]]  # per claim: sources with evidence left out, by verdict
    by_source: list[list[_Shown]]  # per source: the evidence items shown that come from it
    passages: list[list[_Passage]]  # per source: the passages highlighted, each item linked to its own
    failed: dict[int, str]  # source -> why it could not be read (--keep-going)


def sources_per_claim(n_claims: int) -> int:
    """How many sources a claim shows the evidence of, on a page of ``n_claims`` claims."""
    return max(MIN_SOURCES_PER_CLAIM, min(MAX_SOURCES_PER_CLAIM, PAGE_MAX_SOURCE_RESULTS // max(1, n_claims)))


def _plan(report: Report) -> _Page:
    index: dict[str, int] = {}
    for i, path in enumerate(report.sources):
        index.setdefault(path, i)
    rank = {Verdict.DISAGREE: 0, Verdict.MIXED: 1, Verdict.AGREE: 2, Verdict.SILENT: 3}
    shown: list[list[tuple[SourceResult, int, list[_Shown]]]] = []
    omitted: list[dict[Verdict, int]] = []
    per_claim = sources_per_claim(len(report.claims))
    by_source: list[list[_Shown]] = [[] for _ in report.sources]
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
            items = [_Shown(c, col, n, ev) for n, ev in enumerate(s.evidence[:MAX_EVIDENCE_PER_SOURCE])]
            by_source[col].extend(items)
            row.append((s, col, items))
        shown.append(row)
    passages = [_passages(items) for items in by_source]
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
    for chunk in _sources(page, read):
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
        f'<li class="v-{v.value}{" zero" * (not counts[v.value])}">{_sym(SYMBOL[v])} <b>{counts[v.value]:,}</b> '
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
    return f'<td class="v-{v.value}"><a href="#{target}">{_sym(SYMBOL[v])} {v.value}{note}</a></td>'


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
            + "".join(f'<th scope="col" class="v-{v.value}">{_sym(SYMBOL[v])} {v.value}</th>' for v in ORDER)
            + '<th scope="col">sources that speak</th></tr></thead>\n'
        )
    yield "<tbody>\n"
    for c, claim in enumerate(report.claims):
        row = [
            f'<tr id="m-{c}" data-claim="{c}" data-verdict="{claim.verdict.value}" data-contra="{_contra(claim)}">',
            f'<th scope="row"><a href="#c-{c}">{e(claim.id)}<span class="ct">{e(claim.text)}</span></a></th>',
            f'<td class="v-{claim.verdict.value}"><a href="#c-{c}">{_sym(SYMBOL[claim.verdict])} '
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
    tally = " ".join(f'<span class="v-{v.value}">{_sym(SYMBOL[v])} {counts[v]} {v.value}</span>' for v in ORDER)
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


def _source_result(c: int, s: SourceResult, col: int, items: list[_Shown]) -> str:
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


def _passages(items: list[_Shown]) -> list[_Passage]:
    """The stretches of a source to highlight, overlapping ones merged (by offsets, so no text is needed)."""
    spans: list[_Passage] = []
    for item in sorted(items, key=lambda i: (i.evidence.start, i.evidence.end)):
        ev = item.evidence
        last = spans[-1] if spans else None
        if last is not None and ev.start < last.end:
            last.end = max(last.end, ev.end)
            last.items.append(item)
        else:
            spans.append(_Passage(ev.start, ev.end, ev.line, [item], ev.part))
    return spans


def _mark(p: _Passage, pid: str, claims: Sequence[ClaimResult], text: str | None) -> str:
    refs = " ".join(
        f'<a class="ref r-{i.evidence.relation.value}" href="#{i.id}">'
        f'<i aria-hidden="true">{RELATION_SYMBOL[i.evidence.relation]}</i> '
        f"{e(claims[i.claim].id)}</a>"
        for i in p.items
    )
    shown = p.sentences() if text is None else text[p.start : p.end]
    return f'<mark class="r-{p.relation()}" id="{pid}">{e(shown)}</mark><span class="refs">{refs}</span>'


def _usable(text: str | None, items: list[_Shown]) -> bool:
    """The text still holds every evidence passage where the check found it (the file may have changed)."""
    return text is not None and all(text[i.evidence.start : i.evidence.end] == i.evidence.text for i in items)


def _full_texts(paths: Sequence[str]) -> bool:
    """Whether the page can hold every source whole (else evidence passages in context)."""
    if len(paths) > FULL_TEXT_MAX_SOURCES:
        return False
    total = 0
    for p in paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            continue
        if total > FULL_TEXT_MAX_BYTES:
            return False
    return True


def _sources(page: _Page, read: TextReader) -> Iterator[str]:
    report = page.report
    whole = _full_texts(report.sources)
    if not whole:
        yield (
            '<p class="note">The sources are too large to show whole: each evidence passage is shown '
            f"with up to {CONTEXT_LINES} lines of context.</p>\n"
        )
    for col, path in enumerate(report.sources):
        items = page.by_source[col]
        if col in page.failed:
            yield (
                f'<article class="source" id="s-{col}"><h3>{e(path)}</h3>'
                f'<p class="error">Could not be read: {e(page.failed[col])}</p></article>\n'
            )
            continue
        if not items and not whole:
            yield (
                f'<article class="source" id="s-{col}"><h3>{e(path)}</h3>'
                '<p class="silent-note">Silent on every claim.</p></article>\n'
            )
            continue
        text = read(path)
        usable = _usable(text, items)
        passages = page.passages[col]
        claims = sorted({(i.claim, i.evidence.relation) for i in items})
        links = ", ".join(
            f'<a class="ref r-{rel.value}" href="#e-{c}-{col}">{_sym(RELATION_SYMBOL[rel])} '
            f"{e(report.claims[c].id)}</a>"
            for c, rel in claims[:MAX_CLAIMS_PER_SOURCE]
        )
        out = [f'<article class="source" id="s-{col}">\n<h3>{e(path)}</h3>\n']
        out.append(
            f'<p class="speaks">Evidence for: {links}</p>\n'
            if links
            else '<p class="silent-note">Silent on every claim.</p>\n'
        )
        if text is None or not usable:
            if items:
                why = "cannot be read again" if text is None else "has changed since the check"
                out.append(f'<p class="note">The text {why}; the evidence passages alone:</p>\n<div class="excerpts">')
                out.extend(
                    f'<div class="excerpt"><p class="at">{e(p.at())}</p><div class="text">'
                    f"{_mark(p, f'p-{col}-{n}', report.claims, None)}</div></div>\n"
                    for n, p in enumerate(passages)
                )
                out.append("</div>\n")
        elif whole:
            out.append(f'<details open><summary>Text ({len(text):,} characters)</summary><div class="text">')
            at = 0
            for n, p in enumerate(passages):
                out.append(e(text[at : p.start]))
                out.append(_mark(p, f"p-{col}-{n}", report.claims, text))
                at = p.end
            out.append(e(text[at:]))
            out.append("</div></details>\n")
        else:
            out.append('<div class="excerpts">')
            out.extend(_excerpts(text, passages, col, report.claims))
            out.append("</div>\n")
        out.append("</article>\n")
        yield "".join(out)


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to CONTEXT_LINES lines before ``start`` and after ``end``, at most CONTEXT_MAX_CHARS each way."""
    lo = start
    for _ in range(CONTEXT_LINES + 1):
        found = text.rfind("\n", max(0, start - CONTEXT_MAX_CHARS), lo)
        if found < 0:
            lo = max(0, start - CONTEXT_MAX_CHARS)
            break
        lo = found
    else:
        lo += 1
    if lo == start - CONTEXT_MAX_CHARS and lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = end
    for _ in range(CONTEXT_LINES + 1):
        found = text.find("\n", hi + 1, min(len(text), end + CONTEXT_MAX_CHARS))
        if found < 0:
            hi = min(len(text), end + CONTEXT_MAX_CHARS)
            break
        hi = found
    if hi == end + CONTEXT_MAX_CHARS and hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _excerpts(text: str, passages: list[_Passage], col: int, claims: Sequence[ClaimResult]) -> Iterator[str]:
    """Passages with their context, windows that touch merged into one excerpt."""
    groups: list[tuple[int, int, list[int]]] = []
    for n, p in enumerate(passages):
        lo, hi = _context(text, p.start, p.end)
        if groups and lo <= groups[-1][1]:
            glo, ghi, members = groups[-1]
            groups[-1] = (glo, max(ghi, hi), [*members, n])
        else:
            groups.append((lo, hi, [n]))
    for lo, hi, members in groups:
        parts = [
            '<div class="excerpt">',
            f'<p class="at">around {e(passages[members[0]].at())}</p><div class="text">',
        ]
        parts.append("… " if lo > 0 else "")
        at = lo
        for n in members:
            p = passages[n]
            parts.append(e(text[at : p.start]))
            parts.append(_mark(p, f"p-{col}-{n}", claims, text))
            at = p.end
        parts.append(e(text[at:hi]))
        parts.append(" …" if hi < len(text) else "")
        parts.append("</div></div>\n")
        yield "".join(parts)
