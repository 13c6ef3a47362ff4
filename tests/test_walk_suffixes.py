"""Folder walks lint every documented format, whatever the case of its suffix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from certlint.document import BYTES_READER_MODULES, SUFFIX_FORMATS
from certlint.engine.config import Config
from certlint.engine.linter import iter_files
from tests.conftest import ROOT, run_cli

CERTIFICATION = (ROOT / "examples" / "innovo-group-10-K-A-ex32.txt").read_text(encoding="utf-8")


def test_every_reader_suffix_is_walked_in_any_case(tmp_path: Path) -> None:
    names = ["a.txt", "b.text", "c.TXT", "d.Htm", "e.HTML", "f.xhtml", "g.XHTML", "h.md", "i.MarkDown",
             "j.docx", "k.DOCX", "skip.yaml", "skip.txt.orig", "skip.pdf"]
    for name in names:
        (tmp_path / name).write_text("x\n")
    walked = [Path(p).name for p in iter_files([str(tmp_path)], Config(root=tmp_path))]
    assert walked == [n for n in names if not n.startswith("skip")]
    assert {Path(g).suffix for g in Config().include} == {*SUFFIX_FORMATS, *BYTES_READER_MODULES}


def test_upper_case_and_text_files_are_linted(tmp_path: Path) -> None:
    (tmp_path / "EX32.TXT").write_text(CERTIFICATION)
    (tmp_path / "ex32.text").write_text(CERTIFICATION)
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in CERTIFICATION.splitlines()) + "</body></html>"
    (tmp_path / "ex32.xhtml").write_text(html)
    code, out, _ = run_cli(["--isolated", "--select", "CL301", str(tmp_path)])
    assert code == 1
    assert sorted({Path(line.split(":")[0]).name for line in out.splitlines()}) == \
        ["EX32.TXT", "ex32.text", "ex32.xhtml"]


def test_user_include_globs_match_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "A.TXT").write_text("x\n")
    (tmp_path / "b.md").write_text("x\n")
    config = Config(root=tmp_path, include=("*.txt",))
    assert [Path(p).name for p in iter_files([str(tmp_path)], config)] == ["A.TXT"]


@pytest.mark.parametrize("name", ["x.txt", "x.TXT", "x.text", "x.Htm", "x.xhtml", "x.MD", "x.docx"])
def test_the_per_file_hook_passes_what_the_walk_lints(name: str) -> None:
    [hook] = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()) if h["id"] == "certlint"]
    assert re.search(hook["files"], name)
    assert not re.search(hook["files"], "x.yaml")
