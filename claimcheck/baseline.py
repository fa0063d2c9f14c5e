"""Known disagreements: per-claim ``accept:`` entries and baseline files. Report in, Report out with
``SourceResult.accepted`` set to the reason, so a known contradiction still shows but no longer fails
the run. A baseline entry is claim id + source path + a hash of the contradicting sentence's
normalised text, so it survives the sentence moving to another line.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from .errors import ClaimcheckError
from .model import STDIN_NAME, Claim, ClaimResult, Evidence, Relation, Report, SourceResult, Verdict

BASELINE_VERSION = 1
BASELINE_REASON = "in baseline"  # prefix of ``accepted`` for a contradiction a baseline file knows
HASH_CHARS = 16  # hex digits of sha256 kept per evidence: plenty for a few thousand claims x sources
CONTRADICTING = (Verdict.DISAGREE, Verdict.MIXED)

Key = tuple[str, str, str]  # claim id, source path (posix, relative to the baseline's folder), text hash


def posix(path: str, start: str | os.PathLike[str] = ".") -> str:
    """``path`` relative to ``start`` when it lies inside it, with forward slashes; else absolute."""
    if path in ("-", STDIN_NAME):
        return path
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(start))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def from_folder(path: str, folder: str | os.PathLike[str]) -> str:
    """``path`` as seen from ``folder`` (``../`` allowed), with forward slashes: a baseline's sources
    are kept relative to the baseline file, so the repository can move."""
    if path in ("-", STDIN_NAME):
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(folder))).as_posix()
    except ValueError:  # pragma: no cover - another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def text_hash(text: str) -> str:
    """Hash of a sentence with case and runs of whitespace ignored (re-wrapping a paragraph keeps it)."""
    normal = " ".join(text.casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_CHARS]


def contradictions(source: SourceResult) -> list[Evidence]:
    """The contradicting evidence of a disagreeing or mixed source verdict."""
    if source.verdict not in CONTRADICTING:
        return []
    return [e for e in source.evidence if e.relation is Relation.CONTRADICTS]


# accept: ----------------------------------------------------------------------------------------


def accepts(pattern: str, path: str, rules_path: str = "") -> bool:
    """Whether an ``accept: source:`` path or glob names ``path``. Tried relative to the working
    folder and to the rules file's folder; a pattern without a slash also matches the file name."""
    pattern = pattern.replace("\\", "/").removeprefix("./")
    candidates = {path.replace("\\", "/").removeprefix("./"), posix(path)}
    if rules_path:
        candidates.add(posix(path, Path(rules_path).parent))
    if "/" not in pattern:
        candidates.add(PurePath(path).name)
    return any(c == pattern or fnmatch.fnmatchcase(c, pattern) for c in candidates)


def apply_accepts(claim: Claim, result: ClaimResult) -> ClaimResult:
    """``result`` with each source a claim's ``accept:`` names marked accepted, with its reason. The
    first entry that matches wins; the claim's verdict is left as it is (it still shows)."""
    if not claim.accept:
        return result
    sources = []
    for s in result.sources:
        reason = next((r for pattern, r in claim.accept if accepts(pattern, s.path, claim.path)), "")
        sources.append(replace(s, accepted=reason) if reason and not s.accepted else s)
    return replace(result, sources=tuple(sources))


def unused_accepts(claims: Iterable[Claim], paths: Iterable[str]) -> list[str]:
    """A warning for each ``accept:`` entry that names none of the sources read (a typo, or a file
    since renamed), as ``rules.yaml:LINE: warning: ...``."""
    paths = list(paths)
    warnings = []
    for claim in claims:
        for pattern, _ in claim.accept:
            if not any(accepts(pattern, p, claim.path) for p in paths):
                where = f"{claim.path}:{claim.line}" if claim.line else claim.path
                warnings.append(
                    f"{where}: warning: claim {claim.id!r} accepts {pattern!r}, which names none of the sources read"
                )
    return warnings


# baselines --------------------------------------------------------------------------------------


def baseline_keys(report: Report, folder: str | os.PathLike[str] = ".") -> list[Key]:
    """Every contradiction of ``report`` not already accepted, as sorted baseline keys."""
    keys = {
        (c.id, from_folder(s.path, folder), text_hash(e.text))
        for c in report.claims
        for s in c.found()
        if not s.accepted
        for e in contradictions(s)
    }
    return sorted(keys)


def baseline_document(report: Report, folder: str | os.PathLike[str] = ".") -> dict[str, Any]:
    entries = [{"claim": c, "source": p, "hash": h} for c, p, h in baseline_keys(report, folder)]
    return {"version": BASELINE_VERSION, "contradictions": entries}


def write_baseline(report: Report, path: str) -> int:
    """Write today's contradictions to ``path`` (JSON, sorted, no timestamp); return how many."""
    doc = baseline_document(report, Path(path).parent)
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
    except OSError as exc:
        raise ClaimcheckError(f"cannot write baseline: {exc.strerror}", path) from None
    return len(doc["contradictions"])


def read_baseline(path: str) -> set[Key]:
    """The keys of a baseline file written by ``write_baseline``; paths stay relative to its folder."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ClaimcheckError(
            f"cannot read baseline: {exc.strerror}", path, hint="write one with --write-baseline"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 0)
        raise ClaimcheckError(
            "baseline is not a JSON file", path, line, hint="write it again with --write-baseline"
        ) from None
    entries = data.get("contradictions") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != BASELINE_VERSION:
        raise ClaimcheckError(
            f"not a claimcheck baseline (version {BASELINE_VERSION})", path, hint="write it again with --write-baseline"
        )
    keys: set[Key] = set()
    for entry in entries:
        fields = ("claim", "source", "hash")
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in fields)):
            raise ClaimcheckError(
                "baseline entry needs 'claim', 'source' and 'hash'", path, hint="write it again with --write-baseline"
            )
        keys.add((entry["claim"], entry["source"], entry["hash"]))
    return keys


def apply_baseline(report: Report, known: Iterable[Key], folder: str | os.PathLike[str] = ".") -> Report:
    """``report`` with each source whose every contradiction is ``known`` marked accepted
    (``in baseline``). A source with one new contradiction stays unaccepted, so the run fails on it."""
    known = set(known)

    def mark(c: ClaimResult) -> Callable[[SourceResult], SourceResult]:
        def change(s: SourceResult) -> SourceResult:
            found = contradictions(s)
            if (
                found
                and not s.accepted
                and all((c.id, from_folder(s.path, folder), text_hash(e.text)) in known for e in found)
            ):
                return replace(s, accepted=BASELINE_REASON)
            return s

        return change

    return replace(report, claims=tuple(c.map_found(mark(c)) for c in report.claims))


def apply_baseline_file(report: Report, path: str) -> Report:
    return apply_baseline(report, read_baseline(path), Path(path).parent)


__all__ = [
    "BASELINE_REASON",
    "accepts",
    "apply_accepts",
    "apply_baseline",
    "apply_baseline_file",
    "unused_accepts",
    "baseline_keys",
    "contradictions",
    "posix",
    "read_baseline",
    "text_hash",
    "write_baseline",
]
