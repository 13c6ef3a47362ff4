"""The report over the real corpora (about 150 documents): within its time and size budget, and
with every diagnostic of the run placed in the text.

Acceptance 3 of the report: under 10 s on one core and under 5 MB. The time is the process's
CPU time (the run is single-threaded), so that other work on the machine does not count.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.conftest import SHARED, run_cli

CORPORA = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2"]
SECONDS, BYTES = 10.0, 5_000_000


def test_corpus_report_within_budget(tmp_path: Path) -> None:
    if not all(folder.is_dir() for folder in CORPORA):
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    target = tmp_path / "report.html"
    started = time.process_time()
    code, _, err = run_cli(["report", "--isolated", "--today", "2026-11-28", *map(str, CORPORA),
                            "-o", str(target)])
    seconds = time.process_time() - started
    assert code == 0, err
    size = target.stat().st_size
    print(f"report of {len(CORPORA)} corpora: {seconds:.2f} s CPU, {size / 1e6:.2f} MB")
    assert seconds < SECONDS
    assert size < BYTES
    page = target.read_text(encoding="utf-8")
    _, default, _ = run_cli(["--isolated", "--today", "2026-11-28", "--filings", *map(str, CORPORA)])
    documents = int(re.search(r"(\d+) document\(s\)", page).group(1))  # type: ignore[union-attr]
    assert documents >= 140
    places = set(re.findall(r'id="d-(\d+)"', page))
    assert len(places) == len(default.splitlines()) == len(set(re.findall(r'id="n-(\d+)"', page)))
