"""Typer shell: options -> library -> formatter -> exit code. No domain logic lives here."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from .quantities import extract_quantities
from .report.json import quantity_to_dict

app = typer.Typer(pretty_exceptions_enable=False, add_completion=False, no_args_is_help=False)


@app.command()
def numbers(
    text: Optional[str] = typer.Argument(None, help="Text to read; standard input when absent."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
) -> None:
    """Show every number claimcheck reads in TEXT, with its interval, hedge, kind and unit."""
    data = sys.stdin.read() if text is None else text
    found = [q for q in extract_quantities(data) if q.kind.value not in ("ordinal", "date", "time", "identifier")]
    if as_json:
        sys.stdout.write(json.dumps([quantity_to_dict(q) for q in found], ensure_ascii=False) + "\n")
    else:
        for q in found:
            print(quantity_to_dict(q))


@app.command()
def verify() -> None:
    """Check claims against sources (placeholder)."""


def main() -> None:
    app()
