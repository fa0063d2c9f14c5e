"""Runs the pipeline load -> segment -> quantities -> frames -> match -> judge and returns a Report.
Never prints; bad input raises ClaimcheckError (or, with ``keep_going``, is recorded in the report)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .baseline import apply_accepts
from .errors import ClaimcheckError
from .judge import Considered, claim_result, judge_source
from .load import load_rules, read_source, source_paths
from .match import ClaimIndex, ClaimPlan, DocFacts, analyze_text, plan_claim
from .model import Claim, Report, Source, SourceResult, Verdict
from .segment import LineIndex, MappedLineIndex


@dataclass
class Options:
    encoding: str | None = None
    keep_going: bool = False


def plan_claims(claims: Sequence[Claim]) -> list[ClaimPlan]:
    return [plan_claim(c) for c in claims]


def analyze_source(source: Source) -> DocFacts:
    """The claim-independent facts of one source (cacheable, parallelisable)."""
    if source.offsets is not None and source.original is not None:
        lines: LineIndex = MappedLineIndex(source.original, source.offsets)
    else:
        lines = LineIndex(source.text)
    return analyze_text(source.path, source.text, lines)


@dataclass
class _Run:
    plans: list[ClaimPlan]
    index: ClaimIndex
    results: list[list[SourceResult]] = field(default_factory=list)

    def add(self, doc: DocFacts) -> None:
        wanted = set(self.index.candidates(doc.keys()))
        for i, plan in enumerate(self.plans):
            if i in wanted:
                self.results[i].append(judge_source(plan, doc))
            else:
                self.results[i].append(SourceResult(doc.path, Verdict.SILENT))

    def add_error(self, path: str, error: str) -> None:
        for r in self.results:
            r.append(SourceResult(path, Verdict.SILENT, error=error))


def verify(
    rules: Sequence[str] | Sequence[Claim],
    sources: Sequence[str],
    *,
    encoding: str | None = None,
    keep_going: bool = False,
    docs: Iterable[DocFacts] | None = None,
) -> Report:
    """Check every claim of ``rules`` (paths or Claims) against every source of ``sources`` (paths,
    folders, globs, ``-``). With ``keep_going`` an unreadable source is reported and skipped over;
    without it the first bad input raises ClaimcheckError. ``docs`` lets a caller supply the source
    facts itself (a cache, a pool of workers) in the order of ``source_paths(sources)``."""
    claims = list(rules) if rules and isinstance(rules[0], Claim) else load_rules(rules)  # type: ignore[arg-type]
    plans = plan_claims(claims)  # type: ignore[arg-type]
    paths = source_paths(sources)
    run = _Run(plans, ClaimIndex(plans), [[] for _ in plans])
    errors: list[str] = []
    if docs is None:
        docs = _analyzed(paths, encoding, keep_going, errors, run)
    for doc in docs:
        run.add(doc)
    results = tuple(apply_accepts(plan.claim, claim_result(plan, tuple(run.results[i])))
                    for i, plan in enumerate(plans))
    return Report(results, tuple(paths), tuple(errors))


def _analyzed(paths: Sequence[str], encoding: str | None, keep_going: bool, errors: list[str],
              run: _Run) -> Iterable[DocFacts]:
    for path in paths:
        try:
            yield analyze_source(read_source(path, encoding))
        except ClaimcheckError as exc:
            if not keep_going:
                raise
            errors.append(str(exc))
            run.add_error(path, str(exc))


def explain(claim: Claim, sources: Sequence[str], encoding: str | None = None) -> list[tuple[str, Considered]]:
    """Every candidate passage considered for one claim, in every source, and what was decided."""
    plan = plan_claim(claim)
    out: list[tuple[str, Considered]] = []
    for path in source_paths(sources):
        considered: list[Considered] = []
        judge_source(plan, analyze_source(read_source(path, encoding)), considered)
        out.extend((path, c) for c in considered)
    return out
