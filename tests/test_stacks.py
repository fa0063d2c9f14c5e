"""Stacked figures (stacks.py): a label on one line and its figure on the next, as a results
widget's text comes out of a web page, read as one sentence per figure."""

from __future__ import annotations

from claimcheck.segment import segment

WIDGET = """Election night

Seats by party
Northern Alliance
212
+40
Green League
37
-12

The Alliance won a majority.

Vote share by party

Northern Alliance
2031
41.2%
2027
38.5%
Green League
2031
12.0%
"""


def passages(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.text) for p in segment(text)]


def test_each_label_over_its_figure_is_a_sentence_titled_by_the_line_above() -> None:
    found = passages(WIDGET)
    assert (5, 1, "Northern Alliance (Seats by party): 212.") in found
    assert (8, 1, "Green League (Seats by party): 37.") in found
    # The change beside a figure is left unread: no sentence gives "+40" as the party's seats.
    assert not any("40." in text for _, _, text in found)


def test_a_label_over_figures_by_year() -> None:
    found = passages(WIDGET)
    assert (17, 1, "Northern Alliance, 2031 (Vote share by party): 41.2%.") in found
    assert (19, 1, "Northern Alliance, 2027 (Vote share by party): 38.5%.") in found
    assert (22, 1, "Green League, 2031 (Vote share by party): 12.0%.") in found


def test_one_label_over_one_figure_is_no_block() -> None:
    text = "Contents\n\nChapter\n12\n\nThe story begins in spring.\n"
    assert [t for _, _, t in passages(text)] == ["Contents", "Chapter", "12", "The story begins in spring."]


def test_prose_lines_are_no_labels() -> None:
    text = "Notes.\n\nThe count went on, and by dawn it was done.\n40\nOfficials said little.\n7\n"
    assert not any("(" in t or ": " in t for _, _, t in passages(text))


def test_a_stacked_figure_speaks_to_a_claim(check) -> None:  # type: ignore[no-untyped-def]
    assert check("The Northern Alliance won 212 seats.", WIDGET).verdict.value == "agree"
    # The other party's figure is no evidence for this one.
    assert check("The Green League won 212 seats.", WIDGET).verdict.value == "silent"
