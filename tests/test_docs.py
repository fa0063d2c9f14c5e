"""The README in step with the code: every format's sample is what the formatter prints for the
hand-built report in test_report_formats, the samples of real runs are what those runs print, the
getting-started steps and the CI recipe work in an empty folder, every option and command of
``--help`` is documented, and the config, workflow and hook samples are valid."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_report_formats import rendered
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import KEYS, validate
from claimcheck.report import FORMATTERS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE = re.compile(r"<!-- sample: (\S+) -->\n```[a-z]*\n(.*?)\n```", re.S)
SAMPLES = dict(SAMPLE.findall(README))
COMMANDS = ([], ["verify"], ["numbers"], ["config"], ["init"], ["rules", "check"], ["rules", "schema"])
OUTPUT = re.compile(r"<!-- output: (.+?) -->\n```[a-z]*\n(.*?)\n```", re.S)
EXCERPT = re.compile(r"<!-- excerpt: (.+?) -->\n```[a-z]*\n(.*?)\n```", re.S)
STEPS = re.compile(r"<!-- steps: getting-started -->\n```sh\n(.*?)\n```", re.S)


def _lines(text: str) -> list[str]:
    """Lines without trailing blanks (Rich pads table cells; editors strip them)."""
    return [line.rstrip() for line in text.strip("\n").splitlines()]


@pytest.fixture(autouse=True)
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_readme_shows_what_each_format_prints(fmt: str) -> None:
    if fmt == "html":  # a page is shown by its screenshot, which the browser test makes
        assert "](docs/report.png)" in README and (ROOT / "docs" / "report.png").is_file()
        return
    assert fmt in SAMPLES, f"README has no '<!-- sample: {fmt} -->' block"
    out, sample = rendered(fmt), SAMPLES[fmt]
    if fmt in ("json", "sarif"):
        assert json.loads(sample) == json.loads(out)
    elif fmt == "jsonl":
        assert [json.loads(line) for line in sample.splitlines()] == [json.loads(x) for x in out.splitlines()]
    else:
        assert _lines(sample) == _lines(out)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_readme_documents_every_option_and_command(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0
    name = " ".join(["claimcheck", *command])
    assert name in README, f"README does not mention {name}"
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", result.stdout)) - {"--help"}
    for option in options:
        assert option in README, f"README does not document {option} of {' '.join(command)}"


def test_readme_config_sample_is_valid_and_lists_every_key(tmp_path: Path) -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    data = tomllib.loads(SAMPLES["config"])["tool"]["claimcheck"]
    path = tmp_path / "pyproject.toml"
    validate(path, data, {}, tmp_path, tuple(FORMATTERS))
    for key in KEYS:
        assert f"| `{key}` |" in README


def test_readme_workflow_runs_claimcheck_and_uploads_sarif() -> None:
    workflow = yaml.safe_load(SAMPLES["workflow"])
    steps = workflow["jobs"]["claimcheck"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "claimcheck verify --format sarif" in runs and "claimcheck verify --format github" in runs
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == "claimcheck.sarif"
    assert workflow["permissions"]["security-events"] == "write"


def test_readme_hook_id_is_the_shipped_one() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert f"- id: {hook['id']}" in README and f"entry: {hook['entry']}" in README


def _run(command: str) -> str:
    """What a README command prints, run in the repository at a fixed width without colour."""
    args = shlex.split(command)
    assert args[0] == "claimcheck"
    result = CliRunner().invoke(app, args[1:], env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize(("command", "sample"), OUTPUT.findall(README), ids=[c for c, _ in OUTPUT.findall(README)])
def test_readme_output_samples_are_real_output(command: str, sample: str) -> None:
    """Each line shown is printed, in order; a line "..." stands for lines left out."""
    real = _lines(_run(command))
    at = 0
    skipping = False
    for line in _lines(sample):
        if line == "...":
            skipping = True
            continue
        if skipping:
            assert line in real[at:], f"README line not in the output of {command}: {line!r}"
            at = real.index(line, at)
        else:
            assert at < len(real) and real[at] == line, f"README line {line!r} != {real[at : at + 1]!r}"
        at += 1
        skipping = False
    assert skipping or at == len(real), f"the output of {command} goes on past the README's sample"


def _contains(real: Any, shown: Any, where: str = "") -> None:  # noqa: ANN401 - JSON values
    if isinstance(shown, dict):
        assert isinstance(real, dict), where
        for key, value in shown.items():
            assert key in real, f"{where}.{key} is not in the real output"
            _contains(real[key], value, f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(real, list), where
        for i, item in enumerate(shown):
            assert any(_matches(r, item) for r in real), f"{where}[{i}] matches nothing in the real output"
            (match,) = [r for r in real if _matches(r, item)][:1]
            _contains(match, item, f"{where}[{i}]")
    elif isinstance(shown, str) and shown.endswith(" ..."):
        assert isinstance(real, str) and real.startswith(shown[:-4]), f"{where}: {real!r}"
    else:
        assert real == shown, f"{where}: README {shown!r}, real {real!r}"


def _matches(real: Any, shown: Any) -> bool:  # noqa: ANN401 - JSON values
    try:
        _contains(real, shown)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize(("command", "sample"), EXCERPT.findall(README), ids=[c for c, _ in EXCERPT.findall(README)])
def test_readme_json_excerpts_are_real_output(command: str, sample: str) -> None:
    _contains(json.loads(_run(command)), json.loads(sample))


def _installed() -> Path | None:
    script = Path(sys.executable).parent / "claimcheck"
    return script.parent if script.exists() else None


EDITED_CLAIMS = 'claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n'


@pytest.mark.skipif(_installed() is None, reason="the claimcheck command is not installed (pip install -e '.[test]')")
def test_getting_started_steps_work_in_an_empty_folder(tmp_path: Path) -> None:
    """The README's steps, one at a time, in a new project with two documents; ``$EDITOR`` is the
    test writing a claim, and the CI recipe's run steps (but the install) come after them."""
    project = tmp_path / "my-project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "report.txt").write_text("Flooding hit 38 towns on Monday.\n", encoding="utf-8")
    (project / "docs" / "wire.txt").write_text("Officials said flooding hit over 40 towns.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PATH": f"{_installed()}{os.pathsep}{os.environ.get('PATH', '')}"}
    (steps,) = STEPS.findall(README)
    workflow = yaml.safe_load(SAMPLES["workflow"])
    ci = [s["run"] for s in workflow["jobs"]["claimcheck"]["steps"] if "run" in s]
    assert ci[0].startswith("python -m pip install ./")  # from a path, never a name on PyPI
    commands = [line.split("  #")[0].strip() for line in steps.splitlines()] + ci[1:]
    codes = []
    for command in commands:
        if command.startswith("$EDITOR "):
            (project / command.split()[1]).write_text(EDITED_CLAIMS, encoding="utf-8")
            continue
        proc = subprocess.run(command, shell=True, cwd=project, env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode in (0, 1), f"{command}: {proc.stderr}"
        assert "Traceback" not in proc.stderr and "warning" not in proc.stderr, proc.stderr
        codes.append((command, proc.returncode, proc.stdout))
    by_command = {c: (code, out) for c, code, out in codes}
    assert by_command["claimcheck init --sources docs"][0] == 0
    assert by_command["claimcheck rules check"] == (0, "ok: 1 claim in 1 file\n")
    code, out = by_command["claimcheck verify"]
    assert code == 1 and re.search(r"towns\s+│\s+mixed\s+│\s+agree\s+│\s+disagree", out), out
    assert by_command["claimcheck verify docs/report.txt"][0] == 0
    assert by_command["claimcheck verify --format github"][1].startswith("::error file=docs/wire.txt,line=1,col=1")
    sarif = json.loads((project / "claimcheck.sarif").read_text(encoding="utf-8"))
    (run,) = sarif["runs"]
    assert [r["ruleId"] for r in run["results"]] == ["towns"]


def test_readme_pre_commit_sample_is_the_shipped_hook_declared_locally() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (repo,) = yaml.safe_load(SAMPLES["pre-commit"])["repos"]
    assert repo["repo"] == "local"
    (local,) = repo["hooks"]
    assert local == {k: v for k, v in {**hook, "language": "system"}.items() if k != "description"}


def test_nothing_a_user_copies_points_at_another_project() -> None:
    shipped = [ROOT / "README.md", ROOT / ".pre-commit-hooks.yaml", *sorted((ROOT / "claimcheck").rglob("*.*"))]
    for path in shipped:
        if path.suffix not in (".md", ".yaml", ".json", ".py", ".toml"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "github.com/claimcheck" not in text, path
        assert not re.search(r"pip install\s+['\"]?claimcheck\b(?!-cli)", text), path
