"""Per-document cache: a source's content -> its DocFacts (and, for the claim set of the last run,
its judged results), in one SQLite file under the user's cache folder.

Keys hash the content with the code and lexicon that read it, so an upgrade or an edited lexicon
never serves stale facts. WAL mode lets worker processes read while the main process writes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import zlib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import __version__
from .model import Source

CACHE_ENV = "CLAIMCHECK_CACHE_DIR"  # overrides the cache folder (tests, CI caches)
DB_NAME = "facts.sqlite"
BUSY_TIMEOUT_MS = 30_000  # a reader waits this long for a writer's checkpoint before giving up
ZLIB_LEVEL = 1  # fast: facts compress ~5x even at level 1


def cache_dir() -> Path:
    """The cache folder: $CLAIMCHECK_CACHE_DIR, else the platform's user cache folder."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck"))


# The modules that compute a document's facts; an edit to any of them (or to the lexicon) makes new
# facts. Judging code is hashed with the claims instead (``code_hash(FACTS_MODULES + ...)``).
FACTS_MODULES = (
    "load.py",
    "documents.py",
    "structure.py",
    "segment.py",
    "quantities",
    "frames.py",
    "match.py",
    "words.py",
    "model.py",
)
JUDGE_MODULES = ("judge.py", "verify.py", "baseline.py")


@cache
def code_hash(modules: tuple[str, ...] = FACTS_MODULES) -> str:
    """Hash of the version, ``modules`` and the lexicon. Hashing the code, not only the version,
    keeps a development checkout from reading facts an older number reader wrote."""
    h = hashlib.sha256(__version__.encode())
    root = files("claimcheck")
    for name in modules:
        entry = root / name
        if entry.is_file():
            h.update(name.encode() + b"\0" + entry.read_bytes())
        elif entry.is_dir():  # a package: every module of it
            for module in sorted((m for m in entry.iterdir() if m.name.endswith(".py")), key=lambda m: m.name):
                h.update(f"{name}/{module.name}".encode() + b"\0" + module.read_bytes())
    for entry in sorted((root / "lexicon").iterdir(), key=lambda e: e.name):
        h.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return h.hexdigest()[:16]


def source_key(source: Source) -> str:
    """Content key of a source: what it says (the original markup for HTML, the text and where each
    part of it stands for PDF and Word) and how it was read."""
    h = hashlib.sha256(code_hash().encode())
    if source.parts is not None:
        h.update(b"\0parts\0" + source.parts.key() + b"\0" + source.text.encode("utf-8", "surrogatepass"))
    elif source.original is not None:
        h.update(b"\0html\0" + source.original.encode("utf-8", "surrogatepass"))
    else:
        h.update(b"\0text\0" + source.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def dumps(obj: object) -> bytes:
    """``obj`` pickled and compressed. The dataclasses stored pickle by their fields
    (``model.pickled_by_fields``); tokens and frames are named tuples."""
    return zlib.compress(pickle.dumps(obj, protocol=5), ZLIB_LEVEL)


def loads(blob: bytes) -> Any:  # noqa: ANN401 - whatever was stored
    return pickle.loads(zlib.decompress(blob))


class Cache:
    """The SQLite store. One connection per process; ``put_*`` batch until ``commit``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir()
        self._db: sqlite3.Connection | None = None
        self._pending = 0

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.folder / DB_NAME, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, blob BLOB NOT NULL)")
            # Only the latest claim set's results are kept per document: re-runs are cheap, the
            # table stays the size of the corpus.
            db.execute(
                "CREATE TABLE IF NOT EXISTS results"
                " (key TEXT, path TEXT, claims TEXT, blob BLOB NOT NULL, PRIMARY KEY (key, path))"
            )
            self._db = db
        return self._db

    def get_facts(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT blob FROM facts WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def get_results(self, key: str, path: str, claims: str) -> bytes | None:
        row = self.db.execute(
            "SELECT blob FROM results WHERE key = ? AND path = ? AND claims = ?", (key, path, claims)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def put(self, key: str, path: str, claims: str, facts: bytes | None, results: bytes) -> None:
        if not self._pending:
            self.db.execute("BEGIN")
        if facts is not None:
            self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)", (key, facts))
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", (key, path, claims, results))
        self._pending += 1

    def commit(self) -> None:
        if self._pending and self._db is not None:
            self._db.execute("COMMIT")
        self._pending = 0

    def close(self) -> None:
        self.commit()
        if self._db is not None:
            self._db.close()
            self._db = None


def clear_cache(folder: Path | None = None) -> int:
    """Delete the cache file(s); returns the bytes freed."""
    folder = folder or cache_dir()
    freed = 0
    for suffix in ("", "-wal", "-shm"):
        path = folder / (DB_NAME + suffix)
        if path.exists():
            freed += path.stat().st_size
            path.unlink()
    return freed
