"""Hostile text: the inputs built to make a regex of segment or load rescan are read correctly (every
word kept, offsets right), and odd figures do not crash the reader. How fast they are read, as a ratio
against ordinary text, is measured by bench/hostile.py (the same cases, larger): wall-clock ratios
on a shared machine are noise, not a test."""

from __future__ import annotations

import pytest

from claimcheck.htmltext import html_to_text
from claimcheck.quantities import extract_quantities
from claimcheck.segment import MAX_SENTENCE_CHARS, segment

SIZE = 100_000  # characters: a quadratic regex would make the suite visibly slow at this size


def repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


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
def test_hostile_text_is_segmented_without_losing_a_word(name: str) -> None:
    text = SEGMENT_CASES[name]
    passages = segment(text)
    previous_end = 0
    for p in passages:
        assert p.text == text[p.start : p.end] and p.text.strip() == p.text
        assert previous_end <= p.start and len(p.text) <= MAX_SENTENCE_CHARS
        previous_end = p.end
    assert "".join("".join(p.text for p in passages).split()) == "".join(text.split())  # no character lost


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
def test_hostile_html_is_read_with_its_offsets(name: str) -> None:
    original = HTML_CASES[name]
    text, offsets = html_to_text(original)
    assert len(offsets) == len(text)
    assert "38" in text or name == "script"  # the script case has no visible text at all
    if "38" in text:
        at = offsets[text.index("38")]
        assert original[at : at + 2] == "38"


def test_huge_exponent_is_read_not_raised() -> None:
    extract_quantities("Police arrested 1e999999 people.")


def test_number_after_a_bare_line_break_is_read() -> None:
    assert [q.text for q in extract_quantities("\n0")] == ["0"]
