"""Each core rule kind against fixture documents, compared with their sidecars (see tests.harness).

The documents of tests/fixtures/core are linted with `core-pack.yaml` only. The positions were
checked by hand against the files: wrapped phrases, CRLF, cp1252 with curly quotes, an NFKC
ligature, a BOM with NBSP and tab, and required phrases that are missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES

CORE = FIXTURES / "core"
CASES = harness.fixtures(CORE)


@pytest.mark.parametrize("document", CASES, ids=[p.name for p in CASES])
def test_fixture(document: Path) -> None:
    harness.check_fixture(document, "TC", ["--rules", "core-pack.yaml"])


def test_every_fixture_has_a_sidecar() -> None:
    assert len(CASES) == 6
    assert harness.sidecars_match(CORE)


def test_each_kind_is_exercised() -> None:
    """The fixtures report every rule of the core pack at least once."""
    reported = {harness.problem_of(line).code for p in CASES for line in harness.expected_lines(p)}
    assert reported == {"TC101", "TC102", "TC103", "TC104", "TC105", "TC106"}
