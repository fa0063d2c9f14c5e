"""End-to-end benchmark of ``claimcheck verify``: wall time, documents/s, MB/s and peak RSS on
generated news-like corpora, beside the floor (read every file + one digit regex) in the same run.

Not a test. Run the small sizes while developing, the big ones before a release:

    python bench/bench_verify.py --docs 1000 --claims 10 100          # ~a minute
    python bench/bench_verify.py --docs 10000 --claims 100 --warm      # cold and warm cache
    python bench/bench_verify.py --docs 1000 10000 100000 --claims 10 100 1000
    python bench/bench_verify.py --workload own sentences                # both claim workloads
    python bench/bench_verify.py --docs 10000 --claims 100 --workload own sentences --against HEAD~1

With ``--against REV`` every cold run is made by git revision REV's code as well as this tree's (REV
unpacked with ``git archive`` into a temporary folder, run with ``PYTHONPATH`` pointing at it), in
turns, ``--rounds`` times each on the same corpus and claims; the table gives each run and a last
line per row the ratio of the medians: the speed of a change, measured side by side in one run.

Two workloads: ``own``, short claims built from the generator's facts ("49,212 residents were evacuated
in Tollan"), and ``sentences``, whole sentences of the corpus as claims, the way a user pastes them from
an article (40-160 characters holding a digit; every third with its first figure n changed to 2n+1, so
that it should disagree somewhere). Corpora and claim sets are deterministic (``--seed``) and written
once under ``bench/out/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
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


SENTENCE_CHARS = (40, 160)  # the claim sentences' length range, in characters
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
FIRST_FIGURE = re.compile(r"\d[\d,]*")


def _changed(sentence: str) -> str:
    """The sentence with its first figure n written as 2n+1 (thousands separators kept)."""
    m = FIRST_FIGURE.search(sentence)
    assert m is not None
    figure = m.group().rstrip(",")
    n = 2 * int(figure.replace(",", "")) + 1
    new = f"{n:,}" if "," in figure else str(n)
    return sentence[: m.start()] + new + sentence[m.start() + len(figure) :]


def make_sentence_claims(n_claims: int, root: Path, seed: int) -> Path:
    """``n_claims`` claims that are whole sentences of the corpus at ``root`` (sampled with the seed),
    every third with its first figure changed, as a rules file of ids and texts only."""
    path = OUT / f"sentences-{n_claims}-{root.name}.yaml"
    if path.exists():
        return path
    found = set()
    for file in sorted(root.rglob("*.txt")):
        for paragraph in file.read_text(encoding="utf-8").split("\n\n"):
            for sentence in SENTENCE_END.split(paragraph.strip()):
                if SENTENCE_CHARS[0] <= len(sentence) <= SENTENCE_CHARS[1] and FIRST_FIGURE.search(sentence):
                    found.add(sentence)
    rng = random.Random(seed + 2)
    picked = rng.sample(sorted(found), min(n_claims, len(found)))
    out = ["claims:"]
    for i, sentence in enumerate(picked):
        text = _changed(sentence) if i % 3 == 2 else sentence
        out.append(f"  - id: s{i:05d}\n    text: {json.dumps(text)}")  # a JSON string is a YAML scalar
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


def unpack(rev: str) -> Path:
    """Git revision ``rev``'s ``claimcheck`` package, unpacked into a temporary folder (for PYTHONPATH)."""
    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-bench-rev-"))
    archive = subprocess.run(["git", "archive", rev, "claimcheck"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    return tmp


def side_by_side(args: argparse.Namespace, env: dict[str, str]) -> None:
    """Cold runs of REV's code and this tree's in turns, with each run's row and the medians' ratio."""
    here = str(Path(__file__).resolve().parents[1])
    theirs = unpack(args.against)
    trees = {args.against: str(theirs), "this": here}
    print(
        f"| {'workload':<9} | {'docs':>7} | {'claims':>6} | {'code':<10} | {'round':>5} | "
        f"{'wall s':>7} | {'peak RSS MB':>11} |"
    )
    print("|-----------|---------|--------|------------|-------|---------|-------------|")
    try:
        for n_docs in args.docs:
            root = make_corpus(n_docs, args.seed)
            for workload in args.workload:
                for n_claims in args.claims:
                    claims = claims_for(workload, n_claims, root, args.seed)
                    walls: dict[str, list[float]] = {name: [] for name in trees}
                    for r in range(args.rounds):
                        for name, tree in trees.items():
                            wall, peak, _ = run_verify(
                                claims, root, ["--no-cache"], dict(env, PYTHONPATH=tree), cwd=str(theirs.parent)
                            )
                            walls[name].append(wall)
                            print(
                                f"| {workload:<9} | {n_docs:>7,} | {n_claims:>6,} | {name[:10]:<10} | {r + 1:>5} | "
                                f"{wall:>7.2f} | {peak / 2**20:>11,.0f} |",
                                flush=True,
                            )
                    old, new = (sorted(w)[len(w) // 2] for w in walls.values())
                    print(
                        f"{workload}, {n_docs:,} docs x {n_claims:,} claims: this tree {new / old:.2f}x "
                        f"{args.against} (medians {new:.2f} s / {old:.2f} s)"
                    )
    finally:
        shutil.rmtree(theirs, ignore_errors=True)


def run_verify(
    claims: Path, root: Path, extra: list[str], env: dict[str, str], cwd: str | None = None
) -> tuple[float, int, int]:
    """(wall seconds, peak RSS bytes of the process tree, exit code) of one ``claimcheck verify``,
    run in ``cwd`` (``python -m`` puts its working folder first on the path: with PYTHONPATH naming
    the code to run, it must be a folder without a ``claimcheck`` package)."""
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
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=subprocess.PIPE, env=env, cwd=cwd)
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


WORKLOADS = ("own", "sentences")
DEFAULT_SEED = 7


def claims_for(workload: str, n_claims: int, root: Path, seed: int) -> Path:
    return make_claims(n_claims, seed) if workload == "own" else make_sentence_claims(n_claims, root, seed)


def ratios(walls: dict[tuple[str, int, int], float]) -> list[str]:
    """Lines "1,000 claims cost X.XXx what 10 cost", per workload and corpus, from the cold runs."""
    lines = []
    for workload, n_docs in dict.fromkeys((w, d) for w, d, _ in walls):
        sizes = sorted(c for w, d, c in walls if (w, d) == (workload, n_docs))
        if len(sizes) > 1:
            few, many = walls[workload, n_docs, sizes[0]], walls[workload, n_docs, sizes[-1]]
            lines.append(
                f"# {workload}, {n_docs:,} docs: {sizes[-1]:,} claims cost {many / few:.2f}x what {sizes[0]:,} cost"
            )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000], help="corpus sizes (1000 10000 100000)")
    ap.add_argument("--claims", type=int, nargs="+", default=[10, 100], help="claim-set sizes (10 100 1000)")
    ap.add_argument("--workload", nargs="+", choices=WORKLOADS, default=["own"], help="claim sets (own sentences)")
    ap.add_argument("--jobs", type=int, default=0, help="--jobs for claimcheck (0: all cores)")
    ap.add_argument("--warm", action="store_true", help="also time a warm re-run with the cache")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--against", metavar="REV", help="also time git revision REV's code, in turns with this tree's")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each code with --against (default 3)")
    args = ap.parse_args()

    cache = Path(tempfile.mkdtemp(prefix="claimcheck-bench-cache-"))
    env = dict(os.environ, CLAIMCHECK_CACHE_DIR=str(cache))
    if args.against:
        try:
            side_by_side(args, env)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        return 0
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    mem = psutil.virtual_memory().total / 2**30
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, {mem:.1f} GB RAM, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    header = (
        f"| {'workload':<9} | {'docs':>7} | {'MB':>6} | {'claims':>6} | {'run':<5} | {'wall s':>7} | {'docs/s':>7} | "
        f"{'MB/s':>5} | {'peak RSS MB':>11} | {'floor s':>7} | {'x floor':>7} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    walls: dict[tuple[str, int, int], float] = {}
    try:
        for n_docs in args.docs:
            root = make_corpus(n_docs, args.seed)
            mb = corpus_bytes(root) / 1e6
            base = min(floor(root), floor(root))  # the second with the files in the page cache, as verify reads them
            for workload in args.workload:
                for n_claims in args.claims:
                    claims = claims_for(workload, n_claims, root, args.seed)
                    runs = [("cold", ["--no-cache"])]
                    if args.warm:
                        shutil.rmtree(cache, ignore_errors=True)
                        runs = [("cold", []), ("warm", [])]
                    for label, extra in runs:
                        wall, peak, _ = run_verify(claims, root, jobs + extra, env)
                        if label == "cold":
                            walls[workload, n_docs, n_claims] = wall
                        print(
                            f"| {workload:<9} | {n_docs:>7,} | {mb:>6.1f} | {n_claims:>6,} | {label:<5} | "
                            f"{wall:>7.2f} | {n_docs / wall:>7,.0f} | {mb / wall:>5.1f} | {peak / 2**20:>11,.0f} | "
                            f"{base:>7.2f} | {wall / base:>7.1f} |",
                            flush=True,
                        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    for line in ratios(walls):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
