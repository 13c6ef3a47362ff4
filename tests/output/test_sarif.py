"""SARIF 2.1.0: validated against the official schema, with rule metadata and stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli
from tests.output.helpers import DEFECTS, run_format, shared_dir

SCHEMA = shared_dir() / "schemas" / "sarif-schema-2.1.0.json"
CORPUS = shared_dir() / "corpus" / "real"


@pytest.fixture
def sarif_schema() -> dict[str, Any]:
    if not SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not beside this checkout ({SCHEMA})")
    schema: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return schema


def _validate(log: dict[str, Any], schema: dict[str, Any]) -> None:
    import jsonschema

    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_sarif_over_the_fixtures_validates(sarif_schema: dict[str, Any],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_format("sarif", monkeypatch=monkeypatch)
    assert (code, err) == (1, "")
    log = json.loads(out)
    _validate(log, sarif_schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("CL103", "error"), ("CL301", "error"), ("CL302", "error")]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == DEFECTS
    assert location["region"] == {"startLine": 20, "startColumn": 7, "endLine": 20, "endColumn": 16,
                                  "snippet": {"text": "Chief Exectuive Officer"}}
    replacement = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"] == {"text": "Executive"}
    rules = run["tool"]["driver"]["rules"]
    assert rules[results[1]["ruleIndex"]]["id"] == "CL301"
    cl301 = rules[results[1]["ruleIndex"]]
    assert cl301["name"] == "title-misspelling"
    assert cl301["fullDescription"]["text"].startswith("What it checks: a word standing next to")
    example = "Example (reported): I, Jane Doe, certify that:\nAS CHIEF EXECUTIVE OFFICER (PRINCIPAL EXEUCTIVE OFFICER)"
    assert example in cl301["help"]["text"]
    assert cl301["defaultConfiguration"] == {"level": "error"}


def test_sarif_over_the_examples_and_the_corpus_validates(sarif_schema: dict[str, Any],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    monkeypatch.chdir(ROOT)
    code, out, err = run_cli(["--isolated", "--format", "sarif", "examples", str(CORPUS)])
    assert code == 1, err
    log = json.loads(out)
    _validate(log, sarif_schema)
    assert {r["level"] for r in log["runs"][0]["results"]} <= {"error", "warning", "note"}


def test_fingerprints_ignore_line_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (ROOT / DEFECTS).read_text(encoding="utf-8")
    Path("a.txt").write_text(text, encoding="utf-8")
    Path("b.txt").write_text("\n\n\n" + text, encoding="utf-8")

    def prints(name: str) -> list[tuple[int, str]]:
        _, out, _ = run_cli(["--isolated", "--select", "CL301,CL302", "--format", "sarif", name])
        results = json.loads(out)["runs"][0]["results"]
        assert [r["ruleId"] for r in results] == ["CL301", "CL302"]
        return [(r["locations"][0]["physicalLocation"]["region"]["startLine"],
                 r["partialFingerprints"]["certlintFingerprint/v1"]) for r in results]

    before, after = prints("a.txt"), prints("a.txt")
    assert [line for line, _ in before] == [20, 21]
    assert before == after
    shifted = prints("b.txt")
    assert [line for line, _ in shifted] == [line + 3 for line, _ in before]
    # Same file name needed for equal fingerprints: the path is part of them.
    Path("b.txt").rename("a.txt")
    assert [fp for _, fp in prints("a.txt")] == [fp for _, fp in before]
    assert len({fp for _, fp in before}) == len(before)
