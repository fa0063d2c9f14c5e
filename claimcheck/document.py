"""Stage per document: one Source -> its facts (DocFacts) -> its results on the run's claims. A long
source is read and judged a block at a time. Both the engines (``engine.py``, in worker processes) and
``verify`` call in here; it imports neither."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from .facts import DocFacts, analyze_text
from .index import ClaimIndex
from .judge import judge_doc, merge_results
from .model import Claim, Source, SourceResult
from .plan import ClaimPlan, plan_claim
from .segment import LineIndex, MappedLineIndex, PartIndex


def plan_claims(claims: Sequence[Claim]) -> list[ClaimPlan]:
    return [plan_claim(c) for c in claims]


def _lines(source: Source) -> LineIndex:
    if source.parts is not None:
        return PartIndex(source.parts)
    if source.offsets is not None and source.original is not None:
        return MappedLineIndex(source.original, source.offsets)
    return LineIndex(source.text)


def analyze_source(source: Source, frame_keys: frozenset[str] | None = None) -> DocFacts:
    """The facts of one source (cacheable, parallelisable): all of them, or with ``frame_keys``
    those a claim set can use (see ``analyze_text``)."""
    return analyze_text(source.path, source.text, _lines(source), frame_keys)


BLOCK_CHARS = 1_000_000  # a source longer than this is read and judged a block at a time


def text_blocks(text: str, size: int = BLOCK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive blocks of at most ``size`` characters covering ``text``, cut at a
    paragraph break, else a line break, else a space (in the second half of the block), else anywhere."""
    start, n = 0, len(text)
    while n - start > size:
        limit = start + size
        cut = limit
        for sep in ("\n\n", "\n", " "):
            found = text.rfind(sep, start + size // 2, limit)
            if found >= 0:
                cut = found + len(sep)
                break
        yield start, cut
        start = cut
    yield start, n


class _Shifted(LineIndex):
    """Locates offsets of a block through the whole source's index."""

    def __init__(self, lines: LineIndex, offset: int) -> None:  # noqa: D107 - no call to super: nothing to index
        self._lines = lines
        self._offset = offset
        self.parted = lines.parted

    def locate(self, offset: int) -> tuple[int, int]:
        return self._lines.locate(offset + self._offset)

    def part(self, offset: int) -> str:
        return self._lines.part(offset + self._offset)


def analyze_blocks(
    source: Source, size: int = BLOCK_CHARS, frame_keys: frozenset[str] | None = None
) -> Iterator[DocFacts]:
    """Facts of a long source a block at a time, with offsets and lines in the whole source: memory
    grows with the block, not the file. Each block is its own scope (a dump is not one story)."""
    lines = _lines(source)
    for start, end in text_blocks(source.text, size):
        facts = analyze_text(source.path, source.text[start:end], _Shifted(lines, start), frame_keys)
        if start:
            facts = DocFacts(
                facts.path,
                tuple(
                    replace(p, passage=replace(p.passage, start=p.passage.start + start, end=p.passage.end + start))
                    for p in facts.passages
                ),
                facts.scope,
                framed=facts.framed,
            )
        yield facts


BlockProgress = Callable[[int, int], None]  # (characters of a long source judged, its characters)


def judge_blocks(
    plans: Sequence[ClaimPlan],
    index: ClaimIndex,
    source: Source,
    size: int = BLOCK_CHARS,
    on_block: BlockProgress | None = None,
) -> list[tuple[int, SourceResult]]:
    """``judge_doc`` for a source read block by block, its blocks' results merged per claim."""
    parts: dict[int, list[SourceResult]] = {}
    for facts in analyze_blocks(source, size, index.frame_keys):
        for i, result in judge_doc(plans, index, facts):
            parts.setdefault(i, []).append(result)
        if on_block is not None and facts.passages:
            on_block(facts.passages[-1].passage.end, len(source.text))
    return [(i, merge_results(source.path, results)) for i, results in sorted(parts.items())]
