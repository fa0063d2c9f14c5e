"""One judging path: what ``--explain`` shows is what ``verify`` decided. For every claim and source
of the test corpus, the verdict that explain's kept passages give is the verdict verify reports."""

from __future__ import annotations

from pathlib import Path

import yaml

from claimcheck.judge import verdict_of
from claimcheck.model import Claim, Evidence, Relation, Stance
from claimcheck.verify import explain, verify

CORPUS = Path(__file__).parent / "corpus"


def _as_evidence(decision: str) -> Evidence:
    return Evidence("", 0, 0, "", Relation(decision), Stance.STATED)


def test_explain_decides_as_verify_does() -> None:
    gold = yaml.safe_load((CORPUS / "claims.yaml").read_text(encoding="utf-8"))["claims"]
    claims = {c["id"]: Claim(c["id"], c["text"]) for c in gold}
    sources = [str(CORPUS / "articles")]
    report = verify(list(claims.values()), sources)
    checked, differ = 0, []
    for result in report.claims:
        considered = explain(claims[result.id], sources)
        for s in result.sources:
            kept = [_as_evidence(c.decision) for path, c in considered if path == s.path and c.decision != "dropped"]
            if verdict_of(kept) != s.verdict:
                differ.append(f"{result.id} {Path(s.path).name}: explain {verdict_of(kept)}, verify {s.verdict}")
            checked += 1
    assert differ == []
    assert checked > 100


def test_a_figure_framed_only_by_the_opening_is_judged_alike(tmp_path: Path) -> None:
    """A table row that holds none of the claim's words, in a source whose opening does."""
    source = tmp_path / "update.md"
    source.write_text(
        "# Update 3\n\n"
        "The Harbour fire has burned 900 hectares, officials said.\n\n"
        "| Measure | Current figure |\n|---|---|\n| Projected final size (planning estimate) | 2,000 ha |\n",
        encoding="utf-8",
    )
    claim = Claim("size", "Officials say the Harbour fire could reach 2,000 hectares.")
    (result,) = verify([claim], [str(source)]).claims
    kept = [_as_evidence(c.decision) for _, c in explain(claim, [str(source)]) if c.decision != "dropped"]
    assert verdict_of(kept) == result.sources[0].verdict


def test_a_people_and_its_nationals_are_judged_alike(tmp_path: Path) -> None:
    """The index that finds a source figure's claims lets a people ("Iraqis") meet its nationals."""
    source = tmp_path / "flight.txt"
    source.write_text("The passengers included 40 Turks and two Iraqis.\n", encoding="utf-8")
    claim = Claim("iraqis", "Three Iraqi nationals were among the passengers.")
    (result,) = verify([claim], [str(source)]).claims
    kept = [_as_evidence(c.decision) for _, c in explain(claim, [str(source)]) if c.decision != "dropped"]
    assert kept and verdict_of(kept) == result.sources[0].verdict
