"""The Innovo Group misspelling at 7:41, and the corrected file is clean."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_cli

INNOVO = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"


def test_innovo_misspelling_reported_at_7_41() -> None:
    code, out, err = run_cli([str(INNOVO)])
    assert code == 1, err
    assert out == (f"{INNOVO}:7:41: CL301 misspelled title word 'EXEUCTIVE': "
                   "did you mean 'EXECUTIVE'?\n")


def test_innovo_corrected_is_clean(tmp_path: Path) -> None:
    fixed = tmp_path / "innovo-fixed.txt"
    fixed.write_bytes(INNOVO.read_bytes().replace(b"EXEUCTIVE", b"EXECUTIVE"))
    assert run_cli([str(fixed)]) == (0, "", "")
