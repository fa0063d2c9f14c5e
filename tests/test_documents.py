"""PDF and Word sources: text read in reading order with page / paragraph locations, running headers
dropped, hyphenation undone, tables as Markdown pipe tables; every report format shows the location;
each kind of bad document is one error line; the seeds laid out as PDF judge as the text seeds do.
The documents are built at test time by tests/documents.py."""

from __future__ import annotations

import json
import pickle
import re
import sys
import zipfile
from pathlib import Path

import documents  # the fixture builder beside this file
import pytest

from claimcheck.cli import main
from claimcheck.errors import ClaimcheckError
from claimcheck.load import read_source
from claimcheck.model import Claim, Source, part_fields
from claimcheck.verify import verify

ROOT = Path(__file__).resolve().parent.parent
RULES = """claims:
  - id: evacuated
    text: 5,000 people were evacuated from the lower valley
  - id: fund
    text: The relief fund paid out 12 million euros to farmers
  - id: schools
    text: Schools were closed for 9 days
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    documents.report_pdf(folder / "report.pdf")
    documents.report_docx(folder / "report.docx")
    return folder


def where(source: Source, needle: str) -> tuple[str, int, int]:
    """(part, line, column) of the first occurrence of ``needle`` in a source's text."""
    assert source.parts is not None
    return source.parts.locate(source.text.index(needle))


def test_pdf_text_in_reading_order_without_running_header(files: Path) -> None:
    source = read_source(str(files / "report.pdf"))
    assert documents.HEADER not in source.text
    assert not re.search(r"Page \d", source.text)  # the footer, numbered on every page
    assert "4,200 people were evacuated from the lower valley" in source.text  # "evac-" / "uated" joined
    assert "The final bill" in source.text  # the "fi" ligature read as two letters
    # Two columns: each story is read whole, the left column first.
    assert "paid out 12 million euros to farmers whose fields stayed under water for weeks." in source.text
    assert source.text.index("weeks.") < source.text.index("Schools in the southern district stayed closed")
    assert "Most of them had no insurance, and 240 of them sold their cattle to pay their debts.\n" in source.text


@pytest.mark.parametrize(
    ("needle", "place"),
    [
        ("Summary of the spring", ("p1", 2, 1)),  # line 1 is the running header, read but left out
        ("38 towns", ("p1", 4, 1)),
        ("evacuated", ("p1", 6, 71)),  # on the line that ends "evac-"
        ("from the lower", ("p1", 7, 7)),  # the line that starts "uated from"
        ("12 million", ("p2", 3, 22)),
        ("of them sold", ("p2", 7, 1)),  # the right column is read after the left one's six lines
        ("Schools in", ("p2", 9, 1)),
        ("| North | 1,150 | 3 |", ("p3", 4, 1)),  # a table row is a line of its page
    ],
)
def test_pdf_locations(files: Path, needle: str, place: tuple[str, int, int]) -> None:
    assert where(read_source(str(files / "report.pdf")), needle) == place


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("evac\u00ad\n", "evac-"),
        ("re\u00adport  ﬁled\n", "report filed"),
        ("well\u2010known", "well-known"),
        ("Copyright (cid:13) 2024", "Copyright 2024"),
    ],
)
def test_pdf_line_text(raw: str, text: str) -> None:
    from claimcheck.documents import _line_text

    assert _line_text(raw) == text


def test_running_headers_by_chapter() -> None:
    from claimcheck.documents import _Block, _Line, _running_lines

    def page(header: str, body: str, number: int) -> list[_Block]:
        margin = [_Line(header, 1, True, header.lower()), _Line(f"Page {number}", 9, False, "page #")]
        return [_Block(tuple(margin)), _Block((_Line(body, 2, True, ""),))]

    pages = [page("Chapter 1: Floods", "Rain.", 1), page("Chapter 1: Floods", "Rain.", 2)]
    pages += [page("Chapter 2: Roads", "Rain.", 3), page("Chapter 2: Roads", "Rain.", 4), page("Once", "Rain.", 5)]
    assert _running_lines(pages) == {"chapter 1: floods", "chapter 2: roads", "page #"}
    assert _running_lines(pages[:1]) == frozenset()


def test_pdf_table_is_a_markdown_pipe_table(files: Path) -> None:
    text = read_source(str(files / "report.pdf")).text
    table = "| District | Homes flooded | Bridges lost |\n|---|---|---|\n| North | 1,150 | 3 |\n| South | 870 | 5 |\n"
    assert table in text
    assert "District\n" not in text.replace("by district\n", "")  # the cells are not read again as text


def test_docx_paragraphs_breaks_and_table_cells(files: Path) -> None:
    source = read_source(str(files / "report.docx"))
    assert "| District | Homes flooded |\n|---|---|\n| North | 1,150 |\n| South | 870 |\n" in source.text
    assert where(source, "Spring floods") == ("para1", 1, 1)
    assert where(source, "38 towns") == ("para3", 1, 22)
    assert where(source, "Crews evacuated") == ("para3", 2, 1)  # after a manual line break
    assert where(source, "1,150") == ("table1.r2.c2", 1, 1)
    assert where(source, "The relief fund") == ("para4", 1, 1)  # the empty paragraph is not counted


WORD_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def word_file(path: Path, body: str) -> Path:
    """A minimal .docx whose body is ``body`` (WordprocessingML)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {WORD_NS}><w:body>{body}</w:body></w:document>")
    return path


def test_docx_tracked_changes_fields_and_fallbacks(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>Flooding hit </w:t></w:r><w:del><w:r><w:delText>40</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>38</w:t></w:r></w:ins><w:r><w:instrText>PAGE 7</w:instrText></w:r>"
        "<w:r><w:t xml:space='preserve'> towns.</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Roads closed: 12.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>Boxed note.</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>Boxed note.</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Town | district</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    source = read_source(str(word_file(tmp_path / "edited.docx", body)))
    assert source.text.split("\n\n")[:3] == ["Flooding hit 38 towns.", "Roads closed: 12.", "Boxed note."]
    assert "| Town \\| district |" in source.text  # a pipe in a cell does not split it
    assert where(source, "Roads") == ("para2", 1, 1)


def _bad_deflate(path: Path) -> Path:
    word_file(path, "<w:p><w:r><w:t>" + "Flooding hit 38 towns. " * 50 + "</w:t></w:r></w:p>")
    data = bytearray(path.read_bytes())
    data[60:90] = bytes(30)  # inside the compressed document.xml
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    "make",
    [lambda p: word_file(p, "<w:p><w:r><w:t>unclosed"), _bad_deflate, lambda p: p.write_bytes(b"PK\x03\x04 cut") and p],
    ids=["bad-xml", "bad-deflate", "cut-zip"],
)
def test_damaged_docx(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(ClaimcheckError) as caught:
        read_source(str(path))
    assert "\n" not in str(caught.value) and "bad.docx: error:" in str(caught.value)


def test_verdicts_and_locations(files: Path) -> None:
    claims = [
        Claim("evacuated", "5,000 people were evacuated from the lower valley"),
        Claim("fund", "The relief fund paid out 12 million euros to farmers"),
    ]
    report = verify(claims, [str(files / "report.pdf"), str(files / "report.docx")])
    evacuated, fund = report.claims
    assert [s.verdict.value for s in evacuated.sources] == ["disagree", "disagree"]
    assert [s.verdict.value for s in fund.sources] == ["agree", "agree"]
    pdf, docx = (s.evidence[0] for s in evacuated.sources)
    assert (pdf.part, pdf.line, pdf.column) == ("p1", 6, 1)  # the sentence starts "Later that month"
    assert (docx.part, docx.line, docx.column) == ("para3", 2, 1)
    assert [(e.part, e.line) for s in fund.sources for e in s.evidence] == [("p2", 2), ("para4", 1)]


@pytest.fixture
def run(files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(files)
    monkeypatch.setenv("NO_COLOR", "1")
    (files / "rules.yaml").write_text(RULES, encoding="utf-8")

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return cli


def test_every_format_shows_the_page(run) -> None:  # type: ignore[no-untyped-def]
    args = ("verify", "-r", "rules.yaml", "-s", "report.pdf", "-s", "report.docx")
    code, out, _ = run(*args)
    assert code == 1
    assert "report.pdf:p1:6:1" in out and "report.docx:para3:2:1" in out

    _, out, _ = run(*args, "--format", "json")
    sources = {s["path"]: s for c in json.loads(out)["claims"] for s in c["sources"] if c["id"] == "evacuated"}
    pdf = sources["report.pdf"]["evidence"][0]
    assert (pdf["page"], pdf["line"], pdf["column"], pdf["part"]) == (1, 6, 1, "p1")
    assert sources["report.docx"]["evidence"][0]["paragraph"] == 3

    _, out, _ = run(*args, "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert [e["page"] for r in rows if r["path"] == "report.pdf" for e in r["evidence"]] == [1, 2, 2]

    _, out, _ = run(*args, "--format", "github")
    line = next(x for x in out.splitlines() if "file=report.pdf" in x)
    assert "report.pdf:p1:6:1 disagrees" in line and "line=" not in line

    _, out, _ = run(*args, "--format", "markdown")
    assert "`report.pdf:p1:6:1`" in out

    _, out, _ = run(*args, "--format", "html")
    assert ">report.pdf:p1:6:1</a>" in out and ">report.docx:para3:2:1</a>" in out

    _, out, _ = run(*args, "--format", "sarif")
    (result,) = [
        r
        for r in json.loads(out)["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "report.pdf"
    ]
    from test_report_formats import SARIF_SCHEMA

    if SARIF_SCHEMA.exists():
        import jsonschema

        jsonschema.validate(json.loads(out), json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    location = result["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 6
    assert location["physicalLocation"]["region"]["properties"] == {"page": 1}
    assert location["logicalLocations"] == [{"name": "p1", "fullyQualifiedName": "report.pdf:p1", "kind": "page"}]


def test_part_fields() -> None:
    assert part_fields("p14") == {"page": 14}
    assert part_fields("para12") == {"paragraph": 12}
    assert part_fields("table2.r3.c1") == {"table": 2, "row": 3, "cell": 1}
    assert part_fields("") == {}


def _renamed_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "Flooding hit 38 towns.")
    return path


def _cut(path: Path) -> Path:
    documents.report_pdf(path)
    path.write_bytes(path.read_bytes()[:700])
    return path


BAD = [
    ("locked.pdf", documents.encrypted_pdf, "PDF is encrypted with a password"),
    ("cut.pdf", _cut, "PDF cannot be read"),
    ("scan.pdf", documents.scanned_pdf, "PDF has no text layer (a scan?); claimcheck does not do OCR"),
    ("notes.docx", _renamed_zip, "source is a ZIP archive, not a Word document"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD)
def test_bad_document_is_one_line(run, name: str, make, message: str) -> None:  # type: ignore[no-untyped-def]
    make(Path(name))
    code, out, err = run("verify", "-r", "rules.yaml", "-s", name, "-s", "report.pdf")
    assert (code, out) == (2, "")
    assert err.splitlines() == [err.strip()] and err.startswith(f"{name}: error: {message}"), err
    assert "Traceback" not in err


def test_keep_going_reports_the_other_sources(run) -> None:  # type: ignore[no-untyped-def]
    names = [name for name, make, _ in BAD if make(Path(name))]
    args = [a for name in (*names, "report.pdf", "report.docx") for a in ("-s", name)]
    code, out, err = run("verify", "-r", "rules.yaml", *args, "--keep-going", "--format", "json")
    assert code == 2, err
    report = json.loads(out)
    assert len(report["errors"]) == len(BAD)
    for name, _, message in BAD:
        assert any(e.startswith(f"{name}: error: {message}") for e in report["errors"])
    fund = next(c for c in report["claims"] if c["id"] == "fund")
    assert {s["path"]: s["verdict"] for s in fund["sources"] if not s["error"]} == {
        "report.pdf": "agree",
        "report.docx": "agree",
    }


def test_folder_picks_up_pdf_and_docx(files: Path, tmp_path: Path) -> None:
    (tmp_path / "news" / "older").mkdir(parents=True)
    (tmp_path / "news" / "report.pdf").write_bytes((files / "report.pdf").read_bytes())
    (tmp_path / "news" / "older" / "memo.docx").write_bytes((files / "report.docx").read_bytes())
    (tmp_path / "news" / "note.txt").write_text("The relief fund paid out 12 million euros.", encoding="utf-8")
    report = verify([Claim("fund", "The relief fund paid out 12 million euros to farmers")], [str(tmp_path / "news")])
    found = {Path(s.path).name: (s.verdict.value, s.evidence[0].part) for s in report.claims[0].sources}
    assert found == {"memo.docx": ("agree", "para4"), "note.txt": ("agree", ""), "report.pdf": ("agree", "p2")}


def test_missing_pdf_extra_names_it(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(ClaimcheckError, match=r"claimcheck-cli\[pdf\]") as caught:
        read_source(str(files / "report.pdf"))
    assert "\n" not in str(caught.value)


def test_detected_by_content_not_name(files: Path, tmp_path: Path) -> None:
    (tmp_path / "download").write_bytes((files / "report.pdf").read_bytes())
    (tmp_path / "memo.bin").write_bytes((files / "report.docx").read_bytes())
    assert read_source(str(tmp_path / "download")).text == read_source(str(files / "report.pdf")).text
    assert "38 towns" in read_source(str(tmp_path / "memo.bin")).text


def test_source_crosses_processes_and_caches_by_content(files: Path, tmp_path: Path) -> None:
    from claimcheck.cache import source_key

    source = read_source(str(files / "report.pdf"))
    assert pickle.loads(pickle.dumps(source)) == source  # what --jobs and the Dask engine send
    (tmp_path / "copy.pdf").write_bytes((files / "report.pdf").read_bytes())
    assert source_key(read_source(str(tmp_path / "copy.pdf"))) == source_key(source)
    assert source_key(read_source(str(files / "report.docx"))) != source_key(source)
    claims = [Claim("fund", "The relief fund paid out 12 million euros to farmers")]
    first = verify(claims, [str(files / "report.pdf")], cache=True)
    again = verify(claims, [str(files / "report.pdf")], cache=True)
    assert first.claims[0].sources[0].evidence == again.claims[0].sources[0].evidence
    assert again.claims[0].sources[0].evidence[0].part == "p2"


def test_seeds_as_pdf_judge_as_the_text_seeds(tmp_path: Path) -> None:
    texts = sorted((ROOT / "seeds").glob("*.txt"))
    pdfs = [documents.text_pdf(p.read_text(encoding="utf-8"), tmp_path / f"{p.stem}.pdf") for p in texts]
    rules = [str(ROOT / "rules" / "seeds.yaml")]
    as_text = verify(rules, [str(p) for p in texts])
    as_pdf = verify(rules, [str(p) for p in pdfs])
    verdicts = [[s.verdict for s in c.sources] for c in as_text.claims]
    assert verdicts == [[s.verdict for s in c.sources] for c in as_pdf.claims]
    assert any(e.part.startswith("p") for c in as_pdf.claims for s in c.sources for e in s.evidence)
