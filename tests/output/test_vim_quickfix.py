"""The default format in Vim's quickfix list (the README's errorformat `%f:%l:%v:\\ %m`), run headless."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

VIM = shutil.which("vim")
# Slow: each test runs vim.
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(VIM is None, reason="vim is not installed (CI installs the 'vim' package)")]

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<text>.*)$")

SCRIPT = r"""
set errorformat=%f:%l:%v:\ %m
set hidden nomore
{load}
call writefile(map(getqflist(), {{_, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col . '|'
      \ . e.valid . '|' . e.text}}), '{listing}')
let g:landed = []
for i in range(1, len(getqflist()))
  execute 'silent cc ' . i
  call add(g:landed, expand('%') . '|' . line('.') . '|' . col('.'))
endfor
call writefile(g:landed, '{landed}')
qa!
"""


def _vim(tmp_path: Path, load: str) -> tuple[list[str], list[str]]:
    assert VIM is not None
    listing, landed = tmp_path / "qflist.txt", tmp_path / "landed.txt"
    script = tmp_path / "quickfix.vim"
    script.write_text(SCRIPT.format(load=load, listing=listing, landed=landed), encoding="utf-8")
    subprocess.run([VIM, "-E", "-s", "-N", "-u", "NONE", "-i", "NONE", "-S", str(script)],
                   cwd=ROOT, check=True, timeout=60, stdin=subprocess.DEVNULL, capture_output=True)
    return listing.read_text(encoding="utf-8").splitlines(), landed.read_text(encoding="utf-8").splitlines()


def _expected(out: str) -> tuple[list[str], list[str]]:
    entries, places = [], []
    for line in out.splitlines():
        match = LINE.match(line)
        assert match, line
        file, row, col = match["file"], int(match["line"]), int(match["col"])
        entries.append(f"{file}|{row}|{col}|1|{match['text']}")
        # Vim reads %v as a screen column: the character column here, the lines being ASCII before it.
        source = (ROOT / file).read_text(encoding="utf-8").splitlines()[row - 1]
        assert source[: col - 1].isascii(), f"{file}:{row}: non-ASCII before the column"
        places.append(f"{file}|{row}|{col}")
    return entries, places


def test_quickfix_from_cgetfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run_cli(["--isolated", "examples", "tests/fixtures/output/ex32-defects.txt"])
    assert code == 1 and out.count("\n") >= 5
    errors = tmp_path / "errors.txt"
    errors.write_text(out, encoding="utf-8")
    assert _vim(tmp_path, f"cgetfile {errors}") == _expected(out)


def test_quickfix_from_make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    makeprg = f"{sys.executable} -m certlint --isolated"
    load = f"let &makeprg = '{makeprg}'\nsilent make examples"
    _, out, _ = run_cli(["--isolated", "examples"])
    assert _vim(tmp_path, load) == _expected(out)
