"""The harness itself: it reports what certlint prints, and fails when that differs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness

TYPO = "/s/ Jane Doe\nJane Doe\nChief Exectuive Officer\n"


def test_lint_gives_line_column_and_code() -> None:
    assert harness.lint(TYPO, "CL301") == [(3, 7, "CL301")]
    assert str(harness.lint(TYPO, "CL301")[0]) == "3:7: CL301"
    assert harness.lint(TYPO, "CL5") == []


def test_check_fails_on_a_missing_or_extra_problem() -> None:
    harness.check(TYPO, "CL301", (3, 7, "CL301"))
    with pytest.raises(AssertionError):
        harness.check(TYPO, "CL301")
    with pytest.raises(AssertionError):
        harness.check(TYPO, "CL301", (3, 7, "CL301"), (3, 8, "CL301"))


def test_a_filing_keeps_each_line_s_file() -> None:
    one = "I, Jane Doe, certify that:\n1. I have reviewed this annual report on Form 10-K of Example Corp.;\n"
    run = harness.run({"ex31-1.txt": one, "ex31-2.txt": one.replace("annual report on Form 10-K",
                                                                    "quarterly report on Form 10-Q")}, "CL601")
    assert [line.split(": CL601 ")[0] for line in run.lines] == ["ex31-2.txt:2:25"]
    assert run.problems == [(2, 25, "CL601")]


def test_check_fixture_fails_on_a_wrong_sidecar(tmp_path: Path) -> None:
    document = tmp_path / "typo.txt"
    document.write_text(TYPO, encoding="utf-8")
    harness.sidecar(document).write_text(
        "3:7: CL301 misspelled title word 'Exectuive': did you mean 'Executive'?\n", encoding="utf-8")
    harness.check_fixture(document, "CL301")
    harness.sidecar(document).write_text("", encoding="utf-8")
    with pytest.raises(AssertionError):
        harness.check_fixture(document, "CL301")


def test_an_orphan_sidecar_or_a_fixture_without_one_is_noticed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    assert not harness.sidecars_match(tmp_path)
    (tmp_path / "a.txt.expected").write_text("", encoding="utf-8")
    assert harness.sidecars_match(tmp_path)
    (tmp_path / "b.txt.expected").write_text("", encoding="utf-8")
    assert not harness.sidecars_match(tmp_path)


def test_results_do_not_depend_on_the_day() -> None:
    dated = "Date: March 29, 2026\n"
    assert harness.lint(dated, "CL408") == []  # before the harness's fixed today
    assert harness.lint(dated, "CL408", ["--today", "2026-01-01"]) == [(1, 7, "CL408")]
