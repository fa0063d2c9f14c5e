"""Typer shell: options -> library -> formatter -> exit code. No domain logic lives here.

Library errors (ClaimcheckError) become one line on stderr and exit 2; exit 1 means a contradiction.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Optional  # noqa: UP035 - typer reads these annotations at runtime

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from .config import Setting, effective, init_project, load_config
from .engine import ENGINES, default_jobs
from .errors import ClaimcheckError, ExitCode
from .model import Report, Verdict
from .report import FORMATTERS, contradictions_only, render
from .version import __version__

DEFAULT_RULES = "rules"  # the folder `claimcheck init` writes; sources have no default
FAIL_ON_CHOICES = ("disagree", "mixed", "silent", "never")
DEFAULTS: dict[str, Any] = {
    "rules": [DEFAULT_RULES],
    "sources": [],
    "format": "table",
    "fail-on": ["disagree", "mixed"],
    "quiet": False,
    "keep-going": False,
    "omit-silent": False,
    "encoding": None,
    "baseline": None,
}
RULES_SUFFIXES = (".yaml", ".yml")
NO_SOURCES = (
    "no sources to check: name files or folders (claimcheck verify docs/), "
    "or list them under 'sources' in the configuration (claimcheck init writes one)"
)
PROGRESS_AFTER_S = 2.0  # runs shorter than this show no progress bar
FORMAT_HELP = f"Output format: {', '.join(FORMATTERS)}. Default: table."


class _Argument(TyperArgument):
    """An argument whose help shows its name alone, not a Python type (``<list[str]>``)."""

    def display_type_rich(self, ctx: Any) -> str | None:  # noqa: ANN401 - typer's own signature
        return None


def _readable(params: list[Any]) -> list[Any]:
    """Help a person reads: flags show no ``<bool>``, arguments no Python type."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
        elif isinstance(param, TyperArgument) and not isinstance(param, _Argument):
            param.__class__ = _Argument
    return params


class Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:  # noqa: ANN401 - click's own signature
        return _readable(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:  # noqa: ANN401 - click's own signature
        return _readable(super().get_params(ctx))


app = typer.Typer(
    cls=Group,
    pretty_exceptions_enable=False,
    no_args_is_help=False,
    help="Check the figures and statements of claims against source texts.",
    epilog="Start with: claimcheck init, then claimcheck verify DOCS. "
    "Shell completion: claimcheck --install-completion",
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Usage errors of the click that typer runs on (recent typer vendors its own copy of click).
# Typer may carry its own click: find its ClickException through a class it exports.
_CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
Engine = enum.Enum("Engine", {name: name for name in ENGINES}, type=str)  # type: ignore[misc]


def exit_code(report: Report, fail_on: Collection[Verdict]) -> ExitCode:
    """The run's exit code from the verdicts the report carries, one per claim and source: 2 when a
    source could not be read (``--keep-going``); 1 when any source's verdict on any claim is in
    ``fail_on`` and not accepted (a silent source counts too when ``silent`` is asked for); else 0."""
    if report.errors:
        return ExitCode.BAD_INPUT
    for claim in report.claims:
        if Verdict.SILENT in fail_on and claim.counts()[Verdict.SILENT]:
            return ExitCode.CONTRADICTION
        if not any(v in fail_on for v in claim.verdicts()):
            continue  # nothing to read back: no source's verdict fails the run
        if any(s.verdict in fail_on and not s.accepted and not s.error for s in claim.found()):
            return ExitCode.CONTRADICTION
    return ExitCode.OK


def _fail(exc: ClaimcheckError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(ExitCode.BAD_INPUT)


def parse_fail_on(values: Sequence[str]) -> frozenset[Verdict]:
    """``["disagree,mixed"]`` -> the verdicts that fail the run; ``never`` -> none."""
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
    return frozenset(Verdict(v) for v in out if v != "never")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """verify's options once the command line, the configuration and the defaults are merged."""

    rules: list[str]
    sources: list[str]
    fmt: str
    fail_on: frozenset[Verdict]
    quiet: bool
    omit_silent: bool
    keep_going: bool
    encoding: str | None
    baseline: str | None
    rules_origin: str


def settings(given: dict[str, Any]) -> dict[str, Setting]:
    """Each option's value and origin: the command line (``given``, by config key) over the
    configuration file over the defaults."""
    given = {key: value for key, value in given.items() if value is not None and value != []}
    return effective(DEFAULTS, load_config(formats=tuple(FORMATTERS)), given)


def _rules(setting: Setting) -> Setting:
    """The rules setting, refused in one helpful line when it is the default and there is no rules/."""
    if setting.origin == "default" and not os.path.exists(DEFAULT_RULES):
        raise ClaimcheckError(
            "no rules: no rules/ folder here and no configuration names any",
            hint="run claimcheck init, or pass --rules FILE",
        )
    return setting


def run_options(given: dict[str, Any]) -> RunOptions:
    s = settings(given)
    if not s["sources"].value:
        raise ClaimcheckError(NO_SOURCES)
    rules = _rules(s["rules"])
    if s["format"].value not in FORMATTERS:
        raise ClaimcheckError(
            f"--format {s['format'].value!r} is not one of {', '.join(FORMATTERS)}", hint="e.g. --format json"
        )
    for source in s["sources"].value:
        if source.lower().endswith(RULES_SUFFIXES):
            raise ClaimcheckError(
                "a rules file among the sources",
                source,
                hint="--rules takes one path: repeat it (--rules a.yaml --rules b.yaml) or name the folder",
            )
    return RunOptions(
        rules=list(rules.value),
        sources=list(s["sources"].value),
        fmt=s["format"].value,
        fail_on=parse_fail_on(s["fail-on"].value),
        quiet=s["quiet"].value,
        omit_silent=s["omit-silent"].value,
        keep_going=s["keep-going"].value,
        encoding=s["encoding"].value,
        baseline=s["baseline"].value,
        rules_origin=rules.origin,
    )


VERIFY_EPILOG = """\
Examples:

  claimcheck verify docs/ news/*.md        check the configured rules against these sources

  curl -s URL | claimcheck verify - -f json   read a source from standard input, print JSON

Exit codes: 0 no source verdict in --fail-on, 1 some source's verdict is, 2 bad usage or input.
"""


# verify's arguments and options, named here so that its signature reads one line each.
_PATHS = typer.Argument(
    None,
    metavar="SOURCE",
    help="Source files, folders (searched recursively), globs, or - for standard input. "
    "Default: 'sources' in the configuration.",
    show_default=False,
)
_SOURCES = typer.Option(
    None, "--sources", "-s", metavar="PATH", help="Same as SOURCE (an older spelling); may be repeated."
)
_RULES = typer.Option(
    None,
    "--rules",
    "-r",
    metavar="PATH",
    help="Rules file, folder or glob; repeat for several. Default: 'rules' in the configuration, else rules/.",
)
_FORMAT = typer.Option(None, "--format", "-f", metavar="FORMAT", help=FORMAT_HELP)
_FAIL_ON = typer.Option(
    None,
    "--fail-on",
    metavar="VERDICTS",
    help="Exit 1 when any source's verdict on a claim is one of these: disagree, mixed, silent, "
    "or never. Default: disagree,mixed.",
)
_QUIET = typer.Option(
    None, "--quiet", "-q", help="Print only what fails the run: no agreement, nothing accepted or baselined."
)
_OMIT_SILENT = typer.Option(None, "--omit-silent", help="List under each claim only the sources not silent on it.")
_KEEP_GOING = typer.Option(None, "--keep-going", help="Report unreadable sources and go on (exit 2).")
_ENCODING = typer.Option(None, "--encoding", metavar="NAME", help="Read sources in this encoding (default UTF-8).")
_OUTPUT = typer.Option(
    None, "--output", "-o", metavar="FILE", help="Write the report to FILE instead of standard output."
)
_EXPLAIN = typer.Option(None, "--explain", metavar="ID", help="Show every passage considered for claim ID and why.")
_BASELINE = typer.Option(
    None, "--baseline", metavar="FILE", help="Fail only on contradictions this baseline file does not know."
)
_WRITE_BASELINE = typer.Option(
    None, "--write-baseline", metavar="FILE", help="Record today's contradictions in FILE and exit 0."
)
_JOBS = typer.Option(0, "--jobs", "-j", min=0, metavar="N", help="Worker processes (0: all cores).")
_NO_CACHE = typer.Option(False, "--no-cache", help="Neither read nor write the per-document cache.")
_ENGINE = typer.Option("local", "--engine", metavar="ENGINE", help="Where the per-document work runs: local or dask.")
_SCHEDULER = typer.Option(
    None, "--scheduler", metavar="ADDRESS", help="Dask scheduler for --engine dask, e.g. tcp://host:8786."
)


@app.command(cls=Command, epilog=VERIFY_EPILOG)
def verify(
    paths: Optional[List[str]] = _PATHS,  # noqa: UP006, UP045
    sources: Optional[List[str]] = _SOURCES,  # noqa: UP006, UP045
    rules: Optional[List[str]] = _RULES,  # noqa: UP006, UP045
    fmt: Optional[str] = _FORMAT,  # noqa: UP045
    fail_on: Optional[List[str]] = _FAIL_ON,  # noqa: UP006, UP045
    quiet: Optional[bool] = _QUIET,  # noqa: UP045
    omit_silent: Optional[bool] = _OMIT_SILENT,  # noqa: UP045
    keep_going: Optional[bool] = _KEEP_GOING,  # noqa: UP045
    encoding: Optional[str] = _ENCODING,  # noqa: UP045
    output: Optional[str] = _OUTPUT,  # noqa: UP045
    explain_id: Optional[str] = _EXPLAIN,  # noqa: UP045
    baseline: Optional[str] = _BASELINE,  # noqa: UP045
    write_baseline: Optional[str] = _WRITE_BASELINE,  # noqa: UP045
    jobs: int = _JOBS,
    no_cache: bool = _NO_CACHE,
    engine: Engine = _ENGINE,
    scheduler: Optional[str] = _SCHEDULER,  # noqa: UP045
) -> None:
    """Check every claim in the rules against every source: agree, disagree, silent or mixed."""
    given = {
        "rules": rules,
        "sources": [*(paths or ()), *(sources or ())],
        "format": fmt,
        "fail-on": fail_on,
        "quiet": quiet,
        "omit-silent": omit_silent,
        "keep-going": keep_going,
        "encoding": encoding,
        "baseline": baseline,
    }
    try:
        options = run_options(given)
        if explain_id is not None:
            _explain(explain_id, options)
            return
        report = _run(options, jobs or default_jobs(), not no_cache, engine.value, scheduler)
        report, recorded = _baselined(report, options, write_baseline)
    except ClaimcheckError as exc:
        _fail(exc)
        return
    _show(report, options, output)
    if write_baseline:
        typer.echo(f"wrote {recorded} contradiction{'s' * (recorded != 1)} to {write_baseline}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT if report.errors else ExitCode.OK)
    raise typer.Exit(exit_code(report, options.fail_on))


def _run(options: RunOptions, jobs: int, cache: bool, engine: str, scheduler: str | None) -> Report:
    """The run's report, with a progress bar on a terminal unless quiet. ``jobs``, ``cache``,
    ``engine`` and ``scheduler`` say where and how the per-document work runs."""
    from .verify import verify as run_verify

    with _progress(enabled=not options.quiet) as progress:
        return run_verify(
            options.rules,
            options.sources,
            encoding=options.encoding,
            keep_going=options.keep_going,
            jobs=jobs,
            cache=cache,
            engine=engine,
            scheduler=scheduler,
            progress=progress,
        )


def _baselined(report: Report, options: RunOptions, write_baseline: str | None) -> tuple[Report, int]:
    """With ``--write-baseline FILE``: the report, and how many contradictions were recorded in FILE;
    with ``--baseline``: the report less the contradictions the baseline knows."""
    from .baseline import apply_baseline_file
    from .baseline import write_baseline as record_baseline

    if write_baseline:
        return report, record_baseline(report, write_baseline)
    if options.baseline:
        return apply_baseline_file(report, options.baseline), 0
    return report, 0


def _show(report: Report, options: RunOptions, output: str | None) -> None:
    """Warnings, then the report as the options ask (on stdout or in ``output``), then errors."""
    for warning in report.warnings:
        typer.echo(warning, err=True)
    shown = contradictions_only(report) if options.quiet else report
    if options.omit_silent:
        shown = shown.without_silent()
    try:
        _write_report(shown, options.fmt, output)
    except ClaimcheckError as exc:
        _fail(exc)
    for err in report.errors:
        typer.echo(err, err=True)


def _explain(claim_id: str, options: RunOptions) -> None:
    from .load import load_rules
    from .report.json import explanation_to_dict
    from .verify import explain

    claims = {c.id: c for c in load_rules(options.rules)}
    if claim_id not in claims:
        raise ClaimcheckError(f"no claim with id {claim_id!r}", hint=f"ids: {', '.join(list(claims)[:10])}")
    claim = claims[claim_id]
    considered = explain(claim, options.sources, options.encoding)
    if options.fmt == "json":
        sys.stdout.write(json.dumps(explanation_to_dict(claim, considered), ensure_ascii=False, indent=2) + "\n")
        return
    if options.fmt != "table":
        raise ClaimcheckError(f"--explain prints a table or JSON, not {options.fmt}", hint="use -f table or -f json")
    from .report.table import render_explanation

    render_explanation(claim, considered, sys.stdout)


def _write_report(report: Report, fmt_name: str, output: str | None) -> None:
    """The report on standard output, or in the file ``output`` (UTF-8, whatever the locale)."""
    if not output:
        render(report, fmt_name, sys.stdout)
        return
    try:
        with open(output, "w", encoding="utf-8") as stream:
            render(report, fmt_name, stream)
    except OSError as exc:
        raise ClaimcheckError(
            f"cannot write the report: {exc.strerror}", output, hint="check the folder exists and is writable"
        ) from None


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar by bytes on stderr, shown once a run has taken PROGRESS_AFTER_S, only on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    started = time.monotonic()
    bar = Progress(
        "verify",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
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
        bar.update(task, completed=done, total=total or None)

    try:
        yield update
    finally:
        bar.stop()


NUMBERS_EPILOG = """\
Examples:

  claimcheck numbers "More than 1,300 were held in 38 cities"

  claimcheck numbers --json < article.txt
"""


@app.command(cls=Command, epilog=NUMBERS_EPILOG)
def numbers(
    text: Optional[str] = typer.Argument(None, metavar="TEXT", help="Text to read; standard input when absent."),  # noqa: UP045
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
) -> None:
    """Show every number claimcheck reads in TEXT: the interval verify compares, and what is not a count
    (verify then reads a fraction of a group of people as a share, "no one" as 0 and "passed 500" as
    more than 500: docs/verdicts.md §2)."""
    from .quantities import extract_quantities

    data = sys.stdin.read() if text is None else text
    found = extract_quantities(data)
    if as_json:
        from .report.json import quantity_to_dict

        sys.stdout.write(json.dumps([quantity_to_dict(q) for q in found], ensure_ascii=False) + "\n")
    else:
        from .report.table import render_numbers

        render_numbers(found, sys.stdout)


@app.command("config", cls=Command, epilog="Example:\n\n  claimcheck config")
def show_config() -> None:
    """Print the effective configuration and where each value comes from."""
    try:
        config = load_config(formats=tuple(FORMATTERS))
        found = settings({})
    except ClaimcheckError as exc:
        _fail(exc)
        return
    typer.echo(f"# config file: {config.path}" if config else "# no config file found; defaults apply")
    for key, setting in found.items():
        typer.echo(f"{key} = {json.dumps(setting.value, ensure_ascii=False)}  # {setting.origin}")


rules_app = typer.Typer(
    cls=Group, help="Check rules files; print the JSON Schema of the rules format.", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")


@rules_app.command(
    "check", cls=Command, epilog="Examples:\n\n  claimcheck rules check\n\n  claimcheck rules check a.yaml"
)
def rules_check(
    paths: Optional[List[str]] = typer.Argument(  # noqa: B008, UP006, UP045
        None, metavar="PATH", help="Rules files or folders (default: the configured rules, else rules/)."
    ),
) -> None:
    """Load and validate rules without reading any source: exit 0 when they are valid, else 2."""
    from .load import load_rules

    try:
        claims = load_rules(paths or _rules(settings({})["rules"]).value)
    except ClaimcheckError as exc:
        _fail(exc)
        return
    files = len({c.path for c in claims})
    typer.echo(f"ok: {len(claims)} claim{'s' * (len(claims) != 1)} in {files} file{'s' * (files != 1)}")


@rules_app.command("schema", cls=Command, epilog="Example:\n\n  claimcheck rules schema > rules.schema.json")
def rules_schema() -> None:
    """Print the JSON Schema of the rules format (editors use it to check YAML as you type)."""
    from importlib.resources import files

    sys.stdout.write((files("claimcheck") / "schema" / "rules.schema.json").read_text(encoding="utf-8"))


cache_app = typer.Typer(cls=Group, help="Manage the per-document cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear", cls=Command, epilog="Example:\n\n  claimcheck cache clear")
def cache_clear() -> None:
    """Delete the per-document cache."""
    from .cache import cache_dir, clear_cache

    freed = clear_cache()
    typer.echo(f"cleared {cache_dir()} ({freed / 1e6:.1f} MB)")


INIT_EPILOG = """\
Examples:

  claimcheck init                      rules/claims.yaml and .claimcheck.yaml here

  claimcheck init --sources docs/      and name docs/ as the sources to check
"""


@app.command(cls=Command, epilog=INIT_EPILOG)
def init(
    folder: str = typer.Argument(".", metavar="DIR", help="Folder to set up (default: here).", show_default=False),
    sources: Optional[List[str]] = typer.Option(  # noqa: B008, UP006, UP045
        None, "--sources", "-s", metavar="PATH", help="Sources to name in the configuration; may be repeated."
    ),
) -> None:
    """Write a starter rules file and a configuration naming it (never overwrites), then say what to run."""
    try:
        done = init_project(Path(folder), list(sources or ()))
    except ClaimcheckError as exc:
        _fail(exc)
        return
    typer.echo(f"wrote {done.rules}")
    typer.echo(f"wrote {done.config}" if done.config_written else f"kept {done.config} (add rules there yourself)")
    where = "" if os.path.abspath(folder) == os.getcwd() else f"cd {folder} && "
    command = "claimcheck verify" if sources else "claimcheck verify PATH  (your documents: files, folders or globs)"
    typer.echo(f"next: edit {os.path.relpath(done.rules, folder)}, then run: {where}{command}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Check the figures and statements of claims against source texts."""


SOURCES_OPTIONS = ("--sources", "-s")


def spread_sources(argv: Sequence[str]) -> list[str]:
    """``--sources a b c`` -> ``--sources a --sources b --sources c``: the older spelling took
    several values after one flag (``--sources seeds/*.txt``); spread, they keep their order."""
    out: list[str] = []
    spreading = False
    for arg in argv:
        if arg == "--":
            spreading = False
        elif arg in SOURCES_OPTIONS:
            spreading = True
            out.append(arg)
            continue
        elif spreading and out[-1] not in SOURCES_OPTIONS and (arg == "-" or not arg.startswith("-")):
            out.extend([SOURCES_OPTIONS[0], arg])
            continue
        elif arg.startswith("-") and arg != "-":
            spreading = False
        out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code (codespell style) when called, exits when run as a script."""
    args = spread_sources(list(sys.argv[1:] if argv is None else argv))
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
