"""Micro-benchmark of the number reader: extraction throughput in MB/s on a generated news-like corpus.

Not a test. Run: python bench/bench_quantities.py [--mb 4] [--seed 7] [--against REV [--rounds 5]]

With ``--against REV`` it times the reader of git revision REV (copied from ``git archive`` into a
temporary package, ``claimcheck_against``) and this tree's, side by side in one process: each round
reads every chunk of the corpus with both, in turns, so that a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from claimcheck.quantities import extract_quantities

SUBJECTS = ["Police", "The ministry", "Officials", "Organisers", "The agency", "Witnesses", "The company"]
VERBS = ["said", "reported", "estimated", "confirmed", "told reporters", "announced"]
NOUNS = ["people", "protesters", "soldiers", "cities", "homes", "journalists", "reservists", "flights"]
PLACES = ["in Moscow", "across the country", "in 38 regions", "near the border", "in the capital"]
FIGURES = [
    "{n:,}",
    "more than {n:,}",
    "about {n}",
    "nearly {n:,}",
    "up to {m} million",
    "between {a} and {b}",
    "{p}%",
    "${m}.{d}bn",
    "£{n:,}",
    "{w}",
    "a dozen",
    "tens of thousands of",
    "{p} per cent",
    "at least {n}",
]
WORDS = ["nine", "twenty-one", "three hundred", "two thirds of", "half of the", "one in four"]
FILLER = [
    "The statement came after days of talks.",
    "It was not immediately clear who was responsible.",
    "The decision drew criticism from opposition groups on Monday.",
    "A spokesman declined to comment further on the report.",
    "The Su-57 and F-16 flew over the city at 8 a.m. on February 24, 2022.",
    "Prices rose in 2019 and fell in the 17th week, the COVID-19 report said.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return rng.choice(FILLER)
    a = rng.randint(10, 500)
    fig = rng.choice(FIGURES).format(
        n=rng.randint(2, 90000),
        m=rng.randint(1, 9),
        d=rng.randint(0, 9),
        p=rng.randint(1, 99),
        a=a,
        b=a + rng.randint(10, 500),
        w=rng.choice(WORDS),
    )
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {fig} {rng.choice(NOUNS)} {rng.choice(PLACES)}."


def corpus(megabytes: float, seed: int) -> list[str]:
    """Paragraphs of about 600 characters, ``megabytes`` MB in all."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        para = " ".join(sentence(rng) for _ in range(6))
        paragraphs.append(para)
        size += len(para.encode("utf-8"))
    return paragraphs


Reader = Callable[[str], list[object]]


def reader_at(rev: str, tmp: Path) -> Reader:
    """``extract_quantities`` of git revision ``rev``, imported as the package ``claimcheck_against``."""
    archive = subprocess.run(["git", "archive", rev, "claimcheck"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp, filter="data")
    package = tmp / "claimcheck_against"
    (tmp / "claimcheck").rename(package)
    for module in package.rglob("*.py"):  # its own lexicon, not this tree's
        code = module.read_text(encoding="utf-8")
        module.write_text(code.replace('files("claimcheck")', 'files("claimcheck_against")'), encoding="utf-8")
    sys.path.insert(0, str(tmp))
    from claimcheck_against.quantities import extract_quantities as theirs  # type: ignore[import-not-found]

    reader: Reader = theirs
    return reader


def side_by_side(rev: str, paragraphs: list[str], rounds: int) -> None:
    """Both readers over the same chunks in turns; the best round of each, and the ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        readers: dict[str, Reader] = {rev: reader_at(rev, Path(tmp)), "this tree": extract_quantities}
        chunks = [paragraphs[k : k + 200] for k in range(0, len(paragraphs), 200)]
        best = dict.fromkeys(readers, float("inf"))
        found = dict.fromkeys(readers, 0)
        for reader in readers.values():
            reader("warm up: 3 lexicons, 12 patterns")
        for _ in range(rounds):
            spent = dict.fromkeys(readers, 0.0)
            for chunk in chunks:
                for name, reader in readers.items():
                    t0 = time.perf_counter()
                    found[name] = sum(len(reader(p)) for p in chunk)
                    spent[name] += time.perf_counter() - t0
            best = {name: min(best[name], spent[name]) for name in readers}
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    for name, seconds in best.items():
        print(f"{name}: {size / 1e6 / seconds:.2f} MB/s (best of {rounds} rounds: {seconds:.3f} s)")
    print(f"this tree / {rev}: {best[rev] / best['this tree']:.3f}x the speed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--against", metavar="REV", help="also time git revision REV's reader, in turns with this one")
    ap.add_argument("--rounds", type=int, default=5, help="rounds with --against (default 5)")
    args = ap.parse_args()
    paragraphs = corpus(args.mb, args.seed)
    if args.against:
        side_by_side(args.against, paragraphs, args.rounds)
        return
    extract_quantities("warm up: 3 lexicons, 12 patterns")
    report("news-like", paragraphs)
    # The prefilter case: prose with no digit and no number word should cost almost nothing.
    rng = random.Random(args.seed)
    plain = [" ".join(rng.choice(FILLER[:4]) for _ in range(8)) for _ in range(len(paragraphs))]
    report("no numbers", plain)


def report(name: str, paragraphs: list[str]) -> None:
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    t0 = time.perf_counter()
    found = sum(len(extract_quantities(p)) for p in paragraphs)
    elapsed = time.perf_counter() - t0
    print(
        f"{name}: {size / 1e6:.1f} MB, {len(paragraphs)} paragraphs, {found} quantities in {elapsed:.2f} s: "
        f"{size / 1e6 / elapsed:.2f} MB/s ({found / elapsed:,.0f} quantities/s)"
    )


if __name__ == "__main__":
    main()
