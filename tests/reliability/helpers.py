"""Shared by the reliability suite: a defective exhibit, a real certlint process, tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tests.conftest import ROOT

#: A real exhibit with one misspelled title word (CL301), so every run has a finding.
INNOVO = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"


def certlint_process(argv: Sequence[str | bytes], cwd: Path, env: dict[str, str] | None = None,
                     timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """`python -m certlint ARGV` in `cwd`: the real streams, signals and exit status."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "certlint", *argv], cwd=cwd, env=environment,
                          capture_output=True, timeout=timeout, check=False)


def assert_one_line_error(status: int, err: str, *needles: str) -> None:
    """Exit 2 with one `certlint: error:` line naming what is at fault, and no traceback."""
    assert "Traceback" not in err, err
    assert status == 2, (status, err)
    lines = [line for line in err.splitlines() if line.startswith("certlint: error:")]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], (needle, err)
