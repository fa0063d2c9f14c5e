"""End-to-end benchmark of ``claimcheck verify``: wall time, documents/s, MB/s and peak RSS on
generated news-like corpora, beside the floor (read every file + one digit regex) in the same run.

Not a test. Run the small sizes while developing, the big ones before a release:

    python bench/bench_verify.py --docs 1000 --claims 10 100          # ~a minute
    python bench/bench_verify.py --docs 10000 --claims 100 --warm      # cold and warm cache
    python bench/bench_verify.py --docs 1000 10000 100000 --claims 10 100 1000

Corpora and claim sets are deterministic (``--seed``) and written once under ``bench/out/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

OUT = Path(__file__).resolve().parent / "out"
SENTENCES_PER_DOC = 20
DOCS_PER_FOLDER = 1000  # keeps folders listable

PLACES = [
    "Tollan",
    "Marrow",
    "Eastvale",
    "Kestrel Bay",
    "Dunmore",
    "Pellham",
    "Arden",
    "Corvis",
    "Halvard",
    "Lowmere",
    "Brenton",
    "Sallow Creek",
    "Mirefield",
    "Oakhurst",
    "Ravensholm",
    "Westbury",
]
TOPICS = [  # (counted noun, act, near-miss noun for the same act)
    ("protesters", "arrested", "journalists"),
    ("homes", "destroyed", "barns"),
    ("flights", "cancelled", "trains"),
    ("workers", "laid off", "contractors"),
    ("patients", "treated", "visitors"),
    ("students", "enrolled", "teachers"),
    ("vehicles", "recalled", "trailers"),
    ("residents", "evacuated", "tourists"),
    ("jobs", "created", "contracts"),
    ("soldiers", "wounded", "reservists"),
    ("cases", "reported", "tests"),
    ("votes", "counted", "ballots"),
    ("acres", "burned", "hectares"),
    ("passengers", "stranded", "crew members"),
    ("trees", "planted", "shrubs"),
    ("people", "detained", "officers"),
]
HEDGES = ["", "about ", "more than ", "nearly ", "at least ", "roughly ", "up to ", "fewer than ", "some "]
CUES = [
    "officials said",
    "police said",
    "according to the ministry",
    "the agency reported",
    "organisers said",
    "a spokesperson confirmed",
    "local media reported",
    "the mayor told reporters",
]
FILLER = [
    "The council met again on {day} to discuss the response.",
    "Residents of {place} described a tense week.",
    "The ministry did not respond to a request for comment.",
    "Critics called the decision a mistake, while supporters praised it.",
    "The report will be published in full next month.",
    "{place} has seen similar events in previous years.",
    "Observers expect the debate to continue into the winter.",
    "The governor of {place} urged calm and promised an inquiry.",
    "Mr. Hale, a former adviser, said the figures were incomplete.",
    "Schools in {place} reopened on {day} after a short closure.",
]
TAILS = [
    ", a week after the first reports reached the regional capital",
    " despite repeated warnings from independent experts and local groups",
    ", figures that could not be independently verified",
    " as the authorities struggled to keep pace with events on the ground",
    ", the latest in a series of similar announcements this year",
    "",
    "",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WORDS = ["two", "three", "five", "seven", "nine", "a dozen", "dozens of", "hundreds of", "thousands of"]


def _figure(rng: random.Random, n: int) -> str:
    r = rng.random()
    if r < 0.1:
        return rng.choice(WORDS)
    if r < 0.2:
        return f"{n / 1000:.1f} thousand" if n >= 1000 else f"{n}"
    return f"{rng.choice(HEDGES)}{n:,}"


def _sentence(rng: random.Random, truth: dict[tuple[int, str], int]) -> str:
    if rng.random() < 0.45:
        text = rng.choice(FILLER).format(place=rng.choice(PLACES), day=rng.choice(DAYS))
        return text[:-1] + rng.choice(TAILS) + "."
    t = rng.randrange(len(TOPICS))
    noun, act, near = TOPICS[t]
    p = rng.randrange(len(PLACES))
    n = truth.setdefault((t, PLACES[p]), rng.randint(12, 90_000))
    if rng.random() < 0.25:  # a near miss: another noun, or the figure off by a margin
        if rng.random() < 0.5:
            noun = near
        else:
            n = int(n * rng.choice([0.5, 1.5, 3]))
    fig = _figure(rng, n)
    cue = rng.choice(CUES)
    shapes = [
        f"{fig.capitalize()} {noun} were {act} in {PLACES[p]}, {cue}.",
        f"In {PLACES[p]}, {fig} {noun} were {act} on {rng.choice(DAYS)}, {cue}.",
        f"{cue.capitalize()} that {fig} {noun} had been {act} in {PLACES[p]} since {rng.choice(DAYS)}.",
        f"The number of {noun} {act} in {PLACES[p]} rose to {fig} this year, up {rng.randint(2, 40)}%.",
    ]
    text = rng.choice(shapes)
    return text[:-1] + rng.choice(TAILS) + "."


def make_corpus(n_docs: int, seed: int) -> Path:
    """``n_docs`` articles of about 20 sentences under bench/out/corpus-N (written once, reused)."""
    root = OUT / f"corpus-{n_docs}-s{seed}"
    done = root / ".complete"
    if done.exists():
        return root
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    truth: dict[tuple[int, str], int] = {}
    for i in range(n_docs):
        folder = root / f"{i // DOCS_PER_FOLDER:04d}"
        if i % DOCS_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        place = rng.choice(PLACES)
        lines = [f"{place} news, item {i}", ""]
        paragraph: list[str] = []
        for _ in range(SENTENCES_PER_DOC):
            paragraph.append(_sentence(rng, truth))
            if len(paragraph) == 4:
                lines.extend([" ".join(paragraph), ""])
                paragraph = []
        if paragraph:
            lines.append(" ".join(paragraph))
        (folder / f"{i:06d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done.write_text("")
    return root


def make_claims(n_claims: int, seed: int) -> Path:
    """``n_claims`` claims: figures about (topic, place), a few near misses and statements."""
    path = OUT / f"claims-{n_claims}-s{seed}.yaml"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    out = ["claims:"]
    for i in range(n_claims):
        noun, act, _ = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        if i % 10 == 9:
            text = f"The governor of {place} urged calm"
        else:
            text = f"{rng.randint(12, 90_000):,} {noun} were {act} in {place}"
        out.append(f'  - id: c{i:05d}\n    text: "{text}"')
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def corpus_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*.txt"))


def floor(root: Path) -> float:
    """Read every file and run one digit regex over it: the time no checker can beat."""
    digits = re.compile(r"\d[\d,.]*")
    t0 = time.perf_counter()
    found = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.endswith(".txt"):
                text = Path(dirpath, name).read_bytes().decode("utf-8")
                found += sum(1 for _ in digits.finditer(text))
    return time.perf_counter() - t0


def run_verify(claims: Path, root: Path, extra: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """(wall seconds, peak RSS bytes of the process tree, exit code) of one ``claimcheck verify``."""
    cmd = [
        sys.executable,
        "-m",
        "claimcheck",
        "verify",
        "--rules",
        str(claims),
        "--sources",
        str(root),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--omit-silent",
        *extra,
    ]
    peak = 0
    t0 = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=subprocess.PIPE, env=env)
        ps = psutil.Process(proc.pid)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                try:
                    rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
                    peak = max(peak, rss)
                except psutil.Error:
                    pass
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        stop.set()
        sampler.join()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return wall, peak, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000], help="corpus sizes (1000 10000 100000)")
    ap.add_argument("--claims", type=int, nargs="+", default=[10, 100], help="claim-set sizes (10 100 1000)")
    ap.add_argument("--jobs", type=int, default=0, help="--jobs for claimcheck (0: all cores)")
    ap.add_argument("--warm", action="store_true", help="also time a warm re-run with the cache")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    cache = Path(tempfile.mkdtemp(prefix="claimcheck-bench-cache-"))
    env = dict(os.environ, CLAIMCHECK_CACHE_DIR=str(cache))
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    mem = psutil.virtual_memory().total / 2**30
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, {mem:.1f} GB RAM, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    header = (
        f"| {'docs':>7} | {'MB':>6} | {'claims':>6} | {'run':<5} | {'wall s':>7} | {'docs/s':>7} | "
        f"{'MB/s':>5} | {'peak RSS MB':>11} | {'floor s':>7} | {'x floor':>7} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    try:
        for n_docs in args.docs:
            root = make_corpus(n_docs, args.seed)
            mb = corpus_bytes(root) / 1e6
            base = min(floor(root), floor(root))  # the second with the files in the page cache, as verify reads them
            for n_claims in args.claims:
                claims = make_claims(n_claims, args.seed)
                runs = [("cold", ["--no-cache"])]
                if args.warm:
                    shutil.rmtree(cache, ignore_errors=True)
                    runs = [("cold", []), ("warm", [])]
                for label, extra in runs:
                    wall, peak, _ = run_verify(claims, root, jobs + extra, env)
                    print(
                        f"| {n_docs:>7,} | {mb:>6.1f} | {n_claims:>6,} | {label:<5} | {wall:>7.2f} | "
                        f"{n_docs / wall:>7,.0f} | {mb / wall:>5.1f} | {peak / 2**20:>11,.0f} | {base:>7.2f} | "
                        f"{wall / base:>7.1f} |",
                        flush=True,
                    )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
