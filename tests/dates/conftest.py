"""The shared corpus for the date tests: beside the checkout (CI, main) or beside the worktrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

_CANDIDATES = (CORPUS, ROOT.parent.parent / "shared" / "corpus" / "real")


@pytest.fixture
def corpus() -> Path:
    for candidate in _CANDIDATES:
        if candidate.is_dir():
            return candidate
    pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
