"""The README's Neovim 0.7-0.9 recipe, in the Neovim Debian ships, headless: diagnostics where the
problem is, and the quick fix leaves the buffer as --fix leaves the file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not installed (CI installs Debian's neovim)")

#: Curly quotes before the misspelling: LSP's UTF-16 columns, Neovim's byte columns, certlint's characters.
TEXT = """\
CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350

I, Jane Doe, certify that the Report fully complies with the requirements.

“Signed” Chief Exectuive Officer
"""

HARNESS = r"""
local out = {}
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(out, string.format("%d|%d|%s", d.lnum, d.col, code))
end
vim.fn.writefile(out, "@DIAGNOSTICS@")
local first = vim.diagnostic.get(0)[1]
vim.api.nvim_win_set_cursor(0, {first.lnum + 1, first.col})
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {} }
local replies = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000) or {}
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, "utf-16") end
  end
end
vim.fn.writefile(vim.api.nvim_buf_get_lines(0, 0, -1, false), "@BUFFER@")
vim.cmd("qa!")
"""


def readme_recipe() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("**Neovim 0.7 to 0.9**", 1)[1]
    match = re.search(r"```lua\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def test_readme_recipe_in_neovim(tmp_path: Path) -> None:
    assert NVIM is not None
    (tmp_path / ".certlint.yaml").write_text("select: [CL301]\n")
    document = tmp_path / "ex32.txt"
    document.write_text(TEXT, encoding="utf-8")
    (tmp_path / "init.lua").write_text(readme_recipe(), encoding="utf-8")
    diagnostics, buffer = tmp_path / "diagnostics.txt", tmp_path / "buffer.txt"
    (tmp_path / "harness.lua").write_text(HARNESS.replace("@DIAGNOSTICS@", str(diagnostics)).replace("@BUFFER@", str(buffer)), encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "CERTLINT_LSP_DEBOUNCE": "0.1"}
    subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", "init.lua", "-c", "luafile harness.lua",
                    "ex32.txt"], cwd=tmp_path, env=env, check=True, timeout=120, stdin=subprocess.DEVNULL,
                   capture_output=True)
    line = TEXT.splitlines()[4]
    byte_column = len(line[: line.index("Exectuive")].encode())
    assert diagnostics.read_text().splitlines() == [f"4|{byte_column}|CL301"]
    run_cli(["--config", str(tmp_path / ".certlint.yaml"), "--fix", str(document)])
    assert buffer.read_text(encoding="utf-8") == document.read_text(encoding="utf-8")
    assert "Chief Executive Officer" in buffer.read_text(encoding="utf-8")
