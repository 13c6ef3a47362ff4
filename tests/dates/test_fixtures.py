"""Golden fixture documents of tests/fixtures/dates, each with its sidecar (see tests.harness),
under the facts of the folder's `.certlint.yaml` and today 2026-01-01."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "dates"
DOCUMENTS = harness.fixtures(FOLDER)


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_fixture(document: Path) -> None:
    harness.check_fixture(document, "CL4", ["--config", ".certlint.yaml", "--today", "2026-01-01"])


def test_every_fixture_has_an_expectation() -> None:
    assert len(DOCUMENTS) >= 3
    assert harness.sidecars_match(FOLDER)
