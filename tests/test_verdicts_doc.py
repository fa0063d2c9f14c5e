"""docs/verdicts.md is the contract the code cites: every citation names a section that exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITATION = re.compile(r"docs/verdicts\.md §(\d+)(?:-§(\d+))?")


def test_every_citation_of_the_verdicts_page_names_a_section() -> None:
    sections = set(re.findall(r"^## §(\d+) ", (ROOT / "docs" / "verdicts.md").read_text(encoding="utf-8"), re.M))
    cited = []
    for path in sorted((ROOT / "claimcheck").rglob("*")):
        if path.suffix in (".py", ".yaml"):
            for m in CITATION.finditer(path.read_text(encoding="utf-8")):
                cited += [(path.name, n) for n in m.groups() if n]
    assert cited, "the code no longer cites docs/verdicts.md"
    assert [c for c in cited if c[1] not in sections] == []


def test_the_verdicts_page_defines_every_verdict_word() -> None:
    text = (ROOT / "docs" / "verdicts.md").read_text(encoding="utf-8")
    for word in ("agree", "disagree", "silent", "mixed"):
        assert f"| `{word}` |" in text
