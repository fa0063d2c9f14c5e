"""Shared helpers: check a claim against a text written in the test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.model import Claim, SourceResult
from claimcheck.verify import verify


@pytest.fixture(scope="session")
def corpus_claims() -> list[Claim]:
    """The hand-written corpus's claims (tests/corpus/claims.yaml) without their expected verdicts."""
    import yaml

    path = Path(__file__).resolve().parent / "corpus" / "claims.yaml"
    return [Claim(c["id"], c["text"]) for c in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]]


@pytest.fixture
def check(tmp_path: Path):  # type: ignore[no-untyped-def]
    """check(claim_text, source_text, **claim_keys) -> SourceResult for that one source."""

    def run(claim: str, text: str, **keys: object) -> SourceResult:
        src = tmp_path / "source.txt"
        src.write_text(text, encoding="utf-8")
        report = verify([Claim("c", claim, **keys)], [str(src)])  # type: ignore[arg-type]
        (result,) = report.claims[0].sources
        return result

    return run


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests (and the CLIs they start) cache into a temporary folder, never the user's."""
    old = os.environ.get("CLAIMCHECK_CACHE_DIR")
    os.environ["CLAIMCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("CLAIMCHECK_CACHE_DIR", None)
    else:
        os.environ["CLAIMCHECK_CACHE_DIR"] = old
