"""Innovo Group's 10-K/A Exhibit 32 under two fiscal-year-end rules.

Its fiscal year ends on the Saturday nearest November 30 (November 29, 2003 was that Saturday);
under a calendar year (12-31) the period end in paragraph 1 is reported at 11:27.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

INNOVO = "innovo-group_10-K-A_2003-11-29_32.txt"
EXAMPLE = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"


def _config(tmp_path: Path, fiscal_year_end: str) -> Path:
    config = tmp_path / ".certlint.yaml"
    config.write_text(f'facts:\n  "*":\n    fiscal_year_end: "{fiscal_year_end}"\n', encoding="utf-8")
    return config


def _lint(path: Path, config: Path) -> tuple[int, str, str]:
    return run_cli(["--config", str(config), "--select", "CL4", "--today", "2026-01-01", str(path)])


@pytest.fixture(params=["corpus", "example"])
def innovo(request: pytest.FixtureRequest) -> Path:
    if request.param == "example":
        return EXAMPLE
    corpus: Path = request.getfixturevalue("corpus")
    return corpus / INNOVO


def test_clean_under_saturday_nearest_november_30(innovo: Path, tmp_path: Path) -> None:
    assert _lint(innovo, _config(tmp_path, "saturday nearest november 30")) == (0, "", "")


def test_period_end_reported_under_12_31(innovo: Path, tmp_path: Path) -> None:
    code, out, err = _lint(innovo, _config(tmp_path, "12-31"))
    assert (code, err) == (1, "")
    assert out == (f"{innovo}:11:27: CL401 annual period end November 29, 2003 is not a fiscal year "
                   "end: fiscal year ends on December 31: expected December 31, 2003\n")


def test_amendment_has_no_deadline_diagnostic(innovo: Path, tmp_path: Path) -> None:
    """Dated March 29, 2004, after the original 10-K's deadline: an amendment may be."""
    config = tmp_path / ".certlint.yaml"
    config.write_text('facts:\n  "*":\n    period_end: 2003-11-29\n    form: 10-K/A\n', encoding="utf-8")
    assert _lint(innovo, config) == (0, "", "")
