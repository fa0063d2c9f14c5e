"""Formatters fed a hand-built Report: SARIF against the official schema and GitHub's needs, workflow
commands as GitHub documents them, JSON Lines and Markdown shapes, and determinism."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.model import ClaimResult, Evidence, Relation, Report, SourceResult, Stance, Verdict
from claimcheck.report import FORMATTERS
from claimcheck.report.github import escape_data, escape_property
from claimcheck.report.sarif import report_to_sarif

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"  # OASIS SARIF 2.1.0, errata 01
# A GitHub workflow command: ::name key=value,key=value::message (docs.github.com, "Workflow commands").
ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::[^\r\n]*$")


def sample_report(accepted: str = "") -> Report:
    """One claim, two sources: one agrees, one disagrees. The README's samples are this report."""
    agree = Evidence(
        "docs/a.txt",
        1,
        1,
        "Flooding hit 38 towns on Monday.",
        Relation.SUPPORTS,
        quantity="38",
        claim_quantity="38",
        reason="38 lies within '38' (38–38)",
        score=1.0,
        end=32,
    )
    clash = Evidence(
        "docs/b.txt",
        3,
        5,
        "Officials said flooding hit over 40 towns.",
        Relation.CONTRADICTS,
        Stance.REPORTED,
        "over 40",
        "38",
        "'over 40' excludes 38",
        1.0,
        40,
        82,
    )
    claim = ClaimResult(
        "towns",
        "Flooding hit 38 towns",
        Verdict.MIXED,
        (
            SourceResult("docs/a.txt", Verdict.AGREE, (agree,)),
            SourceResult("docs/b.txt", Verdict.DISAGREE, (clash,), accepted=accepted),
        ),
        "rules/claims.yaml",
        2,
    )
    return Report((claim,), ("docs/a.txt", "docs/b.txt"), verdict=Verdict.MIXED)


def rendered(fmt: str, report: Report | None = None) -> str:
    out = io.StringIO()
    FORMATTERS[fmt](report or sample_report(), out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in SARIF and annotations are relative to the repository root: run from it."""
    monkeypatch.chdir(ROOT)


def test_every_format_is_a_choice_and_documents_a_sample() -> None:
    assert {"table", "json", "jsonl", "sarif", "github", "markdown"} <= FORMATTERS.keys()
    help_text = CliRunner().invoke(app, ["verify", "--help"], env={"NO_COLOR": "1", "COLUMNS": "200"}).stdout
    for name, render in FORMATTERS.items():
        assert name in help_text
        doc = __import__(render.__module__, fromlist=["_"]).__doc__
        assert "Sample::" in doc, f"{render.__module__} docstring shows no sample"


def _sarif() -> dict[str, Any]:
    return json.loads(rendered("sarif"))


def test_sarif_validates_against_the_official_schema() -> None:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_sarif(), schema)
    jsonschema.validate(json.loads(rendered("sarif", sample_report(accepted="early count"))), schema)


def test_sarif_meets_github_code_scanning_requirements() -> None:
    (run,) = _sarif()["runs"]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == ["towns"]
    assert run["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == "Flooding hit 38 towns"
    (result,) = run["results"]
    assert result["ruleId"] in rule_ids and result["level"] == "error"
    (location,) = result["locations"]
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/b.txt" and not uri.startswith("/") and "://" not in uri
    region = location["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 5)
    assert result["partialFingerprints"]
    assert "suppressions" not in result


def test_sarif_levels_and_suppressions() -> None:
    report = sample_report(accepted="early count")
    (result,) = json.loads(rendered("sarif", report))["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "external", "justification": "early count"}]
    claim = report.claims[0]
    mixed = ClaimResult(
        claim.id, claim.text, claim.verdict, (SourceResult("docs/b.txt", Verdict.MIXED, claim.sources[1].evidence),)
    )
    (result,) = report_to_sarif(Report((mixed,)))["runs"][0]["results"]
    assert result["level"] == "warning"


def test_sarif_paths_are_relative_to_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    report = sample_report()
    moved = ClaimResult("c", "t", Verdict.DISAGREE, (report.claims[0].sources[1],))
    run = report_to_sarif(Report((moved,)))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "sub/docs/b.txt"


def test_github_annotations_match_the_documented_format() -> None:
    lines = rendered("github").splitlines()
    assert lines == [
        "::error file=docs/b.txt,line=3,col=5,title=claimcheck towns::"
        "docs/b.txt disagrees with \"Flooding hit 38 towns\": 'over 40' excludes 38"
    ]
    assert all(ANNOTATION.match(line) for line in lines)
    accepted = rendered("github", sample_report(accepted="early count")).splitlines()
    assert accepted[0].startswith("::notice ") and "accepted: early count" in accepted[0]


@pytest.mark.parametrize(
    ("escape", "text", "escaped"),
    [
        (escape_data, "50% of\r\nthem", "50%25 of%0D%0Athem"),
        (escape_data, "a: b, c", "a: b, c"),
        (escape_property, "claimcheck a:b,c%", "claimcheck a%3Ab%2Cc%25"),
        (escape_property, "x\ny", "x%0Ay"),
    ],
)
def test_github_escaping(escape: Any, text: str, escaped: str) -> None:  # noqa: ANN401 - two escapers
    assert escape(text) == escaped


def test_github_messages_stay_on_one_line() -> None:
    report = sample_report()
    claim = report.claims[0]
    odd = ClaimResult("a,b:c", "Line one\nline two, 100%", claim.verdict, claim.sources)
    (line,) = rendered("github", Report((odd,))).splitlines()
    assert ANNOTATION.match(line) and "title=claimcheck a%2Cb%3Ac::" in line and "100%25" in line


def test_jsonl_has_one_object_per_claim_and_source() -> None:
    rows = [json.loads(line) for line in rendered("jsonl").splitlines()]
    assert [(r["claim"], r["path"], r["verdict"]) for r in rows] == [
        ("towns", "docs/a.txt", "agree"),
        ("towns", "docs/b.txt", "disagree"),
    ]
    assert {"claim", "text", "claim_verdict", "path", "verdict", "evidence", "accepted"} <= rows[0].keys()
    assert rows[1]["evidence"][0]["line"] == 3


def test_markdown_table_and_escaping() -> None:
    text = rendered("markdown")
    assert "| `towns` | **mixed** | 1 | 1 | 0 | 0 | Flooding hit 38 towns |" in text
    assert "`docs/b.txt:3:5`" in text
    claim = sample_report().claims[0]
    piped = Report((ClaimResult("p", "a | b\nc", Verdict.AGREE, claim.sources[:1]),))
    assert "| a \\| b c |" in rendered("markdown", piped)


def test_machine_formats_carry_no_timestamps() -> None:
    for fmt in ("json", "jsonl", "sarif"):
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", rendered(fmt))


def test_cli_writes_sarif_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rules.yaml").write_text('claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n', encoding="utf-8")
    Path("docs").mkdir()
    Path("docs/b.txt").write_text("Intro.\n\nOfficials said flooding hit over 40 towns.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", "-r", "rules.yaml", "-s", "docs", "-f", "sarif"])
    assert result.exit_code == 1, result.stderr
    (res,) = json.loads(result.stdout)["runs"][0]["results"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/b.txt"
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (3, 1)


def sparse_report(n_sources: int) -> Report:
    """The sample claim over many sources, held sparsely: only the two that speak to it are stored."""
    from claimcheck.model import SourceResults

    (claim,) = sample_report().claims
    paths = tuple(f"docs/{i:05d}.txt" for i in range(n_sources))
    found = {3: claim.sources[0], n_sources - 1: claim.sources[1]}
    return Report(
        (ClaimResult(claim.id, claim.text, claim.verdict, SourceResults(paths, found), claim.path, claim.line),), paths
    )


def test_sparse_results_read_as_every_source() -> None:
    report = sparse_report(5)
    sources = report.claims[0].sources
    assert len(sources) == 5
    assert [s.verdict.value for s in sources] == ["silent", "silent", "silent", "agree", "disagree"]
    assert sources[0] == SourceResult("docs/00000.txt", Verdict.SILENT) and sources[-1].verdict is Verdict.DISAGREE
    assert sources == tuple(sources)
    assert report.claims[0].counts()[Verdict.SILENT] == 3


def test_large_json_is_streamed_as_the_same_document() -> None:
    from claimcheck.report.json import INDENT_MAX_ENTRIES, report_to_dict

    report = sparse_report(INDENT_MAX_ENTRIES + 1)
    out = rendered("json", report)
    assert "\n" not in out.rstrip("\n")  # compact
    assert json.loads(out) == report_to_dict(report)
    assert len(json.loads(out)["claims"][0]["sources"]) == INDENT_MAX_ENTRIES + 1


def test_omit_silent_lists_only_sources_that_speak(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text('claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Flooding hit 38 towns on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The weather was fine.\n", encoding="utf-8")
    args = [
        "verify",
        "--rules",
        str(rules),
        "--sources",
        str(tmp_path / "a.txt"),
        "--sources",
        str(tmp_path / "b.txt"),
        "--format",
        "json",
        "--no-cache",
    ]
    full = json.loads(CliRunner().invoke(app, args).stdout)
    assert [s["verdict"] for s in full["claims"][0]["sources"]] == ["agree", "silent"]
    assert full["silent_omitted"] is False
    cut = json.loads(CliRunner().invoke(app, [*args, "--omit-silent"]).stdout)
    assert [s["verdict"] for s in cut["claims"][0]["sources"]] == ["agree"]
    assert cut["silent_omitted"] is True and len(cut["sources"]) == 2
    assert cut["summary"] == full["summary"] and cut["verdict"] == full["verdict"]


def corpus_report() -> Report:
    """tests/corpus through verify (one job, no cache): real results, held sparsely as a run holds them."""
    import yaml

    from claimcheck import verify
    from claimcheck.model import Claim

    corpus = ROOT / "tests" / "corpus"
    gold = yaml.safe_load((corpus / "claims.yaml").read_text(encoding="utf-8"))["claims"]
    return verify([Claim(c["id"], c["text"]) for c in gold], [str(corpus / "articles")], keep_going=True)


def odd_report() -> Report:
    """What a report may carry that is easy to get wrong when written by hand: text outside ASCII,
    quotes, backslashes and control characters, a PDF part, non-finite scores, errors, no evidence."""
    (claim,) = sample_report().claims
    odd = Evidence(
        "docs/ü.pdf",
        2,
        7,
        'Über 40 "Städte" \\ 東京\t\u2028 overflowed',
        Relation.CONTRADICTS,
        Stance.REPORTED,
        "Über 40",
        "38",
        "'Über 40' excludes 38",
        float("nan"),
        part="p14",
    )
    sources = (
        *claim.sources,
        SourceResult("docs/ü.pdf", Verdict.DISAGREE, (odd, replace(odd, score=float("inf")))),
        SourceResult("docs/bad.txt", Verdict.SILENT, error="docs/bad.txt:1:1: error: not UTF-8"),
        SourceResult("docs/quiet.txt", Verdict.SILENT),
    )
    claims = (replace(claim, sources=sources), ClaimResult("none", "Nobody counted", Verdict.SILENT, (), "r.yaml", 9))
    paths = ("docs/a.txt", "docs/b.txt", "docs/ü.pdf", "docs/bad.txt", "docs/quiet.txt")
    return Report(claims, paths, ("docs/bad.txt:1:1: error: not UTF-8",), verdict=Verdict.MIXED)


REPORTS = {
    "sample": sample_report,
    "sparse": lambda: sparse_report(7),
    "odd": odd_report,
    "empty": lambda: Report(()),
    "corpus": corpus_report,
}


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("omit_silent", [False, True])
@pytest.mark.parametrize("indented", [True, False])
def test_streamed_json_is_the_dict_dumped_whole(
    name: str, omit_silent: bool, indented: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte, whichever layout the report's size picks: the stream and ``report_to_dict`` agree."""
    from claimcheck.report import json as json_format

    report = REPORTS[name]()
    if omit_silent:
        report = report.without_silent()
    if not indented:
        monkeypatch.setattr(json_format, "INDENT_MAX_ENTRIES", -1)
    monkeypatch.setattr(json_format, "WRITE_CHARS", 40)  # many writes, of pieces gathered and alone
    whole = json.dumps(json_format.report_to_dict(report), ensure_ascii=False, indent=2 if indented else None)
    assert rendered("json", report) == whole + "\n"
