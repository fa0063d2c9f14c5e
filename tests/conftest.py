"""Shared helpers: check a claim against a text written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.model import Claim, SourceResult
from claimcheck.verify import verify


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
