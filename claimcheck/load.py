"""Stage 1, load: rule files -> Claims (validated, with file:line for every error) and source paths
-> Sources (strict UTF-8 or a named encoding, binary refused, HTML reduced to its text with offsets
kept so evidence is located in the original file).
"""

from __future__ import annotations

import difflib
import glob
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .errors import ClaimcheckError
from .model import Claim, Source

RULE_KEYS = ("id", "text", "aliases", "tolerance", "note", "mode", "accept")
MODES = ("auto", "figures", "statement")
RULE_SUFFIXES = (".yaml", ".yml")
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
HTML_SUFFIXES = (".html", ".htm")
MAX_RULES_BYTES = 5 * 1024 * 1024  # a rules file larger than this is refused: rules are written by people
MAX_YAML_ALIASES = 100  # YAML anchors/aliases beyond this are refused ("billion laughs")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source to read: its display path, or ``-`` for standard input."""

    path: str


def _suggest(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(known)}"


def _expand(paths: Sequence[str], suffixes: tuple[str, ...], what: str) -> list[str]:
    """Files named by ``paths``: files as given, folders searched recursively for ``suffixes``,
    globs expanded. A missing path, or a folder or glob with no such file, is an error."""
    out: list[str] = []
    for raw in paths:
        if raw == STDIN:
            out.append(STDIN)
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                str(Path(root) / name)
                for root, dirs, names in os.walk(p, followlinks=False)
                for name in names
                if name.lower().endswith(suffixes) and not name.startswith(".")
            )
            if not found:
                raise ClaimcheckError(f"folder holds no {what} files ({', '.join(suffixes)})", raw,
                                      hint=f"point at a folder or file with {what}")
            out.extend(found)
        elif p.exists():
            out.append(raw)
        elif glob.has_magic(raw):
            matches = sorted(m for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                raise ClaimcheckError("pattern matches no file", raw, hint="check the pattern, or quote it")
            out.extend(matches)
        else:
            raise ClaimcheckError("no such file or folder", raw, hint="check the path")
    return list(dict.fromkeys(out))


# Rules ----------------------------------------------------------------------------------------


class _BoundedLoader(yaml.SafeLoader):
    """A safe loader (no object construction) that refuses alias bombs."""

    aliases_seen = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401 - yaml's own signature
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_YAML_ALIASES:
                mark = self.peek_event().start_mark
                raise ClaimcheckError(
                    f"more than {MAX_YAML_ALIASES} YAML aliases", self.name, mark.line + 1, mark.column + 1,
                    hint="rules files do not need anchors and aliases; write the claims out",
                )
        return super().compose_node(parent, index)


def _read_yaml(path: str) -> yaml.Node | None:
    try:
        size = os.path.getsize(path)
        if size > MAX_RULES_BYTES:
            raise ClaimcheckError(f"rules file is {size:,} bytes, over the {MAX_RULES_BYTES:,}-byte limit", path,
                                  hint="split it into several files")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ClaimcheckError(f"cannot read rules file: {exc.strerror}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ClaimcheckError("rules file is not UTF-8", path, line, hint="save it as UTF-8") from None
    loader = _BoundedLoader(text)
    loader.name = path
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "YAML syntax error"
        raise ClaimcheckError(f"YAML syntax error: {problem}", path, mark.line + 1 if mark else 0,
                              mark.column + 1 if mark else 0, hint="fix the YAML at that place") from None
    except yaml.YAMLError as exc:
        raise ClaimcheckError(f"YAML error: {exc}", path) from None
    finally:
        loader.dispose()


def _where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.Node, path: str, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ClaimcheckError(f"{key!r} must be a single value", path, *_where(node))
    return str(node.value)


def load_rules(paths: Sequence[str]) -> list[Claim]:
    """Claims from rule files and folders of them. Unknown keys, duplicate ids, empty text and YAML
    errors raise ClaimcheckError naming the file and line."""
    claims: list[Claim] = []
    seen: dict[str, Claim] = {}
    for path in _expand(paths, RULE_SUFFIXES, "rules (.yaml)"):
        if path == STDIN:
            raise ClaimcheckError("rules cannot be read from standard input", STDIN, hint="name a file")
        for claim in _claims_of(path):
            if claim.id in seen:
                first = seen[claim.id]
                raise ClaimcheckError(f"duplicate claim id {claim.id!r} (first at {first.path}:{first.line})",
                                      claim.path, claim.line, hint="give every claim its own id")
            seen[claim.id] = claim
            claims.append(claim)
    return claims


def _claims_of(path: str) -> Iterator[Claim]:
    root = _read_yaml(path)
    if root is None:
        raise ClaimcheckError("rules file is empty", path, 1, hint="write 'claims:' and a list of claims")
    if not isinstance(root, yaml.MappingNode):
        raise ClaimcheckError("rules file must be a mapping with a 'claims' list", path, *_where(root),
                              hint="start the file with 'claims:'")
    claims_node = None
    for key_node, value in root.value:
        key = str(key_node.value)
        if key == "claims":
            claims_node = value
        else:
            raise ClaimcheckError(f"unknown top-level key {key!r}", path, *_where(key_node),
                                  hint="a rules file has only 'claims:'")
    if claims_node is None:
        raise ClaimcheckError("rules file has no 'claims' list", path, 1, hint="start the file with 'claims:'")
    if not isinstance(claims_node, yaml.SequenceNode):
        raise ClaimcheckError("'claims' must be a list", path, *_where(claims_node),
                              hint="write each claim as '- id: ...' under 'claims:'")
    for item in claims_node.value:
        yield _claim(item, path)


def _claim(node: yaml.Node, path: str) -> Claim:
    line, column = _where(node)
    if not isinstance(node, yaml.MappingNode):
        raise ClaimcheckError("each claim must be a mapping with 'id' and 'text'", path, line, column)
    fields: dict[str, yaml.Node] = {}
    for key_node, value in node.value:
        key = str(key_node.value)
        if key not in RULE_KEYS:
            raise ClaimcheckError(f"unknown key {key!r}", path, *_where(key_node), hint=_suggest(key, RULE_KEYS))
        if key in fields:
            raise ClaimcheckError(f"key {key!r} given twice", path, *_where(key_node))
        fields[key] = value
    for required in ("id", "text"):
        if required not in fields:
            raise ClaimcheckError(f"claim has no {required!r}", path, line, column,
                                  hint="every claim needs 'id' and 'text'")
    cid = _scalar(fields["id"], path, "id").strip()
    if not cid:
        raise ClaimcheckError("claim id is empty", path, *_where(fields["id"]))
    text = _scalar(fields["text"], path, "text").strip()
    if not text:
        raise ClaimcheckError(f"claim {cid!r} has empty text", path, *_where(fields["text"]),
                              hint="write the claim, e.g. '1,386 arrested in 38 cities'")
    aliases = _aliases(fields.get("aliases"), path)
    tolerance = 0.0
    if "tolerance" in fields:
        raw = _scalar(fields["tolerance"], path, "tolerance").strip()
        try:
            tolerance = float(raw.rstrip("%")) / (100 if raw.endswith("%") else 1)
        except ValueError:
            tolerance = -1.0
        if not 0 <= tolerance < 1:
            raise ClaimcheckError(f"tolerance {raw!r} is not a share between 0 and 1", path,
                                  *_where(fields["tolerance"]), hint="e.g. 'tolerance: 0.05' or '5%'")
    mode = _scalar(fields["mode"], path, "mode").strip() if "mode" in fields else "auto"
    if mode not in MODES:
        raise ClaimcheckError(f"mode {mode!r} is not one of {', '.join(MODES)}", path, *_where(fields["mode"]),
                              hint=_suggest(mode, MODES))
    note = _scalar(fields["note"], path, "note") if "note" in fields else ""
    accept = _accept(fields.get("accept"), path)
    return Claim(cid, text, path, line, aliases, tolerance, note, mode, accept)


def _aliases(node: yaml.Node | None, path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``aliases: {arrested: [detained, "taken into custody"]}``: words that count as a claim word."""
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        raise ClaimcheckError("'aliases' must map a word of the claim to a list of words", path, *_where(node),
                              hint="e.g. 'aliases: {arrested: [detained, held]}'")
    out = []
    for key_node, value in node.value:
        if isinstance(value, yaml.ScalarNode):
            words = (str(value.value),)
        elif isinstance(value, yaml.SequenceNode) and all(isinstance(v, yaml.ScalarNode) for v in value.value):
            words = tuple(str(v.value) for v in value.value)
        else:
            raise ClaimcheckError(f"aliases of {key_node.value!r} must be a list of words", path, *_where(value))
        out.append((str(key_node.value), words))
    return tuple(out)


def _accept(node: yaml.Node | None, path: str) -> tuple[tuple[str, str], ...]:
    """``accept: [{source: seeds/x.txt, reason: "..."}]``: known, explained disagreements."""
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise ClaimcheckError("'accept' must be a list of {source, reason}", path, *_where(node))
    out = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise ClaimcheckError("each 'accept' entry needs 'source' and 'reason'", path, *_where(item))
        entry = {str(k.value): v for k, v in item.value}
        for key in entry:
            if key not in ("source", "reason"):
                raise ClaimcheckError(f"unknown key {key!r} in 'accept'", path, *_where(item),
                                      hint=_suggest(key, ("source", "reason")))
        if "source" not in entry or "reason" not in entry:
            raise ClaimcheckError("each 'accept' entry needs 'source' and 'reason'", path, *_where(item),
                                  hint="say which source and why its disagreement is accepted")
        reason = _scalar(entry["reason"], path, "reason").strip()
        if not reason:
            raise ClaimcheckError("an accepted disagreement needs a reason", path, *_where(entry["reason"]))
        out.append((_scalar(entry["source"], path, "source"), reason))
    return tuple(out)


# Sources --------------------------------------------------------------------------------------


def source_paths(paths: Sequence[str]) -> list[str]:
    """The source files named by paths, folders and globs, in a stable order; ``-`` is stdin."""
    return _expand(paths, SOURCE_SUFFIXES, "source")


def _looks_like(data: bytes) -> str:
    """A guess at the encoding of bytes that are not UTF-8, for the error message."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        if best is not None:
            return str(best.encoding)
    except ImportError:  # pragma: no cover - charset_normalizer ships with most installs but is optional
        pass
    return "cp1252"


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Text of a source's bytes: strict UTF-8 (or ``encoding``); NUL bytes mean binary."""
    if not data.strip():
        raise ClaimcheckError("source is empty", path, hint="remove it or give it text")
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise ClaimcheckError("source is binary (it holds NUL bytes)", path,
                              hint="convert it to text first (e.g. pdftotext) or leave it out")
    try:
        return data.decode(encoding or "utf-8-sig")
    except LookupError:
        raise ClaimcheckError(f"unknown encoding {encoding!r}", path, hint="e.g. --encoding cp1252") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = _looks_like(data)
        raise ClaimcheckError(f"source is not {encoding or 'UTF-8'} text; it looks like {guess}", path, line, column,
                              hint=f"read it with --encoding {guess}") from None


class _HTMLText(HTMLParser):
    """HTML -> text, keeping for each text character its offset in the original document."""

    SKIP = frozenset({"script", "style", "template", "noscript", "head", "svg"})
    BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                       "blockquote", "pre", "td", "th", "title", "ul", "ol", "header", "footer", "figcaption"})

    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.line_starts = [0] + [i + 1 for i, c in enumerate(original) if c == "\n"]
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.skip = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, at: int, step: bool = True) -> None:
        self.parts.append(text)
        self.offsets.extend(at + (i if step else 0) for i in range(len(text)))

    def handle_starttag(self, tag: str, attrs: Any) -> None:  # noqa: ANN401 - HTMLParser's signature
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK and not self.skip:
            self._emit("\n", self._pos(), step=False)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK and not self.skip:
            self._emit("\n", self._pos(), step=False)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._emit(data, self._pos())

    def _ref(self, text: str, raw_len: int) -> None:
        if not self.skip:
            at = self._pos()
            self.parts.append(text)
            self.offsets.extend([at] * len(text))

    def handle_entityref(self, name: str) -> None:
        import html

        self._ref(html.unescape(f"&{name};"), len(name) + 2)

    def handle_charref(self, name: str) -> None:
        import html

        self._ref(html.unescape(f"&#{name};"), len(name) + 3)


def html_to_text(original: str) -> tuple[str, tuple[int, ...]]:
    """The visible text of an HTML document and, per text character, its offset in ``original``."""
    parser = _HTMLText(original)
    parser.feed(original)
    parser.close()
    return "".join(parser.parts), tuple(parser.offsets)


def read_source(path: str, encoding: str | None = None) -> Source:
    """One source, read and decoded; HTML reduced to text with offsets kept."""
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as exc:
        raise ClaimcheckError(f"cannot read source: {exc.strerror}", path, hint="check its permissions") from None
    text = decode(data, path, encoding)
    if path.lower().endswith(HTML_SUFFIXES):
        plain, offsets = html_to_text(text)
        if not plain.strip():
            raise ClaimcheckError("HTML source has no visible text", path)
        return Source(path, plain, text, offsets)
    return Source(path, text)


def load_sources(paths: Sequence[str], encoding: str | None = None) -> Iterator[Source]:
    """Sources named by ``paths``, read one at a time (so memory holds one document, not the corpus)."""
    for path in source_paths(paths):
        yield read_source(path, encoding)
