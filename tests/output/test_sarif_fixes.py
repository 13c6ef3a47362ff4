"""SARIF `fixes` are --fix's edits: none where --fix refuses, the span's own layout where it applies."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli

SOURCE = (ROOT / "tests" / "fixtures" / "output" / "ex32-defects.txt").read_text(encoding="utf-8")
WRAPPED = SOURCE.replace("result of operations", "result of\n   operations")
MARKUP = "<html><body>\n" + "".join(f"<p>{line}</p>\n" for line in
                                    SOURCE.replace("Exectuive", "<b>EXE</b>CUTVE").splitlines()) + "</body></html>\n"


def sarif_fixes(*argv: str) -> dict[str, Any]:
    out = run_cli(["--isolated", "--select", "CL1,CL3", "--format", "sarif", *argv])[1]
    return {r["ruleId"]: r.get("fixes") for r in json.loads(out)["runs"][0]["results"]}


def inserted(fixes: list[dict[str, Any]]) -> str:
    [fix] = fixes
    [change] = fix["artifactChanges"]
    [replacement] = change["replacements"]
    text: str = replacement["insertedContent"]["text"]
    return text


def apply_sarif(text: str, result_fixes: list[dict[str, Any]], region: dict[str, int]) -> str:
    lines = text.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(x) for x in lines[: line - 1]) + column - 1

    start, end = offset(region["startLine"], region["startColumn"]), offset(region["endLine"], region["endColumn"])
    return text[:start] + inserted(result_fixes) + text[end:]


def test_no_fix_where_fix_refuses(tmp_path: Path) -> None:
    page = tmp_path / "ex32.htm"
    page.write_text(MARKUP)
    found = sarif_fixes(str(page))
    assert found["CL301"] is None  # `<b>EXE</b>CUTVE`: replacing it would delete the `</b>`
    assert inserted(found["CL302"]) == "Principal"


def test_a_wrapped_phrase_keeps_its_line_break(tmp_path: Path) -> None:
    path = tmp_path / "ex32.txt"
    path.write_text(WRAPPED)
    out = run_cli(["--isolated", "--select", "CL103", "--format", "sarif", str(path)])[1]
    [result] = json.loads(out)["runs"][0]["results"]
    assert inserted(result["fixes"]) == "results of\n   operations"
    region = result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    fixed = apply_sarif(WRAPPED, result["fixes"], region)
    run_cli(["--isolated", "--select", "CL103", "--fix", str(path)])
    assert fixed == path.read_text()


def test_stdin_fixes_come_from_the_buffer_not_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ex32.txt").write_text("A stale copy on disk: result of operations.\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WRAPPED.encode())))
    found = sarif_fixes("-", "--stdin-filename", str(tmp_path / "ex32.txt"))
    assert inserted(found["CL103"]) == "results of\n   operations"
