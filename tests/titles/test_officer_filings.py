"""One officer across the exhibits of a filing (repository mode): a misspelt name is an error
(CL513), a variant of the name a warning (CL514, not CL604's error), and different officers
(another role, or a clearly different name) are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES

FILINGS = FIXTURES / "officer-filings"
CASES = harness.fixtures(FILINGS, filings=True)


@pytest.mark.parametrize("filing", CASES, ids=[p.name for p in CASES])
def test_officer_names_across_exhibits(filing: Path) -> None:
    harness.check_fixture(filing, "CL51,CL604", ["--filings"])


def test_every_officer_filing_has_a_sidecar() -> None:
    assert len(CASES) == 5
    assert harness.sidecars_match(FILINGS, filings=True)


def test_the_odd_spelling_is_reported_naming_the_other_exhibit() -> None:
    assert harness.expected_lines(FILINGS / "misspelt-surname") == [
        "ex32-1.md:24:9: CL513 the principal financial officer's name is spelled 'John R. Rowe' here, "
        "'John R. Roe' in misspelt-surname/ex31-2.htm"]


def test_different_officers_are_not_one_misspelt() -> None:
    assert harness.expected_lines(FILINGS / "different-officers") == []


def test_nothing_is_reported_outside_repository_mode() -> None:
    assert harness.lint(FILINGS / "misspelt-surname" / "ex32-1.md", "CL513,CL514") == []
