"""GitHub Actions formatter: one workflow command per contradicting evidence, which GitHub shows as an
annotation on the file and line (``error`` for a disagreeing source, ``warning`` for a mixed one,
``notice`` for an accepted one). Escaped as GitHub's toolkit does: ``%``, CR and LF in the message,
and also ``:`` and ``,`` in the properties. Sample::

    ::error file=docs/b.txt,line=1,col=1,title=claimcheck towns::docs/b.txt disagrees with "...": ...
    ::error file=docs/r.pdf,title=claimcheck towns::docs/r.pdf:p14:3:7 disagrees with "...": ...
"""

from __future__ import annotations

from typing import TextIO

from ..baseline import contradictions
from ..load import STDIN
from ..model import STDIN_NAME, Report, Verdict, located
from .sarif import artifact_path

COMMANDS = {Verdict.DISAGREE: "error", Verdict.MIXED: "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def commands(report: Report) -> list[str]:
    lines = []
    for c in report.claims:
        for s in c.found():
            where = artifact_path(s.path)
            for e in contradictions(s):
                command = "notice" if s.accepted else COMMANDS[s.verdict]
                verb = "disagrees with" if s.verdict is Verdict.DISAGREE else "is mixed on"
                # A page or paragraph has no line of the file for GitHub to point at: the
                # annotation is on the file, and the message says where in it.
                at = located(where, e.line, e.column, e.part) if e.part else where
                message = f'{at} {verb} "{c.text}": {e.reason}'
                if s.accepted:
                    message += f" (accepted: {s.accepted})"
                props = {"file": where, "line": str(e.line), "col": str(e.column), "title": f"claimcheck {c.id}"}
                if where in (STDIN, STDIN_NAME):  # no file to annotate: the message alone, with the line
                    props = {"title": f"claimcheck {c.id}"}
                    message = f"{where}:{e.line}:{e.column}{message[len(where) :]}"
                if e.part:
                    del props["line"], props["col"]
                fields = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
                lines.append((where, e.line, e.column, c.id, f"::{command} {fields}::{escape_data(message)}"))
    return [line for *_, line in sorted(lines)]


def render(report: Report, stream: TextIO) -> None:
    for line in commands(report):
        stream.write(line + "\n")
