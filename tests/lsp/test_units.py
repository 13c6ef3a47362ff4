"""In-process tests of the server's helpers, and of start-up staying free of pygls."""

from __future__ import annotations

import subprocess
import sys

import pytest

from certlint.document.lines import LineIndex
from tests.conftest import ROOT, run_cli

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")


@pytest.mark.parametrize(("encoding", "character"), [("utf-16", 7), ("utf-32", 6), ("utf-8", 13)])
def test_positions_in_each_encoding(encoding: str, character: int) -> None:
    from certlint.lsp import lsp_position

    text = "first\r\n“a” 🙂 CHEIF\n"
    position = lsp_position(LineIndex(text), text.index("CHEIF"), encoding)
    assert (position.line, position.character) == (1, character)


def test_plain_runs_do_not_import_pygls() -> None:
    code = ("import sys, io; from certlint.cli import main; "
            "main(['--isolated', 'examples'], stdout=io.StringIO(), stderr=io.StringIO()); "
            "main(['rules', '--isolated'], stdout=io.StringIO(), stderr=io.StringIO()); "
            "print(sorted(m for m in sys.modules "
            "             if m == 'certlint.lsp' or m.split('.')[0] in ('pygls', 'lsprotocol')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout == "[]\n"


def test_lsp_help() -> None:
    code, out, _ = run_cli(["lsp", "--help"])
    assert code == 0 and "--stdio" in out
