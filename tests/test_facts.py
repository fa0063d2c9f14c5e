"""Facts: a source read into located sentences with the frames of their figures."""

from __future__ import annotations

from claimcheck.facts import analyze_text


def test_document_facts_are_located() -> None:
    text = "First line.\nThe storm destroyed 380 houses on Monday."
    doc = analyze_text("x.txt", text)
    p = doc.passages[1]
    assert (p.passage.line, p.passage.column) == (2, 1)
    (frame,) = p.frames
    assert text[frame.quantity.start : frame.quantity.end] == frame.quantity.text


def test_a_sentence_of_bare_figures_gets_no_frames() -> None:
    # Nothing in "1,1,1," or "½ ⅓ ½" says what a figure counts: no claim figure can align with it.
    for text in ["1, 2, 3, 4, 5, 6.", "½ ⅓ ½ ⅓ ½.", "It was 500, then 600."]:
        doc = analyze_text("x.txt", text)
        assert all(not p.frames for p in doc.passages), text
    doc = analyze_text("x.txt", "It was 500 homes, then 600.")
    assert doc.passages[0].frames


def test_numbers_in_a_label_name_the_row_not_a_figure() -> None:
    # In "Label: value" lines the value follows the colon; a number before it (an age band, a size
    # band, a distance) says which row this is.
    for text, value in [
        ("Residents by age, Norvik, 15–64, 2023: 402,100.", "402,100"),
        ("Households of 3 or more people: 58,300.", "58,300"),
        ("Homes within 5 km of the plant: 1,240.", "1,240"),
    ]:
        (p,) = analyze_text("x.txt", text).passages
        assert [f.quantity.text for f in p.frames] == [value], text


def test_a_label_line_without_a_figure_after_its_colon_keeps_its_figures() -> None:
    for text in ["Police arrested 40 people: a record.", "The council cut 300 jobs: 120 in parks, the rest in roads."]:
        (p,) = analyze_text("x.txt", text).passages
        assert any(f.quantity.text in ("40", "300") for f in p.frames), text
