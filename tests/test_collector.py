"""The collector's tuning: a lint run's processes collect rarely, a library caller's never changes."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from certlint.engine.collector import THRESHOLD, collect_less_often

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def restored() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


@pytest.mark.usefixtures("restored")
def test_raises_the_youngest_threshold_only() -> None:
    gc.set_threshold(700, 11, 12)
    collect_less_often()
    assert gc.get_threshold() == (THRESHOLD, 11, 12)


@pytest.mark.usefixtures("restored")
def test_keeps_a_higher_threshold_set_by_the_user() -> None:
    gc.set_threshold(THRESHOLD * 5, 10, 10)
    collect_less_often()
    assert gc.get_threshold() == (THRESHOLD * 5, 10, 10)


def _threshold_after(code: str) -> int:
    script = f"import gc, io\n{code}\nprint(gc.get_threshold()[0])"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120)
    return int(done.stdout.split()[-1])


def test_the_command_line_run_collects_less_often() -> None:
    run = ("import sys\n"
           "sys.argv = ['certlint', '--isolated', '--exit-zero', '--quiet', 'examples/']\n"
           "from certlint.__main__ import main\n"
           "main()")
    assert _threshold_after(run) == THRESHOLD


def test_the_library_leaves_the_collector_alone() -> None:
    run = ("from certlint.api import lint\n"
           "lint(['examples/'])")
    assert _threshold_after(run) == 700


def test_a_worker_collects_less_often() -> None:
    run = ("from certlint.engine import parallel\n"
           "from certlint.engine.setup import SetupOptions\n"
           "from concurrent.futures import ProcessPoolExecutor\n"
           "with ProcessPoolExecutor(1, initializer=parallel._init_worker,\n"
           "                         initargs=(SetupOptions(isolated=True),)) as pool:\n"
           "    print(pool.submit(gc.get_threshold).result()[0])\n"
           "print(gc.get_threshold()[0])")
    script = f"import gc, io\n{run}"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120)
    worker, parent = map(int, done.stdout.split()[-2:])
    assert (worker, parent) == (THRESHOLD, 700)
