"""Issue 8 on real exhibits: --fix changes only the defective words of the shared corpus, byte-exact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

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
    shutil.copytree(corpus, copy)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["--isolated", "--fix", "real"])
    assert err == "certlint: fixed 4, 4 remaining\n"
    # What remains has no safe fix: a missing clause, a missing comma, a change of person.
    assert code == 1
    assert [line.split(" ")[:2] for line in out.splitlines()] == [
        ["real/24holdings_10-KSB_2007-12-31_31.2.txt:6:1:", "CL504"],
        ["real/derived/dxp-enterprises_10-Q_2024-09-30_32.1.md:7:129:", "CL506"],
        ["real/derived/dxp-enterprises_10-Q_2024-09-30_32.2.md:7:129:", "CL506"],
        ["real/inbody/intel_10-K_2002-12-28_inbody-906.htm:5:155:", "CL101"]]
    for original in sorted(p for p in corpus.rglob("*") if p.is_file()):
        name = original.relative_to(corpus).as_posix()
        data = original.read_bytes()
        if name in EXPECTED:
            old, new = EXPECTED[name]
            assert data.count(old) == 1, name
            data = data.replace(old, new)
        assert (copy / name).read_bytes() == data, name
    assert run_cli(["--isolated", "--fix", "real"])[2] == "certlint: fixed 0, 4 remaining\n"
