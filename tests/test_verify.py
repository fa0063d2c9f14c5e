"""verify(): the report carries every verdict, decided once (formatters and the exit code read them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from claimcheck.engine import local_workers
from claimcheck.model import Claim, Verdict
from claimcheck.verify import verify


def test_the_report_carries_the_runs_verdict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council said 412 trees were planted along the river in May.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Volunteers planted 250 trees along the river in May, the council said.\n", "utf-8")
    agreed = Claim("trees", "412 trees were planted along the river")
    unknown = Claim("bridges", "Seven bridges were repainted")
    one = verify([agreed], [str(tmp_path / "a.txt")])
    assert [c.verdict for c in one.claims] == [Verdict.AGREE] and one.verdict is Verdict.AGREE
    both = verify([agreed, unknown], [str(tmp_path)])
    assert [c.verdict for c in both.claims] == [Verdict.MIXED, Verdict.SILENT]
    assert both.verdict is Verdict.MIXED
    nothing = verify([unknown], [str(tmp_path)])
    assert nothing.verdict is Verdict.SILENT


ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, hash_seed: str, cwd: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "CLAIMCHECK_CACHE_DIR": str(cwd / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", *args], cwd=cwd, env=env, capture_output=True, check=False
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stdout


def test_reports_are_identical_across_hash_seeds_and_worker_counts(tmp_path: Path) -> None:
    """Set and dict orders change with the hash seed, and work spread over processes returns in any
    order: neither may change a byte of the report. Each run is its own process, with its own seed."""
    articles = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "corpus" / "articles").glob("*"))]
    for copy in ("one", "two"):  # enough documents that two workers are used (engine.MIN_DOCS_PER_WORKER)
        (tmp_path / "docs" / copy).mkdir(parents=True)
        for path in articles:
            shutil.copy(path, tmp_path / "docs" / copy / path.name)
    assert local_workers([str(p) for p in (tmp_path / "docs").rglob("*.*")], 2) == 2
    args = ("--rules", str(ROOT / "rules"), "--sources", "docs", "--format", "json", "--no-cache")
    serial = run_cli(*args, "--jobs", "1", hash_seed="1", cwd=tmp_path)
    parallel = run_cli(*args, "--jobs", "2", hash_seed="2", cwd=tmp_path)
    assert serial == parallel
    assert json.loads(serial)["summary"]["agree"] > 0  # the runs found something to agree on
