"""Running the CLI over the output fixtures, from the checkout root so paths are relative."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SHARED, run_cli

OUTPUT_FIXTURES = FIXTURES / "output"
DEFECTS = "tests/fixtures/output/ex32-defects.txt"
CLEAN = "tests/fixtures/output/ex32-clean.txt"
#: Only the rules the fixtures were written for, so rules added later do not change the goldens.
SELECT = "CL1,CL301,CL302"


def shared_dir() -> Path:
    """The shared folder (found by tests.conftest: beside the checkout, or further up)."""
    return SHARED


def run_format(fmt: str, *paths: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(ROOT)
    return run_cli(["--isolated", "--select", SELECT, "--format", fmt, *(paths or (DEFECTS, CLEAN))])


def golden(name: str, actual: str) -> str:
    """The expected text; CERTLINT_UPDATE_GOLDEN=1 rewrites it from `actual` (review the diff)."""
    path: Path = OUTPUT_FIXTURES / name
    if os.environ.get("CERTLINT_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8", newline="")
    return path.read_text(encoding="utf-8")
