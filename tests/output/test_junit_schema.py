"""JUnit output as Jenkins reads it: valid against its junit-10.xsd, with counts that agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ROOT, run_cli
from tests.output.helpers import CLEAN, DEFECTS, run_format, shared_dir

SCHEMA = shared_dir() / "schemas" / "junit-10.xsd"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    if not SCHEMA.is_file():
        pytest.skip(f"Jenkins' JUnit schema is not in the shared folder ({SCHEMA})")
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def count(element: etree._Element, name: str) -> int:
    """An integer attribute that must be there."""
    value = element.get(name)
    assert value is not None, f"{element.tag} has no {name}"
    return int(value)


def checked(schema: etree.XMLSchema, out: str) -> etree._Element:
    """The parsed report after asserting it is schema-valid and its counts add up."""
    root = etree.fromstring(out.encode())
    assert schema.validate(root), schema.error_log
    suites = root.findall("testsuite")
    for suite in suites:
        cases = suite.findall("testcase")
        failing = [case for case in cases if case.findall("failure")]
        assert count(suite, "tests") == len(cases) >= 1
        assert count(suite, "failures") == len(failing)
        assert all(len(case.findall("failure")) == 1 for case in failing)  # Jenkins reads only the first
        assert suite.get("errors") == "0"
    assert count(root, "tests") == sum(count(s, "tests") for s in suites)
    assert count(root, "failures") == sum(count(s, "failures") for s in suites)
    return root


def test_fixture_report_is_valid(schema: etree.XMLSchema, monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run_format("junit", monkeypatch=monkeypatch)
    root = checked(schema, out)
    assert [s.get("name") for s in root.findall("testsuite")] == [DEFECTS, CLEAN]
    assert root.get("failures") == "3"


def test_clean_and_empty_reports_are_valid(schema: etree.XMLSchema, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    root = checked(schema, run_format("junit", CLEAN, monkeypatch=monkeypatch)[1])
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    empty = run_cli(["--isolated", "--format", "junit", str(tmp_path)])[1]
    root = checked(schema, empty)
    assert (root.get("tests"), root.findall("testsuite")) == ("0", [])


def test_the_schema_rejects_what_jenkins_rejects(schema: etree.XMLSchema) -> None:
    """The check can fail: the old layout (`file` on a test case) is invalid."""
    old = ('<testsuites><testsuite name="certlint" tests="1" failures="0" errors="0">'
           '<testcase classname="certlint" name="a.txt" file="a.txt"/></testsuite></testsuites>')
    assert not schema.validate(etree.fromstring(old.encode()))


@pytest.mark.parametrize("where", ["examples", "corpus/real", "corpus/real2"])
def test_reports_over_real_documents_are_valid(schema: etree.XMLSchema, where: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ROOT / where if where == "examples" else shared_dir() / where
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    monkeypatch.chdir(folder)
    code, out, _ = run_cli(["--isolated", "--today", "2026-11-28", "--format", "junit", "."])
    json_out = run_cli(["--isolated", "--today", "2026-11-28", "--format", "json-lines", "."])[1]
    root = checked(schema, out)
    assert code == 1
    assert count(root, "failures") == len(json_out.splitlines())
