"""The HTML page's source section: each source's text (or, for a large run, its evidence passages
in context) with the evidence highlighted and linked to the claims it backs, and the escaping the
whole page shares. Sample::

    <article class="source" id="s-0">
    <h3>news/towns.txt</h3>
    <p class="speaks">Evidence for: <a class="ref r-supports" href="#e-0-0"><i aria-hidden="true">✓</i> towns</a></p>
    <details open><summary>Text (412 characters)</summary><div class="text">Flooding hit
    <mark class="r-supports" id="p-0-0">38 towns</mark><span class="refs">...</span> ...
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape

from ..errors import ClaimcheckError
from ..model import ClaimResult, Evidence, Relation, Report

RELATION_SYMBOL = {Relation.SUPPORTS: "✓", Relation.CONTRADICTS: "✗"}
FULL_TEXT_MAX_BYTES = 400_000  # sources this large in all are shown whole; larger runs show excerpts
FULL_TEXT_MAX_SOURCES = 50  # and no more sources than this
CONTEXT_LINES = 2  # lines of text around an evidence passage in an excerpt
CONTEXT_MAX_CHARS = 400  # at most this much context on either side (a paragraph may be one line)
MAX_CLAIMS_PER_SOURCE = 50  # claims a source's header links to

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


def e(text: object) -> str:
    """Text safe in element content and in quoted attribute values."""
    return escape(str(text), quote=True)


def sym(symbol: str) -> str:
    """A verdict's symbol, hidden from screen readers: the word beside it says the same."""
    return f'<i aria-hidden="true">{symbol}</i>'


@dataclass
class Shown:
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
class Passage:
    """A stretch of a source text highlighted as evidence, with the items it backs."""

    start: int
    end: int
    line: int
    items: list[Shown] = field(default_factory=list)
    part: str = ""  # a PDF page or Word paragraph the line counts within ("p14", "para3")

    def at(self) -> str:
        return f"{self.part}, line {self.line}" if self.part else f"line {self.line}"

    def sentences(self) -> str:
        """The evidence sentences alone, for when the source text is not at hand."""
        return " … ".join(dict.fromkeys(i.evidence.text for i in self.items))

    def relation(self) -> str:
        kinds = {i.evidence.relation for i in self.items}
        return "both" if len(kinds) > 1 else next(iter(kinds)).value


def highlighted(items: list[Shown]) -> list[Passage]:
    """The stretches of a source to highlight, overlapping ones merged (by offsets, so no text is needed)."""
    spans: list[Passage] = []
    for item in sorted(items, key=lambda i: (i.evidence.start, i.evidence.end)):
        ev = item.evidence
        last = spans[-1] if spans else None
        if last is not None and ev.start < last.end:
            last.end = max(last.end, ev.end)
            last.items.append(item)
        else:
            spans.append(Passage(ev.start, ev.end, ev.line, [item], ev.part))
    return spans


def _mark(p: Passage, pid: str, claims: Sequence[ClaimResult], text: str | None) -> str:
    refs = " ".join(
        f'<a class="ref r-{i.evidence.relation.value}" href="#{i.id}">'
        f'<i aria-hidden="true">{RELATION_SYMBOL[i.evidence.relation]}</i> '
        f"{e(claims[i.claim].id)}</a>"
        for i in p.items
    )
    shown = p.sentences() if text is None else text[p.start : p.end]
    return f'<mark class="r-{p.relation()}" id="{pid}">{e(shown)}</mark><span class="refs">{refs}</span>'


def _usable(text: str | None, items: list[Shown]) -> bool:
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


def source_texts(
    report: Report,
    by_source: Sequence[list[Shown]],
    highlights: Sequence[list[Passage]],
    failed: dict[int, str],
    read: TextReader,
) -> Iterator[str]:
    """The source section's articles, one per source: ``by_source`` and ``highlights`` are each
    source's evidence items and highlighted passages, ``failed`` the sources that could not be read."""
    whole = _full_texts(report.sources)
    if not whole:
        yield (
            '<p class="note">The sources are too large to show whole: each evidence passage is shown '
            f"with up to {CONTEXT_LINES} lines of context.</p>\n"
        )
    for col, path in enumerate(report.sources):
        items = by_source[col]
        if col in failed:
            yield (
                f'<article class="source" id="s-{col}"><h3>{e(path)}</h3>'
                f'<p class="error">Could not be read: {e(failed[col])}</p></article>\n'
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
        passages = highlights[col]
        claims = sorted({(i.claim, i.evidence.relation) for i in items})
        links = ", ".join(
            f'<a class="ref r-{rel.value}" href="#e-{c}-{col}">{sym(RELATION_SYMBOL[rel])} {e(report.claims[c].id)}</a>'
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


def _excerpts(text: str, passages: list[Passage], col: int, claims: Sequence[ClaimResult]) -> Iterator[str]:
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
