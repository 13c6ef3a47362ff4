"""Date facts in the project config, and the `date` kind's options in a user pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

CERT = ("In connection with the Annual Report on Form 10-K for the fiscal year ended December 31, 2023.\n"
        "\nDate: March 20, 2024\n")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("facts", "message"), [
    ("fiscal_year_end: lunar calendar",
     "facts for '*': cannot read fiscal year end 'lunar calendar': expected MM-DD (12-31), "
     "'last <weekday> of <month>' or '<weekday> nearest <month> <day>'"),
    ("fiscal_year_naming: middle",
     "facts for '*': fiscal_year_naming must be one of end, start, not 'middle'"),
    ("period_end: '2023-02-30'", "facts for '*': period_end must be a date YYYY-MM-DD, not '2023-02-30'"),
    ("filed: 3/29/2004", "facts for '*': filed must be a date YYYY-MM-DD, not '3/29/2004'"),
])
def test_unreadable_fact_is_a_one_line_config_error(tmp_path: Path, facts: str, message: str) -> None:
    config = _write(tmp_path, ".certlint.yaml", f'facts:\n  "*":\n    {facts}\n')
    cert = _write(tmp_path, "cert.txt", CERT)
    code, out, err = run_cli(["--config", str(config), str(cert)])
    assert (code, out) == (2, "")
    assert err == f"certlint: error: {config}:2: {message}\n"  # the line of the glob


def test_facts_from_pyproject(tmp_path: Path) -> None:
    config = _write(tmp_path, "pyproject.toml",
                    '[tool.certlint.facts."*.txt"]\nfiscal_year_end = "last saturday of september"\n')
    cert = _write(tmp_path, "cert.txt", CERT)
    code, out, err = run_cli(["--config", str(config), "--select", "CL401", "--today", "2025-01-01",
                              "--all-documents", str(cert)])
    assert (code, err) == (1, "")
    assert out == (f"{cert}:1:77: CL401 annual period end December 31, 2023 is not a fiscal year end: "
                   "fiscal year ends on the last Saturday of September: expected September 30, 2023\n")


def _pack(tmp_path: Path, options: str) -> Path:
    return _write(tmp_path, "deadlines.yaml", f"""pack: large-accelerated
rules:
  - code: LA401
    kind: date
    message: "certification date {{date}} {{reason}}"
{options}
""")


def test_deadline_options_in_a_user_pack(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "    check: certification-date\n    deadline_days: {annual: 60}\n"
                           "    grace_days: {annual: 0}")
    cert = _write(tmp_path, "cert.txt", CERT)
    code, out, err = run_cli(["--isolated", "--all-documents", "--rules", str(pack), "--select", "LA", "--today", "2025-01-01",
                              str(cert)])
    assert (code, err) == (1, "")
    assert out == (f"{cert}:3:7: LA401 certification date March 20, 2024 is after the filing deadline "
                   "February 29, 2024 (Form 10-K: 60 days after the period end December 31, 2023)\n")


def test_default_deadline_allows_the_same_date(tmp_path: Path) -> None:
    cert = _write(tmp_path, "cert.txt", CERT)
    assert run_cli(["--isolated", "--all-documents", "--select", "CL4", "--today", "2025-01-01", str(cert)]) == (0, "", "")


@pytest.mark.parametrize(("options", "message"), [
    ("    check: moon-phase", "check"),
    ("    check: certification-date\n    deadline_days: {monthly: 30}", "unknown key 'monthly'"),
])
def test_bad_options_are_pack_errors(tmp_path: Path, options: str, message: str) -> None:
    pack = _pack(tmp_path, options)
    cert = _write(tmp_path, "cert.txt", CERT)
    code, out, err = run_cli(["--isolated", "--all-documents", "--rules", str(pack), str(cert)])
    assert (code, out) == (2, "")
    assert err.startswith(f"certlint: error: {pack}:") and message in err and err.count("\n") == 1


def test_impossible_yaml_date_is_a_config_error(tmp_path: Path) -> None:
    config = _write(tmp_path, ".certlint.yaml", 'facts:\n  "*":\n    period_end: 2023-02-30\n')
    cert = _write(tmp_path, "cert.txt", CERT)
    code, out, err = run_cli(["--config", str(config), str(cert)])
    assert (code, out) == (2, "")
    assert err == f"certlint: error: {config}:3: invalid date '2023-02-30': day is out of range for month\n"


def test_unreadable_document_facts_are_reported_at_the_top(tmp_path: Path) -> None:
    """Facts from a document's own metadata are not validated with the config: say so, at 1:1."""
    from msgspec.structs import replace

    from certlint.document import read_documents
    from certlint.document.facts import Facts
    from tests.dates.helpers import date_linter

    doc = read_documents("cert.txt", text=CERT)[0]
    doc = replace(doc, facts=Facts(fiscal_year_end="lunar", fiscal_year_naming="middle"))
    found = [f"{d.line}:{d.column}: {d.code} {d.message}" for d in date_linter().lint_document(doc)]
    assert found == [
        "1:1: CL401 fact fiscal_year_end: cannot read fiscal year end 'lunar': expected MM-DD (12-31), "
        "'last <weekday> of <month>' or '<weekday> nearest <month> <day>'",
        "1:1: CL405 fact fiscal_year_naming must be one of end, start, not 'middle'",
    ]
