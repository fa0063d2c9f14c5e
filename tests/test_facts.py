"""Facts: a source read into located sentences with the frames of their figures."""

from __future__ import annotations

import pytest

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
        ("Share of residents by age, 65+, 2023: 18.2%.", "18.2%"),
    ]:
        (p,) = analyze_text("x.txt", text).passages
        assert [f.quantity.text for f in p.frames] == [value], text


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Police arrested 40 people: a record.", "40"),  # no figure after the colon
        ("The council cut 300 jobs: 120 in parks, the rest in roads.", "300"),  # prose goes on after it
        ("Population: 4.2 million (2011 census: 3.9 million).", "4.2 million"),  # two colons
        ("Revenue: $5.2bn, operating profit: $610m.", "$5.2bn"),
        ("Labour 412 seats, Conservatives 121 seats, Lib Dems: 72.", "412"),  # a number with its noun
    ],
)
def test_a_figure_that_is_no_row_label_stays_a_figure(text: str, figure: str) -> None:
    (p,) = analyze_text("x.txt", text).passages
    assert figure in [f.quantity.text for f in p.frames]


ASKED = "HOST: How many ferries have been cancelled at Dunmore pier?\n\nGUEST: {}\n"


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ("About 60 since Friday.", "agree"),
        ("We have cancelled close to 60.", "agree"),
        ("Roughly 25 so far.", "disagree"),
        ("I can't give you a number yet.", "silent"),
    ],
)
def test_an_answer_counts_what_the_question_asked(check, answer: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    result = check("About 60 ferries have been cancelled at Dunmore pier.", ASKED.format(answer))
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_only_the_sentence_right_after_the_question_answers_it() -> None:
    doc = analyze_text("t.txt", ASKED.format("About 60 since Friday. The pier has 12 berths."))
    answer, after = doc.passages[1], doc.passages[2]
    assert [f.counted for f in answer.frames] == ["ferry"]
    assert [f.counted for f in after.frames] == ["berth"]
    assert "cancel" in answer.keys and "cancel" not in after.keys


@pytest.mark.parametrize(("mark", "value"), [("- ", 40), ("* ", 40), ("", 40), ("- Low: -", -40)])
def test_a_list_items_dash_is_no_minus_sign(mark: str, value: int) -> None:
    doc = analyze_text("t.md", f"Varnholt fire\n\n{mark}40 people died\n")
    (figure,) = [f.quantity.value for p in doc.passages for f in p.frames]
    assert figure == value


def _figures(text: str) -> list[str]:
    return [f.quantity.text for p in analyze_text("s.txt", text).passages for f in p.frames]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # A capitalised word and a number said together again and again, once after "the": a name.
        (
            "Harlow recalls the Trellis 4 kettle. About 240,000 Trellis 4 kettles were sold.",
            ["About 240,000"],
        ),
        ("Ministers used Article 49.3 again. The use of Article 49.3 angered 300 MPs.", ["300"]),
        # Said once, or never after a word that makes it a noun: a figure after a name.
        ("Harlow recalls the Trellis 4 kettle. About 240,000 were sold.", ["4", "About 240,000"]),
        ("Labour 412, Tories 121. Labour 412 seats is a landslide.", ["412", "121", "412"]),
    ],
)
def test_a_number_in_a_recurring_name_is_no_figure(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures
