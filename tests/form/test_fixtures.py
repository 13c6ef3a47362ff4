"""Each fixture of tests/fixtures/form gives exactly its sidecar's `line:col: CODE message` lines
from the form rules (an empty sidecar: a clean document; see tests.harness)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES

FORM_FIXTURES = FIXTURES / "form"
DOCUMENTS = harness.fixtures(FORM_FIXTURES)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_fixture(path: Path) -> None:
    # The form packs' codes only: the fixtures are cut to show the form rules (some have no
    # signature block, or a title in the opening line, which the name and title rules report).
    harness.check_fixture(path, "CL1,CL2")


def test_every_fixture_has_a_sidecar() -> None:
    assert len(DOCUMENTS) >= 33
    assert harness.sidecars_match(FORM_FIXTURES)


def test_consecutive_missing_paragraphs_are_one_diagnostic_at_the_first() -> None:
    """4(c) and 4(d) are missing from one place: one CL211 naming both, where 4(c) belonged (at
    paragraph 5, the next paragraph written), not one per paragraph."""
    found = harness.run(FORM_FIXTURES / "current-missing-4c-4d.txt", "CL2").lines
    assert found == ["36:1: CL211 paragraphs 4(c), 4(d): missing (current form)"]
