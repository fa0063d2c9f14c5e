"""The README in step with the code: every format's sample is what the formatter prints for the
hand-built report in test_report_formats, every option and command of ``--help`` is documented,
and the config, workflow and hook samples are valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
COMMANDS = (["verify"], ["numbers"], ["config"], ["init"], ["rules", "check"], ["rules", "schema"])


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
    name = f"claimcheck {' '.join(command)}"
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
