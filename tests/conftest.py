"""Shared test helpers: run the CLI in-process, lint inline text, find the shared corpus."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from certlint.cli import main

# The harness's asserts are the tests' asserts: show their values on failure.
pytest.register_assert_rewrite("tests.harness")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# CI puts shared/ beside the checkout; a worktree may sit deeper, so look up the parents too.
SHARED = next((parent / "shared" for parent in ROOT.parents if (parent / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "real"


def run_cli(argv: Sequence[str]) -> tuple[int, str, str]:
    """main(argv) with captured stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    return CORPUS
