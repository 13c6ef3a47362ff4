"""-o/--output-file, --color with NO_COLOR / FORCE_COLOR, the summary line and --show-fixes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from certlint.cli.reporting import summary_line, use_color
from tests.conftest import run_cli
from tests.output.helpers import CLEAN, DEFECTS, SELECT, run_format

ARGS = ["--isolated", "--select", SELECT]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_output_file_holds_what_stdout_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fmt in ("default", "sarif", "junit"):
        expected = run_format(fmt, monkeypatch=monkeypatch)
        target = tmp_path / f"report.{fmt}"
        for flag in ("-o", "--output-file"):
            code, out, err = run_cli([*ARGS, "--format", fmt, flag, str(target), DEFECTS, CLEAN])
            assert (code, out, err) == (expected[0], "", expected[2])
            assert target.read_text(encoding="utf-8") == expected[1]


def test_an_unwritable_output_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "r.txt"
    code, out, err = run_cli([*ARGS, "-o", str(target), str(tmp_path)])
    assert (code, out) == (2, "")
    assert err.startswith(f"certlint: error: {target}: cannot write the report: ")


@pytest.mark.parametrize(("choice", "env", "tty", "expected"), [
    ("auto", {}, False, False),
    ("auto", {}, True, True),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
])
def test_color_choice(choice: str, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = Terminal() if tty else io.StringIO()
    assert use_color(choice, stream, env) is expected


def test_color_reaches_the_grouped_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    plain = run_cli([*ARGS, "--format", "grouped", DEFECTS])[1]
    assert "\x1b[" not in plain
    coloured = run_cli([*ARGS, "--format", "grouped", "--color", "always", DEFECTS])[1]
    assert "\x1b[1mCL301\x1b[0m" in coloured
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert run_cli([*ARGS, "--format", "grouped", DEFECTS])[1] == coloured
    assert run_cli([*ARGS, "--format", "grouped", "--color", "never", DEFECTS])[1] == plain


def test_summary_line_on_stderr_only_when_asked_or_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    code, out, err = run_cli([*ARGS, "--summary", DEFECTS, CLEAN])
    assert code == 1 and len(out.splitlines()) == 3
    assert err == "Found 3 problems (3 errors) in 1 of 2 files; 3 fixable with --fix.\n"
    assert run_cli([*ARGS, DEFECTS, CLEAN])[2] == ""  # a pipe: editors and scripts read this
    terminal = Terminal()
    from certlint.cli import main

    assert main([*ARGS, DEFECTS], stdout=io.StringIO(), stderr=terminal) == 1
    assert terminal.getvalue().startswith("Found 3 problems")
    quiet = Terminal()
    main([*ARGS, "-q", DEFECTS], stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""
    no = Terminal()
    main([*ARGS, "--no-summary", DEFECTS], stdout=io.StringIO(), stderr=no)
    assert no.getvalue() == ""
    assert run_cli([*ARGS, "--summary", CLEAN]) == (0, "", "No problems found in 1 file.\n")


def test_summary_wording() -> None:
    from certlint.diagnostic import Diagnostic, Severity

    def d(path: str, severity: Severity) -> Diagnostic:
        return Diagnostic(path=path, line=1, column=1, end_line=1, end_column=2, code="CL1",
                          severity=severity, message="m", pack="p", rule="r")

    found = [d("a", Severity.ERROR), d("a", Severity.WARNING), d("b", Severity.INFO), d("b", Severity.INFO)]
    assert summary_line(found, 5, 1) == ("Found 4 problems (1 error, 1 warning, 2 info) in 2 of 5 files; "
                                         "1 fixable with --fix.")
    assert summary_line(found[:1], 1, 0) == "Found 1 problem (1 error) in 1 of 1 file."
    assert summary_line([], 0, 0) == "No problems found in 0 files."


def test_show_fixes_lists_what_fix_would_do_and_did(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    code, out, err = run_cli([*ARGS, "--show-fixes", DEFECTS])
    assert code == 1 and len(out.splitlines()) == 3
    assert err.splitlines() == [
        f"certlint: would fix {DEFECTS}:14:39: CL103 'result of operations' -> 'results of operations'",
        f"certlint: would fix {DEFECTS}:20:7: CL301 'Exectuive' -> 'Executive'",
        f"certlint: would fix {DEFECTS}:21:2: CL302 'Principle' -> 'Principal'"]
    copy = tmp_path / "ex32.txt"
    shutil.copy(DEFECTS, copy)
    code, out, err = run_cli([*ARGS, "--show-fixes", "--fix", str(copy)])
    assert (code, out) == (0, "")
    assert err.splitlines()[1:] == [
        f"certlint: fixed {copy}:14:39: CL103 'result of operations' -> 'results of operations'",
        f"certlint: fixed {copy}:20:7: CL301 'Exectuive' -> 'Executive'",
        f"certlint: fixed {copy}:21:2: CL302 'Principle' -> 'Principal'"]
    assert "Exectuive" not in copy.read_text()


def test_show_fixes_leaves_out_what_fix_refuses(tmp_path: Path) -> None:
    """A span holding markup is refused by --fix, so it is not listed."""
    page = tmp_path / "ex31.htm"
    page.write_text("<p>I, Jane Roe, certify that:</p><p>Chief <b>EXE</b>UCTIVE Officer</p>\n")
    code, _, err = run_cli(["--isolated", "--select", "CL301", "--show-fixes", str(page)])
    assert code == 1 and err == ""
