"""The pre-commit hook in .pre-commit-hooks.yaml, run by pre-commit itself on a temporary git repo:
it fails on a contradiction and passes once the claim accepts it.

``pre-commit try-repo`` would install the hook with ``language: python``: a fresh virtualenv and
``pip install`` of this repo, which needs setuptools and every dependency from a package index, so it
cannot run offline. The test therefore runs the repo's own hook definition (id, entry, arguments,
pass_filenames, file types) as a ``repo: local`` hook with ``language: system``, using the claimcheck
installed beside the Python running the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
CLAIM = 'claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n'
ACCEPT = "    accept:\n      - source: docs/b.txt\n        reason: early count, corrected the next day\n"


def test_hook_definition() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "claimcheck"
    assert hook["entry"] == "claimcheck verify"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    bindir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "NO_COLOR": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_hook_fails_on_a_contradiction_then_passes_after_accept(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extras")
    if not (Path(sys.executable).parent / "claimcheck").exists() and shutil.which("claimcheck") is None:
        pytest.skip("the claimcheck command is not installed (pip install -e '.[test]')")
    repo = tmp_path / "news"
    (repo / "rules").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "rules" / "claims.yaml").write_text(CLAIM, encoding="utf-8")
    (repo / "docs" / "a.txt").write_text("Flooding hit 38 towns on Monday.\n", encoding="utf-8")
    (repo / "docs" / "b.txt").write_text("Officials said flooding hit over 40 towns.\n", encoding="utf-8")
    (repo / "claimcheck.toml").write_text('rules = ["rules"]\nsources = ["docs"]\n', encoding="utf-8")
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    local = {"repos": [{"repo": "local", "hooks": [{**hook, "language": "system"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(local), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")

    failed = _pre_commit(repo, tmp_path / "home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "claimcheck" in failed.stdout and "Failed" in failed.stdout
    assert "disagree" in failed.stdout

    (repo / "rules" / "claims.yaml").write_text(CLAIM + ACCEPT, encoding="utf-8")
    _git(repo, "add", ".")
    passed = _pre_commit(repo, tmp_path / "home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
