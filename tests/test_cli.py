"""The CLI through CliRunner: sources as arguments, configuration defaults, formats, exit codes,
standard input, warnings, --explain, numbers, help. Two smoke tests run the installed command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import NO_SOURCES, app, exit_code, main, parse_fail_on, spread_sources
from claimcheck.errors import ExitCode
from claimcheck.model import ClaimResult, Report, SourceResult, Verdict

ROOT = Path(__file__).resolve().parents[1]
CLAIM = 'claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n'
AGREE = "Flooding hit 38 towns on Monday.\n"
CLASH = "Officials said flooding hit over 40 towns.\n"


def cli(*args: str, stdin: str | None = None, columns: int | None = None) -> tuple[int, str, str]:
    env = {"NO_COLOR": "1", "COLUMNS": str(columns) if columns else None}
    result = CliRunner().invoke(app, list(args), input=stdin, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder with no configuration above it, holding rules.yaml, a.txt and b.txt."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules.yaml").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "a.txt").write_text(AGREE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLASH, encoding="utf-8")
    return tmp_path


def test_exit_codes_are_pinned() -> None:
    assert (ExitCode.OK, ExitCode.CONTRADICTION, ExitCode.BAD_INPUT) == (0, 1, 2)


# Sources as arguments, configuration, init ---------------------------------------------------------


def test_sources_are_arguments(here: Path) -> None:
    code, out, err = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "-f", "json")
    assert code == 1, err
    assert json.loads(out)["sources"] == ["a.txt", "b.txt"]


def test_sources_option_is_an_alias_and_adds_to_the_arguments(here: Path) -> None:
    code, out, _ = cli("verify", "-r", "rules.yaml", "a.txt", "--sources", "b.txt", "-f", "json")
    assert json.loads(out)["sources"] == ["a.txt", "b.txt"]


def test_several_values_after_sources_keep_their_order(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert spread_sources(["verify", "-s", "a", "b", "-", "-f", "json", "x"]) == (
        ["verify", "-s", "a", "--sources", "b", "--sources", "-", "-f", "json", "x"]
    )
    assert main(["verify", "-r", "rules.yaml", "-s", "b.txt", "a.txt", "-f", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["sources"] == ["b.txt", "a.txt"]


def test_folders_and_globs_are_sources(here: Path) -> None:
    (here / "docs").mkdir()
    shutil.copy(here / "a.txt", here / "docs" / "a.txt")
    shutil.copy(here / "b.txt", here / "docs" / "b.md")
    assert json.loads(cli("verify", "-r", "rules.yaml", "docs", "-f", "json")[1])["sources"] == [
        "docs/a.txt",
        "docs/b.md",
    ]
    assert json.loads(cli("verify", "-r", "rules.yaml", "docs/*.md", "-f", "json")[1])["sources"] == ["docs/b.md"]


def test_no_sources_and_no_configuration_is_one_helpful_line(here: Path) -> None:
    code, out, err = cli("verify", "-r", "rules.yaml")
    assert code == 2 and out == ""
    assert err == f"error: {NO_SOURCES}\n"
    assert "claimcheck verify docs/" in err and "claimcheck init" in err


def test_no_rules_folder_says_what_to_do(here: Path) -> None:
    code, _, err = cli("verify", "a.txt")
    assert code == 2
    assert err.count("\n") == 1 and "claimcheck init" in err and "--rules" in err


def test_a_rules_file_among_the_sources_is_refused(here: Path) -> None:
    (here / "more.yaml").write_text(CLAIM.replace("towns\n", "towns2\n", 1), encoding="utf-8")
    code, _, err = cli("verify", "-r", "rules.yaml", "more.yaml", "a.txt")
    assert code == 2 and "more.yaml: error: a rules file among the sources" in err
    assert "--rules a.yaml --rules b.yaml" in err


def test_configuration_names_the_sources(here: Path) -> None:
    (here / ".claimcheck.yaml").write_text("rules: [rules.yaml]\nsources: [b.txt]\n", encoding="utf-8")
    code, out, _ = cli("verify", "-f", "json")
    assert code == 1 and json.loads(out)["sources"] == ["b.txt"]
    code, out, _ = cli("verify", "a.txt", "-f", "json")  # arguments replace the configured sources
    assert code == 0 and json.loads(out)["sources"] == ["a.txt"]


def test_this_repository_configures_its_rules_and_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = cli("verify", "--format", "json")
    assert code in (0, 1), err
    data = json.loads(out)
    assert data["sources"] == [f"seeds/{p.name}" for p in sorted((ROOT / "seeds").iterdir())]
    assert {c["path"] for c in data["claims"]} == {"rules/reference.yaml", "rules/seeds.yaml"}
    assert "warning" not in err


def test_init_then_verify_in_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("init")
    assert code == 0
    assert (tmp_path / "rules" / "claims.yaml").is_file() and (tmp_path / ".claimcheck.yaml").is_file()
    assert out.splitlines()[-1].startswith("next: edit rules/claims.yaml, then run: claimcheck verify PATH")
    (tmp_path / "report.txt").write_text("Police said 1,386 people were arrested in 38 cities.\n", encoding="utf-8")
    code, out, err = cli("verify", "report.txt")
    assert code in (0, 1), err
    assert re.search(r"arrests-total\s+│\s+agree\s+│\s+agree", out)
    code, _, err = cli("verify")
    assert code == 2 and err.count("\n") == 1 and "no sources to check" in err


def test_init_with_sources_writes_them_and_the_next_command_is_bare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "r.txt").write_text("Police arrested 1,200 people in 38 cities.\n", encoding="utf-8")
    code, out, _ = cli("init", "--sources", "docs")
    assert code == 0 and out.splitlines()[-1].endswith("then run: claimcheck verify")
    code, out, _ = cli("verify", "-f", "json")
    assert code == 1 and json.loads(out)["sources"] == ["docs/r.txt"]


def test_init_keeps_an_existing_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nsources = ["docs"]\n', encoding="utf-8")
    code, out, _ = cli("init")
    assert code == 0 and "kept pyproject.toml" in out
    assert not (tmp_path / ".claimcheck.yaml").exists()


# Exit codes: --fail-on is per source ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sources", "fail_on", "code"),
    [
        (["a.txt", "b.txt"], "disagree", 1),  # b.txt disagrees
        (["a.txt", "b.txt"], "mixed", 0),  # no source holds both; the claim is mixed across sources
        (["a.txt", "b.txt"], "disagree,mixed", 1),
        (["a.txt", "b.txt"], "never", 0),
        (["a.txt"], "silent", 0),  # the one source speaks
        (["a.txt", "c.txt"], "silent", 1),  # c.txt is silent on the claim
        (["a.txt", "c.txt"], "disagree", 0),
    ],
)
def test_fail_on_is_per_source(here: Path, sources: list[str], fail_on: str, code: int) -> None:
    (here / "c.txt").write_text("The council met on Tuesday to discuss parking.\n", encoding="utf-8")
    assert cli("verify", "-r", "rules.yaml", *sources, "--fail-on", fail_on, "-f", "json")[0] == code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on", "sometimes"], "error: --fail-on 'sometimes' is not one of disagree, mixed, silent, never"),
        (["--format", "xml"], "error: --format 'xml' is not one of table, json,"),
        (["--explain", "towns", "-f", "sarif"], "error: --explain prints a table or JSON, not sarif"),
    ],
)
def test_bad_option_values_are_one_line(here: Path, args: list[str], message: str) -> None:
    code, _, err = cli("verify", "-r", "rules.yaml", "a.txt", *args)
    assert code == 2 and err.startswith(message) and err.count("\n") == 1


def _report(*verdicts: Verdict, accepted: str = "") -> Report:
    sources = tuple(SourceResult(f"s{i}", v, accepted=accepted) for i, v in enumerate(verdicts))
    return Report((ClaimResult("c", "t", Verdict.MIXED, sources),))


@pytest.mark.parametrize(
    ("verdicts", "fail_on", "accepted", "code"),
    [
        ((Verdict.DISAGREE,), "disagree", "", ExitCode.CONTRADICTION),
        ((Verdict.DISAGREE,), "disagree", "known", ExitCode.OK),
        ((Verdict.AGREE, Verdict.DISAGREE), "mixed", "", ExitCode.OK),
        ((Verdict.AGREE, Verdict.MIXED), "mixed", "", ExitCode.CONTRADICTION),
        ((Verdict.AGREE, Verdict.SILENT), "silent", "", ExitCode.CONTRADICTION),
        ((Verdict.AGREE,), "silent", "", ExitCode.OK),
        ((Verdict.DISAGREE,), "never", "", ExitCode.OK),
    ],
)
def test_exit_code_reads_each_source_verdict(
    verdicts: tuple[Verdict, ...], fail_on: str, accepted: str, code: ExitCode
) -> None:
    assert exit_code(_report(*verdicts, accepted=accepted), parse_fail_on([fail_on])) is code


def test_exit_code_is_2_when_a_source_could_not_be_read() -> None:
    assert exit_code(Report((), errors=("x: error: y",)), frozenset()) is ExitCode.BAD_INPUT


# Standard input, every format ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "sarif", "github", "markdown"])
def test_standard_input_works_with_every_format(here: Path, fmt: str) -> None:
    code, out, err = cli("verify", "-r", "rules.yaml", "-", "-f", fmt, stdin=CLASH)
    assert code == 1, err
    assert "<stdin>" in out
    assert "'over 40' excludes 38" in out
    if fmt == "sarif":
        (run,) = json.loads(out)["runs"]
        (result,) = run["results"]
        assert result["locations"][0]["logicalLocations"][0]["name"] == "<stdin>"
    if fmt == "github":
        assert out.startswith("::error title=claimcheck towns::<stdin>:1:1 disagrees")


def test_standard_input_errors_name_stdin(here: Path) -> None:
    code, _, err = cli("verify", "-r", "rules.yaml", "-", stdin="")
    assert code == 2 and err.startswith("<stdin>: error:")


# Output: quiet, table width, explain ---------------------------------------------------------------


def test_quiet_prints_only_what_fails(here: Path) -> None:
    assert cli("verify", "-r", "rules.yaml", "a.txt", "--quiet")[1].strip() == ""
    out = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--quiet")[1]
    assert "excludes 38" in out and "lies within" not in out


def test_quiet_hides_baselined_findings(here: Path) -> None:
    assert cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--write-baseline", "base.json")[0] == 0
    code, out, _ = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--baseline", "base.json")
    assert code == 0 and "excludes 38" in out  # still shown without -q
    code, out, _ = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--baseline", "base.json", "-q")
    assert code == 0 and out.strip() == ""
    code, out, _ = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--baseline", "base.json", "-q", "-f", "json")
    assert json.loads(out)["claims"] == []


LONG = (
    "In a statement issued late on Monday evening after a long meeting of the regional emergency "
    "committee, officials said flooding hit over 40 towns along the river, and that the count may rise."
)


def test_table_fits_100_columns_when_piped_and_never_wraps_a_quote(here: Path) -> None:
    (here / "long.txt").write_text(LONG + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", "-r", "rules.yaml", "long.txt"], env={"NO_COLOR": "1"})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    (quoted,) = [line for line in lines if line.startswith("      ")]
    assert "over 40" in quoted and "…" in quoted  # cut to one line, the figure kept in view


def test_table_follows_columns(here: Path) -> None:
    (here / "long.txt").write_text(LONG + "\n", encoding="utf-8")
    out = cli("verify", "-r", "rules.yaml", "long.txt", columns=160)[1]
    assert any(len(line.rstrip()) > 100 for line in out.splitlines())
    assert max(len(line) for line in out.splitlines()) <= 160


def test_explain_lists_candidates(here: Path) -> None:
    code, out, _ = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--explain", "towns")
    assert code == 0
    assert out.startswith("towns: Flooding hit 38 towns\n")
    assert "b.txt:1:1 [over 40] contradicts: 'over 40' excludes 38" in out


def test_explain_honours_format_json(here: Path) -> None:
    code, out, _ = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt", "--explain", "towns", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "towns" and data["path"] == "rules.yaml"
    decisions = {(c["path"], c["decision"]) for c in data["considered"]}
    assert decisions == {("a.txt", "supports"), ("b.txt", "contradicts")}


def test_explain_of_an_unknown_claim(here: Path) -> None:
    code, _, err = cli("verify", "-r", "rules.yaml", "a.txt", "--explain", "nope")
    assert code == 2 and "no claim with id 'nope' (ids: towns)" in err


# Warnings ------------------------------------------------------------------------------------------


def test_empty_rules_warn(here: Path) -> None:
    (here / "rules.yaml").write_text("claims: []\n", encoding="utf-8")
    code, _, err = cli("verify", "-r", "rules.yaml", "a.txt")
    assert code == 0
    assert err == "rules.yaml: warning: no claims to check (list them under 'claims:')\n"


def test_accept_naming_no_source_warns(here: Path) -> None:
    accept = "    accept:\n      - source: drafts/b.txt\n        reason: early count\n"
    (here / "rules.yaml").write_text(CLAIM + accept, encoding="utf-8")
    code, _, err = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt")
    assert code == 1
    assert "rules.yaml:2: warning: claim 'towns' accepts 'drafts/b.txt', which names none of the sources read" in err
    (here / "rules.yaml").write_text(CLAIM + accept.replace("drafts/", ""), encoding="utf-8")
    code, _, err = cli("verify", "-r", "rules.yaml", "a.txt", "b.txt")
    assert code == 0 and "warning" not in err


# numbers ---------------------------------------------------------------------------------------------


def test_numbers_shows_the_interval_verify_compares(here: Path) -> None:
    out = cli("numbers", "More than 1,300 were held", columns=200)[1]
    (row,) = [line for line in out.splitlines() if "More than 1,300" in line]
    assert "1,300–1,950" in row and "(1,300, ∞)" in row
    verify_reason = "1,386 lies within 'More than 1,300' (1,300–1,950)"
    (here / "r.yaml").write_text('claims:\n  - id: x\n    text: "1,386 were held"\n', encoding="utf-8")
    (here / "s.txt").write_text("More than 1,300 were held.\n", encoding="utf-8")
    assert verify_reason in cli("verify", "-r", "r.yaml", "s.txt", columns=200)[1]


def test_numbers_json_carries_the_interval_and_what_is_not_a_count() -> None:
    out = cli("numbers", "--json", "More than 1,300 were held in 2022")[1]
    held, year = json.loads(out)
    assert (held["figure"], held["interval"], held["value"]["hi"]) == (True, [1300, 1950], None)
    assert (year["kind"], year["figure"], year["interval"]) == ("year", False, None)


@pytest.mark.parametrize(("text", "kind"), [("in 2022", "year"), ("on 21 September", "date"), ("the third", "ordinal")])
def test_numbers_marks_what_is_not_a_count(text: str, kind: str) -> None:
    out = cli("numbers", f"Police held 40 people {text}.", columns=200)[1]
    assert f"not a count ({kind})" in out
    (row,) = [line for line in out.splitlines() if " 40 " in line]
    assert "not a count" not in row


# Help --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [[], ["verify"], ["numbers"], ["init"], ["config"], ["rules", "check"], ["cache", "clear"]]
)
def test_help_shows_no_python_types(command: list[str]) -> None:
    out = cli(*command, "--help", columns=120)[1]
    assert not re.search(r"<(bool|str|int|list\[[a-z]+\]|int range)>", out), out


@pytest.mark.parametrize("command", [["verify"], ["numbers"], ["init"], ["rules", "check"]])
def test_help_gives_examples(command: list[str]) -> None:
    out = cli(*command, "--help", columns=120)[1]
    assert "Example" in out and f"claimcheck {' '.join(command)}" in out


def test_completion_is_offered() -> None:
    assert "--install-completion" in cli("--help", columns=120)[1]


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No such option" in err and "Traceback" not in err


# The installed command -------------------------------------------------------------------------------


def _installed() -> list[str]:
    script = Path(sys.executable).parent / "claimcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]


def test_installed_command_checks_this_repository() -> None:
    proc = subprocess.run(
        [*_installed(), "verify", "-f", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # the seeds conflict: 38 cities against 40
    assert len(json.loads(proc.stdout)["sources"]) == 3


def test_installed_command_reads_standard_input(here: Path) -> None:
    proc = subprocess.run(
        [*_installed(), "verify", "-r", "rules.yaml", "-", "-f", "github"],
        input=CLASH,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "<stdin>:1:1" in proc.stdout


# Progress ------------------------------------------------------------------------------------------


class _Terminal:
    """A stderr that says it is a terminal, and keeps what is written to it."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_only_on_a_terminal_and_never_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import cli as cli_module

    with cli_module._progress(enabled=True) as update:  # stderr under pytest is not a terminal
        assert update is None
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with cli_module._progress(enabled=False) as update:
        assert update is None
    monkeypatch.setattr(cli_module, "PROGRESS_AFTER_S", 0.0)
    with cli_module._progress(enabled=True) as update:
        assert update is not None
        update(512_000, 2_048_000)
    assert "0.5/2.0 MB" in "".join(sys.stderr.written)  # type: ignore[attr-defined]
