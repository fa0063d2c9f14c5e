"""Configuration found by walking up, the command line over it, ``claimcheck config``, and the
project commands beside verify: ``rules check``, ``rules schema``, ``init``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import EXAMPLE_RULES, KEYS, effective, load_config
from claimcheck.errors import ClaimcheckError
from claimcheck.load import RULE_KEYS, TOP_KEYS, load_rules

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "claimcheck" / "schema" / "rules.schema.json"
CLAIM = 'claims:\n  - id: towns\n    text: "Flooding hit 38 towns"\n'


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with its rules and sources away from the defaults, and a sub-folder to work in."""
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "towns.yaml").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text("Officials said flooding hit over 40 towns.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


PYPROJECT = '[project]\nname = "x"\n\n[tool.claimcheck]\nrules = ["checks"]\nsources = ["drafts"]\nformat = "json"\n'


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", PYPROJECT),
        ("claimcheck.toml", 'rules = ["checks"]\nsources = ["drafts"]\nformat = "json"\n'),
        (".claimcheck.yaml", "rules: [checks]\nsources: [drafts]\nformat: json\n"),
    ],
)
def test_config_is_found_walking_up_and_paths_are_relative_to_it(project: Path, name: str, text: str) -> None:
    (project / name).write_text(text, encoding="utf-8")
    config = load_config(formats=("table", "json"))
    assert config is not None
    assert config.values["rules"] == ["../checks"] and config.values["sources"] == ["../drafts"]
    code, out, err = invoke("verify")
    assert code == 1, err
    assert json.loads(out)["claims"][0]["sources"][0]["path"] == "../drafts/b.txt"


def test_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "claimcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    config = load_config()
    assert config is not None and config.path.endswith("claimcheck.toml")


def test_nearest_config_wins(project: Path) -> None:
    (project / "claimcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (project / "sub" / ".claimcheck.yaml").write_text("format: markdown\n", encoding="utf-8")
    config = load_config()
    assert config is not None and config.values == {"format": "markdown"}


def test_command_line_overrides_config(project: Path) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + 'fail-on = "never"\n', encoding="utf-8")
    code, out, _ = invoke("verify", "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["claim"] == "towns"
    assert invoke("verify", "--fail-on", "disagree")[0] == 1
    other = CLAIM.replace("38", "40").replace("towns\n", "t40\n", 1)
    (project / "other.yaml").write_text(other, encoding="utf-8")
    code, out, _ = invoke("verify", "--rules", "../other.yaml")
    assert [c["id"] for c in json.loads(out)["claims"]] == ["t40"]


def test_config_command_shows_values_and_origins(project: Path) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    code, out, _ = invoke("config")
    assert code == 0
    where = str(project / "pyproject.toml")
    assert f"# config file: {where}" in out.splitlines()[0]
    assert f'rules = ["../checks"]  # {where}:5' in out
    assert f'format = "json"  # {where}:7' in out
    assert 'fail-on = ["disagree", "mixed"]  # default' in out


def test_effective_prefers_command_line_then_config_then_default(project: Path) -> None:
    (project / "claimcheck.toml").write_text('format = "json"\nquiet = true\n', encoding="utf-8")
    defaults = {"format": "table", "quiet": False, "encoding": None}
    settings = effective(defaults, load_config(), {"quiet": False})
    assert [(k, s.value, s.origin.rsplit(":", 1)[-1]) for k, s in settings.items()] == [
        ("format", "json", "1"),
        ("quiet", False, "command line"),
        ("encoding", None, "default"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "where", "message"),
    [
        (
            "pyproject.toml",
            '[tool.claimcheck]\nrules = ["r"]\nfial-on = "mixed"\n',
            ":3:",
            "unknown config key 'fial-on' (did you mean 'fail-on'?)",
        ),
        ("claimcheck.toml", 'format = "json"\nsoruces = ["s"]\n', ":2:", "did you mean 'sources'?"),
        (".claimcheck.yaml", "format: json\n\nkeep_going: true\n", ":3:", "did you mean 'keep-going'?"),
        ("claimcheck.toml", 'quiet = "yes"\n', ":1:", "'quiet' must be true or false"),
        ("claimcheck.toml", 'format = "xml"\n', ":1:", "format 'xml' is not one of"),
        ("claimcheck.toml", 'fail-on = ["disagree", "loud"]\n', ":1:", "fail-on 'loud' is not one of"),
        ("claimcheck.toml", "rules = [1]\n", ":1:", "'rules' must be a list of paths"),
        ("claimcheck.toml", "rules = [\n", "claimcheck.toml", "TOML syntax error"),
        (".claimcheck.yaml", "- a\n", ":1:", "config must be a mapping"),
    ],
)
def test_bad_config_is_one_line_and_exit_2(project: Path, name: str, text: str, where: str, message: str) -> None:
    (project / name).write_text(text, encoding="utf-8")
    for command in (["verify"], ["config"], ["rules", "check"]):
        code, _, err = invoke(*command)
        assert code == 2, err
        assert err.count("\n") == 1 and where in err and message in err and "Traceback" not in err


def test_config_keys_mirror_verify_options() -> None:
    help_text = invoke("verify", "--help")[1]
    for key in KEYS:
        assert f"--{key}" in help_text


def test_rules_check(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(CLAIM, encoding="utf-8")
    assert invoke("rules", "check", str(good)) == (0, "ok: 1 claim in 1 file\n", "")
    bad = tmp_path / "bad.yaml"
    bad.write_text(CLAIM + "    tolerence: 5%\n", encoding="utf-8")
    code, out, err = invoke("rules", "check", str(good), str(bad))
    assert code == 2 and out == ""
    assert err == f"{bad}:4:5: error: unknown key 'tolerence' (did you mean 'tolerance'?)\n"


def test_rules_check_defaults_to_the_shipped_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = invoke("rules", "check")
    assert code == 0 and out.startswith("ok: ")


def test_rules_schema_is_the_shipped_file() -> None:
    code, out, _ = invoke("rules", "schema")
    assert code == 0 and json.loads(out) == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_schema_lists_exactly_the_rule_keys() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert set(schema["definitions"]["claim"]["properties"]) == set(RULE_KEYS)


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_rules_validate_against_the_schema(path: Path) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize(
    "claim",
    [
        {"id": "x"},
        {"id": "x", "text": "t", "tolerence": 0.1},
        {"id": "x", "text": "t", "mode": "fuzzy"},
        {"id": "x", "text": "t", "accept": [{"source": "a.txt"}]},
        {"id": "x", "text": "t", "tolerance": 2},
    ],
)
def test_schema_refuses_what_the_loader_refuses(claim: dict[str, object], tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"claims": [claim]}, schema)
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump({"claims": [claim]}), encoding="utf-8")
    with pytest.raises(ClaimcheckError):
        load_rules([str(path)])


def test_init_scaffolds_rules_and_refuses_to_overwrite(tmp_path: Path) -> None:
    code, out, _ = invoke("init", str(tmp_path))
    written = tmp_path / "rules" / "claims.yaml"
    assert code == 0 and str(written) in out
    assert written.read_text(encoding="utf-8") == EXAMPLE_RULES
    assert invoke("rules", "check", str(written))[0] == 0
    written.write_text(CLAIM, encoding="utf-8")
    code, _, err = invoke("init", str(tmp_path))
    assert code == 2 and "already exists" in err
    assert written.read_text(encoding="utf-8") == CLAIM


def test_example_rules_document_every_key() -> None:
    for key in RULE_KEYS:
        assert f"{key}:" in EXAMPLE_RULES


def test_schema_lists_the_top_level_keys() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(TOP_KEYS)


@pytest.mark.parametrize(
    ("concepts", "valid"),
    [
        ({"ship": ["shipped", "sent out"]}, True),
        (["shipped"], False),
        ({"ship": "shipped"}, False),
        ({"ship": []}, False),
        ({"ship": ["shipped", " "]}, False),
    ],
)
def test_schema_and_loader_agree_on_concepts(concepts: object, valid: bool, tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    rules = {"concepts": concepts, "claims": [{"id": "x", "text": "Kestrel shipped 40 tablets"}]}
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(rules))
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    try:
        load_rules([str(path)])
        loaded = True
    except ClaimcheckError:
        loaded = False
    assert (not errors, loaded) == (valid, valid)
