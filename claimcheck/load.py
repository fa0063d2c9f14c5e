"""Stage 1, load: rule files -> Claims (validated, with file:line for every error) and source paths
-> Sources (strict UTF-8 or a named encoding, binary refused, HTML reduced to its text with offsets
kept so evidence is located in the original file, PDF and Word read by documents.py).
"""

from __future__ import annotations

import codecs
import difflib
import glob
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .concepts import Concepts, with_concepts
from .errors import ClaimcheckError
from .htmltext import html_to_text
from .model import STDIN_NAME, Claim, Source

RULE_KEYS = ("id", "text", "aliases", "tolerance", "note", "mode", "accept")
TOP_KEYS = ("claims", "concepts")
MODES = ("auto", "figures", "statement")
RULE_SUFFIXES = (".yaml", ".yml")
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text", ".pdf", ".docx")
HTML_SUFFIXES = (".html", ".htm")
MAX_RULES_BYTES = 5 * 1024 * 1024  # a rules file larger than this is refused: rules are written by people
MAX_YAML_ALIASES = 100  # YAML anchors/aliases beyond this are refused ("billion laughs")
STDIN = "-"
COMMON_ENCODINGS = (
    "cp1252",
    "latin-1",
    "utf-16",
    "cp1251",
    "cp1250",
    "shift_jis",
    "gb18030",
    "big5",
    "euc-kr",
    "iso-8859-15",
    "mac-roman",
    "koi8-r",
    "utf-8",
)
SNIFF_BYTES = 65_536  # how much of a file the binary and encoding guesses look at
# Files that are not text, by their first bytes: what they are and how to get text out of them.
# read_source reads PDF and Word documents (a ZIP holding word/document.xml) before this list is
# consulted; it names them for text read otherwise.
SIGNATURES = (
    (b"%PDF-", "a PDF document", "give it as a source file, or convert it with pdftotext"),
    (b"PK\x03\x04", "a ZIP archive (or .odt/.epub)", "extract or convert its text first"),
    (b"\x1f\x8b", "gzip-compressed", "decompress it first"),
    (b"\x89PNG", "a PNG image", "leave it out"),
    (b"\xff\xd8\xff", "a JPEG image", "leave it out"),
    (b"GIF8", "a GIF image", "leave it out"),
    (b"{\\rtf", "an RTF document", "save it as plain text"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)", "save it as plain text"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source to read: its display path, or ``-`` for standard input."""

    path: str


def _suggest(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(known)}"


def _expand(paths: Sequence[str], suffixes: tuple[str, ...], what: str, keep_going: bool = False) -> list[str]:
    """Files named by ``paths``: files as given, folders searched recursively for ``suffixes``,
    globs expanded. A missing path, or a folder or glob with no such file, is an error; with
    ``keep_going`` it is kept in the list instead, so reading it reports the error in its place."""
    out: list[str] = []
    for raw in paths:
        try:
            out.extend(_expand_one(raw, suffixes, what))
        except ClaimcheckError:
            if not keep_going:
                raise
            out.append(raw)
    return list(dict.fromkeys(out))


def _expand_one(raw: str, suffixes: tuple[str, ...], what: str) -> list[str]:
    if raw == STDIN:
        return [STDIN]
    p = Path(raw)
    if p.is_dir():
        found = _walk(raw, suffixes)
        if not found:
            raise ClaimcheckError(
                f"folder holds no {what} files ({', '.join(suffixes)})",
                raw,
                hint=f"point at a folder or file with {what}",
            )
        return found
    if p.exists():
        return [raw]
    if p.is_symlink():
        raise ClaimcheckError("symbolic link points to nothing", raw, hint="fix or remove the link")
    if glob.has_magic(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            raise ClaimcheckError("pattern matches no file", raw, hint="check the pattern, or quote it")
        # A folder the pattern matches is searched like a folder given by name; a dangling link
        # stays in the list so that reading it reports it rather than dropping it unseen.
        return [f for m in matches for f in (_walk(m, suffixes) if Path(m).is_dir() else [m])]
    raise ClaimcheckError("no such file or folder", raw, hint="check the path")


def _walk(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    """Files under ``folder`` whose names end in ``suffixes``, sorted. Linked folders are followed
    once each (a link loop ends there); a folder that cannot be listed is returned as an entry of
    its own, so that reading it reports the error instead of its files vanishing unseen."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()

    def unlistable(exc: OSError) -> None:
        found.append(exc.filename or folder)

    for root, dirs, names in os.walk(folder, onerror=unlistable, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        found.extend(str(Path(root) / n) for n in names if n.lower().endswith(suffixes) and not n.startswith("."))
    return sorted(found)


# Rules ----------------------------------------------------------------------------------------


class _BoundedLoader(yaml.SafeLoader):
    """A safe loader (no object construction) that refuses alias bombs."""

    aliases_seen = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401 - yaml's own signature
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_YAML_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise ClaimcheckError(
                    f"more than {MAX_YAML_ALIASES} YAML aliases",
                    self.name,
                    mark.line + 1,
                    mark.column + 1,
                    hint="rules files do not need anchors and aliases; write the claims out",
                )
        return super().compose_node(parent, index)


def _read_yaml(path: str) -> yaml.Node | None:
    try:
        size = os.path.getsize(path)
        if size > MAX_RULES_BYTES:
            raise ClaimcheckError(
                f"rules file is {size:,} bytes, over the {MAX_RULES_BYTES:,}-byte limit",
                path,
                hint="split it into several files",
            )
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ClaimcheckError(f"cannot read rules file: {exc.strerror}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ClaimcheckError("rules file is not UTF-8", path, line, hint="save it as UTF-8") from None
    # libyaml reads a thousand claims ten times faster; aliases (never needed in rules) take the
    # pure-Python loader, which counts them to refuse alias bombs.
    fast = getattr(yaml, "CSafeLoader", None)
    loader = _BoundedLoader(text) if fast is None or "*" in text else fast(text)
    loader.name = path
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "YAML syntax error"
        raise ClaimcheckError(
            f"YAML syntax error: {problem}",
            path,
            mark.line + 1 if mark else 0,
            mark.column + 1 if mark else 0,
            hint="fix the YAML at that place",
        ) from None
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
                raise ClaimcheckError(
                    f"duplicate claim id {claim.id!r} (first at {first.path}:{first.line})",
                    claim.path,
                    claim.line,
                    hint="give every claim its own id",
                )
            seen[claim.id] = claim
            claims.append(claim)
    return claims


def _claims_of(path: str) -> Iterator[Claim]:
    root = _read_yaml(path)
    if root is None:
        raise ClaimcheckError("rules file is empty", path, 1, hint="write 'claims:' and a list of claims")
    if not isinstance(root, yaml.MappingNode):
        raise ClaimcheckError(
            "rules file must be a mapping with a 'claims' list",
            path,
            *_where(root),
            hint="start the file with 'claims:'",
        )
    claims_node = None
    concepts: Concepts = ()
    for key_node, value in root.value:
        key = str(key_node.value)
        if key == "claims":
            claims_node = value
        elif key == "concepts":
            concepts = _concepts(value, path)
        else:
            raise ClaimcheckError(
                f"unknown top-level key {key!r}",
                path,
                *_where(key_node),
                hint=_suggest(key, TOP_KEYS),
            )
    if claims_node is None:
        raise ClaimcheckError("rules file has no 'claims' list", path, 1, hint="start the file with 'claims:'")
    if not isinstance(claims_node, yaml.SequenceNode):
        raise ClaimcheckError(
            "'claims' must be a list",
            path,
            *_where(claims_node),
            hint="write each claim as '- id: ...' under 'claims:'",
        )
    for item in claims_node.value:
        yield with_concepts(_claim(item, path), concepts)


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
            raise ClaimcheckError(
                f"claim has no {required!r}", path, line, column, hint="every claim needs 'id' and 'text'"
            )
    cid = _scalar(fields["id"], path, "id").strip()
    if not cid:
        raise ClaimcheckError("claim id is empty", path, *_where(fields["id"]))
    text = _scalar(fields["text"], path, "text").strip()
    if not text:
        raise ClaimcheckError(
            f"claim {cid!r} has empty text",
            path,
            *_where(fields["text"]),
            hint="write the claim, e.g. '1,386 arrested in 38 cities'",
        )
    aliases = _aliases(fields.get("aliases"), path)
    tolerance = 0.0
    if "tolerance" in fields:
        raw = _scalar(fields["tolerance"], path, "tolerance").strip()
        try:
            tolerance = float(raw.rstrip("%")) / (100 if raw.endswith("%") else 1)
        except ValueError:
            tolerance = -1.0
        if not 0 <= tolerance < 1:
            raise ClaimcheckError(
                f"tolerance {raw!r} is not a share between 0 and 1",
                path,
                *_where(fields["tolerance"]),
                hint="e.g. 'tolerance: 0.05' or '5%'",
            )
    mode = _scalar(fields["mode"], path, "mode").strip() if "mode" in fields else "auto"
    if mode not in MODES:
        raise ClaimcheckError(
            f"mode {mode!r} is not one of {', '.join(MODES)}", path, *_where(fields["mode"]), hint=_suggest(mode, MODES)
        )
    note = _scalar(fields["note"], path, "note") if "note" in fields else ""
    accept = _accept(fields.get("accept"), path)
    return Claim(cid, text, path, line, aliases, tolerance, note, mode, accept)


def _aliases(node: yaml.Node | None, path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``aliases: {arrested: [detained, "taken into custody"]}``: words that count as a claim word."""
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        raise ClaimcheckError(
            "'aliases' must map a word of the claim to a list of words",
            path,
            *_where(node),
            hint="e.g. 'aliases: {arrested: [detained, held]}'",
        )
    out = []
    for key_node, value in node.value:
        if isinstance(value, yaml.ScalarNode):
            words: tuple[str, ...] = (str(value.value),)
        elif isinstance(value, yaml.SequenceNode) and all(isinstance(v, yaml.ScalarNode) for v in value.value):
            words = tuple(str(v.value) for v in value.value)
        else:
            raise ClaimcheckError(f"aliases of {key_node.value!r} must be a list of words", path, *_where(value))
        out.append((str(key_node.value), words))
    return tuple(out)


def _concepts(node: yaml.Node, path: str) -> Concepts:
    """``concepts: {ship: [shipped, deliveries, "sent out"]}``: groups of words that mean one act or
    thing, for every claim of the file (the shape of ``concepts`` in ``lexicon/words.yaml``)."""
    example = "e.g. 'concepts: {ship: [shipped, deliveries]}'"
    if not isinstance(node, yaml.MappingNode):
        raise ClaimcheckError("'concepts' must map a group name to a list of words", path, *_where(node), hint=example)
    out: dict[str, tuple[str, ...]] = {}
    for key_node, value in node.value:
        name = _scalar(key_node, path, "a concept group's name").strip()
        if not name:
            raise ClaimcheckError("a concept group has an empty name", path, *_where(key_node), hint=example)
        if name in out:
            raise ClaimcheckError(f"concept group {name!r} given twice", path, *_where(key_node))
        if not isinstance(value, yaml.SequenceNode) or not all(isinstance(v, yaml.ScalarNode) for v in value.value):
            raise ClaimcheckError(f"concept group {name!r} must be a list of words", path, *_where(value), hint=example)
        words = tuple(str(v.value).strip() for v in value.value)
        if not words:
            raise ClaimcheckError(f"concept group {name!r} has no words", path, *_where(value), hint=example)
        if "" in words:
            empty = value.value[words.index("")]
            raise ClaimcheckError(f"concept group {name!r} has an empty word", path, *_where(empty))
        out[name] = words
    return tuple(out.items())


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
                raise ClaimcheckError(
                    f"unknown key {key!r} in 'accept'", path, *_where(item), hint=_suggest(key, ("source", "reason"))
                )
        if "source" not in entry or "reason" not in entry:
            raise ClaimcheckError(
                "each 'accept' entry needs 'source' and 'reason'",
                path,
                *_where(item),
                hint="say which source and why its disagreement is accepted",
            )
        reason = _scalar(entry["reason"], path, "reason").strip()
        if not reason:
            raise ClaimcheckError("an accepted disagreement needs a reason", path, *_where(entry["reason"]))
        out.append((_scalar(entry["source"], path, "source"), reason))
    return tuple(out)


# Sources --------------------------------------------------------------------------------------


def source_paths(paths: Sequence[str], keep_going: bool = False) -> list[str]:
    """The source files named by paths, folders and globs, in a stable order; ``-`` is stdin. With
    ``keep_going`` a path that names no source is kept, for ``read_source`` to report."""
    return _expand(paths, SOURCE_SUFFIXES, "source", keep_going)


def check_encoding(encoding: str | None) -> str | None:
    """``encoding`` when Python knows it (None is UTF-8), else a ClaimcheckError before any source is read."""
    if encoding is None:
        return None
    try:
        codecs.lookup(encoding)
    except LookupError:
        close = difflib.get_close_matches(encoding.lower(), COMMON_ENCODINGS, n=1, cutoff=0.6)
        raise ClaimcheckError(
            f"--encoding {encoding!r} is not an encoding Python knows",
            hint=f"did you mean {close[0]!r}?" if close else f"e.g. {', '.join(COMMON_ENCODINGS[:4])}",
        ) from None
    return encoding


def _looks_like(data: bytes) -> str:
    """A guess at the encoding of bytes that are not UTF-8, for the error message. Western text with
    a few accented letters is guessed as cp1252 (the commonest by far: Windows' default, and a
    superset of latin-1), since single-byte guessers cannot tell it from its cousins on so little."""
    sample = data[:SNIFF_BYTES]
    guess = ""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the cp1252 / latin-1 guess below stands without it
        pass
    else:
        best = from_bytes(sample).best()
        guess = str(best.encoding) if best is not None else ""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return guess or "latin-1"
    letters = [c for c in text if c.isalpha()]
    western = sum(c.isascii() for c in letters) >= 0.9 * len(letters)
    return "cp1252" if western or not guess else guess


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # never in text


def _not_text(data: bytes) -> tuple[str, str] | None:
    """(what the bytes are, how to get text) when they are not text: a known file signature, NUL
    bytes, or mostly control characters."""
    for magic, what, fix in SIGNATURES:
        if data.startswith(magic):
            return what, fix
    if b"\x00" in data:
        return "binary (it holds NUL bytes)", "convert it to text first (e.g. pdftotext) or leave it out"
    head = data[:SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls * 10 > len(head):
        return "binary (over a tenth of it is control bytes)", "convert it to text first or leave it out"
    return None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Text of a source's bytes: strict UTF-8 (or ``encoding``, or UTF-16/32 announced by a byte-order
    mark); NUL bytes, control bytes and known file signatures mean binary."""
    if not data.strip():
        raise ClaimcheckError("source is empty", path, hint="remove it or give it text")
    bom = next((name for mark, name in BOMS if data.startswith(mark)), None)
    wide = (encoding or bom or "").lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32"))
    if not wide:
        binary = _not_text(data)
        if binary is not None:
            raise ClaimcheckError(f"source is {binary[0]}", path, hint=binary[1])
    try:
        # A UTF-16/32 byte-order mark names its encoding as surely as --encoding would.
        return data.decode(encoding or bom or "utf-8-sig")
    except LookupError:
        raise ClaimcheckError(f"unknown encoding {encoding!r}", path, hint="e.g. --encoding cp1252") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode(encoding or "utf-8", "replace")) + 1
        guess = _looks_like(data)
        raise ClaimcheckError(
            f"source is not {encoding or 'UTF-8'} text; it looks like {guess}",
            path,
            line,
            column,
            hint=f"read it with --encoding {guess}",
        ) from None


def read_source(path: str, encoding: str | None = None) -> Source:
    """One source, read and decoded; HTML reduced to text with offsets kept; PDF and Word documents
    (told by their bytes) read to text located by page or paragraph."""
    if path != STDIN and not os.path.isfile(path):
        _refuse_non_file(path)
    shown = STDIN_NAME if path == STDIN else path
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as exc:
        raise ClaimcheckError(f"cannot read source: {exc.strerror}", shown, hint="check its permissions") from None
    document = _read_document(data, shown)
    if document is not None:
        return document
    text = decode(data, shown, encoding)
    if path.lower().endswith(HTML_SUFFIXES):
        plain, offsets = html_to_text(text)
        if not plain.strip():
            raise ClaimcheckError("HTML source has no visible text", path)
        return Source(path, plain, text, offsets)
    return Source(shown, text)


def _read_document(data: bytes, path: str) -> Source | None:
    """A PDF or Word source, told by its first bytes (whatever its name), read to text located by
    page or paragraph; None for anything else. A file named .docx that is some other ZIP is refused."""
    from . import documents

    if data.startswith(documents.PDF_MAGIC):
        text, parts = documents.read_pdf(data, path)
    elif data.startswith(documents.ZIP_MAGIC) and (documents.is_docx(data) or path.lower().endswith(".docx")):
        text, parts = documents.read_docx(data, path)
    else:
        return None
    return Source(path, text, parts=parts)


def _refuse_non_file(path: str) -> None:
    """Raise the error for a path that ``source_paths(..., keep_going=True)`` kept although it names
    no source (a missing path, an empty or unlistable folder). Pipes and devices are read as files."""
    if os.path.isdir(path):
        try:
            os.listdir(path)
        except OSError as exc:
            raise ClaimcheckError(f"cannot list folder: {exc.strerror}", path, hint="check its permissions") from None
    _expand_one(path, SOURCE_SUFFIXES, "source")
    if os.path.isdir(path):
        raise ClaimcheckError("is a folder, not a source file", path, hint="name the folder in --sources")


def load_sources(paths: Sequence[str], encoding: str | None = None) -> Iterator[Source]:
    """Sources named by ``paths``, read one at a time (so memory holds one document, not the corpus)."""
    for path in source_paths(paths):
        yield read_source(path, encoding)
