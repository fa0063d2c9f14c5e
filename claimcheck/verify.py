"""Runs the pipeline load -> segment -> quantities -> frames -> match -> judge and returns a Report.
Never prints; bad input raises ClaimcheckError (or, with ``keep_going``, is recorded in the report)."""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from . import spill as spilling
from .baseline import apply_accepts, unused_accepts
from .cache import Cache, cache_dir, code_hash
from .document import analyze_source, plan_claims
from .engine import Job, Packed, local_workers, remember_plans, run_dask, run_local, warm_up
from .errors import ClaimcheckError
from .facts import DocFacts
from .index import ClaimIndex
from .judge import claim_result, combine, judge_doc, judge_source
from .load import STDIN, check_encoding, load_rules, read_source, source_paths
from .model import Claim, Considered, Report, SourceResult, SourceResults, Verdict
from .plan import ClaimPlan, plan_claim
from .spill import VERDICTS, Spill, unpacked


@dataclass
class _Run:
    """Results as they come in, sparsely: per claim, source index -> result for the sources that are
    not silent on it. Silent pairs, most of a large run, cost nothing; past SPILL_AFTER_RESULTS
    results the rest go to a temporary file (spill.py), so memory stays bounded on any archive."""

    plans: list[ClaimPlan]
    index: ClaimIndex
    found: list[dict[int, SourceResult | bytes]]
    paths: list[str] = field(default_factory=list)
    held: int = 0
    packed: bool = False  # some results are held as bytes (see engine.Outcome)
    spilled: Spill | None = None
    counts: list[int] = field(default_factory=list)  # per claim: results found
    verdicts: list[set[Verdict]] = field(default_factory=list)  # per claim: their verdicts (read sources)
    _paths: tuple[str, ...] | None = None

    def add(self, doc: DocFacts) -> None:
        self.add_hits(doc.path, judge_doc(self.plans, self.index, doc))

    def add_hits(self, path: str, hits: Iterable[tuple[int, SourceResult]], packed: Packed = ()) -> None:
        """One source's results: objects, or ``packed`` (each as bytes, kept so until read)."""
        n = len(self.paths)
        self.paths.append(path)
        for i, result in hits:
            self._put(i, n, result.verdict, bool(result.error), result)
        if packed:
            self.packed = True
            for i, verdict, failed, blob in packed:
                self._put(i, n, VERDICTS[verdict], failed, blob)

    def add_error(self, path: str, error: str) -> None:
        n = len(self.paths)
        self.paths.append(path)
        failed = SourceResult(path, Verdict.SILENT, error=error)
        for i in range(len(self.found)):
            self._put(i, n, Verdict.SILENT, True, failed)

    def __post_init__(self) -> None:
        self.counts = [0] * len(self.found)
        self.verdicts = [set() for _ in self.found]

    def _put(self, claim: int, source: int, verdict: Verdict, failed: bool, result: SourceResult | bytes) -> None:
        self.counts[claim] += 1
        if not failed:
            self.verdicts[claim].add(verdict)
        if self.spilled is not None:
            self.spilled.add(claim, source, result)
            return
        self.found[claim][source] = result
        self.held += 1
        if self.held > spilling.SPILL_AFTER_RESULTS:
            self.spilled = Spill()
            for i, found in enumerate(self.found):
                self.spilled.add_all(i, found.items())
                found.clear()

    def results(self, claim: int) -> SourceResults:
        """Every source's result on one claim (once every source is in)."""
        if self._paths is None or len(self._paths) != len(self.paths):
            self._paths = tuple(self.paths)  # one tuple shared by every claim
        paths = self._paths
        known = (self.counts[claim], frozenset(self.verdicts[claim]))
        if self.spilled is None:
            if self.packed:
                return SourceResults(paths, load=functools.partial(unpacked, self.found[claim]), known=known)
            return SourceResults(paths, self.found[claim], known=known)  # type: ignore[arg-type]
        return SourceResults(paths, load=functools.partial(self.spilled.load, claim), known=known)


def verify(
    rules: Sequence[str] | Sequence[Claim],
    sources: Sequence[str],
    *,
    encoding: str | None = None,
    keep_going: bool = False,
    docs: Iterable[DocFacts] | None = None,
    jobs: int = 1,
    cache: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check every claim of ``rules`` (paths or Claims) against every source of ``sources`` (paths,
    folders, globs, ``-``). With ``keep_going`` an unreadable source is reported and skipped over;
    without it the first bad input raises ClaimcheckError. ``docs`` lets a caller supply the source
    facts itself in the order of ``source_paths(sources)``. Otherwise ``jobs`` processes (or, with
    ``engine="dask"``, the cluster at ``scheduler``) read and judge the sources, with ``cache`` the
    per-document cache; the report is the same whichever. ``progress(done, total)`` follows along in
    bytes of the source files (within a long file too, when it is judged in this process)."""
    claims = _as_claims(rules)
    check_encoding(encoding)
    paths = source_paths(sources, keep_going)
    if docs is None and engine == "local":
        warm_up(paths, jobs)
    plans = plan_claims(claims)
    run = _Run(plans, ClaimIndex(plans), [{} for _ in plans])
    errors: list[str] = []
    if docs is not None:
        for doc in docs:
            run.add(doc)
    else:
        _run_engine(run, claims, paths, encoding, keep_going, errors, jobs, cache, engine, scheduler, progress)
    results = tuple(apply_accepts(plan.claim, claim_result(plan, run.results(i))) for i, plan in enumerate(plans))
    warnings = unused_accepts(claims, run.paths)
    if not claims:
        where = ", ".join(str(r) for r in rules)
        warnings.insert(0, f"{where}: warning: no claims to check (list them under 'claims:')")
    # The run's verdict: the claims' verdicts rolled up as a claim's sources are (docs/verdicts.md §6).
    verdict = combine(c.verdict for c in results)
    return Report(results, tuple(run.paths), tuple(errors), warnings=tuple(warnings), verdict=verdict)


def _as_claims(rules: Sequence[str] | Sequence[Claim]) -> list[Claim]:
    """The claims themselves, or those of the rules files at the paths ``rules``."""
    if rules and isinstance(rules[0], Claim):
        return cast("list[Claim]", list(rules))
    return load_rules(cast("Sequence[str]", rules))


def claims_hash(claims: Sequence[Claim]) -> str:
    """Identity of a claim set for cached results: every field of every claim, and the judging code."""
    return hashlib.sha256((code_hash() + repr(tuple(claims))).encode()).hexdigest()[:32]


CACHE_COMMIT_DOCS = 500  # cache writes per transaction


def _run_engine(
    run: _Run,
    claims: Sequence[Claim],
    paths: Sequence[str],
    encoding: str | None,
    keep_going: bool,
    errors: list[str],
    jobs: int,
    cache: bool,
    engine: str,
    scheduler: str | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    folder = cache_dir() if cache else None
    elsewhere = engine == "dask" or local_workers(paths, jobs) > 1  # other processes judge
    job = Job(
        tuple(claims),
        claims_hash(claims),
        encoding,
        folder,
        pickle.dumps(run.plans, pickle.HIGHEST_PROTOCOL) if elsewhere else b"",
    )
    remember_plans(job, run.plans, run.index)  # work done in this process need not plan again
    sizes = _sizes(paths) if progress is not None else []
    total, before = sum(sizes), 0  # bytes of all sources, of those done

    def on_block(chars: int, of_chars: int) -> None:
        if progress is not None and of_chars:
            progress(before + sizes[len(run.paths)] * chars // of_chars, total)

    if engine == "dask":
        if not scheduler:
            raise ClaimcheckError("--engine dask needs --scheduler ADDRESS", hint="e.g. --scheduler tcp://host:8786")
        outcomes = run_dask(paths, job, scheduler)
    else:
        outcomes = run_local(paths, job, jobs, on_block if progress is not None else None)
    store = Cache(folder).opened() if folder else None  # made before the worker processes open it
    try:
        for done, outcome in enumerate(outcomes, 1):
            if outcome.error is not None:
                if not keep_going:
                    raise outcome.error
                errors.append(str(outcome.error))
                run.add_error(outcome.path, str(outcome.error))
            else:
                run.add_hits(outcome.path, outcome.hits, outcome.packed)
                if store is not None and outcome.results is not None:
                    store.put(outcome.key, outcome.path, job.claims_hash, outcome.facts, outcome.results)
                    if done % CACHE_COMMIT_DOCS == 0:
                        store.commit()
            if progress is not None:
                before += sizes[done - 1]
                progress(before, total)
    finally:
        if store is not None:
            store.close()


def _sizes(paths: Sequence[str]) -> list[int]:
    """Each source's size in bytes, for progress (0 for standard input or a file that is gone)."""
    import os

    out = []
    for path in paths:
        try:
            out.append(os.path.getsize(path) if path != STDIN else 0)
        except OSError:
            out.append(0)
    return out


def explain(claim: Claim, sources: Sequence[str], encoding: str | None = None) -> list[tuple[str, Considered]]:
    """Every candidate passage considered for one claim, in every source, and what was decided."""
    plan = plan_claim(claim)
    out: list[tuple[str, Considered]] = []
    for path in source_paths(sources):
        considered: list[Considered] = []
        judge_source(plan, analyze_source(read_source(path, encoding)), considered)
        out.extend((path, c) for c in considered)
    return out
