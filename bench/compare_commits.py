"""Compare claimcheck's outputs at two revisions: a refactor must change no byte of them.

Not a test. Run from the repository: python bench/compare_commits.py [OLD] [NEW]

OLD defaults to HEAD~1 and NEW to the working tree ("WORKTREE"); either may be any git revision.
Each revision is checked out in a temporary git worktree (the working tree is used as it is) and
run with its own code: a small driver, started once per tree with PYTHONPATH pointing at it, imports
``claimcheck.cli`` and calls ``main(argv)`` for every case, as ``python -m claimcheck`` would. The two
trees run in parallel. The cases:

- ``verify --format json`` on the seeds (rules/ + seeds/), on tests/corpus, on every subject of
  ../shared/eval/dev2 and on ../shared/benchmarks/averitec-numeric (claims from their gold files,
  written to a temporary rules file; sources: every file of the subject's folder);
- ``numbers --json`` over every case of ../shared/benchmarks/numbers (the sentence on stdin);
- with ``--bench DOCS``, ``verify --format json`` on bench_verify.py's generated corpus of DOCS documents,
  for both of its workloads (its own claims and sentence claims, ``--bench-claims`` of each).

../shared is the shared folder beside the checkout, as in CI; --shared overrides it. Exit 0 when every
output (stdout and exit code) is the same, 1 with a short diff of each difference, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import difflib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

WORKTREE = "WORKTREE"
DIFF_LINES = 12  # lines of unified diff shown per differing case

# Runs inside each tree: reads the cases (JSON) from a file, runs each through claimcheck.cli.main with
# stdout, stderr and stdin swapped for strings, writes {name: [exit code, stdout, stderr]} to a file.
DRIVER = r"""
import io, json, sys
cases_path, out_path = sys.argv[1], sys.argv[2]
from claimcheck import cli
results = {}
real = sys.stdout, sys.stderr, sys.stdin
for case in json.load(open(cases_path, encoding="utf-8")):
    sys.stdout, sys.stderr, sys.stdin = io.StringIO(), io.StringIO(), io.StringIO(case.get("stdin", ""))
    try:
        code = cli.main(case["argv"])
    except Exception as exc:  # a crash is an output too: it must not differ either
        code = f"{type(exc).__name__}: {exc}"
    results[case["name"]] = [code, sys.stdout.getvalue(), sys.stderr.getvalue()]
    sys.stdout, sys.stderr, sys.stdin = real
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(results, f, ensure_ascii=False)
"""


def gold_rules(gold: Path, tmp: Path) -> Path:
    """The claims of a gold file (``claims: [{id, text, expect}]``) as a rules file."""
    data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    rules = {"claims": [{"id": c["id"], "text": c["text"]} for c in data["claims"]]}
    path = tmp / f"{gold.parent.name}-{gold.stem}.rules.yaml"
    path.write_text(yaml.safe_dump(rules, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def verify_case(
    name: str, rules: list[Path], sources: list[Path], jobs: int, extra: tuple[str, ...] = ()
) -> dict[str, Any]:
    argv = ["verify", "--format", "json", "--no-cache", "--jobs", str(jobs), *extra, "--rules", *map(str, rules)]
    return {"name": name, "argv": [*argv, "--sources", *map(str, sources)]}


def number_sentences(folder: Path) -> list[tuple[str, str]]:
    """(id, sentence) of every case of the numbers benchmark: Recognizers-Text specs and quantulum3."""
    out: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*.json")):
        for k, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            text = case.get("Input", case.get("req"))
            if isinstance(text, str):
                out.append((f"{path.relative_to(folder)}#{k}", text))
    return out


def bench_cases(docs: int, n_claims: int, jobs: int) -> list[dict[str, Any]]:
    """``verify --omit-silent`` (as bench_verify.py times it: a report of every silent pair would be
    gigabytes) on the benchmark's corpus of ``docs`` documents, with each of its claim workloads
    (made, or reused, under bench/out by bench_verify.py, with its default seed)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import bench_verify
    finally:
        sys.path.pop(0)

    seed = bench_verify.DEFAULT_SEED
    root = bench_verify.make_corpus(docs, seed)
    return [
        verify_case(
            f"bench/{workload}-{docs}x{n_claims}",
            [bench_verify.claims_for(workload, n_claims, root, seed)],
            [root],
            jobs,
            ("--omit-silent",),
        )
        for workload in bench_verify.WORKLOADS
    ]


def build_cases(repo: Path, shared: Path, tmp: Path, jobs: int) -> list[dict[str, Any]]:
    """The cases, on the inputs of ``repo`` (the working tree): both trees read the same inputs."""
    corpus = repo / "tests" / "corpus"
    cases = [
        verify_case("seeds", [repo / "rules"], [repo / "seeds"], jobs),
        # the corpus's claims carry their expected verdicts, which the rules format does not know
        verify_case("tests/corpus", [gold_rules(corpus / "claims.yaml", tmp)], [corpus / "articles"], jobs),
    ]
    dev2 = shared / "eval" / "dev2"
    for gold in sorted(dev2.glob("*-gold.yaml")):
        folder = dev2 / gold.name.removesuffix("-gold.yaml")
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        cases.append(verify_case(f"dev2/{folder.name}", [gold_rules(gold, tmp)], files, jobs))
    averitec = shared / "benchmarks" / "averitec-numeric"
    if averitec.is_dir():
        files = sorted(p for p in (averitec / "corpus").rglob("*") if p.is_file())
        rules = gold_rules(averitec / "numeric-gold.yaml", tmp)
        cases.append(verify_case("averitec-numeric", [rules], files, jobs))
    for cid, text in number_sentences(shared / "benchmarks" / "numbers"):
        cases.append({"name": f"numbers/{cid}", "argv": ["numbers", "--json"], "stdin": text})
    return cases


def checkout(repo: Path, rev: str, tmp: Path) -> Path:
    """A tree holding ``rev``: the working tree itself, or a detached temporary worktree."""
    if rev == WORKTREE:
        return repo
    path = tmp / f"tree-{rev.replace('/', '_').replace('~', '-')}"
    subprocess.run(["git", "-C", str(repo), "worktree", "add", "--detach", "-q", str(path), rev], check=True)
    return path


def run_tree(tree: Path, cases_path: Path, out_path: Path, tmp: Path) -> dict[str, list[Any]]:
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": str(tmp / f"cache-{out_path.stem}")}
    env.pop("CLAIMCHECK_CONFIG", None)
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(cases_path), str(out_path)],
        cwd=tmp,  # no claimcheck.toml of either tree is picked up
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"driver failed in {tree}:\n{proc.stderr[-2000:]}")
    results: dict[str, list[Any]] = json.loads(out_path.read_text(encoding="utf-8"))
    return results


def short_diff(old: str, new: str) -> str:
    """A few lines of unified diff; JSON is laid out one value a line first, so that a report written on
    one long line still shows where it differs."""
    with contextlib.suppress(ValueError):
        old, new = (json.dumps(json.loads(s), indent=1, ensure_ascii=False) for s in (old, new))
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "old", "new", lineterm="", n=1))
    if not lines and old != new:
        return "  (differ in line endings or trailing whitespace)"
    shown = lines[2 : 2 + DIFF_LINES]
    more = len(lines) - 2 - len(shown)
    return "\n".join("  " + line[:200] for line in shown) + (f"\n  ... {more} more lines" if more > 0 else "")


def compare(old: dict[str, list[Any]], new: dict[str, list[Any]]) -> list[str]:
    problems = []
    for name in old:
        (old_code, old_out, old_err), (new_code, new_out, new_err) = old[name], new[name]
        if old_code != new_code:
            problems.append(f"{name}: exit code {old_code} -> {new_code}")
        if old_out != new_out:
            problems.append(f"{name}: output differs\n{short_diff(old_out, new_out)}")
        if old_err != new_err:
            problems.append(f"{name}: stderr differs\n{short_diff(old_err, new_err)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", nargs="?", default="HEAD~1", help="git revision (default HEAD~1)")
    ap.add_argument("new", nargs="?", default=WORKTREE, help=f"git revision or {WORKTREE} (the default)")
    ap.add_argument("--shared", type=Path, help="the shared folder (default: ../shared beside the checkout)")
    ap.add_argument("--jobs", type=int, default=1, help="--jobs passed to each verify (default 1)")
    ap.add_argument("--bench", type=int, default=0, metavar="DOCS", help="also the benchmark corpus of DOCS documents")
    ap.add_argument("--bench-claims", type=int, default=1000, help="claims of each benchmark workload (default 1000)")
    args = ap.parse_args(argv)
    if args.bench < 0 or args.bench_claims < 1:
        ap.error("--bench takes a number of documents (0: none), --bench-claims a number of claims")
    repo = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True).stdout.strip())
    if not repo.is_dir():
        print("error: run from inside the claimcheck repository", file=sys.stderr)
        return 2
    shared = args.shared or repo.parent / "shared"
    if not shared.is_dir() and Path("/work/shared").is_dir():
        shared = Path("/work/shared")
    if not shared.is_dir():
        print(f"error: no shared folder at {shared} (pass --shared)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="claimcheck-compare-") as name:
        tmp = Path(name)
        trees = []
        try:
            for rev in (args.old, args.new):
                trees.append(checkout(repo, rev, tmp))
            cases = build_cases(repo, shared, tmp, args.jobs)
            if args.bench:
                cases += bench_cases(args.bench, args.bench_claims, args.jobs)
            cases_path = tmp / "cases.json"
            cases_path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
            with concurrent.futures.ThreadPoolExecutor(2) as pool:
                runs = [pool.submit(run_tree, t, cases_path, tmp / f"out-{k}.json", tmp) for k, t in enumerate(trees)]
                old, new = (r.result() for r in runs)
        finally:
            for tree in trees:
                if tree != repo:
                    subprocess.run(["git", "-C", str(repo), "worktree", "remove", "--force", str(tree)], check=False)
    problems = compare(old, new)
    codes = sorted({str(code) for code, _, _ in new.values()})
    if any(not code.isdigit() for code in codes):
        problems.append(f"crashes in the new tree: {[c for c in codes if not c.isdigit()][:3]}")
    elapsed = time.perf_counter() - started
    verifies = sum(1 for c in cases if c["argv"][0] == "verify")
    print(f"{args.old} vs {args.new}: {len(cases)} cases ({verifies} verify runs, {len(cases) - verifies} numbers)")
    for p in problems:
        print(p)
    print(f"{len(problems)} difference(s) in {elapsed:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
