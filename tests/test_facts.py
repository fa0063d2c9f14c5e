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
