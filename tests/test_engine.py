"""Engines: local jobs=1, a pool of 2 and a real Dask cluster give byte-identical JSON reports."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.model import Claim
from claimcheck.report.json import render
from claimcheck.verify import verify

PLACES = ["Tollan", "Marrow", "Eastvale", "Dunmore"]
TOPICS = [("protesters", "arrested"), ("homes", "destroyed"), ("flights", "cancelled"), ("workers", "laid off")]
HEDGES = ["", "about ", "more than ", "nearly "]


def make_corpus(folder: Path, n_docs: int = 40, seed: int = 3) -> list[Claim]:
    """``n_docs`` small articles with figures, hedges and filler; claims that some agree with."""
    rng = random.Random(seed)
    truth = {(n, p): rng.randint(20, 9000) for n, _ in TOPICS for p in PLACES}
    for i in range(n_docs):
        sentences = []
        for _ in range(8):
            noun, act = rng.choice(TOPICS)
            place = rng.choice(PLACES)
            n = truth[noun, place] * rng.choice([1, 1, 1, 2])
            sentences.append(f"{rng.choice(HEDGES).capitalize()}{n:,} {noun} were {act} in {place}, officials said.")
            sentences.append(f"The governor of {place} urged calm on Monday.")
        (folder / f"{i:03d}.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    claims = [
        Claim(f"c{k}", f"{truth[n, p]:,} {n} were {a} in {p}")
        for k, ((n, a), p) in enumerate((t, p) for t in TOPICS for p in PLACES[:2])
    ]
    return [*claims, Claim("s", "The governor of Marrow urged calm")]


def as_json(**options: object) -> str:
    stream = io.StringIO()
    render(verify(**options), stream)  # type: ignore[arg-type]
    return stream.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[list[Claim], list[str]]:
    claims = make_corpus(tmp_path)
    return claims, [str(tmp_path)]


def test_pool_matches_one_process(corpus: tuple[list[Claim], list[str]]) -> None:
    claims, sources = corpus
    one = as_json(rules=claims, sources=sources, jobs=1)
    assert '"agree"' in one and '"disagree"' in one
    assert as_json(rules=claims, sources=sources, jobs=2) == one


def test_pool_results_kept_packed_and_spilled_give_the_same_report(
    corpus: tuple[list[Claim], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck import spill

    claims, sources = corpus
    one = as_json(rules=claims, sources=sources, jobs=1)
    report = verify(claims, sources, jobs=2)  # results come back from workers as bytes
    assert repr(report.claims[0].sources).startswith("SourceResults")
    stream = io.StringIO()
    render(report, stream)
    assert stream.getvalue() == one
    monkeypatch.setattr(spill, "SPILL_AFTER_RESULTS", 5)  # and go to disk as the same bytes
    assert as_json(rules=claims, sources=sources, jobs=2) == one


def test_pool_reports_an_unreadable_source_in_order(tmp_path: Path) -> None:
    claims = make_corpus(tmp_path)
    (tmp_path / "010.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(ClaimcheckError):
        verify(claims, [str(tmp_path)], jobs=2)
    report = verify(claims, [str(tmp_path)], jobs=2, keep_going=True)
    assert len(report.errors) == 1 and "010.txt" in report.errors[0]
    assert report.claims[0].sources[10].error


def test_dask_cluster_matches_local(corpus: tuple[list[Claim], list[str]]) -> None:
    distributed = pytest.importorskip("distributed")
    claims, sources = corpus
    one = as_json(rules=claims, sources=sources, jobs=1)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        on_dask = as_json(rules=claims, sources=sources, engine="dask", scheduler=cluster.scheduler_address)
    assert on_dask == one


def test_dask_needs_a_scheduler(corpus: tuple[list[Claim], list[str]]) -> None:
    claims, sources = corpus
    with pytest.raises(ClaimcheckError, match="--scheduler"):
        verify(claims, sources, engine="dask")


def test_plans_cross_to_workers_without_the_lexicon() -> None:
    import pickle

    from claimcheck.plan import plan_claim
    from claimcheck.words import lexicon

    plan = plan_claim(Claim("a", "1,386 people were arrested in 38 cities", aliases=(("arrested", ("detained",)),)))
    blob = pickle.dumps(plan)
    assert len(blob) < 20_000  # the lexicon (megabytes) stays behind
    copy = pickle.loads(blob)
    assert copy == plan and copy.lex is lexicon()
    assert copy.anchors() == plan.anchors() and copy.predicate_keys == plan.predicate_keys


def test_a_script_piped_to_python_runs_in_one_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    claims = make_corpus(tmp_path)
    script = (
        f"from claimcheck.verify import verify\nfrom claimcheck.model import Claim\n"
        f"r = verify([Claim('c', {claims[0].text!r})], [{str(tmp_path)!r}], jobs=2)\n"
        f"print(len(r.sources))\n"
    )
    # Workers re-import the main module by path; '<stdin>' has none, so a pool would never start.
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "40"
