"""Stage 1b, structure: tables, lists and ``Label: value`` lines of a source's text -> plain
sentences, so that the judge, which reads sentences, reads them too. Runs inside ``segment``:
its input is the extracted text (HTML tables arrive as pipe rows, see ``load.html_to_text``), its
output (start, end, sentence) triples in text order, the rest of the text split by ``segment``.

A table (a Markdown pipe table, an HTML table, or a CSV-like block: 3+ lines with the same
number of commas, semicolons or tabs under a header line) gives one sentence per data cell::

    ## Town budget
    | Department | Budget 2025 (€ million) | Change (%) |
    |---|---:|---:|
    | Parks | 4.1 | +2.5 |

    -> "Parks, Budget 2025 (Town budget): €4.1 million."  located at the cell "4.1"
    -> "Parks, Change (Town budget): +2.5%."              located at the cell "+2.5"

The shape is ``ROW, COLUMN (CONTEXT): VALUE.``: ROW is the row label (the first cell, and the
cells after it in columns that hold no digit), COLUMN the column header without its unit, CONTEXT
the table's caption or the heading just above it, with a label column's header of several words
("Annual fee, part-time student": what every row is; left out when there is none), VALUE the cell
with the unit and scale its column header (else its row label, the table's corner cell or the
caption) gives to a bare number: "(€ million)" -> "€4.1 million", "(%)" -> "16.8%", "('000)" ->
"813 thousand", "(hectares)" -> "12,400 hectares". A table with no header row (its first row holds
numbers) gives ``ROW (CONTEXT): VALUE.``. The unit words are in ``lexicon/structure.yaml``.

A ``Label: value`` line or bullet whose value holds a figure, in one sentence, gives
``Label: value.`` with bullet marks and Markdown emphasis removed::

    - **Total cost:** £6m        -> "Total cost: £6m."
    Turnout: 71%                 -> "Turnout: 71%."

Any other bullet item stays as written, its own passage (its wrapped lines joined), split into
sentences as other text is. Each sentence is located at its cell (or label) in the text, so
evidence points at the place in the file, through the HTML offset map for a web page.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .stacks import LABEL_LINE, NUMBER_LINE, Line, is_label_line, is_number_line, read_stack
from .words import lexicon, load_yaml

Split = Callable[[str], Iterator[tuple[int, int]]]  # text -> (start, end) of each sentence
Sentence = tuple[int, int, "str | None"]  # (start, end, virtual text); None: the text as written

MIN_CSV_LINES = 3  # a header and two rows: fewer lines with commas are prose as often as not
MAX_CELL_CHARS = 80  # a CSV "cell" longer than this is a clause of prose, not a value
MAX_TABLE_CELL_CHARS = 200  # a table row with a longer cell holds prose (a layout table): its text is kept
MAX_LABEL_CHARS = 60  # a "Label:" longer than this is the start of a sentence
MAX_LABEL_WORDS = 8
MAX_VALUE_CHARS = 240  # a label's value longer than this is a paragraph, left to the sentence splitter
MAX_HEADING_CHARS = 100  # a line above a table this short, with no full stop, titles it
WRAP_CHARS = 60  # a line this long that ends with no punctuation may be a wrapped paragraph's
_CLOSERS = (".", "!", "?", ":", ";", '"', "”", ")")
CONTEXT_LINES = 6  # lines searched above a table for its caption or heading

_PIPE_ROW = re.compile(r"[ \t]*\|")
_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")
_BULLET = re.compile(r"([ \t]*)(?:[-*+•▪‣◦·]|\d{1,2}[.)])[ \t]+(?=\S)")
_EMPHASIS = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LABEL = re.compile(r"([^\W\d_][^:\n]*?)[ \t]*:[ \t]+(\S.*)")
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+(?=\S)")  # "2.1 Costs": a number, not context
_COLON = re.compile(r":[*_]*[ \t]")
_HEADING = re.compile(r"#{1,6}[ \t]+(.+?)[ \t#]*")
_DIGIT = re.compile(r"\d")
_BARE_NUMBER = re.compile(r"([+\-−–]?)[ \t]*(\d(?:[\d,.  ]*\d)?)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_SEPARATORS = (",", ";", "\t")
# Where a line may start something this module reads: a pipe row, a bullet, a "Label: value" line
# with a digit after the colon, or a short line holding a CSV separator. Lines it cannot match (most
# prose) cost one regex scan.
_CANDIDATE = re.compile(
    r"^(?:[ \t]*\||[ \t]*(?:[-*+•▪‣◦·]|\d{1,2}[.)])[ \t]"  # a pipe row, a bullet
    r"|[^\n:]{1,80}:[*_]*[ \t][^\n]*\d"  # a label and a digit
    r"|(?=[^\n]{0,400}$)[^\n]*?[,;\t]"  # a separator in a line of at most 400 characters
    rf"|{LABEL_LINE}\n{NUMBER_LINE}$)",  # a stack: a label line, then a line holding only a number
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Unit:
    """How a bare number is written with its column's unit: ``prefix + number + scale + suffix``."""

    prefix: str = ""
    scale: str = ""
    suffix: str = ""

    def write(self, sign: str, number: str) -> str:
        scale = f" {self.scale}" if self.scale else ""
        return f"{sign}{self.prefix}{number}{scale}{self.suffix}"


@dataclass(frozen=True, slots=True)
class _Words:
    """The unit words of ``lexicon/structure.yaml`` as patterns, tried in this order."""

    patterns: tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]
    caption_label: re.Pattern[str]  # "Table 3: " before a caption


@cache
def _words() -> _Words:
    raw = resources.files("claimcheck").joinpath("lexicon/structure.yaml").read_text(encoding="utf-8")
    data = load_yaml(raw)

    def alternation(words: Sequence[str], flags: int = re.IGNORECASE, word_end: bool = True) -> re.Pattern[str]:
        ordered = sorted({str(w) for w in words}, key=len, reverse=True)
        end = r"(?![^\W\d_])" if word_end else ""
        return re.compile("(?:" + "|".join(re.escape(w) for w in ordered) + ")" + end, flags)

    currency_words = {str(w).lower(): sym for sym, ws in data["currency_words"].items() for w in ws}
    scales = {str(w).lower(): name for name, ws in data["scales"].items() for w in ws}
    symbols = {str(s): str(s) + (" " if str(s)[-1].isalpha() else "") for s in data["currency_symbols"]}
    return _Words(
        (
            ("connector", alternation(data["unit_connectors"]), {}),
            ("currency", alternation(data["currency_symbols"], 0, word_end=False), symbols),
            ("currency", alternation(data["currency_codes"], 0), {str(c): f"{c} " for c in data["currency_codes"]}),
            ("currency", alternation(list(currency_words)), currency_words),
            ("scale", alternation(list(scales)), scales),
            ("percent", alternation(data["percent"]), {}),
            ("unit", alternation(data["units"]), {}),
        ),
        re.compile(
            "(?:" + "|".join(re.escape(str(w)) for w in data["caption_labels"]) + r")\s*\d+[.:]?\s+(?=\S)",
            re.IGNORECASE,
        ),
    )


def read_unit(spec: str) -> Unit | None:
    """The unit a header's unit text names ("€ million", "%", "in thousands", "$bn"), or None when
    a word of it is not a unit word (then it is part of the header's name)."""
    text = " ".join(spec.split())
    found: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        if text[pos] == " ":
            pos += 1
            continue
        for category, pattern, table in _words().patterns:
            m = pattern.match(text, pos)
            if m is None or (category in found and category != "connector"):
                continue
            word = m.group()
            if category == "currency":
                found[category] = table.get(word) or table.get(word.lower(), "")
            elif category == "scale":
                found[category] = table[word.lower()]
            elif category == "percent":
                found[category] = "%"
            elif category == "unit":
                found[category] = " " + word
            else:
                found.setdefault(category, "")
            pos = m.end()
            break
        else:
            return None
    if not found.keys() - {"connector"}:
        return None
    return Unit(found.get("currency", ""), found.get("scale", ""), found.get("percent") or found.get("unit", ""))


_UNIT_AT_END = (
    re.compile(r"(.*?)[ \t]*\(([^()]+)\)[ \t]*"),  # "Budget 2025 (€ million)"
    re.compile(r"(.*?)[ \t]*,[ \t]*([^,]+)"),  # "Area burned, hectares"
    re.compile(r"(.*?)[ \t]+(in[ \t]+.+)", re.IGNORECASE),  # "Staff in thousands"
)
_LAST_WORD = re.compile(r"(.*?)[ \t]+(\S+)")  # "share aged 65 pct": percent only ("Group B" is no billion)


def split_unit(header: str) -> tuple[str, Unit | None]:
    """A header's name and the unit it gives its numbers: "Budget 2025 (€ million)" -> ("Budget 2025",
    Unit("€", "million")); a header with no unit comes back whole, with None."""
    for pattern in _UNIT_AT_END:
        m = pattern.fullmatch(header)
        if m:
            unit = read_unit(m.group(2))
            if unit is not None:
                return m.group(1).strip(), unit
    unit = read_unit(header)
    if unit is not None and unit.suffix in ("", "%"):  # a corner cell "€ m"; "Passengers" stays a name
        return "", unit
    m = _LAST_WORD.fullmatch(header)
    unit = read_unit(m.group(2)) if m else None
    if m and unit == Unit(suffix="%"):
        return m.group(1).strip(), unit
    return header, None


def write_value(cell: str, *units: Unit | None) -> str:
    """A cell's value as a sentence says it: a bare number gets the first unit given ("4.1", €
    million -> "€4.1 million"); anything else ("12,400 ha", "about 40,000") is kept as written."""
    m = _BARE_NUMBER.fullmatch(cell)
    unit = next((u for u in units if u is not None), None)
    if m is None or unit is None:
        return cell
    return unit.write(m.group(1), m.group(2))


def plain(text: str) -> str:
    """Text of a cell or label without Markdown emphasis and code marks, spaces folded."""
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def _sentence(*parts: str) -> str:
    """Parts joined into one sentence ending in a full stop."""
    text = "".join(parts).strip()
    return text if _SENTENCE_END.search(text) else text + "."


# Lines ---------------------------------------------------------------------------------------


_Line = Line  # a line of the text: where it starts, where it ends (before the newline), what it says


def _lines_at(text: str, start: int) -> Iterator[_Line]:
    """The lines of ``text`` from offset ``start`` (a line start) on."""
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield _Line(start, end, text[start:end])
        start = end + 1


_NO_LINE = _Line(0, 0, "")


def _blank(line: _Line) -> bool:
    return not line.text.strip()


# Tables --------------------------------------------------------------------------------------

_Cell = tuple[int, int, str]  # (start, end, text) of a cell in the text


def _pipe_cells(line: _Line) -> list[_Cell]:
    """Cells of a pipe row: between the pipes, spaces trimmed; the outer pipes open no cell."""
    cells: list[_Cell] = []
    raw = line.text
    bars = [i for i, c in enumerate(raw) if c == "|" and (i == 0 or raw[i - 1] != "\\")]
    if not bars:
        return cells
    edges = bars if raw[: bars[0]].strip() == "" else [-1, *bars]
    if raw[edges[-1] + 1 :].strip():
        edges.append(len(raw))
    for a, b in zip(edges, edges[1:], strict=False):
        lo, hi = a + 1, b
        while lo < hi and raw[lo].isspace():
            lo += 1
        while hi > lo and raw[hi - 1].isspace():
            hi -= 1
        cells.append((line.start + lo, line.start + hi, raw[lo:hi].replace("\\|", "|")))
    return cells


def _cell_count(line: str, sep: str) -> int:
    """How many cells a CSV line holds: its separators and one, quotes read only where present."""
    if '"' not in line:
        return line.count(sep) + 1
    try:
        return len(next(csv.reader([line], delimiter=sep)))
    except (csv.Error, StopIteration):
        return 0


def _csv_cells(line: _Line, sep: str) -> list[_Cell] | None:
    """Cells of a CSV line (quotes as the csv module reads them), located; None if unreadable."""
    try:
        values = next(csv.reader([line.text], delimiter=sep))
    except (csv.Error, StopIteration):
        return None
    cells: list[_Cell] = []
    pos = 0
    for value in values:
        at = line.text.find(value.strip(), pos) if value.strip() else pos
        at = pos if at < 0 else at
        cells.append((line.start + at, line.start + at + len(value.strip()), value.strip()))
        pos = at + len(value.strip())
        nxt = line.text.find(sep, pos)
        pos = pos if nxt < 0 else nxt + 1
    return cells


@dataclass(frozen=True, slots=True)
class _Table:
    header: list[_Cell] | None
    rows: list[list[_Cell]]
    context: str


def _has_number(cell: str) -> bool:
    return bool(_DIGIT.search(cell))


def _header_like(cells: Sequence[_Cell]) -> bool:
    """Whether a first row reads as column headers: no bare number after the first cell (a year,
    "2024", heads a column)."""
    for _, _, text in cells[1:]:
        value = plain(text)
        if _BARE_NUMBER.fullmatch(value) and not re.fullmatch(r"(?:1[89]|2[01])\d\d", value):
            return False
    return True


def table_sentences(table: _Table, split: Split) -> Iterator[Sentence]:
    """One sentence per data cell of ``table`` that holds a letter or a digit. A row with a cell
    of prose (a layout table's page text) or with nothing but its label is text, split as written."""
    width = max(len(r) for r in table.rows)
    header = [plain(c[2].replace("_", " ")) for c in table.header] if table.header else []  # snake_case
    header += [""] * (width - len(header))
    names, units = zip(*(split_unit(h) for h in header), strict=True) if header else ((), ())
    # Label columns: the first, and those after it in which no row holds a digit (a region's
    # district), while a column with numbers is still to come.
    labels = 1
    while labels < width - 1 and not any(len(r) > labels and _has_number(r[labels][2]) for r in table.rows):
        labels += 1
    corner = units[0] if units and not names[0] else None
    _, caption_unit = split_unit(table.context) if table.context else ("", None)
    # A label column's header of several words says what every row is ("Annual charge, domestic
    # undergraduate"): context for each cell, like the caption. One word ("District", "Measure")
    # names the kind of row, which each row's label shows.
    qualifiers = [h for h in names[:labels] if _qualifies_rows(h) and h.lower() not in table.context.lower()]
    context = ", ".join(t for t in (table.context, *qualifiers) if t)
    context = f" ({context})" if context else ""
    for row in table.rows:
        found = 0
        if all(len(c[2]) <= MAX_TABLE_CELL_CHARS for c in row):
            label, label_unit = split_unit(", ".join(t for t in (plain(c[2]) for c in row[:labels]) if t))
            for j in range(labels, len(row)):
                start, end, raw = row[j]
                cell = plain(raw)
                if not any(ch.isalnum() for ch in cell):
                    continue
                name = names[j] if j < len(names) else ""
                unit = units[j] if j < len(units) else None
                value = write_value(cell, unit, label_unit, corner, caption_unit)
                head = ", ".join(t for t in (label, name) if t)
                found += 1
                yield start, end, _sentence(head, context, ": " if head or context else "", value)
        if not found:
            for start, _, raw in row:
                yield from _split(raw, 0, len(raw), split, shift=start)


def _qualifies_rows(header: str) -> bool:
    """Whether a label column's header says plainly what every row is ("Annual charge, domestic
    undergraduate"): several words, no number ("Cases per 100,000": a rate, cut at its comma) and
    no word of stance ("Not seasonally adjusted", "Expected rate", "Police estimate, not
    organisers'"), which would deny or forecast every row, where it may qualify only some."""
    words = header.lower().split()
    if len(words) < 2 or any(c.isdigit() for c in header):
        return False
    lists = lexicon().lists
    return lists["negations"].isdisjoint(words) and lists["forecast_cues"].isdisjoint(words)


def _title(text: str) -> str:
    """A heading or caption as context: without its section number or "Table 3:" label."""
    text = _SECTION_NUMBER.sub("", text)
    m = _words().caption_label.match(text)
    return text[m.end() :] if m else text


def _context(lines_before: Sequence[_Line]) -> str:
    """The table's caption or the heading just above it: the nearest line above that is a Markdown
    heading, or a short line standing alone with no full stop (a caption, an HTML heading), over
    paragraphs of prose that introduce the table; not over a list, another table or a CSV block."""
    last = len(lines_before) - 1
    for k in range(last, -1, -1):
        line = lines_before[k]
        if _blank(line):
            continue
        m = _HEADING.fullmatch(line.text.strip())
        if m:
            return _title(plain(m.group(1)))
        if _PIPE_ROW.match(line.text) or _BULLET.match(line.text):
            return ""
        title = _title(plain(line.text).rstrip(":").strip())
        alone_after = k == last or _blank(lines_before[k + 1])  # nothing runs on from it
        alone_before = line.start == 0 or (k > 0 and _blank(lines_before[k - 1]))
        if (
            alone_after
            and alone_before
            and len(title) <= MAX_HEADING_CHARS
            and not _SENTENCE_END.search(title)
            and title[0].isupper() | title[0].isdigit()
            and not title.endswith((",", ";", ")"))
        ):
            return title
        if alone_after and not line.text.rstrip().endswith(_CLOSERS):
            return ""  # the end of something that is not prose (a CSV block): no title above it
    return ""


# The reader ----------------------------------------------------------------------------------


def read_structure(text: str, split: Split) -> Iterator[Sentence]:
    """(start, end, sentence) of every sentence of ``text`` in order: the virtual sentences of its
    tables and ``Label: value`` lines, and ``split``'s sentences of the rest (sentence None)."""
    pos = 0
    for start, end, sentences in _structures(text, split):
        yield from _split(text, pos, start, split)
        yield from sentences
        pos = end
    yield from _split(text, pos, len(text), split)


def _split(
    text: str, start: int, end: int, split: Split, join_lines: bool = False, shift: int = 0
) -> Iterator[Sentence]:
    """``split``'s sentences of ``text[start:end]``, their offsets plus ``shift`` (where ``text`` is)."""
    if start >= end:
        return
    part = text if start == 0 and end == len(text) else text[start:end]
    if join_lines:  # a wrapped bullet item is one paragraph: its line ends are spaces
        part = part.replace("\n", " ")
    for lo, hi in split(part):
        yield shift + start + lo, shift + start + hi, None


def _structures(text: str, split: Split) -> Iterator[tuple[int, int, list[Sentence]]]:
    """(start, end, sentences) of each table, list item and label line, in order, not overlapping."""
    pos = 0
    for m in _CANDIDATE.finditer(text):
        if m.start() < pos:
            continue
        found = _structure_at(text, m.start(), split)
        if found is not None:
            yield found
            pos = found[1]


def _structure_at(text: str, start: int, split: Split) -> tuple[int, int, list[Sentence]] | None:
    """The table, list item or label line that starts at line ``start``, if any."""
    lines = _lines_at(text, start)
    first = next(lines)
    if _PIPE_ROW.match(first.text):
        return _pipe_table(text, first, lines, split)
    bullet = _BULLET.match(first.text)
    if bullet:
        return _bullet_item(text, first, lines, len(bullet.group(1)), split)
    for sep in _SEPARATORS:
        if sep in first.text:
            table = _csv_table(text, first, sep, split)
            if table is not None:
                return table
    if is_label_line(first.text):
        return _stack(text, first, lines)
    return _label_line(text, first, first.start, split)


def _stack(text: str, first: _Line, lines: Iterator[_Line]) -> tuple[int, int, list[Sentence]] | None:
    """The table flattened one cell per line that opens at ``first`` (``stacks.read_stack``)."""
    taken = [first, *itertools.takewhile(lambda line: is_label_line(line.text) or is_number_line(line.text), lines)]
    before = [line.text.strip() for line in _lines_before(text, first.start, 2) if not _blank(line)]
    heading = before[-1] if before and is_label_line(before[-1]) else ""
    stack = read_stack(taken, heading)
    if stack is None:
        return None
    return stack.start, stack.end, [(a, b, t) for a, b, t in stack.sentences]


def _lines_before(text: str, start: int, count: int = CONTEXT_LINES) -> list[_Line]:
    """Up to ``count`` lines before the line that starts at ``start``."""
    out: list[_Line] = []
    end = start - 1
    while end >= 0 and len(out) < count:
        lo = text.rfind("\n", 0, end) + 1
        out.append(_Line(lo, end, text[lo:end]))
        end = lo - 1
    return out[::-1]


def _pipe_table(text: str, first: _Line, lines: Iterator[_Line], split: Split) -> tuple[int, int, list[Sentence]]:
    block = [first]
    for line in lines:
        if not _PIPE_ROW.match(line.text):
            break
        block.append(line)
    end = block[-1].end
    rows = [(line, _pipe_cells(line)) for line in block]
    header: list[_Cell] | None = None
    if len(rows) > 1 and _DELIMITER.fullmatch(rows[1][0].text):
        header, data = rows[0][1], [cells for line, cells in rows[2:] if not _DELIMITER.fullmatch(line.text)]
    else:
        data = [cells for line, cells in rows if not _DELIMITER.fullmatch(line.text)]
        if data and _header_like(data[0]):
            header, data = data[0], data[1:]
    if header is not None and any(len(c[2]) > MAX_TABLE_CELL_CHARS for c in header):
        data = [header, *data]  # prose, not column names: kept as text
        header = None
    if not data or max(len(r) for r in data) < 2 or (header is None and len(data) < 2):
        # Not a table: its lines are text. Read here, once, so that no later line of the block
        # starts the search again (quadratic on a long run of one-cell rows).
        return first.start, end, list(_split(text, first.start, end, split))
    table = _Table(header, data, _context(_lines_before(text, first.start)))
    return first.start, end, list(table_sentences(table, split))


def _csv_table(text: str, first: _Line, sep: str, split: Split) -> tuple[int, int, list[Sentence]] | None:
    """A CSV-like block from ``first``: 3+ lines with as many ``sep`` as the header line, short
    cells, a header with no bare number, and a number in every row."""
    count = _cell_count(first.text, sep)
    after = _lines_at(text, first.end + 1)
    if any(_cell_count(next(after, _NO_LINE).text, sep) != count for _ in range(MIN_CSV_LINES - 1)):
        return None  # the quick test: most lines with a comma are prose, with no like line after
    header = _csv_cells(first, sep)
    if header is None or len(header) < 2 or not _header_like(header) or _SENTENCE_END.search(first.text.strip()):
        return None
    rows: list[list[_Cell]] = []
    end = first.end
    for line in _lines_at(text, first.end + 1):
        cells = _csv_cells(line, sep) if line.text.strip() else None
        if cells is None or len(cells) != len(header) or not any(_BARE_NUMBER.fullmatch(c[2]) for c in cells):
            break
        rows.append(cells)
        end = line.end
    if len(rows) + 1 < MIN_CSV_LINES or any(len(c[2]) > MAX_CELL_CHARS for r in (header, *rows) for c in r):
        return None
    table = _Table(header, rows, _context(_lines_before(text, first.start)))
    return first.start, end, list(table_sentences(table, split))


def _bullet_item(
    text: str, first: _Line, lines: Iterator[_Line], indent: int, split: Split
) -> tuple[int, int, list[Sentence]]:
    """A bullet and the lines indented under it: a label line, else its sentences, wrapped lines joined."""
    end = first.end
    for line in lines:
        stripped = line.text.lstrip(" \t")
        if not stripped or len(line.text) - len(stripped) <= indent or _BULLET.match(line.text):
            break
        end = line.end
    item = _Line(first.start, end, text[first.start : end])
    body = first.start + _BULLET.match(first.text).end()  # type: ignore[union-attr]  # matched by the caller
    found = _label_line(text, item, body, split)
    if found is not None:
        return found
    return first.start, end, list(_split(text, first.start, end, split, join_lines=True))


def _wrapped(text: str, line: _Line) -> bool:
    """Whether ``line`` is part of a hard-wrapped paragraph: the line before it runs on into it,
    or it runs on into the next (a long line with no closing punctuation, a non-blank line after)."""
    before = text[text.rfind("\n", 0, max(0, line.start - 1)) + 1 : max(0, line.start - 1)].strip()
    after_end = text.find("\n", line.end + 1)
    after = text[line.end + 1 : len(text) if after_end < 0 else after_end].strip()
    return bool(
        (before and len(before) >= WRAP_CHARS and not before.endswith(_CLOSERS))
        or (after and len(line.text.strip()) >= WRAP_CHARS and not line.text.strip().endswith(_CLOSERS))
        or (after and after[0].islower())
    )


def _label_line(text: str, line: _Line, body: int, split: Split) -> tuple[int, int, list[Sentence]] | None:
    """``Label: value.`` for a line (or bullet item) from ``body`` on that reads as one, else None:
    a short label with no sentence end in it, and a value of one sentence that holds a figure."""
    raw = line.text[body - line.start :].replace("\n", " ")
    colon = _COLON.search(raw, 0, 2 * MAX_LABEL_CHARS)
    if colon is None:  # the quick test: no label, or a sentence's colon
        return None
    m = _LABEL.fullmatch(plain(raw))
    if m is None:
        return None
    label, value = m.group(1).strip(), m.group(2).strip()
    if (
        (body == line.start and (_wrapped(text, line) or not label[0].isupper()))  # a bullet starts anew
        or len(label) > MAX_LABEL_CHARS
        or len(label.split()) > MAX_LABEL_WORDS
        or re.search(r"[.!?](?:\s|$)", label)
        or len(value) > MAX_VALUE_CHARS
        or not _has_number(value)
        or value[0] in "\"“'‘"
        or sum(1 for _ in split(value)) > 1
    ):
        return None
    lead = len(raw) - len(raw.lstrip())
    return line.start, line.end, [(body + lead, line.end, _sentence(label, ": ", value))]
