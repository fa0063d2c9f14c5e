"""Table cells, for the judge: the words that the other cells of a table give as their row label
or column header. The structure stage writes each cell as one sentence, "ROW, COLUMN (CONTEXT):
VALUE." (see ``structure``); the cells of one row stand on one line of the source. A cell of the
same measure in another row or column is the same figure for another group ("Placebo" beside
"Drug A", "South" under "North"), whose word a claim may name (docs/verdicts.md, alignment)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .facts import PassageFacts
from .words import is_function_word, lexicon, tokenize

TABLE_REACH = 40  # cells of one table looked at on each side of a cell


def _cell(text: str) -> tuple[str, str, str] | None:
    """A table cell's sentence ("North, Share 2024 (caption): 26.8%.") as (row label, column
    header, value); None for a sentence that is no cell."""
    row, comma, rest = text.partition(", ")
    column, colon, value = rest.rpartition(": ")
    return (row, column, value) if comma and colon else None


def _same_measure(passages: Sequence[PassageFacts], k: int) -> Iterator[tuple[PassageFacts, bool, str]]:
    """The other cells of passage ``k``'s table that hold its measure (their values written alike:
    "%", "€million"), each with whether it is in ``k``'s row, and its column header."""
    cell = _cell(passages[k].passage.text)
    if cell is None:
        return
    row, column, value = cell
    line, unit = passages[k].passage.line, _value_unit(value)
    for j in range(max(0, k - TABLE_REACH), min(len(passages), k + TABLE_REACH + 1)):
        q = passages[j].passage
        if j == k or _value_unit(q.text.rpartition(": ")[2]) != unit:
            continue
        q_row, _, q_rest = q.text.partition(", ")
        q_column = q_rest.rpartition(": ")[0]
        same_row = q.line == line and q_row == row
        if same_row or (q.line != line and q_column == column):
            yield passages[j], same_row, q_column


def table_rival_keys(passages: Sequence[PassageFacts], k: int) -> frozenset[str]:
    """The words that other cells of passage ``k``'s table hold in their own row label or column
    header, and it does not. Only cells of the same measure count: a column of counts beside one
    of shares is another measure, not a group."""
    rivals = [q.keys for q, _, _ in _same_measure(passages, k)]
    return frozenset().union(*rivals) - passages[k].keys if rivals else frozenset()


def row_parts(passages: Sequence[PassageFacts], k: int) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """How passage ``k``'s row stands to a row of its table that gives the same measure's total
    ("Total", "Valley total", "All services"): (the words of ``k``'s row label, when ``k`` is
    another row: a part of the total, which speaks only to a claim that names it; and, when ``k``
    is in the total row, the words of each other row's label: the rows it is the total of, one of
    which a claim may name, "North | 120" above "Total | 200"). Empty for any other cell."""
    cell = _cell(passages[k].passage.text)
    if cell is None:
        return frozenset(), ()
    rows = list(_other_rows(passages, k))
    if not _total_label(cell[0]):
        return (_label_keys(cell[0]) if any(map(_total_label, rows)) else frozenset()), ()
    own = _label_keys(cell[0])
    return frozenset(), tuple(keys - own for row in dict.fromkeys(rows) if (keys := _label_keys(row)) - own)


def _other_rows(passages: Sequence[PassageFacts], k: int) -> Iterator[str]:
    """The row labels of the other rows of passage ``k``'s table that hold its measure."""
    return (q.passage.text.partition(", ")[0] for q, same_row, _ in _same_measure(passages, k) if not same_row)


def _label_keys(label: str) -> frozenset[str]:
    """The index keys of a row label's content words."""
    lex = lexicon()
    return frozenset(key for t in tokenize(label, lex) if not is_function_word(t, lex) for key in t.keys)


def _total_label(row: str) -> bool:
    """Whether a row label names a table's total, all of its rows (lexicon/words.yaml total_rows;
    not "All other services")."""
    words = set(re.findall(r"[a-z]+", row.lower()))
    lists = lexicon().lists
    return not words.isdisjoint(lists["total_rows"]) and words.isdisjoint(lists["total_row_exceptions"])


_NUMBER_CHARS = re.compile(r"[\d.,\s+\-−]")


def _value_unit(value: str) -> str:
    """What a table cell's value writes beside its digits ("%", "€million", "ha"): cells of one
    measure write the same."""
    return _NUMBER_CHARS.sub("", value)


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year in a header ("Budget 2025", "FY2024")


def _forecast(header: str) -> bool:
    """Whether a column header says its values are forecasts ("Population 2030 (projected)")."""
    cues = lexicon().lists["forecast_cues"]
    return any(w in cues for w in re.findall(r"[a-z]+", header.lower()))


def row_years(passages: Sequence[PassageFacts], k: int) -> frozenset[int]:
    """The years in the column headers of the other cells of passage ``k``'s table row that hold
    the same measure ("Budget 2024" beside "Budget 2025"), but for forecasts: the row is a series
    over those years."""
    years: set[int] = set()
    for _, same_row, column in _same_measure(passages, k):
        if same_row and not _forecast(column):
            years.update(int(y) for y in YEAR.findall(column))
    return frozenset(years)
