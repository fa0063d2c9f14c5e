"""Properties over arbitrary text (hypothesis): the number reader and the pipeline never raise, every
span lies inside the text and quotes it, line and column point at it, and results are deterministic
whatever the order of the sources. Examples are bounded so the file runs in a few seconds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.facts import analyze_text
from claimcheck.model import Claim
from claimcheck.quantities import extract_quantities
from claimcheck.segment import LineIndex, one_line, segment, split_sentences
from claimcheck.verify import verify

# Arbitrary Unicode, plus pieces that make the reader and the matcher work: figures, hedges,
# ranges, units, sentence ends, and the words of the claims below.
FRAGMENTS = [
    "38",
    "1,386",
    "2.5",
    "½",
    "about ",
    "more than ",
    "nearly ",
    " to ",
    "-",
    "–",
    "%",
    " million",
    "$",
    "£18m",
    " km",
    "nine",
    "hundred",
    " towns",
    " people",
    " arrested",
    " detained",
    "Flooding hit ",
    "Police ",
    " in ",
    " cities",
    ". ",
    "! ",
    "? ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "Mr. ",
    "U.S. ",
    "“",
    "”",
    "'",
    "(",
    ")",
    "<p>",
    "&amp;",
    "\u2028",
    "é",
    "١٢",
]
TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=30).map("".join)
CLAIMS = [
    Claim("towns", "Flooding hit 38 towns"),
    Claim("arrests", "1,386 arrested in 38 cities"),
    Claim("fee", "Harbour City paid £18m for Kessler"),
    Claim("nine", "nine journalists were detained"),
]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def at(text: str, line: int, column: int) -> str:
    """The text from 1-based (line, column) on, lines being split at "\\n" as LineIndex does."""
    lines = text.split("\n")
    return "\n".join([lines[line - 1][column - 1 :], *lines[line:]])


@FAST
@given(TEXT)
def test_quantities_lie_inside_the_text_and_quote_it(text: str) -> None:
    found = extract_quantities(text)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.lo is None or q.hi is None or q.lo <= q.hi
    assert extract_quantities(text) == found


@FAST
@given(TEXT)
def test_sentences_are_ordered_trimmed_slices(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[s:e] for s, e in split_sentences(text))
    assert "".join(covered.split()) == "".join(text.split())  # no word is lost between sentences


@FAST
@given(TEXT)
def test_line_and_column_point_at_the_passage(text: str) -> None:
    lines = LineIndex(text)
    for p in segment(text, lines):
        assert p.text == text[p.start : p.end]
        assert (p.line, p.column) == lines.locate(p.start)
        assert at(text, p.line, p.column).startswith(p.text)


@FAST
@given(TEXT)
def test_analysis_never_raises_and_is_deterministic(text: str) -> None:
    facts = analyze_text("t.txt", text)
    for pf in facts.passages:
        p = pf.passage
        assert text[p.start : p.end] == p.text
        for t in pf.tokens:
            assert p.start <= t.start < t.end <= p.end
            assert text[t.start : t.end] == t.text
        for f in pf.frames:
            q = f.quantity
            assert p.start <= q.start < q.end <= p.end
            assert text[q.start : q.end] == q.text
    assert analyze_text("t.txt", text) == facts


def _verdicts(paths: list[str]) -> dict[tuple[str, str], tuple[object, ...]]:
    report = verify(CLAIMS, paths, keep_going=True)
    assert sorted(report.sources) == sorted(paths)
    return {(c.id, s.path): (s.verdict, s.error, s.evidence) for c in report.claims for s in c.sources}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_verify_on_files_locates_evidence_and_ignores_source_order(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp, f"s{i}.txt")
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            paths.append(str(path))
        forward = _verdicts(paths)
        assert _verdicts(paths[::-1]) == forward
        for (_, path), (_, error, evidence) in forward.items():
            data = Path(path).read_bytes()
            if error:  # only what cannot be text may fail: blank, binary, or not UTF-8
                assert not data.strip() or "binary" in error or "not UTF-8" in error, error
                continue
            text = data.decode("utf-8-sig")
            for e in evidence:
                assert 0 <= e.start < e.end <= len(text)
                assert e.text == one_line(text[e.start : e.end])
                assert at(text, e.line, e.column).startswith(text[e.start : e.end])
