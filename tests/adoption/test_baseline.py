"""Baselines record today's findings by text and context, not by line number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

CEO = "AS CHIEF EXECUTIVE OFFICER (PRINCIPAL EXEUCTIVE OFFICER)"
CFO = "AS CHIEF FINANCIAL OFFICER (PRINCIPAL EXEUCTIVE OFFICER)"
OLD = f"EXHIBIT 32\n\nJane Doe\n{CEO}\n\nJane Doe\n{CEO}\n\nJohn Roe\n{CFO}\n"
MESSAGE = "misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?"
EX32 = Path("exhibits", "2003", "ex32.txt")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    EX32.parent.mkdir(parents=True)
    EX32.write_text(OLD)
    Path("exhibits", "2003", "ex31.txt").write_text("Jane Doe, Chief Executive Officer\n")
    Path("pyproject.toml").write_text("[tool.certlint]\nfail-on = \"info\"\nall-documents = true\n")
    code, out, err = run_cli(["--write-baseline", "baseline.json", "exhibits"])
    assert (code, out) == (0, "")
    assert err == "certlint: wrote 2 baseline entries (3 findings) to baseline.json\n"
    return tmp_path


def test_baseline_file_is_sorted_readable_json(repo: Path) -> None:
    text = Path("baseline.json").read_text()
    assert json.loads(text) == {"certlint-baseline": 1, "entries": [
        {"code": "CL301", "context": CEO, "count": 2, "message": MESSAGE,
         "path": "exhibits/2003/ex32.txt", "text": "EXEUCTIVE"},
        {"code": "CL301", "context": CFO, "count": 1, "message": MESSAGE,
         "path": "exhibits/2003/ex32.txt", "text": "EXEUCTIVE"},
    ]}
    lines = text.splitlines()
    assert lines[:5] == ['{', '  "certlint-baseline": 1,', '  "entries": [', '    {',
                         '      "code": "CL301",']
    # Stable: writing it again gives the same bytes.
    run_cli(["--write-baseline", "again.json", "exhibits"])
    assert Path("again.json").read_text() == text


def test_baselined_findings_are_not_reported(repo: Path) -> None:
    assert run_cli(["--baseline", "baseline.json", "exhibits"]) == (0, "", "")


def test_line_inserted_above_keeps_the_finding_suppressed(repo: Path) -> None:
    EX32.write_text("EXHIBIT 32\n\nCertification under 18 U.S.C. 1350 (inserted)\n\n"
                    + OLD.removeprefix("EXHIBIT 32\n\n"))
    code, out, _ = run_cli(["--baseline", "baseline.json", "--select", "CL3", "exhibits"])
    assert (code, out) == (0, "")


def test_new_finding_is_reported(repo: Path) -> None:
    EX32.write_text(OLD + "\nMary Major\nPRINCIPAL ACOUNTING OFFICER\n")
    assert run_cli(["--baseline", "baseline.json", "exhibits"]) == (
        1, f"{EX32}:13:11: CL301 misspelled title word 'ACOUNTING': did you mean 'ACCOUNTING'?\n", "")


def test_third_identical_finding_exceeds_the_count(repo: Path) -> None:
    EX32.write_text(OLD + f"\nJane Doe\n{CEO}\n")
    code, out, _ = run_cli(["--baseline", "baseline.json", "exhibits"])
    assert code == 1
    assert out.count("CL301") == 1


def test_stale_entry_reported_at_its_line(repo: Path) -> None:
    EX32.write_text(OLD.replace(CFO, CFO.replace("EXEUCTIVE", "EXECUTIVE")))
    assert run_cli(["--baseline", "baseline.json", "exhibits"]) == (0, "", "")
    assert run_cli(["--baseline", "baseline.json", "--report-stale-baseline", "exhibits"]) == (
        1, "baseline.json:12:5: CL003 stale baseline entry: CL301 'EXEUCTIVE' in "
           "exhibits/2003/ex32.txt matches nothing\n", "")


def test_entry_of_a_removed_file_is_stale(repo: Path) -> None:
    EX32.unlink()
    code, out, _ = run_cli(["--baseline", "baseline.json", "--report-stale-baseline", "exhibits"])
    assert code == 1
    assert out.splitlines() == [
        "baseline.json:4:5: CL003 stale baseline entry: CL301 'EXEUCTIVE' in exhibits/2003/ex32.txt "
        "file not found",
        "baseline.json:12:5: CL003 stale baseline entry: CL301 'EXEUCTIVE' in exhibits/2003/ex32.txt "
        "file not found",
    ]


def test_entries_of_files_not_linted_are_not_stale(repo: Path) -> None:
    assert run_cli(["--baseline", "baseline.json", "--report-stale-baseline",
                    "exhibits/2003/ex31.txt"]) == (0, "", "")


def test_bad_baseline_is_a_one_line_error(repo: Path) -> None:
    Path("bad.json").write_text('{"entries": [}\n')
    code, out, err = run_cli(["--baseline", "bad.json", "exhibits"])
    assert (code, out) == (2, "")
    assert err.startswith("certlint: error: bad.json:1: invalid JSON: ") and err.count("\n") == 1
    Path("other.json").write_text('{"entries": []}\n')
    assert run_cli(["--baseline", "other.json", "exhibits"]) == (
        2, "", "certlint: error: other.json:1: not a certlint baseline (write one with --write-baseline)\n")
    assert run_cli(["--baseline", "missing.json", "exhibits"])[0] == 2


def test_stale_report_needs_a_baseline(repo: Path) -> None:
    assert run_cli(["--report-stale-baseline", "exhibits"]) == (
        2, "", "certlint: error: --report-stale-baseline needs --baseline FILE\n")


def test_one_line_html_keeps_its_entry_when_far_text_changes(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    filler = "<p>" + "The registrant filed this report. " * 5 + "</p>"
    page = "<html><body>{}<p>Jane Doe, Principal Exeuctive Officer</p>{}</body></html>"
    Path("ex31.htm").write_text(page.format(filler, filler))
    run_cli(["--isolated", "--all-documents", "--write-baseline", "baseline.json", "ex31.htm"])
    entry = json.loads(Path("baseline.json").read_text())["entries"][0]
    assert entry["text"] == "Exeuctive"
    assert len(entry["context"]) < 140
    Path("ex31.htm").write_text(page.format("<p>Amended.</p>" + filler, filler + "<p>Signed.</p>"))
    assert run_cli(["--isolated", "--all-documents", "--baseline", "baseline.json", "--report-stale-baseline",
                    "ex31.htm"]) == (0, "", "")


def test_readme_baseline_example_is_what_certlint_writes(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Adopting certlint on an existing repository"):]
    example = section[section.index("```json\n") + 8 :]
    example = example[: example.index("```")]
    monkeypatch.chdir(tmp_path)
    Path("filings", "innovo").mkdir(parents=True)
    Path("filings", "innovo", "ex32.txt").write_bytes(
        (ROOT / "examples" / "innovo-group-10-K-A-ex32.txt").read_bytes())
    run_cli(["--isolated", "--all-documents", "--write-baseline", "baseline.json", "./filings"])
    assert Path("baseline.json").read_text() == example


def test_entries_of_rules_that_did_not_run_are_not_stale(repo: Path) -> None:
    assert run_cli(["--baseline", "baseline.json", "--report-stale-baseline", "--select", "CL1",
                    "exhibits"]) == (0, "", "")
    assert run_cli(["--baseline", "baseline.json", "--report-stale-baseline", "--ignore", "CL301",
                    "exhibits"]) == (0, "", "")
    EX32.unlink()
    assert run_cli(["--baseline", "baseline.json", "--report-stale-baseline", "exhibits"])[0] == 1
