"""Typer shell: options -> library -> formatter -> exit code. No domain logic lives here.

Library errors (ClaimcheckError) become one line on stderr and exit 2; exit 1 means a contradiction.
"""

from __future__ import annotations

import contextlib
import enum
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import List, Optional  # noqa: UP035 - typer reads these annotations at runtime

import typer

from .config import Setting, effective, init_project, load_config
from .engine import ENGINES, default_jobs
from .errors import ClaimcheckError, ExitCode
from .model import Report, Verdict
from .quantities import extract_quantities
from .report import FORMATTERS, contradictions_only, render
from .report.json import quantity_to_dict
from .version import __version__

DEFAULT_RULES = "rules"
DEFAULT_SOURCES = "seeds"
DEFAULT_FAIL_ON = ("disagree", "mixed")
FAIL_ON_CHOICES = ("disagree", "mixed", "silent", "never")
VARIADIC_OPTIONS = ("--rules", "-r", "--sources", "-s")
# Config keys (the long options) -> verify's parameter names, and their defaults.
CONFIG_PARAMS = {
    "rules": "rules",
    "sources": "sources",
    "format": "fmt",
    "fail-on": "fail_on",
    "quiet": "quiet",
    "omit-silent": "omit_silent",
    "keep-going": "keep_going",
    "encoding": "encoding",
    "baseline": "baseline",
}
DEFAULTS = {
    "rules": [DEFAULT_RULES],
    "sources": [DEFAULT_SOURCES],
    "format": "table",
    "fail-on": list(DEFAULT_FAIL_ON),
    "quiet": False,
    "keep-going": False,
    "omit-silent": False,
    "encoding": None,
    "baseline": None,
}

app = typer.Typer(
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=False,
    help="Check the figures and statements of claims against source texts.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Usage errors of the click that typer runs on (recent typer vendors its own copy of click).
# Typer may carry its own click: find its ClickException through a class it exports.
_CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
Format = enum.Enum("Format", {name: name for name in FORMATTERS}, type=str)  # type: ignore[misc]
Engine = enum.Enum("Engine", {name: name for name in ENGINES}, type=str)  # type: ignore[misc]
PROGRESS_AFTER_S = 2.0  # runs shorter than this show no progress bar


def exit_code(report: Report, fail_on: Sequence[str]) -> ExitCode:
    """1 when a claim's source verdict is one of ``fail_on`` (and not accepted), 2 when a source
    could not be read (``--keep-going``), else 0."""
    if report.errors:
        return ExitCode.BAD_INPUT
    from .judge import roll_up

    failing = {Verdict(v) for v in fail_on if v != "never"}
    if not failing:
        return ExitCode.OK
    for claim in report.claims:
        if Verdict.SILENT in failing and claim.verdict is Verdict.SILENT:
            return ExitCode.CONTRADICTION
        counted = [s for s in claim.found() if not s.accepted]
        if any(s.verdict in failing and s.verdict is not Verdict.SILENT for s in counted):
            return ExitCode.CONTRADICTION
        # Sources that agree and disagree with each other make the claim mixed.
        if counted and roll_up(counted) in failing - {Verdict.SILENT}:
            return ExitCode.CONTRADICTION
    return ExitCode.OK


def _fail(exc: ClaimcheckError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(ExitCode.BAD_INPUT)


def _parse_fail_on(values: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip().lower()
            if part not in FAIL_ON_CHOICES:
                raise ClaimcheckError(
                    f"--fail-on {part!r} is not one of {', '.join(FAIL_ON_CHOICES)}",
                    hint="e.g. --fail-on disagree,mixed",
                )
            out.append(part)
    if "never" in out and len(out) > 1:
        raise ClaimcheckError("--fail-on never cannot be combined with other verdicts")
    return tuple(out)


def _settings(ctx: typer.Context | None = None) -> dict[str, Setting]:
    """Effective options: those given on the command line over the config file over the defaults."""
    given = {}
    if ctx is not None:
        for key, name in CONFIG_PARAMS.items():
            # Compared by name: recent typer vendors its own click, with its own ParameterSource enum.
            source = ctx.get_parameter_source(name)
            if source is not None and source.name == "COMMANDLINE":
                value = ctx.params[name]
                given[key] = value.value if isinstance(value, enum.Enum) else value
    return effective(DEFAULTS, load_config(formats=tuple(FORMATTERS)), given)


@app.command()
def verify(
    ctx: typer.Context,
    rules: List[str] = typer.Option(  # noqa: B008, UP006
        [DEFAULT_RULES], "--rules", "-r", help="Rules files or folders (several may follow one flag)."
    ),
    sources: List[str] = typer.Option(  # noqa: B008, UP006
        [DEFAULT_SOURCES],
        "--sources",
        "-s",
        help="Source files, folders (recursive), globs, or - for stdin (several may follow one flag).",
    ),
    fmt: Format = typer.Option("table", "--format", "-f", help="Output format."),  # noqa: B008
    fail_on: List[str] = typer.Option(  # noqa: B008, UP006
        list(DEFAULT_FAIL_ON), "--fail-on", help="Verdicts that exit 1: disagree, mixed, silent or never."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only contradictions."),
    omit_silent: bool = typer.Option(
        False, "--omit-silent", help="List under each claim only the sources not silent on it."
    ),
    keep_going: bool = typer.Option(False, "--keep-going", help="Report unreadable sources and go on (exit 2)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read sources in this encoding (default UTF-8)."),  # noqa: UP045
    explain_id: str | None = typer.Option(
        None,
        "--explain",
        metavar="ID",  # noqa: UP045
        help="Show every passage considered for claim ID and why.",
    ),
    baseline: str | None = typer.Option(
        None,
        "--baseline",
        metavar="FILE",  # noqa: UP045
        help="Fail only on contradictions this baseline file does not know.",
    ),
    write_baseline: str | None = typer.Option(
        None,
        "--write-baseline",
        metavar="FILE",  # noqa: UP045
        help="Record today's contradictions in FILE and exit 0.",
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the per-document cache."),
    engine: Engine = typer.Option("local", "--engine", help="Run the per-document work locally or on Dask."),  # noqa: B008
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        metavar="ADDRESS",  # noqa: UP045
        help="Dask scheduler for --engine dask, e.g. tcp://host:8786.",
    ),
) -> None:
    """Check every claim in RULES against every source: agree, disagree, silent or mixed."""
    from .baseline import apply_baseline_file
    from .baseline import write_baseline as record_baseline
    from .load import load_rules
    from .verify import explain
    from .verify import verify as run_verify

    try:
        settings = {key: s.value for key, s in _settings(ctx).items()}
        rules, sources, fmt_name = settings["rules"], settings["sources"], settings["format"]
        quiet, keep_going, encoding = settings["quiet"], settings["keep-going"], settings["encoding"]
        failing = _parse_fail_on(settings["fail-on"])
        if explain_id is not None:
            claims = {c.id: c for c in load_rules(rules)}
            if explain_id not in claims:
                raise ClaimcheckError(f"no claim with id {explain_id!r}", hint=f"ids: {', '.join(list(claims)[:10])}")
            _print_explain(claims[explain_id], explain(claims[explain_id], sources, encoding))
            raise typer.Exit(ExitCode.OK)
        with _progress(enabled=not quiet) as progress:
            report = run_verify(
                rules,
                sources,
                encoding=encoding,
                keep_going=keep_going,
                jobs=jobs or default_jobs(),
                cache=not no_cache,
                engine=engine.value,
                scheduler=scheduler,
                progress=progress,
            )
        if write_baseline:
            recorded = record_baseline(report, write_baseline)
        elif settings["baseline"]:
            report = apply_baseline_file(report, settings["baseline"])
    except ClaimcheckError as exc:
        _fail(exc)
        return
    shown = contradictions_only(report) if quiet else report
    if settings["omit-silent"]:
        shown = shown.without_silent()
    render(shown, fmt_name, sys.stdout)
    for err in report.errors:
        typer.echo(err, err=True)
    if write_baseline:
        typer.echo(f"wrote {recorded} contradiction{'s' * (recorded != 1)} to {write_baseline}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT if report.errors else ExitCode.OK)
    raise typer.Exit(exit_code(report, failing))


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr, shown once a run has taken PROGRESS_AFTER_S, only on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    started = time.monotonic()
    bar = Progress(
        "verify",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    task = bar.add_task("verify", total=None)

    def update(done: int, total: int) -> None:
        if not bar.live.is_started:
            if time.monotonic() - started < PROGRESS_AFTER_S:
                return
            bar.start()
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        bar.stop()


def _print_explain(claim, considered) -> None:  # type: ignore[no-untyped-def]
    from .segment import one_line

    typer.echo(f"{claim.id}: {one_line(claim.text)}")
    if not considered:
        typer.echo("  no passage shares a word with the claim")
    for path, c in considered:
        q = f" [{c.quantity}]" if c.quantity else ""
        typer.echo(f"  {path}:{c.line}:{c.column}{q} {c.decision}: {c.reason}")
        typer.echo(f"      {c.text[:200]}")


@app.command()
def numbers(
    text: Optional[str] = typer.Argument(None, help="Text to read; standard input when absent."),  # noqa: UP045
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
) -> None:
    """Show every number claimcheck reads in TEXT, with its interval, hedge, kind and unit."""
    data = sys.stdin.read() if text is None else text
    found = [q for q in extract_quantities(data) if q.kind.value not in ("ordinal", "date", "time", "identifier")]
    if as_json:
        sys.stdout.write(json.dumps([quantity_to_dict(q) for q in found], ensure_ascii=False) + "\n")
    else:
        from .report.table import render_numbers

        render_numbers(found, sys.stdout)


@app.command("config")
def show_config() -> None:
    """Print the effective configuration and where each value comes from."""
    try:
        config = load_config(formats=tuple(FORMATTERS))
        settings = _settings()
    except ClaimcheckError as exc:
        _fail(exc)
        return
    typer.echo(f"# config file: {config.path}" if config else "# no config file found; defaults apply")
    for key, setting in settings.items():
        typer.echo(f"{key} = {json.dumps(setting.value, ensure_ascii=False)}  # {setting.origin}")


rules_app = typer.Typer(help="Check rules files; print the JSON Schema of the rules format.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("check")
def rules_check(
    paths: Optional[List[str]] = typer.Argument(  # noqa: B008, UP006, UP045
        None, metavar="[PATH]...", help="Rules files or folders (default: the configured rules, else rules/)."
    ),
) -> None:
    """Load and validate rules without reading any source: exit 0 when they are valid, else 2."""
    from .load import load_rules

    try:
        claims = load_rules(paths or _settings()["rules"].value)
    except ClaimcheckError as exc:
        _fail(exc)
        return
    files = len({c.path for c in claims})
    typer.echo(f"ok: {len(claims)} claim{'s' * (len(claims) != 1)} in {files} file{'s' * (files != 1)}")


@rules_app.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of the rules format (editors use it to check YAML as you type)."""
    from importlib.resources import files

    sys.stdout.write((files("claimcheck") / "schema" / "rules.schema.json").read_text(encoding="utf-8"))


cache_app = typer.Typer(help="Manage the per-document cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete the per-document cache."""
    from .cache import cache_dir, clear_cache

    freed = clear_cache()
    typer.echo(f"cleared {cache_dir()} ({freed / 1e6:.1f} MB)")


@app.command()
def init(
    folder: str = typer.Argument(".", metavar="[DIR]", help="Folder to create rules/ in."),
) -> None:
    """Create rules/claims.yaml with a commented example claim (never overwrites)."""
    from pathlib import Path

    try:
        written = init_project(Path(folder))
    except ClaimcheckError as exc:
        _fail(exc)
        return
    typer.echo(f"wrote {written}; edit it, then run: claimcheck verify --rules {written.parent} --sources PATH")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Check the figures and statements of claims against source texts."""


def spread_variadic(argv: Sequence[str]) -> list[str]:
    """``--sources a b c`` -> ``--sources a --sources b --sources c``: several values may follow one
    flag (as in ``--sources seeds/*.txt``) until the next option."""
    out: list[str] = []
    flag = None
    for arg in argv:
        if arg in VARIADIC_OPTIONS:
            flag = arg
            out.append(arg)
            continue
        if flag and out and out[-1] != flag and (arg == "-" or not arg.startswith("-")):
            out.extend([flag, arg])
            continue
        if arg.startswith("-") and arg != "-":
            flag = None
        out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code (codespell style) when called, exits when run as a script."""
    args = spread_variadic(list(sys.argv[1:] if argv is None else argv))
    try:
        # Not standalone: click would print a usage error as a multi-line box; it is one line here.
        code = app(args=args, prog_name="claimcheck", standalone_mode=False) or 0
    except _CLICK_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare command group prints its help
            exc.show()  # type: ignore[attr-defined]
        else:
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else "claimcheck"
            message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
            typer.echo(f"error: {message} (see '{command} --help')", err=True)
        code = ExitCode.BAD_INPUT
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else ExitCode.BAD_INPUT)
    if argv is None:
        sys.exit(code)
    return int(code)
