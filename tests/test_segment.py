"""Sentence splitting and offset -> (line, column)."""

from __future__ import annotations

import pytest

from claimcheck.segment import MAX_SENTENCE_CHARS, LineIndex, MappedLineIndex, one_line, segment, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police held 38. Nine were freed.", ["Police held 38.", "Nine were freed."]),
        ("Mr. Smith said 38 towns. Then he left.", ["Mr. Smith said 38 towns.", "Then he left."]),
        ("The U.S. sent aid. Officials agreed.", ["The U.S. sent aid.", "Officials agreed."]),
        ("He said “38 towns.” Nine more followed.", ["He said “38 towns.”", "Nine more followed."]),
        ("Floods\n\nHeavy rain hit 38 towns.", ["Floods", "Heavy rain hit 38 towns."]),
        ("It cost 2.5 million. Really?  Yes!", ["It cost 2.5 million.", "Really?", "Yes!"]),
        ("a sentence that goes on\nand on over a line break", ["a sentence that goes on", "and on over a line break"]),
        # Prose wrapped at a fixed width: a long line, or one where a sentence ends, goes on below.
        (
            "The harbour board met twice. Its chair said that the quay had cost 4%\nmore than planned.",
            ["The harbour board met twice.", "Its chair said that the quay had cost 4%\nmore than planned."],
        ),
        (
            "Turnout in the three western wards of the borough fell by a fifth\nsince the last vote.",
            ["Turnout in the three western wards of the borough fell by a fifth\nsince the last vote."],
        ),
        # A list item stays a passage of its own, however long.
        (
            "- Harbour dues raised for the first time since the quay was rebuilt\nlater items follow",
            ["- Harbour dues raised for the first time since the quay was rebuilt", "later items follow"],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_overlong_sentence_is_cut_at_a_space() -> None:
    text = "word " * 1000
    parts = sentences(text)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in parts)
    assert " ".join(parts).split() == text.split()


def test_line_index_is_one_based() -> None:
    lines = LineIndex("ab\ncd\n\nef")
    assert [lines.locate(i) for i in (0, 1, 3, 6, 7, 9)] == [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (4, 3)]


def test_segment_locates_passages() -> None:
    text = "Title\n\n  Police held 38 people. Nine were freed.\n"
    assert [(p.text, p.line, p.column) for p in segment(text)] == [
        ("Title", 1, 1),
        ("Police held 38 people.", 3, 3),
        ("Nine were freed.", 3, 26),
    ]


def test_mapped_line_index_locates_in_the_original() -> None:
    original = "<p>ab</p>\n<p>cd</p>"
    text, offsets = "ab\ncd", (3, 4, 9, 13, 14)
    lines = MappedLineIndex(original, offsets)
    assert lines.locate(0) == (1, 4)
    assert lines.locate(3) == (2, 4)
    assert lines.locate(len(text)) == (2, len("<p>cd</p>") + 1)


def test_one_line() -> None:
    assert one_line("  Police\n held\t38 \n") == "Police held 38"


@pytest.mark.parametrize(
    ("text", "end", "word"),
    [
        ("Mr. Hale", 3, "Mr."),
        ("x" * 80 + ".", 81, "x" * 80 + "."),
        ("a\u2028b.c.", 6, "b.c."),
        ("a\t\tb", 4, "b"),
        ("ab ", 3, ""),
        ("", 0, ""),
    ],
)
def test_word_before_a_boundary(text: str, end: int, word: str) -> None:
    from claimcheck.segment import _word_before

    assert _word_before(text, end) == word
