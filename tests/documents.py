"""Builds small PDF and DOCX files for the tests (reportlab and python-docx, both in the test extra):
a report with figures in body text, a hyphenated line break, a header repeated on every page, a
two-column page and a ruled table; and plain text laid out as PDF pages (the seeds)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 60
FONT_SIZE = 10
LEADING = 14  # points between lines
HEADER = "Ministry of Water - Annual Flood Report"


def _font() -> str:
    """A TrueType font with the letters the seeds use (reportlab's own Vera), registered once."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")))
    return "Vera"


def _canvas(path: Path, **keys: object):  # type: ignore[no-untyped-def]
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=True, **keys)
    c.setFont(_font(), FONT_SIZE)
    return c


def _header(c, page: int) -> None:  # type: ignore[no-untyped-def]
    c.setFont(_font(), 8)
    c.drawString(MARGIN, PAGE_H - 30, HEADER)
    c.drawRightString(PAGE_W - MARGIN, 25, f"Page {page}")
    c.setFont(_font(), FONT_SIZE)


def _lines(c, lines: Sequence[str], x: float, y: float) -> float:  # type: ignore[no-untyped-def]
    for line in lines:
        c.drawString(x, y, line)
        y -= LEADING
    return y


def report_pdf(path: Path) -> Path:
    """Three pages under one running header and a page-number footer.

    Page 1: a heading, body text with a figure, a paragraph whose figure sentence breaks with a
    hyphen at a line end ("evac-" / "uated"). Page 2: two columns, a sentence running from the foot
    of the left one to the top of the right one. Page 3: a ruled table of figures with a header row."""
    c = _canvas(path)
    _header(c, 1)
    y = _lines(c, ["Summary of the spring floods"], MARGIN, PAGE_H - 80)
    y = _lines(
        c,
        [
            "Heavy rain in April flooded the river valley. The ministry counted",
            "38 towns where water entered homes, and crews worked for two weeks",
            "to clear the roads. The \ufb01nal bill is not known.",
        ],
        MARGIN,
        y - LEADING,
    )
    _lines(
        c,
        [
            "Later that month the dam at Holloway was opened and 4,200 people were evac-",
            "uated from the lower valley before the water rose again.",
        ],
        MARGIN,
        y - LEADING,
    )
    c.showPage()
    _header(c, 2)
    col = (PAGE_W - 2 * MARGIN - 30) / 2
    _lines(
        c,
        [
            "In the northern district the",
            "relief fund paid out 12 million",
            "euros to farmers whose fields",
            "stayed under water for weeks.",
            "",
            "Most of them had no insurance, and 240",
        ],
        MARGIN,
        PAGE_H - 80,
    )
    _lines(
        c,
        [
            "of them sold their cattle to pay",
            "their debts.",
            "",
            "Schools in the southern district",
            "stayed closed for 9 days while",
            "the army repaired the bridges.",
            "",
            "Teachers held lessons online.",
        ],
        MARGIN + col + 30,
        PAGE_H - 80,
    )
    c.showPage()
    _header(c, 3)
    y = _lines(c, ["Damage by district"], MARGIN, PAGE_H - 80)
    rows = [("District", "Homes flooded", "Bridges lost"), ("North", "1,150", "3"), ("South", "870", "5")]
    widths = (140, 110, 110)
    top = y - 4
    for r, row in enumerate(rows):
        x = MARGIN
        for w, cell in zip(widths, row, strict=True):
            c.drawString(x + 4, top - (r + 1) * 18 + 5, cell)
            x += w
    xs = [MARGIN + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top - r * 18 for r in range(len(rows) + 1)]
    c.grid(xs, ys)
    c.showPage()
    c.save()
    return path


def text_pdf(text: str, path: Path, width: int = 90, lines_per_page: int = 52) -> Path:
    """Plain text laid out as PDF pages: each paragraph (lines between blank lines) wrapped at
    ``width`` characters, a blank line between paragraphs."""
    import textwrap

    lines: list[str] = []
    for block in text.split("\n\n"):
        for para in block.split("\n"):
            if para.strip():
                lines.extend(textwrap.wrap(para, width) + [""])
    c = _canvas(path)
    for start in range(0, len(lines), lines_per_page):
        _lines(c, lines[start : start + lines_per_page], MARGIN, PAGE_H - MARGIN)
        c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    """A one-page PDF that opens only with a password."""
    c = _canvas(path, encrypt="secret")
    c.drawString(MARGIN, PAGE_H - MARGIN, "Flooding hit 38 towns.")
    c.showPage()
    c.save()
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF page with a picture and no text, as a scanner makes."""
    c = _canvas(path)
    for k in range(20):
        c.rect(MARGIN, PAGE_H - MARGIN - 20 * k, 200 + 10 * k, 12, fill=1)
    c.showPage()
    c.save()
    return path


def report_docx(path: Path) -> Path:
    """A Word document: a heading, two body paragraphs with figures (the second with a manual line
    break), an empty paragraph, a table with a header row, and a closing paragraph."""
    from docx import Document

    doc = Document()
    doc.add_heading("Spring floods", level=1)
    doc.add_paragraph("Heavy rain flooded the river valley in April.")
    p = doc.add_paragraph("The ministry counted 38 towns where water entered homes.")
    p.add_run().add_break()
    p.add_run("Crews evacuated 4,200 people from the lower valley.")
    doc.add_paragraph("")
    table = doc.add_table(rows=3, cols=2)
    for r, row in enumerate([("District", "Homes flooded"), ("North", "1,150"), ("South", "870")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("The relief fund paid out 12 million euros to farmers.")
    doc.save(str(path))
    return path
