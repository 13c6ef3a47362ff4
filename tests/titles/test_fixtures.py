"""Each fixture of tests/fixtures/titles gives exactly the `line:col: CODE message` lines of its
sidecar under every default rule (an empty sidecar: the document is clean; see tests.harness)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES

TITLES = FIXTURES / "titles"
CASES = harness.fixtures(TITLES)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fixture(path: Path) -> None:
    harness.check_fixture(path)


def test_every_fixture_has_a_sidecar() -> None:
    assert len(CASES) == 37
    assert harness.sidecars_match(TITLES)


@pytest.mark.parametrize(("name", "problem"), [
    ("middle-initial.txt", "66:10: CL501"),
    ("surname-misspelled.txt", "66:13: CL501"),
    ("two-signers-302.txt", "71:1: CL502"),
    ("title-in-intro.txt", "5:17: CL503"),
    ("unknown-role.txt", "69:1: CL306"),
    ("heading-title.txt", "4:4: CL307"),
    ("power-of-attorney.txt", "66:18: CL507"),
    ("company-variant.txt", "18:66: CL508"),
    ("joint-906-missing-signer.txt", "28:1: CL505"),
    ("typed-signature.txt", "65:1: CL510"),
    ("blank-date.txt", "64:1: CL511"),
    ("nickname.txt", "65:5: CL509"),
])
def test_every_issue_case_has_a_fixture(name: str, problem: str) -> None:
    """The cases the title and name rules were written for, each with the code it must report."""
    reported = [str(harness.problem_of(line)) for line in harness.expected_lines(TITLES / name)]
    assert problem in reported
