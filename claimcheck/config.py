"""Configuration: ``[tool.claimcheck]`` in pyproject.toml, or ``claimcheck.toml`` / ``.claimcheck.yaml``,
found by walking up from the working folder. Keys mirror ``verify``'s long options; paths are relative
to the config file's folder. In: a folder to search from; out: validated values with file:line origins.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ClaimcheckError
from .model import Verdict

CONFIG_FILES = ("claimcheck.toml", ".claimcheck.yaml", ".claimcheck.yml", "pyproject.toml")  # first wins
PATH_LIST_KEYS = ("rules", "sources")
PATH_KEYS = ("baseline",)
BOOL_KEYS = ("quiet", "keep-going", "omit-silent")
STRING_KEYS = ("format", "encoding")
LIST_KEYS = ("fail-on",)
KEYS = (*PATH_LIST_KEYS, "format", "fail-on", "quiet", "keep-going", "omit-silent", "encoding", *PATH_KEYS)
FAIL_ON_CHOICES = (*(v.value for v in Verdict), "never")


@dataclass(frozen=True, slots=True)
class Setting:
    """One effective value and where it came from: ``default``, ``command line`` or ``path:line``."""

    value: Any
    origin: str


@dataclass(frozen=True, slots=True)
class Config:
    """A config file's values (paths already relative to the working folder) and their lines."""

    path: str
    values: Mapping[str, Any]
    lines: Mapping[str, int]

    def origin(self, key: str) -> str:
        line = self.lines.get(key, 0)
        return f"{self.path}:{line}" if line else self.path


def _suggest(key: str) -> str:
    close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(KEYS)}"


def _read_toml(text: str, path: str) -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]
        except ImportError:
            raise ClaimcheckError(
                "reading a TOML config needs Python 3.11 or the tomli package",
                path,
                hint="pip install tomli, or use .claimcheck.yaml",
            ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (0, 0)
        raise ClaimcheckError(f"TOML syntax error: {str(exc).split(' (at')[0]}", path, line, column) from None


def _toml_lines(text: str, table: str | None) -> dict[str, int]:
    """Line of each key of ``table`` (None: the top level) in TOML text; tomllib keeps no positions."""
    lines: dict[str, int] = {}
    inside = table is None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = re.match(r"^\[\s*([^\]]+?)\s*\]", line)
        if header:
            inside = header[1].replace('"', "").replace(" ", "") == table
            continue
        key = re.match(r"""^["']?([A-Za-z0-9_-]+)["']?\s*=""", line)
        if inside and key:
            lines.setdefault(key[1], number)
    return lines


def _yaml_mapping(text: str, path: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ClaimcheckError(
            f"YAML syntax error: {exc.problem}", path, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0
        ) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ClaimcheckError(
            "config must be a mapping of option names to values", path, 1, hint="e.g. 'rules: [rules]'"
        )
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return data, lines


def read_config_file(path: Path) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Raw keys and their lines from one config file; None for a pyproject.toml without the table."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"cannot read config: {exc}", str(path)) from None
    if path.suffix in (".yaml", ".yml"):
        return _yaml_mapping(text, str(path))
    data = _read_toml(text, str(path))
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("claimcheck")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ClaimcheckError("[tool.claimcheck] must be a table", str(path))
        return table, _toml_lines(text, "tool.claimcheck")
    return data, _toml_lines(text, None)


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any], dict[str, int]] | None:
    """The first config at or above ``start`` (the working folder), with its raw keys and lines."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = read_config_file(candidate)
                if found is not None:
                    return candidate, *found
    return None


def _relative(value: str, folder: Path, cwd: Path) -> str:
    """A path from the config file's folder, as seen from the working folder (``-`` stays stdin)."""
    if value == "-":
        return value
    joined = os.path.normpath(folder / value)
    try:
        return os.path.relpath(joined, cwd)
    except ValueError:  # pragma: no cover - another drive on Windows
        return joined


def validate(
    path: Path, raw: Mapping[str, Any], lines: Mapping[str, int], cwd: Path | None = None, formats: tuple[str, ...] = ()
) -> Config:
    """Check every key and value of a config file; make its paths relative to ``cwd``."""
    cwd = (cwd or Path.cwd()).resolve()
    folder = path.resolve().parent
    shown = os.path.relpath(path.resolve(), cwd) if path.resolve().is_relative_to(cwd) else str(path)
    values: dict[str, Any] = {}

    def fail(key: str, message: str, hint: str = "") -> ClaimcheckError:
        return ClaimcheckError(message, shown, lines.get(key, 0), hint=hint)

    for key, value in raw.items():
        if key not in KEYS:
            raise fail(key, f"unknown config key {key!r}", _suggest(key))
        problem = _problem(key, value, formats)
        if problem is not None:
            raise fail(key, *problem)
        if key in PATH_LIST_KEYS:
            values[key] = [_relative(v, folder, cwd) for v in ([value] if isinstance(value, str) else value)]
        elif key in PATH_KEYS:
            values[key] = _relative(value, folder, cwd)
        elif key in LIST_KEYS:
            values[key] = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value)]
        else:
            values[key] = value
    return Config(shown, values, dict(lines))


def _problem(key: str, value: Any, formats: tuple[str, ...]) -> tuple[str, str] | None:  # noqa: ANN401 - any TOML value
    """(message, hint) when ``value`` is not a valid value of config key ``key``, else None."""
    if key in PATH_LIST_KEYS:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(v, str) and v for v in items):
            return f"{key!r} must be a list of paths", f'e.g. {key} = ["{key}"]'
    elif key in PATH_KEYS:
        if not isinstance(value, str) or not value:
            return f"{key!r} must be a path", ""
    elif key in BOOL_KEYS:
        if not isinstance(value, bool):
            return f"{key!r} must be true or false", ""
    elif key in LIST_KEYS:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            return f"{key!r} must be a list of verdicts", 'e.g. fail-on = ["disagree", "mixed"]'
        bad = [v for v in (v.strip().lower() for v in items) if v not in FAIL_ON_CHOICES]
        if bad or not items:
            return f"fail-on {bad[0] if bad else ''!r} is not one of {', '.join(FAIL_ON_CHOICES)}", ""
    elif not isinstance(value, str):
        return f"{key!r} must be a string", ""
    elif key == "format" and formats and value not in formats:
        return f"format {value!r} is not one of {', '.join(formats)}", ""
    return None


def load_config(start: Path | None = None, formats: tuple[str, ...] = ()) -> Config | None:
    """The validated config found by walking up from ``start`` (the working folder), or None."""
    found = find_config(start)
    if found is None:
        return None
    path, raw, lines = found
    return validate(path, raw, lines, start, formats)


def effective(defaults: Mapping[str, Any], config: Config | None, given: Mapping[str, Any]) -> dict[str, Setting]:
    """Each key's value: the command line over the config file over the default."""
    out: dict[str, Setting] = {}
    for key, default in defaults.items():
        if key in given:
            out[key] = Setting(given[key], "command line")
        elif config is not None and key in config.values:
            out[key] = Setting(config.values[key], config.origin(key))
        else:
            out[key] = Setting(default, "default")
    return out


EXAMPLE_RULES = """\
# Claims to check against your sources. Run: claimcheck verify SOURCES (files, folders, globs or -)
# Every key is described by `claimcheck rules schema`; check this file with `claimcheck rules check`.
# Words that mean one act or thing, for every claim below, beyond the shipped groups.
# concepts: {ship: [shipped, shipments, deliveries, "sent out"]}
claims:
  # Only `id` (unique) and `text` are required: claimcheck reads the figures and the topic from the text.
  - id: arrests-total
    text: "1,386 people were arrested in 38 cities"
    # Words that count as a word of the claim in sources, beyond the shipped synonyms.
    # aliases: {arrested: [detained, "taken into custody"]}
    # Widen the claim's exact figures by a share before comparing: 0.05 or 5%.
    # tolerance: 0.05
    # auto (default), figures or statement.
    # mode: auto
    # Free text for people.
    # note: "Figure from OVD-Info, 22 September"
    # Known, explained disagreements: still shown, no longer fail the run.
    # accept:
    #   - source: drafts/early-wire.txt
    #     reason: "Wire copy filed before the final count"
"""
INIT_CONFIG = ".claimcheck.yaml"


def example_config(sources: list[str]) -> str:
    """The configuration ``claimcheck init`` writes: the rules it wrote and, if given, the sources."""
    listed = ", ".join(json.dumps(s) for s in sources)
    source_line = f"sources: [{listed}]\n" if sources else "# sources: [docs]   # files, folders or globs\n"
    return (
        "# claimcheck configuration: the same keys as `claimcheck verify`'s long options\n"
        "# (see `claimcheck config`); paths are relative to this file's folder.\n"
        "rules: [rules]\n"
        f"{source_line}"
        "fail-on: [disagree, mixed]\n"
    )


@dataclass(frozen=True, slots=True)
class Initialized:
    """What ``init_project`` did: the rules file it wrote, the configuration it wrote or found."""

    rules: Path
    config: Path
    config_written: bool


def _write_new(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except OSError as exc:
        raise ClaimcheckError(f"cannot write: {exc.strerror}", str(target)) from None


def init_project(folder: Path, sources: list[str] | None = None) -> Initialized:
    """Write ``rules/claims.yaml`` with a commented example under ``folder``, and ``.claimcheck.yaml``
    naming it (and ``sources``) unless ``folder`` already has a configuration; refuse to overwrite."""
    target = folder / "rules" / "claims.yaml"
    if target.exists():
        raise ClaimcheckError(
            "already exists; not overwriting it", str(target), hint="edit it, or run claimcheck init in another folder"
        )
    existing = next((folder / n for n in CONFIG_FILES if (folder / n).is_file() and n != "pyproject.toml"), None)
    if existing is None and (folder / "pyproject.toml").is_file() and read_config_file(folder / "pyproject.toml"):
        existing = folder / "pyproject.toml"
    _write_new(target, EXAMPLE_RULES)
    if existing is not None:
        return Initialized(target, existing, False)
    config = folder / INIT_CONFIG
    _write_new(config, example_config(sources or []))
    return Initialized(target, config, True)
