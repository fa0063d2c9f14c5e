"""Stage 2, segment: a source's text -> sentences (Passage) with offsets, 1-based line and column.

Owns offset -> (line, column). Sentences end at . ! ? before a capital, digit or quote, at blank
lines, and at line ends that close a short line (a headline, a bullet) or a full stop.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from .lexicon import english
from .model import PartMap, Passage
from .structure import read_structure

MAX_SENTENCE_CHARS = 2_000  # a "sentence" longer than this is cut: scraped text with no punctuation
SHORT_LINE_CHARS = 80  # a line this short that ends without punctuation is a headline or list item
WRAPPED_LINE_CHARS = 60  # ... unless it is this long, or holds a sentence's end, and the next goes on in lower case
_LIST_OR_HEADING = re.compile(r"\s*(?:[-*+•#>|]|\d+[.)]\s)")
_MID_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")

# A candidate boundary: terminal punctuation (with closing quotes/brackets) then space, or a newline.
# It starts only where a run of punctuation starts: tried at every dot of a long run of dots, the
# run would be rescanned from each one (quadratic, 40k dots took 47 s). The pattern opens with the
# class of its first character, which the regex engine searches for in C: four times faster than
# trying the alternatives at every character ("\n" is told apart by looking back at it).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|(?<![.!?].)[.!?]*[\"'”’)\]]*(?=\s))")
_SPACE = re.compile(r"\s+")


class LineIndex:
    """Maps text offsets to 1-based (line, column)."""

    parted = False  # whether lines are counted within parts (pages, paragraphs): see PartIndex

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def part(self, offset: int) -> str:
        """The page or paragraph that ``locate`` counts lines in ("" for text: the whole file)."""
        return ""


def _ends_sentence(text: str, end: int, nl: bool) -> bool:
    """Whether the boundary candidate ending at ``end`` really ends a sentence."""
    rest = text[end : end + 3].lstrip(" \t")
    if nl:
        line_start = text.rfind("\n", 0, end - 1) + 1
        line = text[line_start : end - 1].strip()
        if not line or text.startswith("\n", end) or not rest:
            return True
        if line[-1] in '.!?"”:;':
            return True
        if _open_end(line) and not _LIST_OR_HEADING.match(text, end):
            return False  # "approved a budget for\n2025, ...": wrapped mid-phrase
        if not rest[0].islower():
            return True
        return len(line) < SHORT_LINE_CHARS and not _wrapped_prose(line)
    if not rest:
        return True
    first = rest[0]
    if first.islower() or first in ",;:":
        return False
    word = _word_before(text, end).rstrip(".!?\"'”’)]").lower()
    if word in english().abbreviations or (len(word) == 1 and word.isalpha()):
        return False
    return not _INITIALS.fullmatch(word)


def _open_end(line: str) -> bool:
    """Whether a line stops on a word no sentence ends on ("for", "the", "with")."""
    last = line.rsplit(None, 1)[-1].lower()
    return last in english().open_line_endings


def _wrapped_prose(line: str) -> bool:
    """Whether a line that stops without punctuation, before a line in lower case, is prose wrapped
    at a fixed width (e-mail, plain-text articles) rather than a headline or a list item: it is
    long, or a sentence ends inside it."""
    if _LIST_OR_HEADING.match(line):
        return False
    return len(line) >= WRAPPED_LINE_CHARS or _MID_SENTENCE_END.search(line) is not None


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")
WORD_LOOKBACK = 32  # characters searched back for a word's start before walking back one by one


def _word_before(text: str, end: int) -> str:
    """The run of non-whitespace characters that ends at ``end``."""
    if end == 0 or text[end - 1].isspace():
        return ""
    lo = max(0, end - WORD_LOOKBACK)
    word = text[lo:end].rsplit(None, 1)[-1]  # after the last whitespace, if any
    if len(word) < end - lo or lo == 0:
        return word
    start = lo  # a longer word: walk back to its start
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if not _ends_sentence(text, end, text[end - 1] == "\n"):  # the match is "\n" or ends in punctuation
            continue
        # ``_trimmed`` inline for a sentence of at most MAX_SENTENCE_CHARS: the usual case.
        lo, hi = start, end
        start = end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi - lo > MAX_SENTENCE_CHARS:
            yield from _trimmed(text, lo, hi)
        elif hi > lo:
            yield lo, hi
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def segment(text: str, lines: LineIndex | None = None) -> list[Passage]:
    """Sentences of ``text`` as Passages located by ``lines`` (built from ``text`` when absent); a
    table cell or ``Label: value`` line is a sentence of its own, written out (see structure.py)."""
    lines = lines or LineIndex(text)
    passages = []
    for start, end, virtual in read_structure(text, split_sentences):
        line, column = lines.locate(start)
        passages.append(Passage(start, end, text[start:end] if virtual is None else virtual, line, column))
    if lines.parted:  # a PDF or Word source: each sentence also has its page or paragraph
        passages = [replace(p, part=lines.part(p.start)) for p in passages]
    return passages


def is_question(text: str) -> bool:
    """Whether a sentence is a question: it ends with "?" (before closing quotes and brackets)."""
    return text.rstrip(" \t\n\"'”’)]").endswith("?")


def one_line(text: str) -> str:
    """Text with runs of whitespace (newlines included) folded to one space, for display."""
    return _SPACE.sub(" ", text).strip()


class MappedLineIndex(LineIndex):
    """Locates offsets of extracted text (HTML) in the original file through a per-character map."""

    def __init__(self, original: str, offsets: Sequence[int]) -> None:
        super().__init__(original)
        self._map = offsets
        self._end = len(original)

    def locate(self, offset: int) -> tuple[int, int]:
        mapped = self._map[offset] if offset < len(self._map) else self._end
        return super().locate(mapped)


class PartIndex(LineIndex):
    """Locates offsets of text read out of a PDF or Word document by page or paragraph (a PartMap)."""

    parted = True

    def __init__(self, parts: PartMap) -> None:  # noqa: D107 - no call to super: the map is the index
        self._parts = parts

    def locate(self, offset: int) -> tuple[int, int]:
        _, line, column = self._parts.locate(offset)
        return line, column

    def part(self, offset: int) -> str:
        return self._parts.locate(offset)[0]
