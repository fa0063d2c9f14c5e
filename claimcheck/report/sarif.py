"""SARIF 2.1.0 formatter, for GitHub code scanning and other SARIF viewers: one result per
contradicting evidence of a disagreeing (level error) or mixed (warning) source; each claim is a rule.
Paths are relative to the repository root (the working folder outside a git repository). Sample::

    {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
     "runs": [{"tool": {"driver": {"name": "claimcheck", "version": "0.1.0", "informationUri": "...",
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
from ..model import Evidence, Report, Verdict
from ..version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
LEVELS = {Verdict.DISAGREE: "error", Verdict.MIXED: "warning"}
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
    result: dict[str, Any] = {
        "ruleId": claim_id,
        "ruleIndex": index,
        "level": LEVELS[verdict],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(where, safe="/:")},
                    "region": {
                        "startLine": max(e.line, 1),
                        "startColumn": max(e.column, 1),
                        "snippet": {"text": e.text},
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: text_hash(f"{claim_id}\n{where}\n{text_hash(e.text)}")},
    }
    if accepted:
        result["suppressions"] = [{"kind": "external", "justification": accepted}]
    return result


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
        if s.path != "-"
    ]
    results.sort(
        key=lambda r: (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["ruleId"],
        )
    )
    driver = {"name": "claimcheck", "version": __version__, "informationUri": INFORMATION_URI, "rules": rules}
    return {
        "version": "2.1.0",
        "$schema": SCHEMA_URI,
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def render(report: Report, stream: TextIO) -> None:
    json.dump(report_to_sarif(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


__all__ = ["artifact_path", "project_root", "render", "report_to_sarif"]
