"""Errors for bad input. ``str()`` is one line: ``path:line:col: error: what (how to fix)``."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Process exit codes; pinned by a test because CI jobs depend on them."""

    OK = 0
    CONTRADICTION = 1
    BAD_INPUT = 2


class ClaimcheckError(Exception):
    """Bad input or bad usage. Carries where it was found and how to fix it."""

    def __init__(self, message: str, path: str = "", line: int = 0, column: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = " ".join(self.message.split())
        if self.hint:
            text += f" ({' '.join(self.hint.split())})"
        return f"{where}: error: {text}" if where else f"error: {text}"
