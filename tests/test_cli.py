"""The command line: options, exit codes, output formats, config discovery, file walking."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from certlint import __version__
from tests.conftest import FIXTURES, ROOT, run_cli

PACK = str(FIXTURES / "core" / "core-pack.yaml")
CRLF = FIXTURES / "core" / "crlf.txt"
MISSING = FIXTURES / "core" / "missing.txt"


def lint(*argv: str) -> tuple[int, str, str]:
    return run_cli(["--isolated", "--all-documents", "--rules", PACK, "--select", "TC", *argv])


def test_select_ignore_and_extend_select() -> None:
    assert lint("--select", "TC102", str(MISSING))[1] == f"{MISSING}:1:1: TC102 missing: 'certify that'\n"
    out = lint("--ignore", "TC10", str(MISSING))[1]
    assert out == ""
    out = lint("--ignore", "TC1", "--extend-select", "TC104", str(MISSING))[1]
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()] == ["TC104"]


def test_longest_prefix_wins_and_ignore_wins_ties() -> None:
    out = run_cli(["--isolated", "--all-documents", "--rules", PACK, "--select", "TC1", "--ignore", "TC", str(MISSING)])[1]
    assert len(out.splitlines()) == 3
    out = run_cli(["--isolated", "--all-documents", "--rules", PACK, "--select", "TC102", "--ignore", "TC102", str(MISSING)])[1]
    assert out == ""


def test_fail_on_separates_reporting_from_failing() -> None:
    warning_only = FIXTURES / "core" / "bom.txt"  # TC103 is a warning
    assert lint(str(warning_only))[0] == 1
    code, out, _ = lint("--fail-on", "error", str(warning_only))
    assert code == 0 and "TC103" in out
    assert lint("--exit-zero", str(CRLF))[0] == 0


def test_count_statistics_quiet_and_show_source() -> None:
    code, out, _ = lint("--count", "--statistics", str(MISSING))
    assert code == 1
    assert out.splitlines()[-4:] == ["1     TC101 fully-complies", "1     TC102 certify-that",
                                     "1     TC104 section-906-twice", "3"]
    assert lint("-q", str(MISSING), str(CRLF))[1] == f"{CRLF}\n{MISSING}\n"
    out = lint("--show-source", str(CRLF))[1]
    assert out == (f"{CRLF}:6:7: TC105 'Exeuctive': did you mean 'Executive'?\n"
                   "Chief Exeuctive Officer\n      ^\n")


def test_json_format_has_what_editors_need() -> None:
    code, out, _ = lint("--format", "json", str(CRLF))
    assert code == 1
    [record] = json.loads(out)
    assert record == {
        "path": str(CRLF), "line": 6, "column": 7, "end_line": 6, "end_column": 16,
        "code": "TC105", "severity": "error", "message": "'Exeuctive': did you mean 'Executive'?",
        "pack": "core-test", "rule": "title-spelling", "suggestion": "Executive",
        "offset": record["offset"], "end_offset": record["offset"] + 9,
    }
    assert CRLF.read_bytes().decode()[record["offset"]:record["end_offset"]] == "Exeuctive"


def test_output_is_sorted_by_path_line_column(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("no phrase here\n")
    (tmp_path / "a.txt").write_text("certify that\n\nChief Exeuctive Officer\n")
    out = lint(str(tmp_path))[1].splitlines()
    assert [line.split(": ")[0] for line in out] == sorted(line.split(": ")[0] for line in out)
    assert out[0].startswith(f"{tmp_path / 'a.txt'}:1:1: TC101")


def test_folders_are_walked_with_default_excludes(tmp_path: Path) -> None:
    for folder in (".git", ".venv", "node_modules", "filings"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ex31.txt").write_text("Chief Exeuctive Officer\n")
    (tmp_path / "filings" / "notes.csv").write_text("Chief Exeuctive Officer\n")
    code, out, _ = run_cli(["--isolated", "--all-documents", "--select", "CL301", str(tmp_path)])
    assert code == 1
    assert out == f"{tmp_path / 'filings' / 'ex31.txt'}:1:7: CL301 misspelled title word 'Exeuctive': did you mean 'Executive'?\n"


def test_binary_file_is_skipped_with_a_message(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run_cli(["--isolated", "--all-documents", str(binary)])
    assert (code, out) == (0, "")
    assert err == f"certlint: {binary}: skipped (binary file)\n"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run_cli(["--isolated", "--all-documents", str(tmp_path / "nope.txt")])
    assert (code, out, err) == (2, "", f"certlint: error: {tmp_path / 'nope.txt'}: no such file or folder\n")


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run_cli(["--no-such-option"])
    assert code == 2
    assert "unrecognized arguments: --no-such-option" in err


def test_config_from_pyproject_is_discovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n\n[tool.certlint]\nselect = ['CL301']\nfail-on = 'error'\n")
    (tmp_path / "sub").mkdir()
    doc = tmp_path / "sub" / "ex.txt"
    doc.write_text("Chief Exeuctive Officer\n\nChief Executive Officer\n")
    monkeypatch.chdir(tmp_path / "sub")
    code, out, _ = run_cli(["--all-documents", "ex.txt"])
    assert (code, out) == (1, "ex.txt:1:7: CL301 misspelled title word 'Exeuctive': did you mean 'Executive'?\n")


def test_config_yaml_rules_and_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".certlint.yaml").write_text(
        f"rules: ['{PACK}']\nselect: [TC]\nper-file-ignores:\n  'old/*': [TC10]\n")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text("nothing\n")
    (tmp_path / "new.txt").write_text("nothing\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["--all-documents", "."])
    assert code == 1
    assert all(line.startswith("new.txt:") for line in out.splitlines()) and out


@pytest.mark.parametrize("config_name, content, line", [
    (".certlint.yaml", "select: [CL]\nselcet: [CL3]\n", 2),
    ("pyproject.toml", "[tool.certlint]\nselect = ['CL']\nignroe = ['CL1']\n", 3),
])
def test_unknown_config_key_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                config_name: str, content: str, line: int) -> None:
    (tmp_path / config_name).write_text(content)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["."])
    assert (code, out) == (2, "")
    assert err.startswith(f"certlint: error: {tmp_path / config_name}:{line}: unknown config key ")
    assert err.count("\n") == 1


def test_version_and_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "certlint", "--version"], capture_output=True,
                            text=True, check=False, cwd=ROOT)
    assert (result.returncode, result.stdout) == (0, f"certlint {__version__}\n")


@pytest.mark.slow  # starts worker processes
def test_jobs_give_the_same_output_as_one_process(tmp_path: Path) -> None:
    examples = ROOT / "examples"
    for index in range(40):
        for source in sorted(examples.iterdir()):
            (tmp_path / f"{index:02d}-{source.name}").write_bytes(source.read_bytes())
    serial = run_cli(["--isolated", "--all-documents", "--jobs", "1", str(tmp_path)])
    parallel = run_cli(["--isolated", "--all-documents", "--jobs", "2", str(tmp_path)])
    assert serial == parallel
    per_copy = len(run_cli(["--isolated", "--all-documents", str(examples)])[1].splitlines())
    assert serial[0] == 1 and per_copy > 0 and len(serial[1].splitlines()) == 40 * per_copy


def test_a_missing_dependency_is_one_line_not_a_traceback() -> None:
    innovo = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"
    code = ("import sys; sys.modules['rapidfuzz'] = None; from certlint.cli import main; "
            f"raise SystemExit(main(['--isolated', {str(innovo)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == ("certlint: error: the package 'rapidfuzz' certlint needs is not installed "
                             "(install certlint with pip: pip install certlint, or pip install -e . "
                             "in a checkout)\n")
