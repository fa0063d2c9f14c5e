"""A long source is read and judged a block at a time: blocks cover the text, evidence is located in
the whole file, and results match reading it at once when the blocks are independent paragraphs."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.document import analyze_source, judge_blocks, text_blocks
from claimcheck.index import ClaimIndex
from claimcheck.judge import judge_doc
from claimcheck.model import Claim, Source
from claimcheck.plan import plan_claim
from claimcheck.verify import verify


@given(st.text(alphabet="ab \n.", max_size=400), st.integers(min_value=1, max_value=60))
@settings(max_examples=200, deadline=None)
def test_blocks_cover_the_text_in_order(text: str, size: int) -> None:
    blocks = list(text_blocks(text, size))
    assert blocks[0][0] == 0 and blocks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(blocks, blocks[1:], strict=False))
    assert all(0 < end - start <= size for start, end in blocks) or text == ""


def test_blocks_end_at_paragraph_breaks() -> None:
    text = "One two three.\n\nFour five six.\n\nSeven eight nine.\n"
    assert [text[s:e] for s, e in text_blocks(text, 20)] == [
        "One two three.\n\n",
        "Four five six.\n\n",
        "Seven eight nine.\n",
    ]


PARAGRAPHS = [
    "Firefighters said 40 homes were destroyed by the blaze on Monday.",
    "The council voted on the budget. Nothing else was decided.",
    "Officials later said 65 homes were destroyed, far more than first thought.",
    "Bus fares rose 10% in March, the transit agency said.",
]


def test_blocks_give_the_results_of_the_whole_file() -> None:
    plans = [plan_claim(Claim("homes", "40 homes were destroyed")), plan_claim(Claim("fares", "Bus fares rose 10%"))]
    index = ClaimIndex(plans)
    text = "\n\n".join(PARAGRAPHS * 5) + "\n"
    source = Source("long.txt", text)
    whole = judge_doc(plans, index, analyze_source(source))
    blocked = judge_blocks(plans, index, source, size=150)
    assert [(i, r.verdict) for i, r in blocked] == [(i, r.verdict) for i, r in whole]
    assert blocked[0][1].verdict.value == "mixed"
    for _, result in blocked:
        for e in result.evidence:
            assert text[e.start : e.end] == e.text
            line_start = sum(len(line) + 1 for line in text.split("\n")[: e.line - 1])
            assert line_start + e.column - 1 == e.start


def test_progress_counts_bytes_within_a_long_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One large source moves the progress block by block, in bytes of the file, to its size."""
    # engine reads BLOCK_CHARS from the document module at each call.
    monkeypatch.setattr(importlib.import_module("claimcheck.document"), "BLOCK_CHARS", 400)
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(PARAGRAPHS * 12) + "\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(PARAGRAPHS[0] + "\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    verify(
        [Claim("homes", "40 homes were destroyed")], [str(long), str(short)], progress=lambda d, t: seen.append((d, t))
    )
    total = long.stat().st_size + short.stat().st_size
    assert {t for _, t in seen} == {total}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == total
    assert len([d for d in done if 0 < d < long.stat().st_size]) >= 3  # inside the long file
