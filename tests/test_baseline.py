"""Known disagreements: ``accept:`` in rules and baseline files. Both still show; neither fails the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.baseline import BASELINE_REASON, accepts, text_hash
from claimcheck.cli import app

CLAIM = 'claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n'
CLASH = "Officials said flooding hit over 40 towns.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules.yaml").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Flooding hit 38 towns on Monday.\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text(CLASH, encoding="utf-8")
    return tmp_path


def verify(*args: str) -> tuple[int, str, str]:
    args = ("verify", "-r", "rules.yaml", "-s", "docs", *args)
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def sources(stdout: str) -> dict[str, dict[str, str]]:
    return {s["path"]: s for s in json.loads(stdout)["claims"][0]["sources"]}


def test_text_hash_ignores_case_and_wrapping() -> None:
    assert text_hash("Officials said\n  flooding hit over 40 towns.") == text_hash(
        "officials said flooding hit OVER 40 towns."
    )
    assert text_hash("over 40 towns") != text_hash("over 41 towns")


@pytest.mark.parametrize(
    ("pattern", "path", "rules_path", "matches"),
    [
        ("docs/b.txt", "docs/b.txt", "", True),
        ("./docs/b.txt", "docs/b.txt", "", True),
        ("docs/*.txt", "docs/b.txt", "", True),
        ("b.txt", "docs/b.txt", "", True),
        ("*.txt", "docs/deep/b.txt", "", True),
        ("docs/a.txt", "docs/b.txt", "", False),
        ("other/*.txt", "docs/b.txt", "", False),
        ("../docs/b.txt", "docs/b.txt", "rules/claims.yaml", False),
        ("b.txt", "docs/b.txt", "docs/claims.yaml", True),
    ],
)
def test_accept_patterns(pattern: str, path: str, rules_path: str, matches: bool) -> None:
    assert accepts(pattern, path, rules_path) is matches


def test_accept_stops_the_failure_but_still_shows(project: Path) -> None:
    assert verify()[0] == 1
    (project / "rules.yaml").write_text(
        CLAIM + "    accept:\n      - source: docs/b.txt\n        reason: counted before the update\n", encoding="utf-8"
    )
    code, out, _ = verify("-f", "json")
    assert code == 0
    by_path = sources(out)
    assert by_path["docs/b.txt"]["verdict"] == "disagree"
    assert by_path["docs/b.txt"]["accepted"] == "counted before the update"
    assert by_path["docs/a.txt"]["accepted"] == ""
    code, out, _ = verify()
    assert code == 0 and "disagree (accepted)" in out


def test_baseline_fails_only_on_new_contradictions(project: Path) -> None:
    code, _, err = verify("--write-baseline", "baseline.json")
    assert code == 0 and "wrote 1 contradiction to baseline.json" in err
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["contradictions"]
    assert entries == [{"claim": "towns", "source": "docs/b.txt", "hash": text_hash(CLASH)}]
    # Known: the run passes, and the contradiction still shows, marked.
    code, out, _ = verify("--baseline", "baseline.json", "-f", "json")
    assert code == 0 and sources(out)["docs/b.txt"]["accepted"] == BASELINE_REASON
    # The sentence moves down: still known.
    (project / "docs" / "b.txt").write_text("A new first paragraph.\n\n" + CLASH, encoding="utf-8")
    assert verify("--baseline", "baseline.json")[0] == 0
    # A new contradiction in another source fails.
    (project / "docs" / "c.txt").write_text("Flooding hit 55 towns, the mayor said.\n", encoding="utf-8")
    code, out, _ = verify("--baseline", "baseline.json", "-f", "json")
    assert code == 1
    assert sources(out)["docs/c.txt"]["accepted"] == ""


def test_baseline_written_is_deterministic(project: Path) -> None:
    verify("--write-baseline", "one.json")
    verify("--write-baseline", "two.json")
    assert (project / "one.json").read_bytes() == (project / "two.json").read_bytes()
    assert "20" not in json.loads((project / "one.json").read_text(encoding="utf-8"))


def test_baseline_paths_are_relative_to_the_baseline_file(project: Path) -> None:
    (project / "ci").mkdir()
    verify("--write-baseline", "ci/baseline.json")
    entries = json.loads((project / "ci" / "baseline.json").read_text(encoding="utf-8"))["contradictions"]
    assert entries[0]["source"] == "../docs/b.txt"
    assert verify("--baseline", "ci/baseline.json")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read baseline"),
        ("{not json", "baseline is not a JSON file"),
        ('{"version": 9, "contradictions": []}', "not a claimcheck baseline"),
        ('{"version": 1, "contradictions": [{"claim": 1}]}', "baseline entry needs"),
    ],
)
def test_bad_baseline_is_one_line_and_exit_2(project: Path, content: str | None, message: str) -> None:
    if content is not None:
        (project / "baseline.json").write_text(content, encoding="utf-8")
    code, _, err = verify("--baseline", "baseline.json")
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
