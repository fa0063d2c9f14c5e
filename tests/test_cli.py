"""The CLI end to end: defaults, formats, exit codes, variadic paths, errors as one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import exit_code, main, spread_variadic
from claimcheck.errors import ExitCode
from claimcheck.model import ClaimResult, Report, SourceResult, Verdict

ROOT = Path(__file__).resolve().parents[1]


def write(tmp: Path, name: str, text: str) -> str:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_exit_codes_are_pinned() -> None:
    assert (ExitCode.OK, ExitCode.CONTRADICTION, ExitCode.BAD_INPUT) == (0, 1, 2)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[str, str, str]:
    rules = write(tmp_path, "rules.yaml", 'claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n')
    agree = write(tmp_path, "a.txt", "Flooding hit 38 towns on Monday.\n")
    clash = write(tmp_path, "b.txt", "Officials said flooding hit over 40 towns.\n")
    return rules, agree, clash


def test_json_contract(corpus: tuple[str, str, str]) -> None:
    rules, agree, clash = corpus
    proc = run("verify", "--rules", rules, "--sources", agree, clash, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"]
    (claim,) = data["claims"]
    assert {"id", "text", "verdict", "sources"} <= claim.keys()
    assert claim["verdict"] == "mixed"
    by_path = {s["path"]: s for s in claim["sources"]}
    assert by_path[agree]["verdict"] == "agree"
    assert by_path[clash]["verdict"] == "disagree"
    (e,) = by_path[clash]["evidence"]
    assert {"line", "column", "text"} <= e.keys()
    assert (e["line"], e["column"]) == (1, 1)


@pytest.mark.parametrize(
    ("fail_on", "code"), [("disagree", 1), ("mixed", 1), ("never", 0), ("silent", 0), ("disagree,mixed", 1)]
)
def test_fail_on(corpus: tuple[str, str, str], fail_on: str, code: int) -> None:
    rules, agree, clash = corpus
    assert run("verify", "-r", rules, "-s", agree, clash, "--fail-on", fail_on, "-f", "json").returncode == code


def test_agreement_exits_zero(corpus: tuple[str, str, str]) -> None:
    rules, agree, _ = corpus
    proc = run("verify", "-r", rules, "-s", agree)
    assert proc.returncode == 0, proc.stderr
    assert "agree" in proc.stdout


def test_quiet_prints_only_contradictions(corpus: tuple[str, str, str]) -> None:
    rules, agree, clash = corpus
    assert run("verify", "-r", rules, "-s", agree, "--quiet").stdout.strip() == ""
    out = run("verify", "-r", rules, "-s", agree, clash, "--quiet").stdout
    assert "excludes 38" in out and "lies within" not in out


def test_table_quotes_and_locates_evidence(corpus: tuple[str, str, str]) -> None:
    rules, _, clash = corpus
    out = run("verify", "-r", rules, "-s", clash).stdout
    assert f"{clash}:1:1" in out
    assert "disagree" in out and "\x1b[" not in out


def test_defaults_check_rules_against_seeds() -> None:
    proc = run("verify", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["sources"]) == 3 and data["claims"]


def test_explain_lists_candidates(corpus: tuple[str, str, str]) -> None:
    rules, agree, clash = corpus
    proc = run("verify", "-r", rules, "-s", agree, clash, "--explain", "towns")
    assert proc.returncode == 0
    assert "contradicts" in proc.stdout and "supports" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verify", "--fail-on", "sometimes"], "--fail-on 'sometimes' is not one of"),
        (["verify", "--rules", "does-not-exist.yaml"], "does-not-exist.yaml: error: no such file or folder"),
        (["verify", "--explain", "no-such-claim"], "no claim with id 'no-such-claim'"),
    ],
)
def test_bad_usage_is_one_line_exit_2(args: list[str], message: str) -> None:
    proc = run(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_main_returns_exit_code(corpus: tuple[str, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    rules, agree, _ = corpus
    assert main(["verify", "-r", rules, "-s", agree, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"][0]["verdict"] == "agree"


def test_spread_variadic() -> None:
    assert spread_variadic(["verify", "--sources", "a", "b", "-", "--format", "json", "x"]) == [
        "verify",
        "--sources",
        "a",
        "--sources",
        "b",
        "--sources",
        "-",
        "--format",
        "json",
        "x",
    ]


def test_exit_code_policy() -> None:
    def report(v: Verdict, accepted: str = "") -> Report:
        return Report((ClaimResult("c", "t", v, (SourceResult("s", v, accepted=accepted),)),))

    assert exit_code(report(Verdict.DISAGREE), ["disagree"]) == ExitCode.CONTRADICTION
    assert exit_code(report(Verdict.DISAGREE, accepted="known"), ["disagree"]) == ExitCode.OK
    assert exit_code(report(Verdict.AGREE), ["disagree", "mixed"]) == ExitCode.OK
    assert exit_code(report(Verdict.SILENT), ["silent"]) == ExitCode.CONTRADICTION
    assert exit_code(Report((), errors=("x: error: y",)), ["never"]) == ExitCode.BAD_INPUT


def test_readme_usage_matches_help() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in ("--rules", "--sources", "--format", "--fail-on", "--quiet", "--explain"):
        assert option in run("verify", "--help").stdout
        assert option in readme, f"README does not document {option}"
