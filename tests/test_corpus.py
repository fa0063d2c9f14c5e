"""Corpus evaluation: hand-written articles (tests/corpus/articles) and claims whose expected verdicts
were written before the tool was run on them (tests/corpus/claims.yaml). Runs claimcheck on every
(claim, article) pair and holds it to an accuracy floor and a ceiling on wrong-polarity verdicts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck import verify

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = CORPUS / "articles"
CLAIMS = CORPUS / "claims.yaml"
VERDICTS = ("agree", "disagree", "silent", "mixed")

MIN_ACCURACY = 0.90  # share of (claim, article) pairs whose verdict equals the gold
# Pairs where the tool takes a side the text does not: agree/disagree where the gold is silent, or the
# opposite polarity (agree for disagree, disagree for agree). These are the errors a fact-checker publishes.
MAX_WRONG_POLARITY = 2


def load_gold() -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))["claims"]
    return claims


def article_names() -> list[str]:
    return sorted(p.name for p in ARTICLES.glob("*.txt"))


def _verdicts_from_report(report: dict[str, Any]) -> dict[tuple[str, str], str]:
    """{(claim id, article file name): verdict} from the JSON shape {"claims": [{"id", "sources": [...]}]}."""
    found: dict[tuple[str, str], str] = {}
    for claim in report.get("claims", []):
        for source in claim.get("sources", []):
            found[(str(claim.get("id")), Path(str(source.get("path", ""))).name)] = str(source.get("verdict"))
    return found


def _run_library(rules: Path, sources: list[str]) -> dict[tuple[str, str], str]:
    """Through the public API, as a newsroom script would."""
    report = verify([str(rules)], sources)
    return _verdicts_from_report(
        {
            "claims": [
                {"id": c.id, "sources": [{"path": s.path, "verdict": str(s.verdict)} for s in c.sources]}
                for c in report.claims
            ]
        }
    )


@pytest.fixture(scope="module")
def tool_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    # The rules format knows id and text (and a few optional keys), not `expect`: strip it.
    rules = {"claims": [{"id": c["id"], "text": c["text"]} for c in load_gold()]}
    path = tmp_path_factory.mktemp("corpus") / "claims.yaml"
    path.write_text(yaml.safe_dump(rules, sort_keys=False, allow_unicode=True), encoding="utf-8")
    sources = [str(ARTICLES / name) for name in article_names()]
    return _run_library(path, sources)


def is_wrong_polarity(want: str, got: str) -> bool:
    return (want == "silent" and got in ("agree", "disagree")) or {want, got} == {"agree", "disagree"}


def score(gold: list[dict[str, Any]], found: dict[tuple[str, str], str]) -> tuple[int, list[str], list[str], str]:
    """(pairs right, misses, wrong-polarity misses, confusion table), each miss one readable line."""
    right = 0
    misses: list[str] = []
    wrong_polarity: list[str] = []
    confusion: Counter[tuple[str, str]] = Counter()
    for claim in gold:
        for article, want in claim["expect"].items():
            got = found.get((claim["id"], article), "absent")
            confusion[(want, got)] += 1
            if got == want:
                right += 1
                continue
            line = f"{claim['id']:<26} {article:<24} want {want:<8} got {got:<8} | {claim['text']}"
            misses.append(line)
            if is_wrong_polarity(want, got):
                wrong_polarity.append(line)
    cols = (*VERDICTS, "absent")
    table = ["gold \\ tool  " + " ".join(f"{c:>8}" for c in cols)]
    table += [f"{want:<12} " + " ".join(f"{confusion[(want, got)]:>8}" for got in cols) for want in VERDICTS]
    return right, misses, wrong_polarity, "\n".join(table)


def test_expectations_name_every_article_and_only_articles() -> None:
    gold = load_gold()
    articles = set(article_names())
    assert len(articles) >= 5
    ids = [c["id"] for c in gold]
    assert len(ids) == len(set(ids)), "claim ids must be unique"
    for claim in gold:
        named = set(claim["expect"])
        assert named <= articles, f"{claim['id']}: no such article {sorted(named - articles)}"
        assert named == articles, f"{claim['id']}: no expectation for {sorted(articles - named)}"
        bad = {a: v for a, v in claim["expect"].items() if v not in VERDICTS}
        assert not bad, f"{claim['id']}: not a verdict {bad}"
        assert set(claim) == {"id", "text", "expect"}, f"{claim['id']}: unexpected keys {sorted(claim)}"
    referenced = {a for c in gold for a, v in c["expect"].items() if v != "silent"}
    assert referenced == articles, f"articles no claim speaks to: {sorted(articles - referenced)}"


def test_corpus_verdicts(tool_verdicts: dict[tuple[str, str], str]) -> None:
    gold = load_gold()
    right, misses, wrong_polarity, table = score(gold, tool_verdicts)
    total = sum(len(c["expect"]) for c in gold)
    accuracy = right / total
    summary = (
        f"corpus accuracy {right}/{total} = {accuracy:.1%} (floor {MIN_ACCURACY:.0%}); "
        f"wrong polarity {len(wrong_polarity)} (ceiling {MAX_WRONG_POLARITY})\n{table}\n"
        "misses:\n  " + "\n  ".join(misses or ["none"])
    )
    print(summary)
    assert len(wrong_polarity) <= MAX_WRONG_POLARITY, (
        "wrong-polarity verdicts:\n  " + "\n  ".join(wrong_polarity) + "\n\n" + summary
    )
    assert accuracy >= MIN_ACCURACY, summary


def test_scorer_counts_gold_as_perfect_and_flags_polarity() -> None:
    gold = load_gold()
    perfect = {(c["id"], a): v for c in gold for a, v in c["expect"].items()}
    right, misses, wrong, _ = score(gold, perfect)
    assert (right, misses, wrong) == (sum(len(c["expect"]) for c in gold), [], [])
    flips = [
        ("silent", "agree", True),
        ("silent", "disagree", True),
        ("agree", "disagree", True),
        ("disagree", "agree", True),
        ("agree", "silent", False),
        ("mixed", "agree", False),
        ("agree", "mixed", False),
        ("silent", "mixed", False),
    ]
    assert [is_wrong_polarity(w, g) for w, g, _ in flips] == [want for _, _, want in flips]
