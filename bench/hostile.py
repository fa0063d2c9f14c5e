"""Large and hostile input: time and peak memory of the whole pipeline (``claimcheck.verify`` with the
shipped rules) on each case, against an ordinary input of the same size. Not a test: run it by hand.

    python bench/hostile.py                 # regex and HTML cases at 200 KB, large cases at 10 MB
    python bench/hostile.py --large-mb 100 --files 1000000   # the issue's full figures (slow)

Each measurement runs in a fresh process so its peak RSS is its own. "ratio" is seconds over the
seconds of the ordinary input of the same size (for the large cases: over the ordinary 1 MB time
scaled up linearly, so a super-linear stage shows). A ratio over 10 is marked FAIL.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_RATIO = 10.0  # the bound: no case may take more than 10x an ordinary input of its size
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def ordinary(size: int) -> str:
    """Seed articles repeated to ``size`` characters: what a normal corpus looks like."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS) + "\n\n"
    return (text * (size // len(text) + 1))[:size]


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each hostile text is built to hit one regex or parser where backtracking or rescanning would
# make it super-linear: long runs of what a pattern may repeat, followed by what makes it fail.
TEXTS: dict[str, Callable[[int], str]] = {
    "dots": lambda n: repeat(".", n),
    "dots-quotes": lambda n: repeat('.")', n),
    "bangs-no-space": lambda n: repeat("!?", n - 1) + "x",
    "initials": lambda n: repeat("a.", n),
    "capital-initials": lambda n: repeat("A. ", n),
    "no-whitespace": lambda n: repeat("abcdefghij", n),
    "whitespace": lambda n: repeat(" \t", n),
    "newlines": lambda n: repeat("\n", n),
    "blank-lines-short": lambda n: repeat("word\n", n),
    "digits": lambda n: repeat("1234567890", n),
    "digit-groups": lambda n: repeat("1,", n),
    "decimals": lambda n: repeat("1.1.", n),
    "spaced-numbers": lambda n: repeat("1" + " " * 2000 + "to 2 ", n),
    "tabbed-range": lambda n: repeat("about 5\t\t\t\t\t\t\t\t-\t\t\t\t6 ", n),
    "and-chain": lambda n: repeat("1 and ", n),
    "hedge-chain": lambda n: repeat("more than about nearly ", n),
    "exponent": lambda n: repeat("x10^", n),
    "urls": lambda n: repeat("www.", n),
    "url-long": lambda n: "http://" + repeat("a", n - 7),
    "dashes": lambda n: repeat("1-", n),
    "slashes": lambda n: repeat("1/", n),
    "apostrophes": lambda n: repeat("'’", n),
    "brackets": lambda n: repeat("([", n),
    "months": lambda n: repeat("1 of  ", n),
    "money": lambda n: repeat("$£€ ", n),
    "percent": lambda n: repeat("% ", n),
    "unicode-digits": lambda n: repeat("١٢٣٤ ", n),
    "fractions": lambda n: repeat("½⅓ ", n),
    "combining": lambda n: repeat("e\u0301\u0302\u0303 ", n),
    "line-separators": lambda n: repeat("1\u2028", n),
    "long-word-dots": lambda n: repeat("a" * 50 + ". ", n),
}

HTML: dict[str, Callable[[int], str]] = {
    "html-ordinary": lambda n: repeat("<p>" + ordinary(400) + "</p>\n", n),
    "html-nested": lambda n: "<div>" * (n // 12) + "Flooding hit 38 towns." + "</div>" * (n // 12),
    "html-unclosed-comments": lambda n: "<p>Flooding hit 38 towns.</p>" + repeat("<!--", n),
    "html-unclosed-tags": lambda n: "<p>Flooding hit 38 towns.</p>" + repeat("<a ", n),
    "html-open-angles": lambda n: "<p>Flooding hit 38 towns.</p>" + repeat("<", n),
    "html-entities": lambda n: "<p>Flooding hit 38 towns.</p>" + repeat("&#", n),
    "html-cdata": lambda n: "<p>Flooding hit 38 towns.</p>" + repeat("<![", n),
    "html-script": lambda n: "<script>" + repeat("</scrip ", n),
}


# Child side: one measurement ------------------------------------------------------------------


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def measure(args: list[str]) -> dict[str, float]:
    """Time ``verify`` on the sources ``args`` (the claims imported first, so only reading counts)."""
    from claimcheck.load import load_rules
    from claimcheck.verify import verify

    claims = load_rules([str(ROOT / "rules")])
    start = time.perf_counter()
    report = verify(claims, args, keep_going=True)
    seconds = time.perf_counter() - start
    assert len(report.sources) == len(report.claims[0].sources), "a source was dropped"
    return {"seconds": seconds, "rss": peak_rss_mb(), "sources": len(report.sources), "errors": len(report.errors)}


def child(args: list[str]) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if proc.returncode:
        return {
            "seconds": float("nan"),
            "rss": float("nan"),
            "sources": 0,
            "errors": 0,
            "crash": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}",
        }
    return json.loads(proc.stdout)


# Parent side: the cases ---------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def tree(folder: Path, count: int, per_dir: int = 1000) -> int:
    """``count`` tiny files, ``per_dir`` to a folder; returns their total size in bytes."""
    body = "Flooding hit 38 towns on Monday, officials said.\n"
    for i in range(count):
        sub = folder / f"{i // per_dir:05d}"
        if i % per_dir == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:07d}.txt").write_text(body, encoding="utf-8")
    return count * len(body)


def row(case: str, size: int, result: dict[str, float], base: float) -> tuple[str, ...]:
    ratio = result["seconds"] / base if base > 0 else float("nan")
    verdict = result.get("crash") or ("ok" if ratio <= MAX_RATIO else "FAIL")
    return (
        case,
        f"{size / 1e6:,.2f} MB",
        f"{result['seconds']:.2f}",
        f"{ratio:.1f}x",
        f"{result['rss']:.0f} MB",
        str(verdict),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-kb", type=int, default=200, help="size of each regex/HTML case")
    parser.add_argument("--large-mb", type=int, default=10, help="size of the large file and the long line")
    parser.add_argument("--files", type=int, default=10_000, help="number of tiny files in the folder tree")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child is not None:
        sys.stdout.write(json.dumps(measure(opts.child)))
        return

    rows: list[tuple[str, ...]] = []
    size = opts.size_kb * 1000
    with tempfile.TemporaryDirectory(prefix="claimcheck-hostile-") as tmp_name:
        tmp = Path(tmp_name)

        def run(case: str, paths: list[str], n: int, base: float) -> dict[str, float]:
            result = child(paths)
            rows.append(row(case, n, result, base))
            print("  ".join(rows[-1]), file=sys.stderr, flush=True)
            return result

        wanted = [k for k in (*TEXTS, *HTML, "large-file", "long-line", "many-files", "symlink-loop") if opts.only in k]
        base = child([write(tmp, "ordinary.txt", ordinary(size))])["seconds"]
        rows.append(row("ordinary.txt", size, {**child([str(tmp / "ordinary.txt")])}, base))
        for name, make in TEXTS.items():
            if name in wanted:
                run(name, [write(tmp, f"{name}.txt", make(size))], size, base)
        html_base = child([write(tmp, "ordinary.html", HTML["html-ordinary"](size))])["seconds"]
        for name, make in HTML.items():
            if name in wanted:
                run(name, [write(tmp, f"{name}.html", make(size))], size, html_base)

        per_mb = child([write(tmp, "one-mb.txt", ordinary(1_000_000))])["seconds"]
        large = opts.large_mb * 1_000_000
        if "large-file" in wanted:
            run("large-file", [write(tmp, "large.txt", ordinary(large))], large, per_mb * opts.large_mb)
            os.remove(tmp / "large.txt")
        if "long-line" in wanted:
            line = ordinary(large).replace("\n", " ")
            run("long-line", [write(tmp, "line.txt", line)], large, per_mb * opts.large_mb)
            os.remove(tmp / "line.txt")
        if "many-files" in wanted:
            total = tree(tmp / "many", opts.files)
            one = write(tmp, "many-as-one.txt", (tmp / "many" / "00000" / "0000000.txt").read_text() * opts.files)
            run(f"many-files ({opts.files:,})", [str(tmp / "many")], total, child([one])["seconds"])
        if "symlink-loop" in wanted:
            loop = tmp / "loop" / "a" / "b"
            loop.mkdir(parents=True)
            write(loop, "x.txt", ordinary(2000))
            (loop / "up").symlink_to(tmp / "loop", target_is_directory=True)
            (loop / "self").symlink_to(loop, target_is_directory=True)
            plain = tmp / "plain"
            plain.mkdir()
            write(plain, "x.txt", ordinary(2000))
            run("symlink-loop", [str(tmp / "loop")], 2000, child([str(plain)])["seconds"])

    print_rows(rows)


def print_rows(rows: list[tuple[str, ...]]) -> None:
    """The results as an aligned table, then a one-line count of the cases over the ratio."""
    header = ("case", "size", "seconds", "ratio", "peak RSS", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    failed = [r[0] for r in rows if r[-1] != "ok"]
    names = f": {', '.join(failed)}" if failed else ""
    print(f"\n{len(rows)} cases, {len(failed)} over {MAX_RATIO:g}x or crashed{names}")


if __name__ == "__main__":
    main()
