"""Golden fixture documents: each `X` in tests/fixtures/dates has `X.expected` in the CLI format
(`line:col: CODE message`, path left out), under the facts of the folder's `.certlint.yaml`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

FOLDER = FIXTURES / "dates"
DOCUMENTS = sorted(p for p in FOLDER.iterdir() if p.suffix in (".txt", ".htm", ".md"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_fixture(document: Path) -> None:
    code, out, err = run_cli(["--config", str(FOLDER / ".certlint.yaml"), "--select", "CL4",
                              "--today", "2026-01-01", str(document)])
    expected = Path(f"{document}.expected").read_text(encoding="utf-8")
    assert err == ""
    assert out.replace(f"{document}:", "") == expected
    assert code == (1 if expected else 0)


def test_every_fixture_has_an_expectation() -> None:
    assert len(DOCUMENTS) >= 3
    assert all(Path(f"{p}.expected").is_file() for p in DOCUMENTS)
