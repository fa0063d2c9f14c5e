"""Tables, lists and Label: value lines read as sentences (claimcheck/structure.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimcheck
from claimcheck.cache import package_files
from claimcheck.document import analyze_blocks, analyze_source
from claimcheck.facts import analyze_text
from claimcheck.load import html_to_text, read_source
from claimcheck.model import Claim, Passage, Verdict
from claimcheck.report import json as json_report
from claimcheck.segment import MappedLineIndex, segment, split_sentences
from claimcheck.structure import Unit, _words, read_unit, split_unit, write_value
from claimcheck.verify import verify
from claimcheck.words import load_yaml


def virtual(text: str) -> list[tuple[str, int, int]]:
    """(sentence, line, column) of the passages of ``text`` that are not its text as written."""
    return [(p.text, p.line, p.column) for p in segment(text) if p.text != text[p.start : p.end]]


def texts(text: str) -> list[str]:
    return [p.text for p in segment(text)]


# Units ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "unit"),
    [
        ("€ million", Unit("€", "million")),
        ("€m", Unit("€", "million")),
        ("$bn", Unit("$", "billion")),
        ("US$ bn", Unit("US$", "billion")),
        ("in £ thousands", Unit("£", "thousand")),
        ("'000", Unit("", "thousand")),
        ("in thousands", Unit("", "thousand")),
        ("millions of euros", Unit("€", "million")),
        ("EUR m", Unit("EUR ", "million")),
        ("%", Unit("", "", "%")),
        ("per cent", Unit("", "", "%")),
        ("percentage points", Unit("", "", " percentage points")),
        ("hectares", Unit("", "", " hectares")),
        ("number of people", Unit("", "", " people")),
    ],
)
def test_read_unit(spec: str, unit: Unit) -> None:
    assert read_unit(spec) == unit


@pytest.mark.parametrize("spec", ["planning estimate", "2024", "Northern Line", "in the east", "m and more", "", "in"])
def test_words_that_are_not_a_unit(spec: str) -> None:
    assert read_unit(spec) is None


@pytest.mark.parametrize(
    ("header", "name", "unit"),
    [
        ("Spending 2026 (€ million)", "Spending 2026", Unit("€", "million")),
        ("Forest lost, hectares", "Forest lost", Unit("", "", " hectares")),
        ("Visitors in thousands", "Visitors", Unit("", "thousand")),
        ("Growth (%)", "Growth", Unit("", "", "%")),
        ("share over 80 pct", "share over 80", Unit("", "", "%")),
        ("£ m", "", Unit("£", "million")),
        ("Residents, 2031", "Residents, 2031", None),
        ("Final size (planning estimate)", "Final size (planning estimate)", None),
        ("Trams in service", "Trams in service", None),
    ],
)
def test_split_unit(header: str, name: str, unit: Unit | None) -> None:
    assert split_unit(header) == (name, unit)


@pytest.mark.parametrize(
    ("cell", "unit", "value"),
    [
        ("2.3", Unit("€", "million"), "€2.3 million"),
        ("-0.4", Unit("£", "billion"), "-£0.4 billion"),
        ("+1.8", Unit("", "", " percentage points"), "+1.8 percentage points"),
        ("47", Unit("", "thousand"), "47 thousand"),
        ("12.5", Unit("", "", "%"), "12.5%"),
        ("3,150", None, "3,150"),
        ("about 40", Unit("€", "million"), "about 40"),  # not a bare number: kept as written
        ("6 km", Unit("", "", "%"), "6 km"),
    ],
)
def test_write_value(cell: str, unit: Unit | None, value: str) -> None:
    assert write_value(cell, unit) == value


def test_every_unit_word_is_read() -> None:
    """Each word of lexicon/structure.yaml, alone or with a currency, reads as a unit."""
    from importlib import resources

    data = load_yaml(resources.files("claimcheck").joinpath("lexicon/structure.yaml").read_text(encoding="utf-8"))
    words = [*data["currency_symbols"], *data["currency_codes"], *data["percent"], *data["units"]]
    words += [w for ws in (*data["currency_words"].values(), *data["scales"].values()) for w in ws]
    for word in words:
        assert read_unit(str(word)) is not None, word
    for connector in data["unit_connectors"]:
        assert read_unit(f"{connector} %") == Unit("", "", "%"), connector
    assert _words().patterns  # read once, cached


def test_the_unit_lexicon_is_hashed_with_the_facts() -> None:
    """An edit to lexicon/structure.yaml or structure.py must make new cached facts: both are hashed."""
    root = Path(claimcheck.__file__).parent
    hashed = {p.relative_to(root).as_posix() for p in package_files(root)}
    assert {"structure.py", "lexicon/structure.yaml"} <= hashed


# Markdown tables -------------------------------------------------------------------------------

BUDGET_MD = """\
# Fernhollow council

## Spending by department

| Department | Budget 2026 (€ million) | Budget 2025 (€ million) | Change (%) |
|---|---:|---:|---:|
| Libraries | 2.3 | 2.1 | +9.5 |
| **Street lighting** | 0.8 | 0.8 | 0.0 |
| Notes | n/a | — | |

The council meets again in May.
"""


def test_markdown_table_cells_become_sentences_located_at_the_cell() -> None:
    assert virtual(BUDGET_MD) == [
        ("Libraries, Budget 2026 (Spending by department): €2.3 million.", 7, 15),
        ("Libraries, Budget 2025 (Spending by department): €2.1 million.", 7, 21),
        ("Libraries, Change (Spending by department): +9.5%.", 7, 27),
        ("Street lighting, Budget 2026 (Spending by department): €0.8 million.", 8, 25),
        ("Street lighting, Budget 2025 (Spending by department): €0.8 million.", 8, 31),
        ("Street lighting, Change (Spending by department): 0.0%.", 8, 37),
        ("Notes, Budget 2026 (Spending by department): n/a.", 9, 11),
    ]


def test_text_around_a_table_is_split_as_before() -> None:
    found = texts(BUDGET_MD)
    assert found[:2] == ["# Fernhollow council", "## Spending by department"]
    assert found[-1] == "The council meets again in May."
    assert not any("|" in t for t in found)


def test_a_cell_sentence_spans_its_cell_in_the_text() -> None:
    p = next(p for p in segment(BUDGET_MD) if p.text.startswith("Libraries, Change"))
    assert BUDGET_MD[p.start : p.end] == "+9.5"


def test_pipe_table_without_delimiter_row_and_with_unit_in_the_corner() -> None:
    text = "Intro line.\n\n| $ bn | 2024 | 2025 |\n| Revenue | 4.2 | 4.6 |\n| Debt | 1.1 | 0.9 |\n"
    assert [t for t, _, _ in virtual(text)] == [
        "Revenue, 2024: $4.2 billion.",
        "Revenue, 2025: $4.6 billion.",
        "Debt, 2024: $1.1 billion.",
        "Debt, 2025: $0.9 billion.",
    ]


def test_table_with_no_header_row_reads_as_labels() -> None:
    text = "| Ferries in service | 14 |\n| Crew on strike | 310 |\n"
    assert virtual(text) == [("Ferries in service: 14.", 1, 24), ("Crew on strike: 310.", 2, 20)]


def test_unit_in_the_row_label() -> None:
    text = "| Measure | Group A | Group B |\n|---|---|---|\n| Median stay (days) | 6.5 | 8 |\n"
    assert [t for t, _, _ in virtual(text)] == [
        "Median stay, Group A: 6.5 days.",
        "Median stay, Group B: 8 days.",
    ]


def test_label_columns_are_those_with_no_digits() -> None:
    text = "| Region | Town | Homes (%) |\n|---|---|---|\n| Upland | Carrick | 12 |\n| Coast | Selby | 7 |\n"
    assert [t for t, _, _ in virtual(text)] == ["Upland, Carrick, Homes: 12%.", "Coast, Selby, Homes: 7%."]


def test_one_pipe_line_is_not_a_table() -> None:
    text = "| a lone line with a pipe | and 3 cells |\n"
    assert virtual(text) == []


# CSV-like blocks -------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_csv_block(sep: str) -> None:
    rows = ["ward,voters,turnout_pct", "North,4120,63.5", "South,3875,58.1"]
    text = "Results by ward\n\n" + "\n".join(r.replace(",", sep) for r in rows) + "\n\nCounting ended at 2am.\n"
    assert virtual(text) == [
        ("North, voters (Results by ward): 4120.", 4, 7),
        ("North, turnout (Results by ward): 63.5%.", 4, 12),
        ("South, voters (Results by ward): 3875.", 5, 7),
        ("South, turnout (Results by ward): 58.1%.", 5, 12),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Prose lines that happen to hold one comma each.
        "Rain fell, and the river rose.\nBy noon, 40 homes were flooded.\nAt dusk, the water fell back.\n",
        # Two lines only: a header and one row are not enough to tell a table from prose.
        "name,count\nOtters,12\n",
        # A row with as many commas but no number.
        "town,residents\nAshby,many\nCarrow,few\n",
    ],
)
def test_prose_with_commas_is_not_a_csv_table(text: str) -> None:
    assert not any(t.endswith(".") and ", " in t and ":" in t for t, _, _ in virtual(text))
    assert [p.text for p in segment(text)] == [text[s:e] for s, e in split_sentences(text)]


def test_csv_with_quoted_thousands() -> None:
    text = 'Airport,Passengers\nKelby,"1,250,000"\nMorne,"980,500"\n'
    assert [t for t, _, _ in virtual(text)] == ["Kelby, Passengers: 1,250,000.", "Morne, Passengers: 980,500."]


# Lists and Label: value lines -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Volunteers: 1,400\n", [("Volunteers: 1,400.", 1, 3)]),
        ("Attendance: 62%\n", [("Attendance: 62%.", 1, 1)]),
        ("* **Repair bill:** £4m\n", [("Repair bill: £4m.", 1, 3)]),
        ("  • Boats lost: 3 (two more damaged)\n", [("Boats lost: 3 (two more damaged).", 1, 5)]),
        ("1. Schools closed: 27\n", [("Schools closed: 27.", 1, 4)]),
    ],
)
def test_label_value_lines(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert virtual(text) == expected


def test_each_list_line_is_its_own_passage() -> None:
    text = (
        "Key figures for the Marsh Lane works, published by the council this week for residents\n"
        "- Trees planted: 420\n"
        "- Cost to date: £1.2m\n"
        "- The path reopens in June\n"
    )
    assert texts(text)[1:] == ["Trees planted: 420.", "Cost to date: £1.2m.", "- The path reopens in June"]


def test_wrapped_bullet_is_one_passage() -> None:
    text = "- The ferry service, cut last winter to save money, will\n  return in spring with two boats.\n- Next item\n"
    assert texts(text) == [
        "- The ferry service, cut last winter to save money, will\n  return in spring with two boats.",
        "- Next item",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A colon inside hard-wrapped prose: the line runs on into the next one.
        "Nobody argues with this point: nearly half of the 900 members now\nlive outside the city.\n",
        # A quotation introduced by a colon.
        'The harbour master said: "We lost 3 boats."\n',
        # A speaker and a turn of several sentences.
        "HOST: We counted 40 boats. Two sank.\n",
        # A lower-case start is the middle of a sentence.
        "and then: 40 more arrived\n",
        # No figure in the value.
        "Weather: dry and cold\n",
    ],
)
def test_not_a_label_value_line(text: str) -> None:
    assert virtual(text) == []


# HTML tables -----------------------------------------------------------------------------------

FLOOD_HTML = """\
<html><body>
<h2>Flood damage</h2>
<table>
  <caption>Damage by district, Lowmere</caption>
  <thead>
    <tr>
      <th>District</th>
      <th>Homes flooded</th>
      <th>Repair cost (£ million)</th>
    </tr>
  </thead>
  <tbody>
    <tr><td>Quayside</td><td>1,240</td><td>18.5</td></tr>
    <tr><td>Mill<br>End</td><td>310</td><td>4.25</td></tr>
  </tbody>
</table>
<p>Crews are still pumping.</p>
</body></html>
"""


def test_html_table_rows_come_out_as_pipe_rows() -> None:
    text, offsets = html_to_text(FLOOD_HTML)
    assert "|Quayside|1,240|18.5" in text
    assert "|Mill End|310|4.25" in text  # a line break inside a cell is a space: a row is one line
    assert FLOOD_HTML[offsets[text.index("1,240")] :].startswith("1,240</td>")


def test_html_table_cells_are_located_in_the_markup(tmp_path: Path) -> None:
    path = tmp_path / "flood.html"
    path.write_text(FLOOD_HTML, encoding="utf-8")
    source = read_source(str(path))
    found = [
        (p.text, p.line, p.column)
        for p in segment(source.text, MappedLineIndex(source.original or "", source.offsets or []))
        if "|" not in p.text and p.text != source.text[p.start : p.end]
    ]
    assert found == [
        ("Quayside, Homes flooded (Damage by district, Lowmere): 1,240.", 13, 30),
        ("Quayside, Repair cost (Damage by district, Lowmere): £18.5 million.", 13, 44),
        ("Mill End, Homes flooded (Damage by district, Lowmere): 310.", 14, 33),
        ("Mill End, Repair cost (Damage by district, Lowmere): £4.25 million.", 14, 45),
    ]
    lines = FLOOD_HTML.splitlines()
    assert lines[12][29:].startswith("1,240") and lines[13][44:].startswith("4.25")


def test_html_without_tables_reads_as_before() -> None:
    page = "<p>Rain hit 38 towns.</p><ul><li>Roads shut: 12</li><li>Schools open</li></ul><div>End</div>"
    text, _ = html_to_text(page)
    assert text == "\nRain hit 38 towns.\n\n\nRoads shut: 12\n\nSchools open\n\n\nEnd\n"


def test_pipe_inside_an_html_cell_does_not_split_it() -> None:
    page = "<table><tr><th>Line</th><th>Trips</th></tr><tr><td>A|B&#124;C</td><td>40</td></tr></table>"
    text, _ = html_to_text(page)
    assert [p.text for p in segment(text) if p.text.endswith(".")] == ["A¦B¦C, Trips: 40."]


# The rest of the pipeline ---------------------------------------------------------------------


def test_text_without_structure_segments_exactly_as_before() -> None:
    root = Path(__file__).resolve().parent.parent
    for path in [*root.glob("seeds/*.txt"), *root.glob("tests/corpus/articles/*.txt")]:
        text = path.read_text(encoding="utf-8")
        assert [(p.start, p.end) for p in segment(text)] == list(split_sentences(text)), path.name


def test_virtual_sentences_are_analyzed_like_any_other() -> None:
    doc = analyze_text("budget.md", BUDGET_MD)
    libraries = [p for p in doc.passages if p.passage.text.startswith("Libraries, Budget 2026")]
    (facts,) = libraries
    (frame,) = facts.frames
    assert frame.quantity.value == 2_300_000 and frame.quantity.unit == "EUR"
    start = facts.passage.start
    assert all(start <= t.start and t.end <= start + len(facts.passage.text) for t in facts.tokens)
    assert len({p.passage.start for p in doc.passages}) == len(doc.passages)  # evidence is keyed by start


def test_tables_read_block_by_block_keep_their_places(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("Filler sentence here.\n\n" * 40 + BUDGET_MD, encoding="utf-8")
    source = read_source(str(path))
    whole = [p.passage for p in analyze_source(source).passages if "Libraries" in p.passage.text]
    blocks = [p.passage for d in analyze_blocks(source, 400) for p in d.passages if "Libraries" in p.passage.text]
    assert blocks == whole and len(whole) == 3


def test_jobs_and_cache_give_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        (tmp_path / f"budget{i}.md").write_text(BUDGET_MD.replace("2.3", f"2.{i + 3}"), encoding="utf-8")
    (tmp_path / "flood.html").write_text(FLOOD_HTML, encoding="utf-8")
    claims = [Claim("lib", "Fernhollow spent €2.3 million on libraries in 2026"), Claim("q", "1,240 homes flooded")]
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))

    def as_json(**kw: object) -> str:
        import io

        out = io.StringIO()
        json_report.render(verify(claims, [str(tmp_path)], **kw), out)  # type: ignore[arg-type]
        return out.getvalue()

    one = as_json(jobs=1)
    assert as_json(jobs=2) == one
    assert as_json(jobs=1, cache=True) == one
    assert as_json(jobs=2, cache=True) == one  # from the cache


# End to end: needs the judge to read "ROW, COLUMN: VALUE" as the row's figure -----------------


def test_claim_agrees_with_a_markdown_table_row(check) -> None:  # type: ignore[no-untyped-def]
    result = check("The library budget for 2026 is €2.3 million", BUDGET_MD)
    assert result.verdict is Verdict.AGREE
    assert (result.evidence[0].line, result.evidence[0].column) == (7, 15)


def test_claim_disagrees_with_an_html_table_cell(tmp_path: Path) -> None:
    path = tmp_path / "flood.html"
    path.write_text(FLOOD_HTML, encoding="utf-8")
    report = verify([Claim("c", "The repair cost in Quayside was £25 million")], [str(path)])
    (result,) = report.claims[0].sources
    assert result.verdict is Verdict.DISAGREE
    assert (result.evidence[0].line, result.evidence[0].column) == (13, 44)


def test_claim_agrees_with_a_label_value_bullet(check) -> None:  # type: ignore[no-untyped-def]
    result = check("Turnout was 64%", "Ballot results\n\n- Turnout: 64%\n- Votes cast: 5,120\n")
    assert result.verdict is Verdict.AGREE


def test_passages_are_plain_passages() -> None:
    assert all(type(p) is Passage for p in segment(BUDGET_MD))


def test_a_layout_table_keeps_its_paragraphs() -> None:
    long = "The river rose all night and the council opened two halls for families. " * 4
    page = f"<table><tr><td>Menu</td><td><p>{long}</p>\n<p>Then <b>40</b> <i>homes</i> flooded.</p></td></tr></table>"
    text, _ = html_to_text(page)
    assert "\nThen 40 homes flooded." in text  # the second paragraph is a line of its own, spaces kept
    assert "Then 40 homes flooded." in texts(text)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("## Fares\n\nThe table shows the new fares.\n\n", "Fares"),  # a heading over an introduction
        ("Table 3: Fares by zone\n", "Fares by zone"),  # a caption right above, without its number
        ("### 4.2 Fares\n\n", "Fares"),  # a section number is no context
        ("Fig. 7 Fares paid\n\n", "Fares paid"),
        ("Fares rose in\nthe spring.\n\n", ""),  # wrapped prose is no title
        ("# Old\n\nzone,fare\nA,2\nB,3\n\n", ""),  # not across another table
    ],
)
def test_table_title(above: str, title: str) -> None:
    text = above + "| Zone | Fare (£) |\n|---|---|\n| C | 4 |\n"
    expected = f"C, Fare ({title}): £4." if title else "C, Fare: £4."
    assert [t for t, _, _ in virtual(text)][-1] == expected


def test_a_layout_table_of_rows_keeps_its_sentences() -> None:
    story = "Water reached 40 homes on Mill Street overnight. " * 5
    page = f"<table><tr><td>News</td><td>{story}</td></tr><tr><td>More</td><td>{story}</td></tr></table>"
    text, _ = html_to_text(page)
    found = texts(text)
    assert found.count("Water reached 40 homes on Mill Street overnight.") == 10
    assert "News" in found and "More" in found


def test_a_row_with_only_its_label_is_kept_as_text() -> None:
    text = "| Item | Cost (£) |\n|---|---|\n| **Capital works** | |\n| Bridge | 900 |\n"
    assert texts(text) == ["**Capital works**", "Bridge, Cost: £900."]


def test_a_long_run_of_one_cell_rows_is_read_once() -> None:
    """Each line of a pipe block that is no table is read once, not again from every line (quadratic)."""
    import time

    text = "| x\n" * 20_000
    t0 = time.perf_counter()
    assert len(segment(text)) == 20_000
    assert time.perf_counter() - t0 < 5  # seconds; the quadratic reading took minutes


def test_a_label_columns_header_of_several_words_is_context_for_each_cell() -> None:
    text = "| Monthly fare, adult commuter | 2025 | 2026 |\n|---|---|---|\n| Zone 1 | $84 | $90 |\n"
    assert [t for t, _, _ in virtual(text)] == [
        "Zone 1, 2025 (Monthly fare, adult commuter): $84.",
        "Zone 1, 2026 (Monthly fare, adult commuter): $90.",
    ]


@pytest.mark.parametrize(
    "corner", ["Route", "Fares by route", "Fares, not adjusted", "Expected fare", "Fare per 1,000 km"]
)
def test_a_label_header_of_one_word_of_stance_or_number_or_in_the_caption_adds_nothing(corner: str) -> None:
    text = f"## Fares by route\n\n| {corner} | 2026 |\n|---|---|\n| Zone 1 | $90 |\n"
    assert [t for t, _, _ in virtual(text)] == ["Zone 1, 2026 (Fares by route): $90."]


def test_a_claim_word_only_the_label_header_holds_is_named_by_the_source(tmp_path: Path) -> None:
    path = tmp_path / "fares.md"
    path.write_text("| Monthly fare, adult commuter | 2026 |\n|---|---|\n| Zone 1 | $90 |\n", encoding="utf-8")
    report = verify([Claim("fare", "Commuter fares in Zone 1 are $90 a month.")], [str(path)])
    assert report.claims[0].sources[0].verdict is Verdict.AGREE


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Harrowgate raised parking fees by 3.5%.", "agree"),
        ("Harrowgate raised parking fees by 5%.", "disagree"),
        ("Harrowgate cut parking fees by 3.5%.", "silent"),  # "+" is a rise, not a cut
    ],
)
def test_a_change_label_with_a_plus_sign_says_it_rose(check, claim: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    source = "## Harrowgate fees\n\n| Fee | 2024 | 2025 | Change |\n|---|---|---|---|\n"
    source += "| Parking | $40 | $41.40 | +3.5% |\n"
    result = check(claim, source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("Harrowgate's fund balance changed by −4%.", "- Fund balance, change: −4%", "agree"),  # as printed
        ("Harrowgate's goal difference is −5.", "- Goal difference: −5", "agree"),  # a level, no change
        ("Harrowgate's goal difference fell by 5.", "- Goal difference: −5", "silent"),
        (
            "Harrowgate's climate change fund holds €4 million.",
            "- Climate change fund, balance: −€4 million",
            "disagree",
        ),
    ],
)
def test_only_a_label_part_opening_with_a_change_word_gives_a_direction(
    check, claim: str, source: str, verdict: str
) -> None:  # type: ignore[no-untyped-def]
    result = check(claim, f"Harrowgate accounts.\n\n{source}\n")
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Harrowgate cut its bus subsidy by 1.6%.", "agree"),  # the size of the fall, not -1.6
        ("Harrowgate's bus subsidy fell by 4%.", "disagree"),
        ("Harrowgate raised its bus subsidy by 1.6%.", "silent"),
    ],
)
def test_a_change_label_with_a_minus_sign_says_it_fell_by_that_much(check, claim: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    result = check(claim, "Harrowgate budget.\n\n- Bus subsidy, change: −1.6%\n")
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


# Stacks: a table flattened one cell per line ------------------------------------------------------

STACK = "Results\n\nCouncil seats won\nGreens\n18\n+6\nLiberals\n11\n-2\nIndependents\n4\n\nTurnout was low.\n"


def test_a_table_flattened_one_cell_per_line_reads_as_label_lines() -> None:
    assert [s for s, *_ in virtual(STACK)] == [
        "Greens, Council seats won: 18.",
        "Liberals, Council seats won: 11.",
        "Independents, Council seats won: 4.",
    ]
    assert virtual(STACK)[0][1:] == (5, 1)  # located at the value's line


def test_a_stack_by_year_gives_a_sentence_per_year() -> None:
    text = "Vote share by party\n\nGreens\n2025\n21.5%\n2021\n17%\nLiberals\n2025\n12%\n2021\n15.5%\n"
    assert [s for s, *_ in virtual(text)][:2] == [
        "Greens, 2025 (Vote share by party): 21.5%.",
        "Greens, 2021 (Vote share by party): 17%.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Population\n5,000\n",  # one label and one number: too little to be a table
        "Greens\n18\nLiberals\n11\n",  # two groups, no years
        "The count ended late on Sunday, and the council said the total was\n2025.\nGreens\n18\n",
    ],
)
def test_not_a_stack(text: str) -> None:
    assert virtual(text) == []


def test_claim_agrees_with_a_stack(check) -> None:  # type: ignore[no-untyped-def]
    assert check("The Greens won 18 council seats.", STACK).verdict.value == "agree"
    assert check("The Liberals won 11 council seats.", STACK).verdict.value == "agree"
    # A row is its label's: the Greens' 18 is no figure of the Liberals'.
    assert check("The Liberals won 18 council seats.", STACK).verdict.value != "agree"


def test_a_row_of_another_party_is_not_the_claim_s(check) -> None:  # type: ignore[no-untyped-def]
    table = "Results\n\n| Party | Seats won |\n|---|---|\n| Greens | 18 |\n| Liberals | 11 |\n| Independents | 4 |\n"
    # The Greens' 18 is no support; the Liberals' own row speaks (loosely, for its row label).
    assert check("The Liberals won 18 seats.", table).verdict.value != "agree"
    assert check("The Liberals won 11 seats.", table).verdict.value == "agree"
