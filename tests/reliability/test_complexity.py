"""Complexity: inputs that cost quadratic time or memory. Each runs in a child process with a
deadline far above its linear cost (a few seconds), so a regression fails instead of hanging.
`benchmarks/scaling.py` measures the scaling itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from certlint.checks.title_support import split_titles
from tests.conftest import ROOT

# Peak memory by tracemalloc: a child's ru_maxrss would include the test process's own (Linux
# keeps the maximum across exec).
CHILD = """
import sys, tracemalloc, certlint
text = open(sys.argv[1], encoding="utf-8").read()
tracemalloc.start()
certlint.lint_text(text, "long.txt")
print(tracemalloc.get_traced_memory()[1] // 2**20)
"""


def test_18_one_very_long_paragraph(tmp_path: Path) -> None:
    # 150 KB of title words joined by "and", after "BY ... AS": every "and" was a place to split
    # the titles, each tried on the whole text (minutes, and every prefix kept in a cache).
    unit = "chief executive officer and principal financial officer and "
    text = "BY JANE DOE AND JOHN ROE AS " + unit * (150_000 // len(unit)) + "chief officer\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "long.txt")], capture_output=True,
                          text=True, timeout=90, check=True, env={"PYTHONPATH": str(ROOT)})
    assert int(done.stdout) < 100, f"peak memory {done.stdout.strip()} MB"


def test_18_titles_still_split_where_unambiguous() -> None:
    text = "Chief Executive Officer and Chief Financial Officer"
    first, second = split_titles(text, 2, 10)
    assert first is not None and second is not None
    assert (first.text, second.text, second.start) == ("Chief Executive Officer", "Chief Financial Officer", 38)
    assert split_titles("President and Treasurer and Secretary", 2, 0) == [None, None]  # two places
    assert split_titles(text, 3, 0) == [None, None, None]
