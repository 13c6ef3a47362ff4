"""Golden-file tests: the exact text of the CI formats over the output fixtures."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.output import helpers
from tests.output.helpers import CLEAN, DEFECTS, golden, run_format


@pytest.mark.parametrize(("fmt", "name"), [
    ("github", "ex32.github.golden"),
    ("gitlab", "ex32.gitlab.json"),
    ("junit", "ex32.junit.xml"),
    ("grouped", "ex32.grouped.golden"),
    ("json-lines", "ex32.jsonl"),
])
def test_golden(fmt: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_format(fmt, monkeypatch=monkeypatch)
    assert (code, err) == (1, "")
    assert out == golden(name, out)


def test_update_mode_rewrites_a_changed_golden_and_fails(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helpers, "OUTPUT_FIXTURES", tmp_path)
    monkeypatch.delenv("CERTLINT_UPDATE_GOLDEN", raising=False)
    (tmp_path / "x.golden").write_text("old\n", encoding="utf-8")
    assert golden("x.golden", "new\n") == "old\n"  # without the variable: compared, not written
    monkeypatch.setenv("CERTLINT_UPDATE_GOLDEN", "1")
    with pytest.raises(pytest.fail.Exception, match="rewritten"):
        golden("x.golden", "new\n")
    assert (tmp_path / "x.golden").read_text(encoding="utf-8") == "new\n"
    assert golden("x.golden", "new\n") == "new\n"  # an unchanged golden passes the update run
    with pytest.raises(pytest.fail.Exception, match="rewritten"):
        golden("missing.golden", "text\n")


def test_github_lines_are_workflow_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run_format("github", monkeypatch=monkeypatch)
    first = out.splitlines()[1]
    assert first == (f"::error file={DEFECTS},line=20,col=7,endLine=20,endColumn=16,title=CL301::"
                     "misspelled title word 'Exectuive': did you mean 'Executive'?")


def test_gitlab_report_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run_format("gitlab", monkeypatch=monkeypatch)
    issues = json.loads(out)
    assert [(i["check_name"], i["location"]["positions"]["begin"]) for i in issues] == [
        ("CL103", {"line": 14, "column": 39}), ("CL301", {"line": 20, "column": 7}),
        ("CL302", {"line": 21, "column": 2})]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert {i["severity"] for i in issues} == {"major"}


def test_junit_has_a_suite_per_file_and_a_case_per_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run_format("junit", monkeypatch=monkeypatch)
    root = ET.fromstring(out.encode())
    suites = root.findall("./testsuite")
    assert [(s.get("name"), s.get("file")) for s in suites] == [(DEFECTS, DEFECTS), (CLEAN, CLEAN)]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["CL103 at 14:39", "CL301 at 20:7", "CL302 at 21:2"]
    assert [[f.get("type") for f in c.findall("failure")] for c in cases] == [["CL103"], ["CL301"], ["CL302"]]
    assert {c.get("classname") for c in cases} == {DEFECTS}
    [clean] = suites[1].findall("testcase")
    assert (clean.get("name"), clean.findall("failure")) == ("certlint", [])
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [("3", "3"), ("1", "0")]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "0")


def test_clean_run_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_format("github", CLEAN, monkeypatch=monkeypatch) == (0, "", "")
    assert run_format("json-lines", CLEAN, monkeypatch=monkeypatch) == (0, "", "")
    assert run_format("grouped", CLEAN, monkeypatch=monkeypatch) == (0, "", "")
    assert run_format("gitlab", CLEAN, monkeypatch=monkeypatch) == (0, "[]\n", "")
    code, out, _ = run_format("junit", CLEAN, monkeypatch=monkeypatch)
    assert code == 0 and f'<testcase classname="{CLEAN}" name="certlint" />' in out and "<failure" not in out
