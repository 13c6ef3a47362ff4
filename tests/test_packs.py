"""Rule packs: invalid packs stop the run with one line naming file:line:col; built-in packs
validate against the shipped JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from certlint.ruleset import load_ruleset
from certlint.ruleset.loader import builtin_pack_dir, load_pack
from certlint.ruleset.schema import pack_schema_json
from tests import harness
from tests.conftest import FIXTURES, ROOT, run_cli

BAD = FIXTURES / "bad_packs"

EXPECTED_ERRORS = {
    "yaml-syntax.yaml": "7:1: YAML syntax error: found unexpected end of stream "
                        "(while scanning a quoted scalar at line 5, column 14)",
    "unknown-kind.yaml": "4:11: unknown kind 'requird' (expected one of: ",
    "missing-field.yaml": "7:5: missing field 'message'",
    "bad-regex.yaml": "6:14: bad regex in 'pattern': missing ), unterminated subpattern at position 6",
    "duplicate-code.yaml": "7:11: duplicate code BP501 (also rule 1)",
    "unknown-key.yaml": "5:5: unknown key 'mesage'",
    "bad-code.yaml": "3:11: bad code 'bp7': expected capital letters then digits, e.g. CL101",
    "duplicate-builtin.yaml": "3:11: duplicate code CL301 (already in pack 'officer-titles'",
}


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_invalid_pack_exits_2_with_one_line(name: str) -> None:
    pack = BAD / name
    code, out, err = run_cli(["--isolated", "--rules", str(pack), str(ROOT / "examples")])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"certlint: error: {pack}:{EXPECTED_ERRORS[name]}")


def test_every_bad_pack_has_an_expectation() -> None:
    assert {p.name for p in BAD.glob("*.yaml")} == set(EXPECTED_ERRORS)


def test_missing_pack_file_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run_cli(["--isolated", "--rules", str(tmp_path / "nope.yaml"), str(tmp_path)])
    assert (code, out) == (2, "")
    assert err == f"certlint: error: {tmp_path / 'nope.yaml'}: rule pack not found\n"


def test_a_pack_folder_loads_every_yaml_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("pack: a\nrules:\n  - {code: AA101, kind: forbidden, message: m, phrase: x}\n")
    (tmp_path / "b.yml").write_text("pack: b\nrules:\n  - {code: BB101, kind: forbidden, message: m, phrase: y}\n")
    names = [pack.name for pack in load_ruleset([tmp_path], builtin=False).packs]
    assert names == ["a", "b"]


def test_shipped_schema_is_current() -> None:
    """certlint/pack.schema.json is generated from the kinds: regenerate it when a kind changes
    (python -m certlint.ruleset.schema > certlint/pack.schema.json)."""
    shipped = (ROOT / "certlint" / "pack.schema.json").read_text(encoding="utf-8")
    assert shipped == pack_schema_json()


@pytest.mark.parametrize("pack", sorted(builtin_pack_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_builtin_pack_is_valid(pack: Path) -> None:
    """Built-in packs are trusted at run time, so they are validated here: against the shipped
    schema, then strictly (rule by rule) as a user pack would be."""
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "certlint" / "pack.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    loaded = load_pack(pack, builtin=False)
    assert loaded.rules
    for rule in loaded.rules:
        assert rule.description.strip(), f"{rule.code} has no description"


def test_builtin_codes_are_unique() -> None:
    codes = [rule.code for rule in load_ruleset().rules]
    assert len(codes) == len(set(codes))


def test_schema_rejects_an_unknown_key_the_editor_way() -> None:
    import jsonschema

    schema = json.loads(pack_schema_json())
    bad = {"pack": "p", "rules": [{"code": "AB101", "kind": "forbidden", "message": "m",
                                   "phrase": "x", "mesage": "typo"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_unless_excludes_a_document_its_markers_include(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\napplies_to:\n  markers: [certify]\n  unless: [Form 10-D]\nrules:\n"
                    "  - {code: PP101, kind: forbidden, message: m, phrase: material facts}\n")
    text = "I certify that this report has no untrue statement of material facts.\n"
    harness.check(text, "PP", (1, 55, "PP101"), options=["--rules", str(pack)])
    harness.check(text.replace("report", "report on Form 10-D"), "PP", options=["--rules", str(pack)])


def test_a_302_certification_citing_1350_is_not_held_to_the_906_clauses() -> None:
    """sox906 applies to documents citing "1350", unless they hold "I have reviewed this"."""
    text = ("I, Jane Doe, certify that:\n1. I have reviewed this annual report on Form 10-K of Example Corp.;\n"
            "This certification accompanies the report under 18 U.S.C. 1350.\n")
    harness.check(text, "CL1")
    harness.check(text.replace("I have reviewed this", "I have read this"), "CL1",
                  (1, 1, "CL101"), (1, 1, "CL102"), (1, 1, "CL104"))
