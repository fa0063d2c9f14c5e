"""Part of stage 1, load: PDF and Word (.docx) bytes -> text plus a PartMap that locates every stretch
of it by page and line (PDF) or paragraph and table cell (Word). Tables come out as Markdown pipe
tables (a header row, a ``|---|`` rule, a line per row), so they are read like a Markdown table.

PDF is read with pdfminer.six's layout analysis (through pdfplumber, which also finds ruled tables):
columns are read one after the other, lines of a paragraph are joined (a hyphen at a line end before
a lower-case letter is dropped), and lines repeated at the top or bottom of two pages or more
(running headers, page numbers) are left out. Word documents are ZIP files of XML, read with the
standard library alone.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any
from xml.etree import ElementTree

from .errors import ClaimcheckError
from .model import PartMap

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
PDF_EXTRA_HINT = "pip install 'claimcheck-cli[pdf]'"
MARGIN_BAND = 0.1  # share of the page height at the top and at the bottom where running headers sit
# A margin line on this many pages is a running header. Not a share of the pages: a book's header
# names its chapter, and repeats only while the chapter runs (on two pages, for a short one).
REPEATED_PAGES = 2
FULL_LINE = 0.7  # share of its paragraph's width below which a line was ended on purpose (a list, an address)
MAX_DOCX_XML_BYTES = 256 * 1024 * 1024  # word/document.xml larger than this when unpacked: a ZIP bomb
_SENTENCE_ENDS = frozenset('.!?:;"\u201d\u2019)]')  # a paragraph ending in one of these is done
_HYPHEN_END = re.compile(r"[^\W\d_]-$")  # a letter then a hyphen at the end of a line
# Typesetting glyphs a PDF's text layer may hold, as plain text: ligatures as the letters they join
# (else "ﬁnancial" is not "financial") and the Unicode hyphen as "-". Only these: NFKC would also
# turn a footnote mark's "38²" into "382".
_GLYPHS = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
    | {"\u2010": "-"}
)
SOFT_HYPHEN = "\u00ad"
_DIGITS = re.compile(r"\d+")
_CID = re.compile(r"\(cid:\d+\)")  # pdfminer's stand-in for a glyph its font maps to no letter
_SPACES = re.compile(r"\s+")


class _Text:
    """Text being written out with its PartMap."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.map = PartMap()

    def write(self, text: str, part: str = "", line: int = 0, column: int = 1) -> None:
        """Append ``text``; with a ``part`` it starts at ``line``:``column`` of that part."""
        if part:
            self.map.add(self.length, part, line, column)
        self.parts.append(text)
        self.length += len(text)

    def ends_paragraph(self) -> bool:
        return not self.parts or "".join(self.parts[-2:]).endswith("\n\n")

    def paragraph_break(self) -> None:
        if not self.ends_paragraph():
            self.write("\n\n")

    def text(self) -> str:
        return "".join(self.parts)


def markdown_cell(text: str) -> str:
    """A cell's text on one line, its pipes escaped, as a Markdown pipe table holds it."""
    return _SPACES.sub(" ", text).strip().replace("|", "\\|")


def _table(
    out: _Text, rows: Sequence[Sequence[str]], part_of: Callable[[int, int], tuple[str, int]], own_cells: bool
) -> None:
    """Rows as a Markdown pipe table: the first row is the header. ``part_of(r, c)`` gives a cell's
    (part, line) (1-based row and cell). With ``own_cells`` (a Word table) each cell is a part whose
    columns count from its text; else (a PDF page) a row is a line, its columns counted along it."""
    out.paragraph_break()
    width = max(len(r) for r in rows)
    for r, row in enumerate(rows, 1):
        for c, cell in enumerate([*row, *[""] * (width - len(row))], 1):
            rule, text = "| " if c == 1 else " | ", markdown_cell(cell)
            if own_cells:
                out.write(rule, *part_of(r, c))
                out.write(text, *part_of(r, c))
            elif c == 1:
                out.write(rule + text, *part_of(r, c))
            else:
                out.write(rule + text)
        out.write(" |\n")
        if r == 1:
            out.write("|" + "---|" * width + "\n")
    out.write("\n")


# PDF ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    number: int  # line of the page, in reading order
    full: bool  # fills its paragraph's width: the paragraph goes on in the next line
    margin: str  # normalised text if the line sits in the top or bottom band of the page, else ""
    part: str = ""  # the page, once known


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph (lines) or a table (rows of cells) of a page, in reading order."""

    lines: tuple[_Line, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    first_line: int = 0


def read_pdf(data: bytes, path: str) -> tuple[str, PartMap]:
    """The text of a PDF and its PartMap (parts ``p1``, ``p2``, ...)."""
    try:
        import pdfplumber
    except ImportError:
        raise ClaimcheckError(
            "reading PDF needs the pdf extra", path, hint=f"{PDF_EXTRA_HINT}, or convert it with pdftotext"
        ) from None
    pages = _pdf_pages(pdfplumber, data, path)
    repeated = _running_lines(pages)
    out = _Text()
    paragraph: list[_Line] = []  # lines of the paragraph being read, which may go on in the next box
    for number, blocks in enumerate(pages, 1):
        part = f"p{number}"
        for block in blocks:
            if block.rows:
                _paragraph(out, paragraph)
                paragraph = []
                _table(out, block.rows, functools.partial(_page_row, part, block.first_line), own_cells=False)
                continue
            lines = [replace(x, part=part) for x in block.lines if not (x.margin and x.margin in repeated)]
            if not lines:
                continue
            if paragraph and _runs_on(paragraph[-1].text, lines[0].text):
                # A sentence carried over to the next column or page: one paragraph.
                paragraph[-1] = replace(paragraph[-1], full=True)
            else:
                _paragraph(out, paragraph)
                paragraph = []
            paragraph.extend(lines)
    _paragraph(out, paragraph)
    text = out.text()
    if not text.strip():
        raise ClaimcheckError(
            "PDF has no text layer (a scan?); claimcheck does not do OCR",
            path,
            hint="run OCR on it first, e.g. with ocrmypdf",
        )
    return text, out.map


def _page_row(part: str, first_line: int, row: int, cell: int) -> tuple[str, int]:
    """A PDF table row is a line of its page."""
    return part, first_line + row - 1


def _runs_on(last: str, first: str) -> bool:
    """Whether a paragraph ending in ``last`` goes on in one starting ``first``: it stops mid-sentence
    and the next starts in lower case."""
    return last[-1:] not in _SENTENCE_ENDS and first[:1].islower()


def _paragraph(out: _Text, lines: Sequence[_Line]) -> None:
    """Lines of one paragraph: joined by a space where the text runs on, by nothing where a word
    was hyphenated across the line end, by a line break where the line was ended on purpose."""
    if not lines:
        return
    out.paragraph_break()
    for i, line in enumerate(lines):
        text = line.text
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if not nxt:
            out.write(text, line.part, line.number)
        elif _HYPHEN_END.search(text) and nxt[:1].islower():
            out.write(text[:-1], line.part, line.number)
        else:
            out.write(text, line.part, line.number)
            out.write(" " if line.full else "\n")
    out.write("\n\n")


def _pdf_pages(pdfplumber: Any, data: bytes, path: str) -> list[list[_Block]]:  # noqa: ANN401 - untyped library
    """Each page's blocks in reading order. pdfminer raises many kinds of exception on a damaged
    file (syntax errors, but also KeyError, ValueError, TypeError deep in its parser): any of them
    while parsing means the file cannot be read, said in one line."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data), laparams={}) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(_page_blocks(page))
                page.close()  # its layout and objects are cached until then: memory grows by the page
            return pages
    except PDFPasswordIncorrect:
        raise _encrypted(path) from None
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - see the docstring
        cause = exc.__cause__ or exc.__context__ or exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(exc).lower():
            raise _encrypted(path) from None
        raise ClaimcheckError(
            f"PDF cannot be read: {_first_line(cause)}", path, hint="it is damaged or not a PDF; try it in a PDF reader"
        ) from None


def _first_line(exc: BaseException) -> str:
    """An exception's message cut to one short line (its class name when it has none)."""
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__


def _encrypted(path: str) -> ClaimcheckError:
    return ClaimcheckError(
        "PDF is encrypted with a password", path, hint="save a copy without the password and check that"
    )


def _page_blocks(page: Any) -> list[_Block]:  # noqa: ANN401 - pdfplumber's Page
    from pdfminer.layout import LTCurve, LTFigure, LTTextBox

    height = float(page.height)
    # A ruled table is drawn with lines; finding tables costs two thirds of reading a page, so a page
    # with no line or rectangle drawn on it (most pages of prose) is not searched for one.
    ruled = any(isinstance(o, LTCurve) for box in page.layout for o in (box if isinstance(box, LTFigure) else (box,)))
    tables = [(t.bbox, t.extract()) for t in page.find_tables()] if ruled else []
    # pdfplumber measures from the top of the page, pdfminer's layout from the bottom.
    spans = [(x0, height - bottom, x1, height - top) for (x0, top, x1, bottom), _ in tables]
    blocks: list[_Block] = []
    placed: set[int] = set()
    number = 0
    for box in page.layout:
        if not isinstance(box, LTTextBox):
            continue
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        inside = next((k for k, (x0, y0, x1, y1) in enumerate(spans) if x0 <= x <= x1 and y0 <= y <= y1), None)
        if inside is not None:
            if inside not in placed:  # the table stands where the first of its cells is read
                placed.add(inside)
                rows = tuple(tuple(cell or "" for cell in row) for row in tables[inside][1])
                blocks.append(_Block(rows=rows, first_line=number + 1))
                number += len(rows)
            continue
        width = box.x1 - box.x0
        lines = []
        for line in box:
            text = _line_text(line.get_text())
            if not text:
                continue
            number += 1
            in_margin = line.y0 > height * (1 - MARGIN_BAND) or line.y1 < height * MARGIN_BAND
            margin = _DIGITS.sub("#", text.lower()) if in_margin else ""
            lines.append(_Line(text, number, line.x1 - box.x0 >= FULL_LINE * width, margin))
        if lines:
            blocks.append(_Block(tuple(lines)))
    for k, (_, rows) in enumerate(tables):  # a table with no text box inside (cells too small to analyse)
        if k not in placed and rows:
            blocks.append(_Block(rows=tuple(tuple(cell or "" for cell in row) for row in rows), first_line=number + 1))
            number += len(rows)
    return blocks


def _line_text(raw: str) -> str:
    """A PDF line's text: glyphs as plain letters, glyphs with no letter left out, spaces folded, and
    soft hyphens (where a word may break) left out, save one that ends the line: there the word did
    break, as with "-"."""
    text = _SPACES.sub(" ", _CID.sub("", raw).translate(_GLYPHS)).strip()
    if SOFT_HYPHEN not in text:
        return text
    return text[:-1].replace(SOFT_HYPHEN, "") + ("-" if text.endswith(SOFT_HYPHEN) else text[-1])


def _running_lines(pages: Sequence[Sequence[_Block]]) -> frozenset[str]:
    """Margin lines (numbers read as #) found on REPEATED_PAGES pages."""
    seen: Counter[str] = Counter()
    for blocks in pages:
        seen.update({line.margin for b in blocks for line in b.lines if line.margin})
    return frozenset(text for text, n in seen.items() if n >= REPEATED_PAGES)


# Word -----------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = frozenset({_W + "delText", _W + "instrText", _MC_FALLBACK, _W + "del", _W + "footnoteReference"})
_BREAKS = frozenset({_W + "br", _W + "cr"})


def is_docx(data: bytes) -> bool:
    """Whether ZIP bytes hold a Word document (word/document.xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def read_docx(data: bytes, path: str) -> tuple[str, PartMap]:
    """The text of a Word document and its PartMap (parts ``para1``..., ``table1.r1.c1``...)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise ClaimcheckError(
                    "source is a ZIP archive, not a Word document (it has no word/document.xml)",
                    path,
                    hint="extract or convert its text first",
                )
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise ClaimcheckError(
                    f"Word document unpacks to {info.file_size:,} bytes, over {MAX_DOCX_XML_BYTES:,}",
                    path,
                    hint="split it or save it as plain text",
                )
            xml = z.read(info)
        root = ElementTree.fromstring(xml)  # noqa: S314 - expat refuses entity expansion bombs; no DTDs fetched
    # zipfile raises zlib.error on damaged compressed data, RuntimeError on an encrypted member,
    # NotImplementedError on a compression method it lacks.
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ElementTree.ParseError,
        OSError,
        EOFError,
        KeyError,
        zlib.error,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise ClaimcheckError(
            f"Word document cannot be read: {_first_line(exc)}",
            path,
            hint="it is damaged; open it in Word and save it again",
        ) from None
    body = root.find(_W + "body")
    out = _Text()
    counts = Counter[str]()
    for kind, element in _blocks(body if body is not None else root):
        if kind == "p":
            lines = _paragraph_lines(element)
            if not "".join(lines).strip():
                continue
            counts["para"] += 1
            out.paragraph_break()
            for n, line in enumerate(lines, 1):
                out.write(line, f"para{counts['para']}", n)
                if n < len(lines):
                    out.write("\n")
            out.write("\n\n")
        else:
            rows = [[" ".join(_cell_lines(c)) for c in row.findall(_W + "tc")] for row in element.findall(_W + "tr")]
            rows = [r for r in rows if r]
            if rows and any(any(c.strip() for c in r) for r in rows):
                counts["table"] += 1
                t = counts["table"]
                _table(out, rows, functools.partial(_word_cell, t), own_cells=True)
    if not out.text().strip():
        raise ClaimcheckError("Word document has no text", path)
    return out.text(), out.map


def _word_cell(table: int, row: int, cell: int) -> tuple[str, int]:
    """A Word table cell is a part of its own."""
    return f"table{table}.r{row}.c{cell}", 1


def _blocks(parent: ElementTree.Element) -> Iterator[tuple[str, ElementTree.Element]]:
    """Body paragraphs ("p") and tables ("tbl") in document order, inside content controls too."""
    for child in parent:
        if child.tag == _W + "p":
            yield "p", child
        elif child.tag == _W + "tbl":
            yield "tbl", child
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins"):
            yield from _blocks(child)


def _paragraph_lines(p: ElementTree.Element) -> list[str]:
    """A paragraph's text, split at its manual line breaks."""
    lines = [""]

    def walk(e: ElementTree.Element) -> None:
        for child in e:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _W + "t":
                lines[-1] += child.text or ""
            elif tag == _W + "tab":
                lines[-1] += " "
            elif tag in _BREAKS and child.get(_W + "type", "textWrapping") == "textWrapping":
                lines.append("")
            elif tag == _W + "noBreakHyphen":
                lines[-1] += "-"
            else:
                walk(child)

    walk(p)
    return [_SPACES.sub(" ", line).strip() for line in lines if line.strip()] or [""]


def _cell_lines(cell: ElementTree.Element) -> list[str]:
    return [line for p in cell.iter(_W + "p") for line in _paragraph_lines(p) if line]
