"""Runs the per-document stages (read -> facts -> judged results) for every source, in source order:
in this process, in a local pool of processes (``jobs``), or as tasks on a Dask cluster.

Every engine yields one Outcome per source path, in order, so reports are identical whichever runs.
Workers return only what a source says about the run's claims (and, for the cache, the bytes to
store), never the corpus: memory stays bounded by a window of documents.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import document
from .cache import Cache, dumps, loads, source_key
from .document import BlockProgress, analyze_source, judge_blocks, plan_claims
from .errors import ClaimcheckError
from .facts import with_figures
from .index import ClaimIndex
from .judge import judge_doc
from .load import STDIN, read_source
from .model import STDIN_NAME, Claim, Source, SourceResult
from .spill import pack

ENGINES = ("local", "dask")
MIN_DOCS_PER_WORKER = 8  # fewer documents than this per worker: a pool costs more than it saves
MAX_CHUNK_DOCS = 32  # documents per task sent to a worker: fewer round trips, still even load
DASK_WINDOW_PER_THREAD = 8  # Dask tasks in flight per worker thread: bounds client memory


Packed = tuple[tuple[int, str, bool, bytes], ...]  # (claim, verdict, could not be read, packed result)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one source says about the run's claims: (claim index, result) for each claim it does not
    leave silent; or the error that kept it from being read. ``facts``/``results`` are bytes for the
    cache when they were computed in this run.

    Sent to another process, the hits travel ``packed``: each result as bytes of its own
    (``spill.pack``), beside the verdict the run counts. The receiving process stores the bytes as
    they are (in memory or in the spill) and unpacks each result once, when the report is written."""

    path: str
    hits: tuple[tuple[int, SourceResult], ...] = ()
    error: ClaimcheckError | None = None
    key: str = ""
    facts: bytes | None = None
    results: bytes | None = None
    packed: Packed = ()

    def __reduce__(self) -> tuple[type[Outcome], tuple[object, ...]]:
        packed = self.packed + tuple((i, r.verdict.value, bool(r.error), pack(r)) for i, r in self.hits)
        return Outcome, (self.path, (), self.error, self.key, self.facts, self.results, packed)


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs, sent once per worker: the claims (planned in the worker), the
    claim set's hash (for cached results), the encoding, and the cache folder (None: no cache)."""

    claims: tuple[Claim, ...]
    claims_hash: str
    encoding: str | None
    cache_folder: Path | None
    plans: bytes = b""  # the claims already planned, pickled (planning 1,000 claims takes ~0.5 s)


_plans: dict[str, object] = {}  # claims hash -> (plans, index), per process


def _judging(job: Job):  # type: ignore[no-untyped-def]
    found = _plans.get(job.claims_hash)
    if found is None:
        plans = pickle.loads(job.plans) if job.plans else plan_claims(job.claims)  # noqa: S301 - from the run
        found = _plans[job.claims_hash] = (plans, ClaimIndex(plans))
    return found


def remember_plans(job: Job, plans: object, index: object) -> None:
    """Plans already made for ``job``'s claims, for work done in this process."""
    _plans[job.claims_hash] = (plans, index)


def lookup(store: Cache | None, source: Source, claims_hash: str) -> tuple[str, Outcome | None, bytes | None]:
    """(key, cached outcome, cached facts): results of this claim set if stored, else the facts."""
    if store is None:
        return "", None, None
    key = source_key(source)
    blob = store.get_results(key, source.path, claims_hash)
    if blob is not None:
        return key, Outcome(source.path, loads(blob), key=key), None
    return key, None, store.get_facts(key)


def process_source(
    source: Source, job: Job, key: str = "", facts_blob: bytes | None = None, on_block: BlockProgress | None = None
) -> Outcome:
    """Facts of one source (from ``facts_blob`` or computed) judged against the job's claims."""
    plans, index = _judging(job)
    if facts_blob is None and len(source.text) > document.BLOCK_CHARS:
        # A long file is read a block at a time (bounded memory); its facts are not cached.
        hits = tuple(judge_blocks(plans, index, source, document.BLOCK_CHARS, on_block))
        return Outcome(source.path, hits, key=key, results=dumps(hits) if key else None)
    if facts_blob is not None:
        facts = loads(facts_blob)
        if facts.path != source.path:  # the same text under another name
            facts = replace(facts, path=source.path)
        # Facts read for another claim set may lack figures this one needs: read them, store them.
        more = with_figures(facts, index.frame_keys)
        new_facts = dumps(replace(more, path="")) if more is not facts else None
        facts = more
    else:
        facts = analyze_source(source, index.frame_keys)  # the figures this claim set can use
        new_facts = dumps(replace(facts, path="")) if key else None
    hits = tuple(judge_doc(plans, index, facts))
    return Outcome(source.path, hits, key=key, facts=new_facts, results=dumps(hits) if key else None)


_job: Job | None = None
_store: Cache | None = None


def _init_worker(job: Job) -> None:
    global _job, _store
    _job = job
    _store = Cache(job.cache_folder) if job.cache_folder else None


def _work(path: str, on_block: BlockProgress | None = None) -> Outcome:
    assert _job is not None
    try:
        source = read_source(path, _job.encoding)
    except ClaimcheckError as exc:
        return Outcome(STDIN_NAME if path == STDIN else path, error=exc)
    key, cached, facts_blob = lookup(_store, source, _job.claims_hash)
    return cached or process_source(source, _job, key, facts_blob, on_block)


def default_jobs() -> int:
    return os.cpu_count() or 1


def local_workers(paths: Sequence[str], jobs: int) -> int:
    """How many processes ``run_local`` uses: one for small runs, for sources on stdin, and when
    this program's main module cannot be re-imported by a worker (a script piped to ``python -``:
    forked-server workers re-import it by path and would die at start, again and again)."""
    if STDIN in paths or not _main_importable():
        return 1
    return max(1, min(jobs, len(paths) // MIN_DOCS_PER_WORKER))


def _main_importable() -> bool:
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return path is None or os.path.isfile(path)


def _forkserver() -> multiprocessing.context.ForkServerContext:
    # forkserver: workers fork from a clean server that has imported claimcheck once (fast start,
    # and no fork of a process that already runs threads).
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["claimcheck.verify", "claimcheck.engine"])
    return ctx


def warm_up(paths: Sequence[str], jobs: int) -> None:
    """Start the server that local workers fork from, if the run will use workers: it imports
    claimcheck (~0.3 s) while this process plans the claims."""
    if local_workers(paths, jobs) > 1:
        from multiprocessing import forkserver

        _forkserver()
        forkserver.ensure_running()


def run_local(paths: Sequence[str], job: Job, jobs: int, on_block: BlockProgress | None = None) -> Iterator[Outcome]:
    """Outcomes in path order, from ``jobs`` processes (this one alone for small runs and stdin);
    ``on_block`` follows a long source's blocks when this process judges it."""
    workers = local_workers(paths, jobs)
    if workers == 1:
        _init_worker(job)
        try:
            for path in paths:
                yield _work(path, on_block)
        finally:
            if _store is not None:
                _store.close()
        return
    ctx = _forkserver()
    chunk = max(1, min(MAX_CHUNK_DOCS, len(paths) // (workers * 8)))
    with ctx.Pool(workers, initializer=_init_worker, initargs=(job,)) as pool:
        yield from pool.imap(_work, paths, chunksize=chunk)


def run_dask(paths: Sequence[str], job: Job, scheduler: str) -> Iterator[Outcome]:
    """Outcomes in path order from tasks on the Dask cluster at ``scheduler``. The client reads the
    sources and consults the cache (workers need not see either); workers read facts and judge."""
    try:
        from distributed import Client
    except ImportError:
        raise ClaimcheckError("--engine dask needs the dask extra", hint="pip install 'dask[distributed]'") from None
    store = Cache(job.cache_folder) if job.cache_folder else None
    remote = replace(job, cache_folder=None)
    try:
        client = Client(scheduler, set_as_default=False)
    except OSError as exc:
        raise ClaimcheckError(
            f"cannot reach the Dask scheduler: {exc}", scheduler, hint="check the address, e.g. tcp://10.0.0.5:8786"
        ) from None
    try:
        [job_f] = client.scatter([remote], broadcast=True)
        threads = max(1, sum(client.nthreads().values()))
        window: collections.deque[Outcome | object] = collections.deque()
        for path in paths:
            try:
                source = read_source(path, job.encoding)
            except ClaimcheckError as exc:
                window.append(Outcome(path, error=exc))
            else:
                key, cached, facts_blob = lookup(store, source, job.claims_hash)
                task = cached or client.submit(process_source, source, job_f, key, facts_blob, pure=False)
                window.append(task)
            while len(window) > threads * DASK_WINDOW_PER_THREAD:
                yield _done(window.popleft())
        while window:
            yield _done(window.popleft())
    finally:
        client.close()
        if store is not None:
            store.close()


def _done(item: object) -> Outcome:
    return item if isinstance(item, Outcome) else item.result()  # type: ignore[attr-defined]
