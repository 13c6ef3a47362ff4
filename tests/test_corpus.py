"""The real corpus (../shared/corpus/real): every file lints without a traceback, and the
diagnostics are exactly the reviewed list in fixtures/corpus/expected.txt, each a real defect
of the filing (the reasons are in that file's comments). Skipped where the corpus is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

EXPECTED = FIXTURES / "corpus" / "expected.txt"


def expected_lines() -> list[str]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_corpus_diagnostics_are_the_reviewed_real_defects(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus)
    code, out, err = run_cli(["--isolated", "--today", "2026-11-28", "."])
    assert "Traceback" not in err
    assert err == ""
    assert code in (0, 1)
    assert out.splitlines() == [line.replace("/", os.sep) for line in expected_lines()]
