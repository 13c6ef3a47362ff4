"""Filer status feeds the deadline of CL403: a large accelerated filer has 60 days for a 10-K
(from fiscal years ending on or after December 15, 2006), an accelerated one 75 (from December 15,
2003), others 90; 40/40/45 days for a 10-Q. Known, a late certification is an error; unknown, a
warning at the longest days any filer has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from certlint.analysis.dates.deadlines import (
    ACCELERATED,
    LARGE,
    NON_ACCELERATED,
    filer_category,
    filer_days,
    read_rows,
)
from certlint.api import lint_text
from certlint.diagnostic import Severity
from tests import harness
from tests.conftest import ROOT


def _rows() -> list[dict[str, object]]:
    import yaml

    pack = yaml.safe_load((ROOT / "rules" / "dates.yaml").read_text(encoding="utf-8"))
    return list(next(r for r in pack["rules"] if r["code"] == "CL403")["filer_deadlines"])


ROWS = read_rows(_rows())


@pytest.mark.parametrize(("written", "category"), [
    ("Large Accelerated Filer", LARGE), ("large-accelerated", LARGE), ("Accelerated Filer", ACCELERATED),
    ("Non-accelerated Filer", NON_ACCELERATED), ("Smaller Reporting Company", NON_ACCELERATED),
    ("Smaller Reporting Accelerated Filer", ACCELERATED), ("emerging", None)])
def test_filer_categories_as_xbrl_and_configs_write_them(written: str, category: str | None) -> None:
    assert filer_category(written) == category


@pytest.mark.parametrize(("category", "family", "period_end", "days"), [
    (LARGE, "annual", dt.date(2024, 12, 31), 60), (ACCELERATED, "annual", dt.date(2024, 12, 31), 75),
    (NON_ACCELERATED, "annual", dt.date(2024, 12, 31), None),
    (LARGE, "annual", dt.date(2006, 12, 14), 75), (LARGE, "annual", dt.date(2006, 12, 15), 60),
    (ACCELERATED, "annual", dt.date(2003, 12, 14), None), (ACCELERATED, "annual", dt.date(2003, 12, 31), 75),
    (LARGE, "quarterly", dt.date(2025, 3, 31), 40), (ACCELERATED, "quarterly", dt.date(2025, 3, 31), 40),
    (NON_ACCELERATED, "quarterly", dt.date(2025, 3, 31), None),
    (ACCELERATED, "quarterly", dt.date(2004, 9, 30), None)])
def test_the_days_of_each_category_follow_the_phase_in(category: str, family: str, period_end: dt.date,
                                                       days: int | None) -> None:
    assert filer_days(ROWS, category, family, period_end) == days


CERT = ("In connection with the Annual Report on Form 10-K of Acme Corp. for the fiscal year ended "
        "December 31, 2024, I certify that the Report fully complies.\n\nDate: {dated}\n\n"
        "/s/ Jane Doe\nJane Doe\nChief Executive Officer\n")


def _cl403(text: str, tmp_path: Path, category: str | None) -> list[tuple[int, Severity, str]]:
    config = tmp_path / ".certlint.yaml"
    facts = f'facts:\n  "*":\n    filer-category: "{category}"\n'
    config.write_text(facts if category else "{}\n", encoding="utf-8")
    return [(d.line, d.severity, d.message) for d in lint_text(text, str(tmp_path / "ex32.txt"), config=config,
                                                                select=["CL403"], today=dt.date(2026, 1, 1))]


def test_a_large_accelerated_filer_late_by_its_own_days_is_an_error_naming_its_status(tmp_path: Path) -> None:
    text = CERT.format(dated="March 20, 2025")
    assert _cl403(text, tmp_path, "Large Accelerated Filer") == [
        (3, Severity.ERROR, "certification date March 20, 2025 is after the filing deadline March 18, 2025 "
         "(Form 10-K, a large accelerated filer (config): 60 days after the period end December 31, 2024 "
         "plus 15 days under Rule 12b-25)")]
    assert _cl403(text, tmp_path, "accelerated") == []
    assert _cl403(text, tmp_path, None) == []


def test_without_the_filer_status_a_late_date_is_a_warning_at_the_non_accelerated_days(tmp_path: Path) -> None:
    text = CERT.format(dated="April 20, 2025")
    [(line, severity, message)] = _cl403(text, tmp_path, None)
    assert (line, severity) == (3, Severity.WARNING)
    assert "(Form 10-K: 90 days after the period end December 31, 2024 plus 15 days" in message
    [(_, severity, message)] = _cl403(text, tmp_path, "non-accelerated")
    assert severity == Severity.ERROR and "a non-accelerated filer (config): 90 days" in message


def test_a_filer_category_that_cannot_be_read_is_a_config_error() -> None:
    result = harness.run(CERT.format(dated="March 20, 2025"), "CL403",
                         config={"facts": {"*": {"filer-category": "emerging growth"}}})
    assert result.status == 2
    assert "filer_category must be one of large accelerated, accelerated, non-accelerated" in result.err
