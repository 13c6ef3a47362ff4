"""The progress bar of long runs: drawn on a terminal's stderr, never in a pipe or with --quiet.

The run is a real `certlint` process whose stderr is a pseudo-terminal (`pty`), as in a shell;
`CERTLINT_PROGRESS_DELAY=0` draws the bar at once rather than after a second of linting.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX")

pytestmark = pytest.mark.slow  # starts certlint processes

CERT = "I, Jane Doe, certify that:\n1. I have reviewed this annual report on Form 10-K of Acme Inc.;\n"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    for number in range(150):
        (tmp_path / f"ex31-{number:03}.txt").write_text(CERT, encoding="utf-8")
    return tmp_path


def _run(folder: Path, *options: str, terminal: bool = True, delay: str = "0") -> tuple[int, str, bytes]:
    """certlint over `folder`: exit status, stdout, and what reached stderr."""
    env = {**os.environ, "CERTLINT_PROGRESS_DELAY": delay}
    command = [sys.executable, "-m", "certlint", "--isolated", "--select", "CL3", *options, str(folder)]
    if not terminal:
        done = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
        return done.returncode, done.stdout.decode(), done.stderr
    main, secondary = pty.openpty()
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=secondary, env=env)
    finally:
        os.close(secondary)
    out, _ = process.communicate(timeout=120)
    err = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        err += chunk
    os.close(main)
    return process.returncode, out.decode(), err


def test_a_terminal_gets_a_bar_counting_the_files(many: Path) -> None:
    status, out, err = _run(many)
    assert (status, out) == (0, "")
    assert b"certlint" in err and b"/150" in err  # "12/150": the files done of the run's
    assert "\u2501".encode() in err  # the bar itself


def test_the_bar_waits_for_a_slow_run(many: Path) -> None:
    assert b"/150" not in _run(many, delay="60")[2]


@pytest.mark.parametrize("options", [("--quiet",), ("-q",)])
def test_quiet_draws_no_bar(many: Path, options: tuple[str, ...]) -> None:
    assert b"/150" not in _run(many, *options)[2]


def test_a_pipe_gets_no_bar(many: Path) -> None:
    status, out, err = _run(many, terminal=False)
    assert (status, out, err) == (0, "", b"")


def test_a_parallel_run_draws_one_too(many: Path) -> None:
    status, _, err = _run(many, "--jobs", "2")
    assert status == 0 and b"/150" in err
