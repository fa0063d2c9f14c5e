"""Hostile text: no regex of segment or load backtracks catastrophically (timed as a ratio against an
ordinary text of the same size), and odd figures do not crash the reader. bench/hostile.py runs the
large cases; these stay small enough for every test run."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.htmltext import html_to_text
from claimcheck.quantities import extract_quantities
from claimcheck.segment import segment

SIZE = 100_000  # characters: big enough that a quadratic regex takes seconds, small enough to be quick
MAX_RATIO = 10  # the bound against an ordinary text of the same size
ROOT = Path(__file__).resolve().parents[1]


def ordinary(size: int) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return (text * (size // len(text) + 1))[:size]


def repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def seconds(run: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    run(text)
    return time.perf_counter() - start


def assert_linear(run: Callable[[str], object], hostile: str, normal: str) -> None:
    base = max(seconds(run, normal), 0.05)  # a floor so timer noise on a fast run is no failure
    assert seconds(run, hostile) < MAX_RATIO * base


# Each built to make one pattern rescan: a run it may repeat, then what makes it fail.
SEGMENT_CASES = {
    "dots": repeat(".") + "x",
    "dots-then-quotes": repeat('.")') + "x",
    "bangs": repeat("!?") + "x",
    "initials": repeat("a."),
    "capital-initials": repeat("A. "),
    "long-word": repeat("abcdefghij"),
    "long-word-dots": repeat("a" * 50 + ". "),
    "short-lines": repeat("word\n"),
    "blank-lines": repeat("\n \n"),
    "whitespace": repeat(" \t"),
}


@pytest.mark.parametrize("name", list(SEGMENT_CASES))
def test_segment_is_linear(name: str) -> None:
    assert_linear(segment, SEGMENT_CASES[name], ordinary(SIZE))


HTML_CASES = {
    "nested": "<div>" * (SIZE // 12) + "38 towns" + "</div>" * (SIZE // 12),
    "unclosed-comments": "<p>38</p>" + repeat("<!--"),
    "unclosed-tags": "<p>38</p>" + repeat("<a "),
    "open-angles": "<p>38</p>" + repeat("<"),
    "char-refs": "<p>38</p>" + repeat("&#"),
    "cdata": "<p>38</p>" + repeat("<!["),
    "script": "<script>" + repeat("</scrip "),
}


@pytest.mark.parametrize("name", list(HTML_CASES))
def test_html_to_text_is_linear(name: str) -> None:
    normal = repeat("<p>" + ordinary(400) + "</p>\n")
    assert_linear(html_to_text, HTML_CASES[name], normal)


def test_huge_exponent_is_read_not_raised() -> None:
    extract_quantities("Police arrested 1e999999 people.")


def test_number_after_a_bare_line_break_is_read() -> None:
    assert [q.text for q in extract_quantities("\n0")] == ["0"]
