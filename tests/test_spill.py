"""A large run moves its results to a temporary file; the report must not change."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck import spill
from claimcheck.model import Claim, Report
from claimcheck.report import render
from claimcheck.verify import verify

ROOT = Path(__file__).resolve().parents[1]


def _outputs(report: Report) -> list[str]:
    out = []
    for fmt in ("json", "jsonl", "markdown", "sarif"):
        stream = io.StringIO()
        render(report, fmt, stream)
        out.append(stream.getvalue())
    stream = io.StringIO()
    render(report.without_silent(), "json", stream)
    out.append(stream.getvalue())
    return out


def test_spilled_results_give_the_same_report(monkeypatch: pytest.MonkeyPatch, corpus_claims: list[Claim]) -> None:
    sources = [str(ROOT / "tests" / "corpus" / "articles"), str(ROOT / "seeds")]
    in_memory = verify(corpus_claims, sources)
    monkeypatch.setattr(spill, "SPILL_AFTER_RESULTS", 3)
    spilled = verify(corpus_claims, sources)
    assert sum(len(c.found()) for c in in_memory.claims) > 10  # more than the limit: it did spill
    assert _outputs(spilled) == _outputs(in_memory)
    assert [c.verdict for c in spilled.claims] == [c.verdict for c in in_memory.claims]


def test_results_and_facts_survive_pickling_field_for_field() -> None:
    import pickle

    from claimcheck.document import analyze_source
    from claimcheck.load import read_source

    report = verify([str(ROOT / "rules")], [str(ROOT / "seeds")])
    found = [s for c in report.claims for s in c.found()]
    assert found and any(s.evidence for s in found)
    assert pickle.loads(pickle.dumps(found)) == found
    facts = analyze_source(read_source(str(ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").iterdir())[0])))
    assert facts.passages_with(["protest"]) is not None  # fills the memo a judge fills
    copy = pickle.loads(pickle.dumps(facts))
    assert copy == facts and copy.keys() == facts.keys()
    assert copy.memo.passage_index is None  # memos are not carried across: they start anew
    moved = replace(facts, path="elsewhere.txt")
    assert moved.memo is not facts.memo and moved.memo.passage_index is None  # nor copied by replace


def test_packed_results_unpack_equal() -> None:
    from claimcheck.model import Evidence, Relation, SourceResult, Stance, Verdict
    from claimcheck.spill import pack, unpack

    e = Evidence(
        "a.txt", 3, 5, "Nine were hurt.", Relation.CONTRADICTS, Stance.REPORTED, "Nine", "18", "why", 0.6, 1, 9
    )
    elsewhere = Evidence("b.txt", 1, 1, "18 were hurt.", Relation.SUPPORTS)
    for result in (
        SourceResult("a.txt", Verdict.MIXED, (e, elsewhere), accepted="known"),
        SourceResult("c.txt", Verdict.SILENT, error="cannot read source"),
    ):
        assert unpack(pack(result)) == result


@pytest.mark.parametrize("pread", [True, False])
@pytest.mark.parametrize(("chunk", "pending"), [(1 << 16, 32 << 20), (150, 1 << 20), (1 << 16, 400)])
def test_spill_reads_back_what_it_was_given(
    monkeypatch: pytest.MonkeyPatch, pread: bool, chunk: int, pending: int
) -> None:
    """Whether records wait in memory, go in chunks of a few records each, or are all written
    whenever a few hundred bytes wait, a claim reads back its own results in source order."""
    import os

    from claimcheck.model import Evidence, Relation, SourceResult, Verdict
    from claimcheck.spill import Spill, pack

    if not pread:
        monkeypatch.delattr(os, "pread", raising=False)  # as on Windows
    monkeypatch.setattr(spill, "CHUNK_BYTES", chunk)
    monkeypatch.setattr(spill, "PENDING_BYTES", pending)
    results = {
        (c, s): SourceResult(f"{s}.txt", Verdict.AGREE, (Evidence(f"{s}.txt", s, c, "x", Relation.SUPPORTS),))
        for s in range(30)
        for c in range(4)
        if (s + c) % 3
    }
    store = Spill()
    for (c, s), r in results.items():
        store.add(c, s, pack(r) if s % 2 else r)  # bytes from a worker, or objects
    for c in range(4):
        loaded = store.load(c)
        assert loaded == {s: r for (k, s), r in results.items() if k == c}
        assert list(loaded) == sorted(loaded)
    store.add(0, 99, results[0, 1])  # still appends after reading
    assert store.load(0)[99] == results[0, 1]
    if chunk < 1 << 16 or pending < 1 << 20:
        assert max(len(sizes) for sizes in store._sizes.values()) > 1  # some claim was written in chunks


def test_exit_code_reads_back_only_claims_whose_verdicts_may_fail_the_run() -> None:
    """A claim whose sources' verdicts (known as the results came in) hold none that fails the run
    is not read back from disk; one that holds such a verdict is, for its accepted flags."""
    from claimcheck.cli import ExitCode, exit_code
    from claimcheck.model import ClaimResult, SourceResult, SourceResults, Verdict

    def never_read() -> dict[int, SourceResult]:
        raise AssertionError("read back")

    agreeing = SourceResults(("a.txt",), load=never_read, known=(1, frozenset({Verdict.AGREE})))
    report = Report((ClaimResult("c", "x", Verdict.AGREE, agreeing),), ("a.txt",))
    assert exit_code(report, {Verdict.DISAGREE}) == ExitCode.OK
    contradicted = SourceResult("a.txt", Verdict.DISAGREE)
    read = SourceResults(("a.txt",), load=lambda: {0: contradicted}, known=(1, frozenset({Verdict.DISAGREE})))
    report = Report((ClaimResult("c", "x", Verdict.DISAGREE, read),), ("a.txt",))
    assert exit_code(report, {Verdict.DISAGREE}) == ExitCode.CONTRADICTION
    accepted = SourceResults(
        ("a.txt",), load=lambda: {0: replace(contradicted, accepted="known")}, known=(1, frozenset({Verdict.DISAGREE}))
    )
    report = Report((ClaimResult("c", "x", Verdict.DISAGREE, accepted),), ("a.txt",))
    assert exit_code(report, {Verdict.DISAGREE}) == ExitCode.OK
