"""judge_doc finds claims from the source's side (an index from figures and anchor words to claims);
it must give exactly what judging every claim against the source one by one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.judge import judge_doc, judge_source
from claimcheck.load import load_rules, read_source, source_paths
from claimcheck.match import ClaimIndex, plan_claim
from claimcheck.model import Claim, Verdict
from claimcheck.verify import analyze_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


@pytest.mark.parametrize(
    ("rules", "sources"),
    [
        ([str(ROOT / "rules")], [str(ROOT / "seeds")]),
        (None, [str(CORPUS / "articles"), str(ROOT / "seeds")]),  # None: the corpus claims
    ],
    ids=["seeds", "corpus"],
)
def test_judge_doc_equals_judging_every_claim(rules: list[str] | None, sources: list[str],
                                              corpus_claims: list[Claim]) -> None:
    plans = [plan_claim(c) for c in (load_rules(rules) if rules else corpus_claims)]
    index = ClaimIndex(plans)
    judged = 0
    for path in source_paths(sources):
        doc = analyze_source(read_source(path, None))
        one_by_one = [(i, r) for i, plan in enumerate(plans) for r in [judge_source(plan, doc)]
                      if r.verdict is not Verdict.SILENT or r.evidence]
        assert judge_doc(plans, index, doc) == one_by_one, path
        judged += len(one_by_one)
    assert judged > 20  # the corpora hold evidence for many claims: the comparison is not vacuous
