"""Stage 1b, structure: a table flattened one cell per line, as a web page's graphic or results box
often reaches plain text -> ``Label: value`` sentences (``structure`` calls it on a line that may
open one). A stack is a run of groups, each a short label line followed by lines holding only a
number; at least ``MIN_GROUPS`` of them, so that a lone "Population" over "5,000" stays text::

    Seats by party           -> the heading (the line before the first label): every value's measure
    Labour
    412                      -> "Labour, Seats by party: 412."
    +210                        (a further number in a group is unlabelled: a change, left out)
    Conservatives
    121                      -> "Conservatives, Seats by party: 121."

A group whose numbers come as year, value, year, value ("Labour / 2024 / 33.8% / 2019 / 32.1%")
gives one sentence per year: "Labour, 2024 (Historical results): 33.8%." Each sentence is located
at its value's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

MIN_GROUPS = 3  # label-and-number groups a stack needs (two, when each gives values by year)
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 50

# A line holding only a number, and the words a label line may hold (``structure`` finds candidate
# stacks with the same two patterns).
NUMBER_LINE = r"[ \t]*[-+−]?[$€£]?\d[\d,]*(?:\.\d+)?[ \t]*(?:%|[kKmM]|bn)?[ \t]*"
LABEL_LINE = rf"[ \t]*[A-Za-z][^\d\n.!?:;|]{{0,{MAX_LABEL_CHARS - 1}}}"
_NUMBER = re.compile(NUMBER_LINE)
_LABEL = re.compile(LABEL_LINE)
_YEAR = re.compile(r"[ \t]*(?:19|20)\d\d[ \t]*")


class Line(NamedTuple):
    """A line of the text: its first character's offset, the offset after its last (before the
    newline), and what it says."""

    start: int
    end: int
    text: str


class Stack(NamedTuple):
    """Where a stack starts and ends in the text, and its sentences (start, end, text)."""

    start: int
    end: int
    sentences: list[tuple[int, int, str]]


def is_number_line(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def is_label_line(text: str) -> bool:
    """A short line of words with no digit and no sentence end: a row's or a column's name."""
    words = text.split()
    return (
        bool(words) and len(words) <= MAX_LABEL_WORDS and len(text) <= MAX_LABEL_CHARS and bool(_LABEL.fullmatch(text))
    )


def read_stack(lines: Sequence[Line], heading: str) -> Stack | None:
    """The stack that ``lines`` open (the first a label line), else None. ``heading``: the line
    before it, when it is a label line (the measure of every value), else ""."""
    groups: list[tuple[Line, list[Line]]] = []
    i = 0
    while i < len(lines) and is_label_line(lines[i].text):
        j = i + 1
        while j < len(lines) and is_number_line(lines[j].text):
            j += 1
        if j == i + 1:
            break  # a label with no number: the stack (if any) ended before it
        groups.append((lines[i], list(lines[i + 1 : j])))
        i = j
    by_year = all(_by_year(numbers) for _, numbers in groups)
    if len(groups) < (2 if by_year and groups else MIN_GROUPS):
        return None
    sentences: list[tuple[int, int, str]] = []
    for label, numbers in groups:
        name = label.text.strip()
        if by_year:
            for year, value in zip(numbers[::2], numbers[1::2], strict=True):
                where = f"{name}, {year.text.strip()}" + (f" ({heading})" if heading else "")
                sentences.append(_at(value, where))
        else:
            sentences.append(_at(numbers[0], f"{name}, {heading}" if heading else name))
    last = groups[-1][1][-1]
    return Stack(groups[0][0].start, last.end, sentences)


def _by_year(numbers: Sequence[Line]) -> bool:
    """Whether a group's numbers come in pairs of a year and a value."""
    return len(numbers) >= 2 and len(numbers) % 2 == 0 and all(_YEAR.fullmatch(n.text) for n in numbers[::2])


def _at(value: Line, label: str) -> tuple[int, int, str]:
    text = value.text.strip()
    lead = len(value.text) - len(value.text.lstrip())
    return value.start + lead, value.start + lead + len(text), f"{label}: {text}."
