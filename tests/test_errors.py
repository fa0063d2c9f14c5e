"""Bad input through the CLI: every kind is one stderr line ``path:line:col: error: what (how)``,
exit 2, no traceback, and nothing on stdout; with --keep-going an unreadable source is reported in
the output and the run goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimcheck import load
from claimcheck.cli import main

GOOD_RULES = "claims:\n  - id: towns\n    text: Flooding hit 38 towns\n"
GOOD_TEXT = "Flooding hit 38 towns on Monday.\n"


@pytest.fixture
def tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean working folder (no config file found above it) with good rules and a good source."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "rules.yaml").write_text(GOOD_RULES, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return tmp_path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_bad(capsys: pytest.CaptureFixture[str], args: list[str], message: str, at: str = "") -> str:
    """Exit 2, stdout empty, exactly one stderr line holding ``message`` and starting ``at``."""
    code, out, err = cli(capsys, "verify", *args)
    assert code == 2, err
    assert "Traceback" not in err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert message in lines[0]
    assert lines[0].startswith(at), lines[0]
    return lines[0]


def rules(tmp: Path, text: str, name: str = "r.yaml") -> list[str]:
    (tmp / name).write_text(text, encoding="utf-8")
    return ["-r", name, "-s", "ok.txt"]


# Sources ---------------------------------------------------------------------------------------


def test_missing_source(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "nope.txt"], "no such file or folder", "nope.txt: error:")


def test_missing_rules(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad(capsys, ["-r", "nope.yaml", "-s", "ok.txt"], "no such file or folder (check the path)", "nope.yaml:")


def test_unreadable_source(tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp / "locked.txt").write_text(GOOD_TEXT, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":  # root reads anything, so chmod alone cannot make this case
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert_bad(
        capsys, ["-r", "rules.yaml", "-s", "locked.txt"], "cannot read source: Permission denied", "locked.txt: error:"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_unreadable_source_really(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp / "locked.txt"
    locked.write_text(GOOD_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        assert_bad(capsys, ["-r", "rules.yaml", "-s", "locked.txt"], "Permission denied", "locked.txt:")
    finally:
        locked.chmod(0o644)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_unlistable_folder_is_reported_not_dropped(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "docs" / "locked").mkdir(parents=True)
    (tmp / "docs" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp / "docs" / "locked" / "b.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp / "docs" / "locked").chmod(0)
    try:
        assert_bad(capsys, ["-r", "rules.yaml", "-s", "docs"], "cannot list folder", str(Path("docs", "locked")))
    finally:
        (tmp / "docs" / "locked").chmod(0o755)


def test_folder_without_sources(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "docs").mkdir()
    (tmp / "docs" / "scan.png").write_bytes(b"\x89PNG\r\n")
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "docs"], "folder holds no source files", "docs: error:")


def test_glob_matching_nothing(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "news/*.txt"], "pattern matches no file", "news/*.txt: error:")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Flooding hit\x00 38 towns", "source is binary (it holds NUL bytes)"),
        (b"%PDF-1.7\n1 0 obj", "PDF cannot be read"),
        (b"PK\x03\x04word/document.xml", "source is a ZIP archive"),
        (bytes(range(1, 32)) * 20, "source is binary (over a tenth of it is control bytes)"),
    ],
)
def test_binary_source(tmp: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str) -> None:
    (tmp / "bin.txt").write_bytes(data)
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "bin.txt"], message, "bin.txt: error:")


def test_cp1252_source_names_its_encoding(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "w.txt").write_bytes("Flooding hit 38 towns.\nThe café “closed” on Monday.\n".encode("cp1252"))
    line = assert_bad(
        capsys,
        ["-r", "rules.yaml", "-s", "w.txt"],
        "source is not UTF-8 text; it looks like cp1252",
        "w.txt:2:8: error:",
    )
    assert line.endswith("(read it with --encoding cp1252)")
    code, out, err = cli(capsys, "verify", "-r", "rules.yaml", "-s", "w.txt", "--encoding", "cp1252")
    assert (code, err) == (0, "")
    assert "agree" in out


def test_utf16_with_byte_order_mark_is_read(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "u.txt").write_bytes(GOOD_TEXT.encode("utf-16"))
    code, out, err = cli(capsys, "verify", "-r", "rules.yaml", "-s", "u.txt", "-f", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["claims"][0]["sources"][0]["evidence"][0]["line"] == 1


def test_empty_source(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "empty.txt").write_text(" \n\n", encoding="utf-8")
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "empty.txt"], "source is empty", "empty.txt: error:")


def test_dangling_link(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "gone.txt").symlink_to(tmp / "nowhere.txt")
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "gone.txt"], "symbolic link points to nothing", "gone.txt: error:")


# Rules -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "at"),
    [
        ("claims:\n  - id: a\n    text: [unclosed\n", "YAML syntax error", "r.yaml:4:1: error:"),
        ("claims:\n  - id: a\n\ttext: tab\n", "YAML syntax error", "r.yaml:3:1: error:"),
        ("- id: a\n  text: 38 towns\n", "rules file must be a mapping with a 'claims' list", "r.yaml:1:1: error:"),
        ("claim:\n  - id: a\n", "unknown top-level key 'claim'", "r.yaml:1:1: error:"),
        ("claims: 38 towns\n", "'claims' must be a list", "r.yaml:1:9: error:"),
        ("claims:\n  - id: a\n    txet: 38 towns\n", "unknown key 'txet' (did you mean 'text'?)", "r.yaml:3:5: error:"),
        ("claims:\n  - id: a\n    text: 38 towns\n    tolerence: 5%\n", "did you mean 'tolerance'?", "r.yaml:4:5:"),
        ("claims:\n  - id: a\n", "claim has no 'text'", "r.yaml:2:5: error:"),
        ("claims:\n  - id: a\n    text: '  '\n", "claim 'a' has empty text", "r.yaml:3:11: error:"),
        (
            "claims:\n  - {id: a, text: 38 towns}\n  - {id: a, text: 39 towns}\n",
            "duplicate claim id 'a' (first at r.yaml:2)",
            "r.yaml:3: error:",
        ),
        (
            "concepts:\n  ship: shipped\nclaims:\n  - {id: a, text: 38 towns}\n",
            "concept group 'ship' must be a list of words",
            "r.yaml:2:9: error:",
        ),
        ("concepts: [ship]\nclaims:\n  - {id: a, text: 38 towns}\n", "'concepts' must map", "r.yaml:1:11: error:"),
        ("", "rules file is empty", "r.yaml:1: error:"),
        ("# only a comment\n", "rules file is empty", "r.yaml:1: error:"),
    ],
)
def test_bad_rules(tmp: Path, capsys: pytest.CaptureFixture[str], text: str, message: str, at: str) -> None:
    assert_bad(capsys, rules(tmp, text), message, at)


def test_claim_with_nothing_to_check_names_its_rules_line(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "claims:\n  - id: fine\n    text: Flooding hit 38 towns\n  - id: vague\n    text: the\n"
    assert_bad(capsys, rules(tmp, text), "claim 'vague' has nothing to check", "r.yaml:4: error:")


def test_rules_not_utf8(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "r.yaml").write_bytes("claims:\n  - id: café\n".encode("cp1252"))
    assert_bad(capsys, ["-r", "r.yaml", "-s", "ok.txt"], "rules file is not UTF-8", "r.yaml:2: error:")


def test_rules_alias_bomb_refused(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 11 levels of 10 aliases each: 10**11 strings once expanded, refused while still being read.
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    assert_bad(
        capsys,
        rules(tmp, "\n".join(lines) + "\nclaims: *a11\n"),
        f"more than {load.MAX_YAML_ALIASES} YAML aliases",
        "r.yaml:12:",
    )


def test_rules_over_size_limit_refused(
    tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "MAX_RULES_BYTES", 100)
    text = GOOD_RULES + "".join(f"  - id: c{i}\n    text: Flooding hit {i} towns\n" for i in range(10))
    assert_bad(capsys, rules(tmp, text), "over the 100-byte limit (split it into several files)", "r.yaml: error:")


def test_rules_never_construct_objects(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp / "victim"
    victim.write_text("x", encoding="utf-8")
    text = f"claims:\n  - id: a\n    text: !!python/object/apply:os.remove ['{victim}']\n"
    code, _, err = cli(capsys, "verify", *rules(tmp, text))
    assert victim.exists()
    assert "Traceback" not in err


# Options ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "--format 'xml' is not one of table, json"),
        (["--fail-on", "sometimes"], "--fail-on 'sometimes' is not one of disagree, mixed, silent, never"),
        (["--encoding", "utf8x"], "--encoding 'utf8x' is not an encoding Python knows (did you mean 'utf-8'?)"),
        (["--no-such-option"], "No such option: --no-such-option"),
    ],
)
def test_bad_option_values(tmp: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert_bad(capsys, ["-r", "rules.yaml", "-s", "ok.txt", *args], message, "error:")


# --keep-going and no source dropped ----------------------------------------------------------


@pytest.fixture
def mixed_bag(tmp: Path) -> list[str]:
    """One good source and one of each kind that cannot be read."""
    (tmp / "bin.txt").write_bytes(b"\x00\x01")
    (tmp / "w.txt").write_bytes("caf\xe9 38 towns".encode("latin-1"))
    (tmp / "gone.txt").symlink_to(tmp / "nowhere.txt")
    (tmp / "empty").mkdir()
    return ["ok.txt", "bin.txt", "w.txt", "gone.txt", "missing.txt", "empty"]


def test_without_keep_going_first_bad_source_stops_the_run(
    tmp: Path, capsys: pytest.CaptureFixture[str], mixed_bag: list[str]
) -> None:
    # Paths are resolved before any file is read, so the dangling link is found first.
    assert_bad(capsys, ["-r", "rules.yaml", "-s", *mixed_bag], "symbolic link points to nothing", "gone.txt:")
    assert_bad(capsys, ["-r", "rules.yaml", "-s", *mixed_bag[:3]], "source is binary", "bin.txt:")


def test_keep_going_json_reports_every_source(
    tmp: Path, capsys: pytest.CaptureFixture[str], mixed_bag: list[str]
) -> None:
    code, out, err = cli(capsys, "verify", "-r", "rules.yaml", "-s", *mixed_bag, "--keep-going", "-f", "json")
    assert code == 2
    assert "Traceback" not in err
    report = json.loads(out)
    assert report["sources"] == mixed_bag
    by_path = {s["path"]: s for s in report["claims"][0]["sources"]}
    assert list(by_path) == mixed_bag
    assert by_path["ok.txt"]["verdict"] == "agree" and by_path["ok.txt"]["error"] == ""
    expected = {
        "bin.txt": "source is binary",
        "w.txt": "w.txt:1:4: error: source is not UTF-8",
        "gone.txt": "symbolic link points to nothing",
        "missing.txt": "no such file or folder",
        "empty": "folder holds no source files",
    }
    for path, message in expected.items():
        assert message in by_path[path]["error"]
    assert len(report["errors"]) == len(expected)
    assert err.splitlines() == report["errors"]


def test_keep_going_table_shows_errors(tmp: Path, capsys: pytest.CaptureFixture[str], mixed_bag: list[str]) -> None:
    code, out, _ = cli(capsys, "verify", "-r", "rules.yaml", "-s", "ok.txt", "bin.txt", "--keep-going")
    assert code == 2
    header, row = out.splitlines()[0], out.splitlines()[2]
    assert "ok.txt" in header and "bin.txt" in header
    assert "agree" in row and row.rstrip().endswith("error")
    assert "bin.txt: error: source is binary" in out


def test_symlink_loop_and_linked_folders(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "docs" / "sub").mkdir(parents=True)
    (tmp / "elsewhere").mkdir()
    (tmp / "docs" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp / "elsewhere" / "b.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp / "docs" / "sub" / "loop").symlink_to(tmp / "docs", target_is_directory=True)
    (tmp / "docs" / "linked").symlink_to(tmp / "elsewhere", target_is_directory=True)
    assert load.source_paths(["docs"]) == [str(Path("docs", "a.txt")), str(Path("docs", "linked", "b.txt"))]


def test_symlinked_file_given_directly_is_read(tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp / "link.txt").symlink_to(tmp / "ok.txt")
    code, out, _ = cli(capsys, "verify", "-r", "rules.yaml", "-s", "link.txt", "-f", "json")
    assert code == 0
    assert json.loads(out)["claims"][0]["sources"][0] == {
        **json.loads(out)["claims"][0]["sources"][0],
        "path": "link.txt",
        "verdict": "agree",
    }
