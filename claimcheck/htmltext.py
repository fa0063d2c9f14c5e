"""HTML -> its visible text, with the offset in the document of each text character (so evidence is
located in the file as written). Part of the load stage: ``load.read_source`` calls it for .html/.htm."""

from __future__ import annotations

import html
import re

from .model import OffsetMap

# HTML is read by a small scanner rather than html.parser: on Python before 3.13.4 (CVE-2025-6069)
# html.parser is quadratic on unclosed tags and comments (100 KB of "<a " took 141 s) and raises on
# a stray "<![". The scanner looks at each character once: a construct that is never closed runs to
# the end of the document, as in a browser.
HTML_SKIP = frozenset({"script", "style", "template", "noscript", "head", "svg"})
HTML_RAW = frozenset({"script", "style"})  # their text is not markup: it ends only at the end tag
HTML_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "caption",
        "section",
        "article",
        "blockquote",
        "pre",
        "title",
        "ul",
        "ol",
        "header",
        "footer",
        "figcaption",
    }
)
# A table cell opens with "|" and a row's text stays on one line: HTML tables come out as the pipe
# rows of a Markdown table, which structure.py reads (the offsets still point into the markup).
HTML_CELLS = frozenset({"td", "th"})
HTML_ROW_ENDS = frozenset({"tr", "table", "caption"})
HTML_MAX_CELL_CHARS = 200  # a block in a cell with more text than this ends the row: a layout table
_MARKUP = re.compile(r"<(?=[A-Za-z!?]|/[A-Za-z])")  # where a tag, comment or declaration may start
_TAG_NAME = re.compile(r"(/?)([A-Za-z][^\s/>]*)")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in HTML_RAW}


class _HTMLText:
    """HTML -> text, keeping for each text character its offset in the original document."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = OffsetMap()
        self.skip = 0
        self.in_row = False  # inside a table row: line breaks are spaces, "|" is a cell's start
        self.tables = 0  # open tables: the white space between their rows is left out
        self.cell_at = 0  # where the open cell's text starts
        self.in_cell = False  # inside a cell or caption, where white space is text

    def text(self, doc: str, start: int, end: int) -> None:
        if self.skip or start >= end or (self.tables and not self.in_cell and doc[start:end].isspace()):
            return
        pos = start
        for m in _ENTITY.finditer(doc, start, end):
            self._emit(doc[pos : m.start()], pos)
            char = html.unescape(m.group())
            self.parts.append(char.replace("\n", " ").replace("|", "¦") if self.in_row else char)
            self.offsets.add(m.start(), len(char), same=True)
            pos = m.end()
        self._emit(doc[pos:end], pos)

    def _emit(self, text: str, at: int) -> None:
        if self.in_row:
            text = text.replace("\n", " ").replace("|", "¦")
        self.parts.append(text)
        self.offsets.add(at, len(text))

    def tag(self, name: str, closing: bool, at: int) -> None:
        if name in HTML_SKIP:
            self.skip = max(0, self.skip - 1) if closing else self.skip + 1
        elif self.skip:
            return
        elif name in HTML_CELLS:
            self.in_cell = not closing
            if not closing:
                self.parts.append("|")
                self.offsets.add(at)
                self.in_row, self.cell_at = True, len(self.offsets)
        elif name in HTML_BLOCK:
            if name == "table":
                self.tables = max(0, self.tables + (-1 if closing else 1))
            if name in HTML_ROW_ENDS:
                self.in_cell = name == "caption" and not closing
            long_cell = len(self.offsets) - self.cell_at > HTML_MAX_CELL_CHARS
            self.in_row = self.in_row and name not in HTML_ROW_ENDS and not long_cell
            if not (closing and name == "tr"):  # a row's line ends where the next begins
                self.parts.append(" " if self.in_row else "\n")
                self.offsets.add(at)

    def feed(self, doc: str) -> None:
        pos, n = 0, len(doc)
        while pos < n:
            m = _MARKUP.search(doc, pos)
            if m is None:
                self.text(doc, pos, n)
                return
            self.text(doc, pos, m.start())
            pos = self._markup(doc, m.start())

    def _markup(self, doc: str, lt: int) -> int:
        """Reads the construct at ``doc[lt] == "<"``; returns the offset after it."""
        n = len(doc)
        for opener, closer in (("<!--", "-->"), ("<![CDATA[", "]]>")):
            if doc.startswith(opener, lt):
                end = doc.find(closer, lt + len(opener))
                if opener == "<![CDATA[" and end >= 0:
                    self.text(doc, lt + len(opener), end)
                return n if end < 0 else end + len(closer)
        m = _TAG_NAME.match(doc, lt + 1)
        if m is None and not doc.startswith(("<!", "<?"), lt):
            self.text(doc, lt, lt + 1)  # a "<" that opens nothing is text ("3 < 4")
            return lt + 1
        gt = doc.find(">", lt + 1)
        if gt < 0:
            return n
        if m is not None:
            name, closing = m.group(2).lower(), bool(m.group(1))
            self.tag(name, closing, lt)
            if name in HTML_RAW and not closing and not doc.startswith("/>", gt - 1):
                raw_end = _RAW_END[name].search(doc, gt + 1)
                # The end tag is read next, closing the skip; without one the rest is script.
                return n if raw_end is None else raw_end.start()
        return gt + 1


def html_to_text(original: str) -> tuple[str, OffsetMap]:
    """The visible text of an HTML document and, per text character, its offset in ``original``."""
    reader = _HTMLText()
    reader.feed(original)
    return "".join(reader.parts), reader.offsets
