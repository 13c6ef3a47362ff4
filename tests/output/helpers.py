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
    """The expected text of the golden file `name`.

    With CERTLINT_UPDATE_GOLDEN=1 a golden file that differs from `actual` is rewritten and the
    test fails (review the diff, then run again): an update run never passes by comparing the
    output with itself.
    """
    path: Path = OUTPUT_FIXTURES / name
    expected = path.read_text(encoding="utf-8") if path.is_file() else None
    if os.environ.get("CERTLINT_UPDATE_GOLDEN") and expected != actual:
        path.write_text(actual, encoding="utf-8", newline="")
        pytest.fail(f"{path} rewritten from the output: review the diff and run the tests again")
    assert expected is not None, f"no golden file {path} (CERTLINT_UPDATE_GOLDEN=1 writes it)"
    return expected
