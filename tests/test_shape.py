"""The package stays readable: no function over MAX_FUNCTION_LINES, no module over MAX_MODULE_LINES.
Ruff checks complexity (C901, PLR0912, PLR0915); it has no rule for length, so this test does."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "claimcheck"
MAX_FUNCTION_LINES = 80  # from ``def`` (decorators excluded) to the last line of the body
MAX_MODULE_LINES = 600


def too_long(root: Path) -> list[str]:
    """``path:line: name is N lines`` for each function and module under ``root`` over its limit."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{relative}:1: module is {lines} lines (at most {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(
                        f"{relative}:{node.lineno}: {node.name} is {length} lines (at most {MAX_FUNCTION_LINES})"
                    )
    return found


def test_no_function_or_module_is_too_long() -> None:
    assert too_long(PACKAGE) == []


def test_the_check_finds_a_long_function_and_a_long_module(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    (tmp_path / "long_function.py").write_text(f"def f() -> None:\n{body}", encoding="utf-8")
    (tmp_path / "short_function.py").write_text(f"def g() -> None:\n{body[: body.rindex('    x')]}", encoding="utf-8")
    (tmp_path / "long_module.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert too_long(tmp_path) == [
        f"long_function.py:1: f is {MAX_FUNCTION_LINES + 1} lines (at most {MAX_FUNCTION_LINES})",
        f"long_module.py:1: module is {MAX_MODULE_LINES + 1} lines (at most {MAX_MODULE_LINES})",
    ]
