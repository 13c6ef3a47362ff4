"""The README's VS Code problem matcher and Vim errorformat read certlint's default output."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT, run_cli
from tests.output.helpers import DEFECTS, SELECT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_vscode_problem_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"```json\n(\{\n  \"version\": \"2\.0\.0\".*?)\n```", README, re.S)
    assert block, "the README's tasks.json example"
    matcher = json.loads(block.group(1))["tasks"][0]["problemMatcher"]
    pattern = matcher["pattern"]
    monkeypatch.chdir(ROOT)
    _, out, _ = run_cli(["--isolated", "--select", SELECT, DEFECTS])
    found = []
    for line in out.splitlines():
        match = re.match(pattern["regexp"], line)
        assert match, line
        found.append(tuple(match.group(pattern[k]) for k in ("file", "line", "column", "code")))
    assert found == [(DEFECTS, "14", "39", "CL103"), (DEFECTS, "20", "7", "CL301"),
                     (DEFECTS, "21", "2", "CL302")]


def test_readme_vim_errorformat_is_the_tested_one() -> None:
    assert r"set makeprg=certlint errorformat=%f:%l:%v:\ %m" in README
