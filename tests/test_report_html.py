"""The HTML report read back with an HTML parser: the matrix says what the JSON says, every link
lands on an anchor, untrusted text cannot script the page, a large run stays small, and the page
works in a real browser (headless Chromium, where installed)."""

from __future__ import annotations

import io
import json
import os
import re
import struct
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chromium import Browser, find_chromium
from test_report_formats import sample_report
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.model import ClaimResult, Evidence, Relation, Report, SourceResult, SourceResults, Stance, Verdict
from claimcheck.report import html as html_report
from claimcheck.report import html_sources
from claimcheck.report.json import report_to_dict
from claimcheck.verify import verify

ROOT = Path(__file__).resolve().parents[1]
VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "area", "base", "col", "embed", "track"}
SYMBOLS = {"agree": "✓", "disagree": "✗", "mixed": "±", "silent": "–"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None) -> list[Node]:
        out = [self] if tag in (None, self.tag) else []
        for c in self.children:
            if isinstance(c, Node):
                out.extend(c.iter(tag))
        return out

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class TreeBuilder(HTMLParser):
    """A small DOM: enough to walk the page's elements and read their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.at = self.root
        self.raw_attrs: list[tuple[str, str, str | None]] = []  # (tag, name, value) as written

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.raw_attrs.extend((tag, k, v) for k, v in attrs)
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.raw_attrs.extend((tag, k, v) for k, v in attrs)
        self.at.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.at))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.at = node.parent

    def handle_data(self, data: str) -> None:
        self.at.children.append(data)


def parse(page: str) -> TreeBuilder:
    tree = TreeBuilder()
    tree.feed(page)
    tree.close()
    return tree


def page_of(report: Report, read: html_report.TextReader = html_report.read_text) -> str:
    out = io.StringIO()
    html_report.render(report, out, read)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeds() -> Report:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return verify(["rules"], ["seeds"], jobs=1, cache=False)
    finally:
        os.chdir(cwd)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def ids_of(tree: TreeBuilder) -> list[str]:
    return [n.attrs["id"] for n in tree.root.iter() if "id" in n.attrs]


def test_matrix_cells_match_the_json_verdicts(seeds: Report, at_root: None) -> None:
    data = report_to_dict(seeds)
    tree = parse(page_of(seeds))
    (table,) = [t for t in tree.root.iter("table") if t.attrs.get("id") == "matrix-table"]
    header = [th.attrs.get("title") for th in table.iter("thead")[0].iter("th")][2:]
    assert header == data["sources"]
    rows = table.iter("tbody")[0].iter("tr")
    assert len(rows) == len(data["claims"]) > 0
    cells = 0
    for row, claim in zip(rows, data["claims"], strict=True):
        assert row.iter("th")[0].iter("a")[0].text().startswith(claim["id"])
        roll_up, *per_source = row.iter("td")
        assert row.attrs["data-verdict"] == claim["verdict"]
        assert len(per_source) == len(claim["sources"])
        for td, source in zip([roll_up, *per_source], [claim, *claim["sources"]], strict=True):
            verdict = source["verdict"]
            # Colour (the class), symbol and word: each says the verdict on its own.
            assert f"v-{verdict}" in td.classes()
            assert td.text().split() == [SYMBOLS[verdict], verdict]
            cells += 1
    assert cells == sum(1 + len(c["sources"]) for c in data["claims"])
    assert {"disagree", "mixed"} & {s["verdict"] for c in data["claims"] for s in c["sources"]}, "seeds show no clash"


def test_every_link_lands_on_an_anchor_and_evidence_is_linked_both_ways(seeds: Report, at_root: None) -> None:
    tree = parse(page_of(seeds))
    ids = ids_of(tree)
    assert len(ids) == len(set(ids)), "duplicate ids"
    links = [a.attrs["href"] for a in tree.root.iter("a")]
    assert links and all(h.startswith("#") for h in links), "the page links only inside itself"
    missing = {h for h in links if h[1:] not in set(ids)}
    assert not missing
    items = [li for li in tree.root.iter("li") if "ev" in li.classes()]
    evidence = sum(len(s.evidence) for c in seeds.claims for s in c.found())
    assert len(items) == evidence > 0
    marks = {m.attrs["id"]: m for m in tree.root.iter("mark")}
    for li in items:
        (where,) = [a for a in li.iter("a") if a.attrs["href"][1:] in marks]  # claim -> passage
        mark = marks[where.attrs["href"][1:]]
        refs = mark.parent.children[mark.parent.children.index(mark) + 1]  # the links after the passage
        assert isinstance(refs, Node) and f"#{li.attrs['id']}" in [a.attrs["href"] for a in refs.iter("a")]
        quote = li.iter("blockquote")[0].text()
        assert quote in mark.text() or mark.text() in quote


def test_evidence_shows_sentence_location_figures_reason_and_stance() -> None:
    tree = parse(page_of(sample_report(), lambda path: None))
    (clash,) = [li for li in tree.root.iter("li") if "r-contradicts" in li.classes()]
    text = " ".join(clash.text().split())
    for part in ("Officials said flooding hit over 40 towns.", "docs/b.txt:3:5", "claim 38", "source over 40"):
        assert part in text
    assert "'over 40' excludes 38" in text and "reported" in text
    assert clash.iter("strong")[0].text() == "over 40"  # the figure compared, marked in the sentence
    (claim,) = [a for a in tree.root.iter("article") if "claim" in a.classes()]
    assert "38 [38, 38]" in " ".join(claim.text().split())  # the claim's figure as read, with its interval


def test_source_text_is_shown_whole_with_passages_marked(tmp_path: Path) -> None:
    text = "Headline\n\nRain fell all day.\nOfficials said flooding hit over 40 towns.\nRoads closed.\n"
    start = text.index("Officials")
    report = sample_report()
    clash = report.claims[0].sources[1].evidence[0]
    moved = Evidence(**{**{f: getattr(clash, f) for f in clash.__slots__}, "start": start, "end": start + 42})
    claim = report.claims[0]
    sources = (claim.sources[0], SourceResult("docs/b.txt", Verdict.DISAGREE, (moved,)))
    report = Report((ClaimResult(claim.id, claim.text, claim.verdict, sources),), report.sources)
    tree = parse(page_of(report, lambda path: text if path == "docs/b.txt" else None))
    (source,) = [a for a in tree.root.iter("article") if a.attrs.get("id") == "s-1"]
    (body,) = [d for d in source.iter("div") if "text" in d.classes()]
    assert body.text().startswith(text) or body.text().replace("✗ towns", "") == text
    (mark,) = body.iter("mark")
    assert mark.text() == "Officials said flooding hit over 40 towns." and "r-contradicts" in mark.classes()
    # A text that no longer holds the passage where it was found: the sentence alone, flagged.
    changed = page_of(report, lambda path: text.replace("Officials", "Reporters") if path == "docs/b.txt" else None)
    assert "has changed since the check" in changed


CRAFTED = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "' onmouseover='alert(3)",
    "</textarea></title></style><svg onload=alert(4)>",
    "javascript:alert(5)",
    '<a href="javascript:alert(6)">x</a>',
    "]]><!-- --><iframe srcdoc='<script>alert(7)</script>'>",
)


def _hostile_report() -> tuple[Report, str]:
    """Every text field the page shows, crafted to break out of its element or attribute."""
    bad = " ".join(CRAFTED)
    path = f"docs/{CRAFTED[1]}.txt"
    text = f"{bad}\nFlooding hit over 40 towns {bad}.\n"
    ev = Evidence(path, 2, 1, text[len(bad) + 1 : -1], Relation.CONTRADICTS, Stance.DENIED, bad, bad, bad, 1.0)
    ev = Evidence(**{**{f: getattr(ev, f) for f in ev.__slots__}, "start": len(bad) + 1, "end": len(text) - 1})
    results = (
        SourceResult(path, Verdict.DISAGREE, (ev,), accepted=bad),
        SourceResult(f"docs/{CRAFTED[0]}.html", Verdict.SILENT, error=bad),
        SourceResult(CRAFTED[4], Verdict.SILENT),
    )
    claim = ClaimResult(f"x{CRAFTED[2]}", f"38 towns {bad}", Verdict.DISAGREE, results, f"rules/{CRAFTED[3]}", 2)
    return Report((claim,), tuple(s.path for s in results), (bad,)), text


def test_untrusted_text_cannot_script_the_page() -> None:
    report, text = _hostile_report()
    page = page_of(report, lambda path: text if path == report.sources[0] else None)
    tree = parse(page)
    scripts = tree.root.iter("script")
    assert len(scripts) == 1 and scripts[0].text() == html_report._asset("report.js")
    assert not [n for n in tree.root.iter() if n.tag in ("img", "svg", "iframe", "textarea", "object", "embed")]
    assert not [(t, k) for t, k, _ in tree.raw_attrs if k.startswith("on") or k == "srcdoc"]
    assert not [v for _, k, v in tree.raw_attrs if k in ("href", "src", "action") and not (v or "").startswith("#")]
    assert len(tree.root.iter("style")) == 1
    assert "Could not be read" in tree.root.text()
    # The crafted text is shown, as text, where it belongs.
    shown = tree.root.text()
    for crafted in CRAFTED:
        assert crafted in shown
    # The Content-Security-Policy lets only the page's own script and style run.
    (csp,) = [
        m.attrs["content"] for m in tree.root.iter("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and csp.count("'sha256-") == 2


def test_crafted_rules_and_source_through_the_pipeline(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    claim = 'Flooding hit 38 towns <script>alert(1)</script> "><iframe onload=alert(2)>'
    rules.write_text(f"claims:\n  - id: towns\n    text: {json.dumps(claim)}\n", encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(
        "<script>alert(3)</script>\n"
        "Officials said flooding hit over 40 towns' onload='alert(4)' <img src=x onerror=alert(5)>.\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["verify", "-r", str(rules), "-s", str(source), "-f", "html", "-o", str(out), "--no-cache", "-j", "1"]
    )
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    tree = parse(out.read_text(encoding="utf-8"))
    assert len(tree.root.iter("script")) == 1 and not tree.root.iter("img") and not tree.root.iter("iframe")
    assert not [k for _, k, _ in tree.raw_attrs if k.startswith("on")]
    assert "<script>alert(3)</script>" in tree.root.text() and claim in tree.root.text()
    assert any("r-contradicts" in m.classes() for m in tree.root.iter("mark"))


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_output_writes_what_stdout_would(fmt: str, tmp_path: Path, at_root: None) -> None:
    out = tmp_path / f"report.{fmt}"
    to_file = CliRunner().invoke(app, ["verify", "-f", fmt, "-o", str(out), "--no-cache"], env={"NO_COLOR": "1"})
    to_stdout = CliRunner().invoke(app, ["verify", "-f", fmt, "--no-cache"], env={"NO_COLOR": "1"})
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == "" and out.read_text(encoding="utf-8") == to_stdout.stdout


def test_output_to_a_missing_folder_is_one_line_exit_2(tmp_path: Path, at_root: None) -> None:
    result = CliRunner().invoke(app, ["verify", "-f", "html", "-o", str(tmp_path / "no" / "such" / "r.html")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot write the report" in result.stderr
    assert "Traceback" not in result.output


def large_report(n_claims: int, n_sources: int, per_claim: int) -> Report:
    """``n_claims`` claims over ``n_sources`` sources held sparsely; each claim has ``per_claim`` sources
    that speak, the first of them disagreeing. Claim ``c``'s passage starts at ``LARGE_STEP * c``."""
    paths = tuple(f"corpus/{i:05d}.txt" for i in range(n_sources))
    claims = []
    for c in range(n_claims):
        found = {}
        for k in range(per_claim):
            s = (c * 7 + k * 131) % n_sources
            rel, verdict = (Relation.CONTRADICTS, Verdict.DISAGREE) if k == 0 else (Relation.SUPPORTS, Verdict.AGREE)
            sentence = large_sentence(c)
            ev = Evidence(paths[s], 1 + c, 1, sentence, rel, Stance.STATED, f"{c}", f"{c}", "a reason", 1.0)
            ev = Evidence(
                **{
                    **{f: getattr(ev, f) for f in ev.__slots__},
                    "start": LARGE_STEP * c,
                    "end": LARGE_STEP * c + len(sentence),
                }
            )
            found[s] = SourceResult(paths[s], verdict, (ev,))
        claims.append(ClaimResult(f"claim-{c}", f"Claim {c} says {c}", Verdict.MIXED, SourceResults(paths, found)))
    return Report(tuple(claims), paths)


LARGE_STEP = 60  # characters: one line of filler per claim


def large_sentence(c: int) -> str:
    return f"Sentence {c} gives the figure {c}."


def large_text(n_claims: int) -> str:
    """A source text holding every claim's passage where large_report says, filler between."""
    return "".join(large_sentence(c).ljust(LARGE_STEP - 1, ".") + "\n" for c in range(n_claims))


def test_a_thousand_claims_by_a_thousand_sources_stays_small() -> None:
    report = large_report(1000, 1000, 8)
    text = large_text(1000)
    started = time.monotonic()
    page = page_of(report, lambda path: text)
    took = time.monotonic() - started
    assert len(page.encode()) < 8_000_000, f"{len(page.encode()):,} bytes"
    assert took < 20, f"{took:.1f} s"
    tree = parse(page)
    (table,) = [t for t in tree.root.iter("table") if t.attrs.get("id") == "matrix-table"]
    assert len(table.iter("thead")[0].iter("th")) < 10  # counts, not a column per source
    assert table.attrs["data-page-rows"] == str(html_report.PAGE_ROWS)
    ids = set(ids_of(tree))
    assert all(a.attrs["href"][1:] in ids for a in tree.root.iter("a"))
    # Each claim shows the contradicting source first, and says what it leaves out.
    (first,) = [a for a in tree.root.iter("article") if a.attrs.get("id") == "c-0"]
    sections = [s for s in first.iter("section") if "src" in s.classes()]
    shown = html_report.sources_per_claim(1000)
    assert "v-disagree" in sections[0].classes() and len(sections) == shown < 8
    assert f"({8 - shown} agree)" in first.text()
    # Sources show their passages with a few lines of context, not whole texts.
    excerpts = [d for d in tree.root.iter("div") if "excerpt" in d.classes()]
    assert excerpts and not [d for d in tree.root.iter("details")]
    assert all(len(d.text()) < (2 * html_sources.CONTEXT_LINES + 2) * LARGE_STEP + 100 for d in excerpts)
    assert "has changed" not in page


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


CHROMIUM = find_chromium()
SCREENSHOT = ROOT / "docs" / "report.png"


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium, or set CLAIMCHECK_CHROMIUM)")
def test_the_seeds_report_in_a_browser(seeds: Report, tmp_path: Path, at_root: None) -> None:
    """Opens the seeds report in headless Chromium, checks the matrix shows and a contradicting cell
    leads to its evidence, and saves screenshots (to docs/ when CLAIMCHECK_SCREENSHOTS=1: the README's)."""
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    page.write_text(page_of(seeds), encoding="utf-8")
    save = ROOT / "docs" if os.environ.get("CLAIMCHECK_SCREENSHOTS") == "1" else tmp_path
    save.mkdir(exist_ok=True)
    with Browser(CHROMIUM, width=1200, height=860) as browser:
        browser.open(page.as_uri())
        matrix = browser.evaluate(
            "(() => { const t = document.getElementById('matrix-table'); const r = t.getBoundingClientRect();"
            " return {top: r.top, height: r.height, width: r.width, shown: getComputedStyle(t).visibility,"
            " filters: !document.getElementById('filters').hidden}; })()"
        )
        assert matrix["shown"] == "visible" and matrix["height"] > 100 and matrix["width"] > 400
        assert 0 <= matrix["top"] < 860, "the matrix is not in the first screen"
        assert matrix["filters"], "the script did not run (Content-Security-Policy?)"
        shot = browser.screenshot()
        assert _png_size(shot) == (1200, 860) and len(shot) > 20_000
        (save / "report.png").write_bytes(shot)
        # Click a contradicting cell as a person would: at its place on the screen.
        cell = browser.evaluate(
            "(() => { const a = document.querySelector('#matrix-table td.v-disagree a');"
            " const r = a.getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2, href: a.getAttribute('href')}; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            browser.call(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": cell["x"], "y": cell["y"], "button": "left", "clickCount": 1},
            )
        shown = None
        for _ in range(40):
            shown = browser.evaluate(
                "(() => { const t = document.getElementById(location.hash.slice(1));"
                " if (!t) return null; const r = t.getBoundingClientRect();"
                " const ev = t.querySelector('li.ev.r-contradicts');"
                " return {hash: location.hash, top: r.top, bottom: r.bottom, height: window.innerHeight,"
                " evidence: ev ? ev.innerText : '',"
                " visible: ev ? ev.getBoundingClientRect().top < window.innerHeight : false}; })()"
            )
            if shown and shown["hash"] == cell["href"] and shown["visible"]:
                break
            time.sleep(0.05)
        assert shown is not None and shown["hash"] == cell["href"]
        assert 0 <= shown["top"] < shown["height"] / 2, "the evidence did not scroll into view"
        assert "CONTRADICTS" in shown["evidence"].upper() and re.search(r":\d+:\d+", shown["evidence"])
        (save / "report-evidence.png").write_bytes(browser.screenshot())
        # The arrow keys move between cells of the matrix.
        browser.evaluate("document.querySelector('#m-0 th a').focus(); 1")
        for key in ("ArrowRight", "ArrowDown"):
            for kind in ("rawKeyDown", "keyUp"):
                browser.call("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": key})
        focused = (
            "(() => { const c = document.activeElement.closest('td, th');"
            " return [c.parentElement.id, c.cellIndex]; })()"
        )
        assert browser.evaluate(focused) == ["m-1", 1]
        # Dark scheme and print: other colours; controls hidden on paper.
        light = browser.evaluate("getComputedStyle(document.body).backgroundColor")
        browser.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        assert browser.evaluate("getComputedStyle(document.body).backgroundColor") != light
        browser.call("Emulation.setEmulatedMedia", {"media": "print"})
        assert browser.evaluate("getComputedStyle(document.getElementById('filters')).display") == "none"


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium, or set CLAIMCHECK_CHROMIUM)")
def test_a_large_report_loads_and_pages_in_a_browser(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    text = large_text(1000)
    page = tmp_path / "large.html"
    page.write_text(page_of(large_report(1000, 1000, 8), lambda path: text), encoding="utf-8")
    with Browser(CHROMIUM, width=1200, height=860) as browser:
        started = time.monotonic()
        browser.open(page.as_uri())
        took = time.monotonic() - started
        assert took < 10, f"the page took {took:.1f} s to load"
        rows = "document.querySelectorAll('#matrix-table tbody tr:not([hidden])')"
        assert browser.evaluate(f"{rows}.length") == html_report.PAGE_ROWS
        assert browser.evaluate("document.getElementById('page-info').textContent") == "claims 1–50 of 1000"
        browser.evaluate("document.getElementById('next').click(); 1")
        assert browser.evaluate(f"{rows}[0].id") == "m-50"
        # A link to a claim on another page of the matrix, or filtered out, still reaches it.
        browser.evaluate(
            "document.getElementById('one-claim').value = '3';"
            " document.getElementById('one-claim').dispatchEvent(new Event('change')); 1"
        )
        assert browser.evaluate("document.querySelectorAll('article.claim:not([hidden])').length") == 1
        browser.evaluate("location.hash = '#m-900'; 1")
        for _ in range(40):
            if browser.evaluate("!document.getElementById('m-900').hidden"):
                break
            time.sleep(0.05)
        assert browser.evaluate(
            "!document.getElementById('m-900').hidden && document.getElementById('one-claim').value === ''"
        )
