"""Per-document cache: a source's content -> its DocFacts (and, for the claim set of the last run,
its judged results), in one SQLite file under the user's cache folder.

Keys hash the content with the code and lexicon that read it (every file of the package), so an
upgrade, an edited lexicon or a new module never serves stale facts. WAL mode lets worker processes
read while the main process writes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from .model import Source
from .version import __version__

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


HASHED_SUFFIXES = (".py", ".yaml", ".yml", ".json")  # code, lexicon and schema files: what reads a document


def package_files(root: Path) -> list[Path]:
    """Every code, lexicon and schema file under ``root``, found by walking it, in a fixed order."""
    found = (p for p in root.rglob("*") if p.suffix in HASHED_SUFFIXES and "__pycache__" not in p.parts)
    return sorted((p for p in found if p.is_file()), key=lambda p: p.relative_to(root).as_posix())


def content_hash(root: Path) -> str:
    """Hash of the version and of every file ``package_files`` finds under ``root``, by name and content."""
    h = hashlib.sha256(__version__.encode())
    for path in package_files(root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


@cache
def code_hash() -> str:
    """Hash of the installed package's content. Keying the cache by every file of the package, not
    by the version or a list of modules, keeps a development checkout from reading facts or results
    that older code wrote, and a module added later cannot be forgotten."""
    return content_hash(Path(__file__).resolve().parent)


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


def _setup(db: sqlite3.Connection) -> None:
    """WAL mode and the tables. Several processes opening a new cache at once may find it locked
    while one of them switches the journal: SQLite answers that switch with "database is locked" at
    once, without waiting out the busy timeout, so it is retried here until that timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, blob BLOB NOT NULL)")
            # Only the latest claim set's results are kept per document: re-runs are cheap, the
            # table stays the size of the corpus.
            db.execute(
                "CREATE TABLE IF NOT EXISTS results"
                " (key TEXT, path TEXT, claims TEXT, blob BLOB NOT NULL, PRIMARY KEY (key, path))"
            )
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class Cache:
    """The SQLite store. One connection per process; ``put_*`` batch until ``commit``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir()
        self._db: sqlite3.Connection | None = None
        self._pending = 0

    def opened(self) -> Cache:
        """This cache with its file made now (folder, WAL mode, tables), not at the first look-up."""
        _ = self.db
        return self

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.folder / DB_NAME, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            _setup(db)
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
