"""On real exhibits, --fix changes only the defective words of the shared corpus, byte-exact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

# The corpus's fixable real defects (see shared/corpus/README.md), as byte replacements.
EXPECTED = {
    "24holdings_10-KSB_2007-12-31_32.1.txt": (b"and result of  operations", b"and results of  operations"),
    "24holdings_10-KSB_2007-12-31_32.2.txt": (b"and result of  operations", b"and results of  operations"),
    "inbody/intel_10-K_2002-12-28_inbody-906.htm": (b"results of operation of", b"results of operations of"),
    "innovo-group_10-K-A_2003-11-29_32.txt": (b"PRINCIPAL EXEUCTIVE", b"PRINCIPAL EXECUTIVE"),
}


def test_fix_on_the_corpus_changes_only_the_defective_words(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "real"
    shutil.copytree(corpus, copy, copy_function=shutil.copyfile)  # writable copies: --fix skips read-only files
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["--isolated", "--today", "2026-11-28", "--fix", "real"])
    # What remains is the reviewed list of real defects less the four fixed words: none of them
    # has a safe fix (a missing clause, a missing comma, form wording for a person to review).
    reviewed = [line for line in (FIXTURES / "corpus" / "expected.txt").read_text().splitlines()
                if line and not line.startswith("#")]
    remaining = [f"real/{line}" for line in reviewed if " CL103 " not in line and " CL301 " not in line]
    assert err == f"certlint: fixed 4, {len(remaining)} remaining\n"
    assert code == 1
    assert out.splitlines() == remaining
    for original in sorted(p for p in corpus.rglob("*") if p.is_file()):
        name = original.relative_to(corpus).as_posix()
        data = original.read_bytes()
        if name in EXPECTED:
            old, new = EXPECTED[name]
            assert data.count(old) == 1, name
            data = data.replace(old, new)
        assert (copy / name).read_bytes() == data, name
    assert run_cli(["--isolated", "--today", "2026-11-28", "--fix", "real"])[2] == (
        f"certlint: fixed 0, {len(remaining)} remaining\n")
