"""Stage 1b, stacked figures: a results widget or score box that a web page's text gives as a
label on one line and its figure on the next, the way an infographic stacks them::

    Seats by party          -> the block's title
    Northern Alliance
    212                     -> "Northern Alliance (Seats by party): 212."
    +40                     -> a change beside the figure: left as written
    Green League
    37                      -> "Green League (Seats by party): 37."

or one label over figures by year::

    Vote share by party
    Northern Alliance
    2031                    -> "Northern Alliance, 2031 (Vote share by party): 41.2%."
    41.2%
    2027
    38.5%

``structure.py`` asks ``read_stack`` at each line that may open such a block. A block needs at
least ``MIN_ENTRIES`` labels, each followed by its figure: a lone "Chapter" over "12" is no block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

Sentence = tuple[int, int, "str | None"]  # as structure.Sentence: (start, end, virtual text)

MIN_ENTRIES = 2  # labels with a figure under them that make a block
MAX_STACK_LABEL_CHARS = 40  # a longer line is prose or a heading, not a label over a figure

_FIGURE = re.compile(r"[ \t]*(\d[\d,.]*[ \t]*%?)[ \t]*")  # a bare figure on its own line
_CHANGE = re.compile(r"[ \t]*[+\-−–]\d[\d,.]*[ \t]*%?(?:[ \t]*pts?)?[ \t]*")  # "+210", "-3.4%"
_YEAR = re.compile(r"[ \t]*((?:19|20)\d\d)[ \t]*")
_REST = "{0,%d}" % (MAX_STACK_LABEL_CHARS - 1)  # noqa: UP031 - braces are the pattern's own
_LABEL = re.compile(r"[ \t]*([^\W\d_][^\d:;,.!?\t]" + _REST + r")[ \t]*")

# Where a block may open: a label line with a figure line right under it.
STACK_START = r"[^\W\d_][^\d\n:;,.!?\t]" + _REST + r"\n[ \t]*\d[\d,.]*[ \t]*%?[ \t]*$"


def read_stack(text: str, start: int, title: str) -> tuple[int, int, list[Sentence]] | None:
    """The block of stacked labels and figures whose first label line starts at ``start``, as
    (start, end, sentences); None when fewer than ``MIN_ENTRIES`` labels have a figure under them.
    ``title`` is the line above the block, when that titles it ("Seats by party")."""
    lines = list(_lines(text, start))
    sentences: list[Sentence] = []
    entries, k, end = 0, 0, start
    while k < len(lines):
        lo, hi, line = lines[k]
        label = _LABEL.fullmatch(line)
        if label is None or k + 1 >= len(lines):
            break
        found, k = _entry(lines, k + 1, label.group(1), title)
        if not found:
            break
        sentences.extend(found)
        entries += 1
        end = lines[k - 1][1]
    if entries < MIN_ENTRIES:
        return None
    return start, end, sentences


def _entry(lines: Sequence[tuple[int, int, str]], k: int, label: str, title: str) -> tuple[list[Sentence], int]:
    """The sentences of one label's figures, from line ``k`` under it, and the line after them."""
    context = f" ({title})" if title else ""
    out: list[Sentence] = []
    while k < len(lines):
        lo, hi, line = lines[k]
        year = _YEAR.fullmatch(line)
        if year and k + 1 < len(lines) and (value := _FIGURE.fullmatch(lines[k + 1][2])):
            # "2031" over "41.2%": the label's figure for that year.
            v_lo = lines[k + 1][0] + value.start(1)
            out.append((v_lo, v_lo + len(value.group(1)), f"{label}, {year.group(1)}{context}: {value.group(1)}."))
            k += 2
            continue
        value = _FIGURE.fullmatch(line)
        if value is not None and not out:
            v_lo = lo + value.start(1)
            out.append((v_lo, v_lo + len(value.group(1)), f"{label}{context}: {value.group(1)}."))
            k += 1
            continue
        if out and _CHANGE.fullmatch(line):
            k += 1  # "+210" beside the figure: a change, left unread
            continue
        break
    return out, k


def _lines(text: str, start: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of the non-blank lines from ``start`` up to the first blank line."""
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if not line.strip():
            return
        yield start, end, line
        start = end + 1


def stack_title(line: str) -> str:
    """The line above a block as its title: short, no figure, no sentence end; else ""."""
    line = line.strip()
    if not line or len(line) > 2 * MAX_STACK_LABEL_CHARS or re.search(r"\d|[.!?:]$", line):
        return ""
    return line
