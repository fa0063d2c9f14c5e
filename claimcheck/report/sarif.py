"""SARIF 2.1.0 formatter, for GitHub code scanning and other SARIF viewers: one result per
contradicting evidence of a disagreeing (level error) or mixed (warning) source; each claim is a rule.
Paths are relative to the repository root (the working folder outside a git repository). Sample::

    {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
     "runs": [{"tool": {"driver": {"name": "claimcheck", "version": "0.1.0",
                                   "rules": [{"id": "towns", "name": "towns",
                                              "shortDescription": {"text": "Flooding hit 38 towns"}, ...}]}},
               "columnKind": "unicodeCodePoints",
               "results": [{"ruleId": "towns", "ruleIndex": 0, "level": "error",
                            "message": {"text": "docs/b.txt disagrees with claim towns ..."},
                            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "docs/b.txt"},
                                               "region": {"startLine": 1, "startColumn": 1}}}],
                            "partialFingerprints": {"claimcheck/v1": "..."}}]}]}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from ..baseline import contradictions, posix, text_hash
from ..load import STDIN
from ..model import STDIN_NAME, Evidence, Report, Verdict, located, part_fields
from ..version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Verdict.DISAGREE: "error", Verdict.MIXED: "warning"}
PART_KINDS = {"page": "page", "paragraph": "paragraph", "table": "tableCell"}  # a part's first key -> its kind
FINGERPRINT = "claimcheck/v1"  # claim id + path + sentence hash: stable when the sentence moves


def project_root(start: Path | None = None) -> Path:
    """The nearest folder holding ``.git`` at or above ``start`` (the working folder), else ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def artifact_path(path: str, root: Path | None = None) -> str:
    """A source path relative to the project root, with forward slashes."""
    return posix(path, root or project_root())


def _result(
    claim_id: str, index: int, text: str, path: str, verdict: Verdict, accepted: str, e: Evidence, root: Path
) -> dict[str, Any]:
    where = artifact_path(path, root)
    message = (
        f"{where} {'disagrees with' if verdict is Verdict.DISAGREE else 'is mixed on'} claim "
        f"{claim_id} ({text}): {e.reason}"
    )
    region = {"startLine": max(e.line, 1), "startColumn": max(e.column, 1), "snippet": {"text": e.text}}
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": quote(where, safe="/:")}, "region": region}
    }
    if where in (STDIN, STDIN_NAME):
        # Standard input is no file a viewer can open: name it as a logical location, with the line.
        location = {
            "logicalLocations": [{"name": where, "kind": "resource"}],
            "message": {"text": f"{located(where, max(e.line, 1), max(e.column, 1), e.part)}: {e.text}"},
        }
    result: dict[str, Any] = {
        "ruleId": claim_id,
        "ruleIndex": index,
        "level": LEVELS[verdict],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: text_hash(f"{claim_id}\n{where}\n{text_hash(e.text)}")},
    }
    if e.part and "physicalLocation" in location:
        # In a PDF or Word document the region's line and column count within a page, paragraph or
        # table cell: the logical location names it, and the region's properties carry its numbers.
        numbers = part_fields(e.part)
        location["physicalLocation"]["region"]["properties"] = numbers
        kind = PART_KINDS[next(iter(numbers))]
        location["logicalLocations"] = [{"name": e.part, "fullyQualifiedName": f"{where}:{e.part}", "kind": kind}]
    if accepted:
        result["suppressions"] = [{"kind": "external", "justification": accepted}]
    return result


def _place(result: dict[str, Any]) -> tuple[str, int, int, str]:
    """Sort key of a result: file, line, column, claim (standard input, with no file, first)."""
    physical = result["locations"][0].get("physicalLocation")
    if physical is None:
        return ("", 0, 0, result["ruleId"])
    region = physical["region"]
    return (physical["artifactLocation"]["uri"], region["startLine"], region["startColumn"], result["ruleId"])


def report_to_sarif(report: Report, root: Path | None = None) -> dict[str, Any]:
    root = root or project_root()
    rules = [
        {
            "id": c.id,
            "name": c.id,
            "shortDescription": {"text": c.text},
            "defaultConfiguration": {"level": "error"},
            **({"properties": {"rulesFile": posix(c.path, root), "line": c.line}} if c.path else {}),
        }
        for c in report.claims
    ]
    results = [
        _result(c.id, i, c.text, s.path, s.verdict, s.accepted, e, root)
        for i, c in enumerate(report.claims)
        for s in c.found()
        for e in contradictions(s)
    ]
    results.sort(key=_place)
    # No informationUri: claimcheck has no public home yet, and SARIF viewers link to it as the tool's.
    driver = {"name": "claimcheck", "version": __version__, "rules": rules}
    return {
        "version": "2.1.0",
        "$schema": SCHEMA_URI,
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def render(report: Report, stream: TextIO) -> None:
    json.dump(report_to_sarif(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


__all__ = ["artifact_path", "project_root", "render", "report_to_sarif"]
