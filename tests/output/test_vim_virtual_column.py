"""The README's Vim recipe reads the column with `%v`: exact on lines with curly quotes, where `%c` is not."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

VIM = shutil.which("vim")
pytestmark = pytest.mark.skipif(VIM is None, reason="vim is not installed (CI installs the 'vim' package)")

#: Non-ASCII before each problem: curly quotes and an em dash (one column each, several bytes).
TEXT = """\
I, “Jane Doe”, certify that — as “Chief Exectuive Officer” — this is so.
‘Principle’ Executive Officer — and Chief Finanical Officer
"""

SCRIPT = r"""
set errorformat={efm}
set hidden nomore encoding=utf-8
cgetfile {errors}
let g:landed = []
for i in range(1, len(getqflist()))
  execute 'silent cc ' . i
  call add(g:landed, line('.') . '|' . strcharlen(getline('.')[: col('.') - 2]))
endfor
call writefile(g:landed, '{landed}')
qa!
"""


def landings(tmp_path: Path, efm: str, errors: Path) -> list[tuple[int, int]]:
    """(line, characters before the cursor) where Vim puts the cursor for each entry."""
    assert VIM is not None
    landed = tmp_path / "landed.txt"
    script = tmp_path / "qf.vim"
    script.write_text(SCRIPT.format(efm=efm, errors=errors, landed=landed), encoding="utf-8")
    subprocess.run([VIM, "-E", "-s", "-N", "-u", "NONE", "-i", "NONE", "-S", str(script)], cwd=tmp_path,
                   check=True, timeout=60, stdin=subprocess.DEVNULL, capture_output=True)
    return [(int(a), int(b)) for a, b in (row.split("|") for row in landed.read_text().splitlines())]


def readme_errorformat() -> str:
    match = re.search(r"errorformat=((?:\\ |\S)+)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert match is not None
    return match.group(1)


def test_the_readme_errorformat_lands_on_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ex31.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["--isolated", "--select", "CL301,CL302", "ex31.txt"])
    assert code == 1
    expected = [(int(line), int(col) - 1) for line, col in re.findall(r"^ex31\.txt:(\d+):(\d+):", out, re.M)]
    assert len(expected) == 3
    errors = tmp_path / "errors.txt"
    errors.write_text(out, encoding="utf-8")
    assert readme_errorformat() == r"%f:%l:%v:\ %m"
    assert landings(tmp_path, readme_errorformat(), errors) == expected
    # `%c` is a byte column: on these lines it lands left of the problem.
    assert landings(tmp_path, r"%f:%l:%c:\ %m", errors) != expected
