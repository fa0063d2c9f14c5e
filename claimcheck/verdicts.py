"""Stage 7, verdicts: the evidence a source gives on a claim -> that source's verdict; the sources'
verdicts -> the claim's (docs/verdicts.md §5-§6)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .facts import DocFacts, PassageFacts
from .model import ClaimResult, Evidence, Relation, SourceResult, SourceResults, Stance, Verdict
from .plan import ClaimPlan
from .segment import one_line

MAX_EVIDENCE = 8  # evidence items kept per claim and source, strongest first


def taken_by_another(evidence: Sequence[Evidence]) -> dict[int, str]:
    """The contradictions (index -> the other claim figure) whose source figure supports another
    figure of the same claim: in "38% of patients on the drug and 29% on placebo", read against
    "38% ... and 29% ...", the 29 is the claim's 29, not a clash with its 38. A sentence that gives
    two figures for one claim figure (a revised and an old count) still holds both."""
    supports: dict[tuple[int, str], set[str]] = defaultdict(set)
    for e in evidence:
        if e.relation is Relation.SUPPORTS and e.stance is not Stance.DENIED:
            supports[e.start, e.quantity].add(e.claim_quantity)
    taken: dict[int, str] = {}
    if not supports:
        return taken
    for i, e in enumerate(evidence):
        if e.relation is Relation.CONTRADICTS and e.stance is not Stance.DENIED:
            others = supports.get((e.start, e.quantity), set()) - {e.claim_quantity}
            if others:
                taken[i] = min(others)
    return taken


def verdict_of(evidence: Sequence[Evidence]) -> Verdict:
    supports = any(e.relation is Relation.SUPPORTS for e in evidence)
    contradicts = any(e.relation is Relation.CONTRADICTS for e in evidence)
    if supports and contradicts:
        return Verdict.MIXED
    if supports:
        return Verdict.AGREE
    if contradicts:
        return Verdict.DISAGREE
    return Verdict.SILENT


def source_result(path: str, evidence: Sequence[Evidence]) -> SourceResult:
    """A source's verdict from its evidence, keeping the strongest item per passage and relation."""
    taken = taken_by_another(evidence)
    if taken:
        evidence = tuple(e for i, e in enumerate(evidence) if i not in taken)
    verdict = verdict_of(evidence)
    best: dict[tuple[int, str], Evidence] = {}
    for e in evidence:
        key = (e.start, str(e.relation))
        if key not in best or e.score > best[key].score:
            best[key] = e
    kept = sorted(best.values(), key=lambda e: (-e.score, e.line, e.column))[:MAX_EVIDENCE]
    kept.sort(key=lambda e: (e.start, e.line, e.column))  # text order: lines restart on each page of a PDF
    return SourceResult(path, verdict, tuple(kept))


def merge_results(path: str, results: Sequence[SourceResult]) -> SourceResult:
    """One source's result from the results of its parts (blocks of a long file)."""
    if len(results) == 1:
        return results[0]
    merged = source_result(path, [e for r in results for e in r.evidence])
    return replace(merged, verdict=roll_up(results))


def roll_up(results: Sequence[SourceResult]) -> Verdict:
    """The claim's verdict across sources (docs/verdicts.md §6)."""
    return combine(r.verdict for r in results if not r.error)


def combine(verdicts: Iterable[Verdict]) -> Verdict:
    """Verdicts of sources that could be read, rolled up (docs/verdicts.md §6)."""
    verdicts = set(verdicts)
    if Verdict.MIXED in verdicts or {Verdict.AGREE, Verdict.DISAGREE} <= verdicts:
        return Verdict.MIXED
    if Verdict.AGREE in verdicts:
        return Verdict.AGREE
    if Verdict.DISAGREE in verdicts:
        return Verdict.DISAGREE
    return Verdict.SILENT


def claim_result(plan: ClaimPlan, results: Sequence[SourceResult]) -> ClaimResult:
    c = plan.claim
    if isinstance(results, SourceResults):  # silent sources do not move the roll-up
        return ClaimResult(c.id, c.text, combine(results.verdicts()), results, c.path, c.line)
    return ClaimResult(c.id, c.text, roll_up(results), tuple(results), c.path, c.line)


def evidence_at(
    doc: DocFacts, p: PassageFacts, relation: Relation, stance: Stance, q: str, cq: str, reason: str, score: float
) -> Evidence:
    """The evidence passage ``p`` of ``doc`` gives: where it stands, quoted, and what it says."""
    return Evidence(
        doc.path,
        p.passage.line,
        p.passage.column,
        _shown(p.passage.text),
        relation,
        stance,
        q,
        cq,
        reason,
        round(score, 3),
        p.passage.start,
        p.passage.end,
        p.passage.part,
    )


@functools.lru_cache(maxsize=1024)
def _shown(text: str) -> str:
    """A passage as evidence quotes it; the same sentence is quoted for many claims."""
    return one_line(text)
