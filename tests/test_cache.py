"""Per-document cache: warm runs give the same report, edits are seen, `cache clear` empties it."""

from __future__ import annotations

import io
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck.cache import DB_NAME, Cache, cache_dir, content_hash, loads, package_files, source_key
from claimcheck.cli import app
from claimcheck.index import ClaimIndex
from claimcheck.model import Claim, Source
from claimcheck.plan import plan_claim
from claimcheck.report.json import render
from claimcheck.verify import verify

CLAIMS = [Claim("a", "1,386 protesters were arrested in 38 cities")]
TEXT = "Police said 1,386 protesters were arrested in 38 cities on Saturday.\n"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(folder))
    return folder


def as_json(sources: list[str], **options: object) -> str:
    stream = io.StringIO()
    render(verify(CLAIMS, sources, **options), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def test_env_var_names_the_folder(cache_folder: Path) -> None:
    assert cache_dir() == cache_folder


def test_warm_run_reads_the_cache_and_reports_the_same(tmp_path: Path, cache_folder: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    cold = as_json([str(src)], cache=True)
    assert (cache_folder / DB_NAME).exists()
    key = source_key(Source(str(src), TEXT))
    assert Cache(cache_folder).get_facts(key) is not None
    assert as_json([str(src)], cache=True) == cold == as_json([str(src)])
    assert '"agree"' in cold


def test_an_edited_source_is_read_again(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    as_json([str(src)], cache=True)
    src.write_text(TEXT.replace("1,386", "2,000"), encoding="utf-8")
    assert '"disagree"' in as_json([str(src)], cache=True)


def test_the_same_text_under_two_names_keeps_each_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    as_json([str(tmp_path / "a.txt")], cache=True)
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    report = verify(CLAIMS, [str(tmp_path / "b.txt")], cache=True)
    (result,) = report.claims[0].sources
    assert result.path.endswith("b.txt") and all(e.path.endswith("b.txt") for e in result.evidence)


def test_new_claims_reuse_facts_but_not_results(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    verify(CLAIMS, [str(tmp_path)], cache=True)
    other = [Claim("b", "2,000 protesters were arrested in 38 cities")]
    warm = verify(other, [str(tmp_path)], cache=True)
    assert warm == verify(other, [str(tmp_path)])
    assert warm.claims[0].sources[0].evidence[0].claim_quantity == "2,000"


def test_facts_cached_for_one_claim_set_serve_another_that_needs_other_figures(tmp_path: Path) -> None:
    # The first run reads only the figures its claims can use; the cached facts lack the others.
    text = TEXT + "\nThe storm destroyed 380 houses in Marrow, officials said.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    verify(CLAIMS, [str(tmp_path)], cache=True)
    storm = [Claim("s", "400 houses were destroyed in Marrow")]
    warm = verify(storm, [str(tmp_path)], cache=True)
    assert warm == verify(storm, [str(tmp_path)])
    assert warm.claims[0].verdict.value == "disagree"
    # The figures read the second time are stored with the rest.
    stored = loads(Cache().get_facts(source_key(Source(str(tmp_path / "a.txt"), text))) or b"")
    assert stored.framed >= ClaimIndex([plan_claim(c) for c in CLAIMS + storm]).frame_keys


def test_no_cache_writes_nothing(tmp_path: Path, cache_folder: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["verify", "-r", "rules", "-s", str(tmp_path), "--no-cache", "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    assert not (cache_folder / DB_NAME).exists()


def test_cache_clear(tmp_path: Path, cache_folder: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    verify(CLAIMS, [str(tmp_path)], cache=True)
    assert (cache_folder / DB_NAME).exists()
    result = CliRunner().invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and "cleared" in result.output
    assert not (cache_folder / DB_NAME).exists()


def test_the_code_key_covers_every_file_of_the_package() -> None:
    root = Path(claimcheck.__file__).resolve().parent
    names = {p.relative_to(root).as_posix() for p in package_files(root)}
    assert {"verify.py", "report/json.py", "lexicon/words.yaml", "schema/rules.schema.json"} <= names
    assert names == {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.suffix in (".py", ".yaml", ".json") and "__pycache__" not in p.parts
    }


def test_a_new_or_edited_module_changes_the_code_key(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "lexicon").mkdir(parents=True)
    (root / "a.py").write_text("A = 1\n", encoding="utf-8")
    (root / "lexicon" / "w.yaml").write_text("w: [x]\n", encoding="utf-8")
    before = content_hash(root)
    assert content_hash(root) == before
    (root / "sub").mkdir()
    (root / "sub" / "new.py").write_text("B = 2\n", encoding="utf-8")
    added = content_hash(root)
    assert added != before
    (root / "lexicon" / "w.yaml").write_text("w: [y]\n", encoding="utf-8")
    edited = content_hash(root)
    assert edited not in (before, added)
    (root / "notes.txt").write_text("not code\n", encoding="utf-8")  # neither code nor data the reader uses
    assert content_hash(root) == edited


def _open_and_write(folder: str, n: int, start: Any) -> None:
    store = Cache(Path(folder))
    start.wait()
    store.put(f"k{n}", f"p{n}", "claims", b"facts", b"results")
    store.close()


def test_processes_opening_a_new_cache_at_once_all_get_it(tmp_path: Path) -> None:
    # Worker processes open the cache together; switching a new file to WAL locks it for the others,
    # which SQLite reports at once, without waiting. Every process must still get the cache.
    ctx = multiprocessing.get_context("spawn")
    for attempt in range(5):
        folder = tmp_path / f"cache{attempt}"
        start = ctx.Barrier(6)
        procs = [ctx.Process(target=_open_and_write, args=(str(folder), n, start)) for n in range(6)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0] * 6
        rows = Cache(folder).db.execute("SELECT count(*) FROM results").fetchone()[0]
        assert rows == 6
