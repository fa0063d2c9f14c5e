"""verify(): the report carries every verdict, decided once (formatters and the exit code read them)."""

from __future__ import annotations

from pathlib import Path

from claimcheck.model import Claim, Verdict
from claimcheck.verify import verify


def test_the_report_carries_the_runs_verdict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council said 412 trees were planted along the river in May.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Volunteers planted 250 trees along the river in May, the council said.\n", "utf-8")
    agreed = Claim("trees", "412 trees were planted along the river")
    unknown = Claim("bridges", "Seven bridges were repainted")
    one = verify([agreed], [str(tmp_path / "a.txt")])
    assert [c.verdict for c in one.claims] == [Verdict.AGREE] and one.verdict is Verdict.AGREE
    both = verify([agreed, unknown], [str(tmp_path)])
    assert [c.verdict for c in both.claims] == [Verdict.MIXED, Verdict.SILENT]
    assert both.verdict is Verdict.MIXED
    nothing = verify([unknown], [str(tmp_path)])
    assert nothing.verdict is Verdict.SILENT
