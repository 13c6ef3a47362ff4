"""Unit tests of the formats on hand-made diagnostics: escaping, colour, grouping."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

import pytest

from certlint.diagnostic import Diagnostic, Severity
from certlint.output import FORMATS, OutputOptions, get_formatter
from certlint.output.support import fingerprints
from tests.conftest import run_cli
from tests.output.helpers import DEFECTS, SELECT

_BASE = Diagnostic(path="a,b:c%.txt", line=3, column=5, end_line=3, end_column=9, code="CL999",
                   severity=Severity.WARNING, message="50% off: a\r\nb", pack="p", rule="r",
                   source_line="\tab wxyz tail")


def _diagnostic(**changes: Any) -> Diagnostic:
    return dataclasses.replace(_BASE, **changes)


def _render(fmt: str, diagnostics: list[Diagnostic], **options: Any) -> str:
    stream = io.StringIO()
    get_formatter(fmt).write(diagnostics, stream, OutputOptions(**options))
    return stream.getvalue()


#: What each format writes for a clean run (None: SARIF, checked as a log below).
EMPTY = {
    "default": "", "json-lines": "", "github": "", "grouped": "", "json": "[]\n", "gitlab": "[]\n",
    "junit": ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<testsuites name="certlint" tests="0" failures="0" errors="0" />\n'),
    "sarif": None,
}


def test_every_registered_format_has_a_clean_run_expectation() -> None:
    assert sorted(FORMATS) == sorted(EMPTY)


@pytest.mark.parametrize("name", sorted(EMPTY))
def test_every_registered_format_writes_a_clean_run(name: str) -> None:
    out = _render(name, [])
    if name == "sarif":
        run = json.loads(out)["runs"][0]
        assert (run["results"], run["tool"]["driver"]["rules"]) == ([], [])
    else:
        assert out == EMPTY[name]


def test_github_escapes_properties_and_data() -> None:
    assert _render("github", [_diagnostic()]) == (
        "::warning file=a%2Cb%3Ac%25.txt,line=3,col=5,endLine=3,endColumn=9,title=CL999::"
        "50%25 off: a%0D%0Ab\n")
    assert _render("github", [_diagnostic(severity=Severity.INFO)]).startswith("::notice ")
    assert _render("github", [_diagnostic(severity=Severity.ERROR)]).startswith("::error ")


def test_gitlab_severities() -> None:
    issues = json.loads(_render("gitlab", [_diagnostic(severity=s) for s in Severity]))
    assert [i["severity"] for i in issues] == ["info", "minor", "major"]


def test_json_lines_is_one_object_per_line() -> None:
    out = _render("json-lines", [_diagnostic(), _diagnostic(line=4)])
    assert [json.loads(line)["line"] for line in out.splitlines()] == [3, 4]


def test_junit_escapes_xml() -> None:
    import xml.etree.ElementTree as ET

    out = _render("junit", [_diagnostic(message="<&\"'>")], files=["a,b:c%.txt", "clean.txt"])
    root = ET.fromstring(out.encode())
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "3:5: CL999 <&\"'>"
    assert [c.get("classname") for c in root.iter("testcase")] == ["a,b:c%.txt", "clean.txt"]


def test_grouped_caret_under_the_span_and_tabs_as_one_space() -> None:
    out = _render("grouped", [_diagnostic(message="m")])
    assert out == ("a,b:c%.txt\n"
                   "  3:5  warning  CL999  m\n"
                   "  3 |  ab wxyz tail\n"
                   "    |     ^^^^\n"
                   "\n1 problem (1 warning) in 1 file\n")
    assert "\x1b[" not in out
    assert "\x1b[33m^^^^\x1b[0m" in _render("grouped", [_diagnostic()], color=True)


def test_grouped_multiline_span_underlines_to_the_end_of_the_first_line() -> None:
    out = _render("grouped", [_diagnostic(end_line=4, end_column=2)])
    assert "    |     ^^^^^^^^^\n" in out


def test_fingerprints_tell_identical_findings_apart() -> None:
    moved = _diagnostic(line=9, end_line=9)
    first, second = fingerprints([_diagnostic(), moved])
    assert first != second
    assert fingerprints([moved]) == [first]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("tty", "no_color", "coloured"), [
    (True, None, True), (True, "1", False), (False, None, False)])
def test_colour_only_on_a_terminal_without_no_color(tty: bool, no_color: str | None, coloured: bool,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from certlint.cli import main
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    out = _Terminal() if tty else io.StringIO()
    main(["--isolated", "--select", SELECT, "--format", "grouped", DEFECTS], stdout=out, stderr=io.StringIO())
    assert ("\x1b[" in out.getvalue()) is coloured


def test_default_format_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    code, out, _ = run_cli(["--isolated", "--select", "CL301", DEFECTS])
    assert (code, out) == (1, f"{DEFECTS}:20:7: CL301 misspelled title word 'Exectuive': "
                              "did you mean 'Executive'?\n")
