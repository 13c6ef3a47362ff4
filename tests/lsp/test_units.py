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


def test_code_description_links_to_the_pack_or_to_docs_url() -> None:
    """The editor's link under a diagnostic: the pack YAML declaring the rule (its description,
    source and examples), or the user's `docs-url`; never a made-up site."""
    from dataclasses import replace

    from certlint.engine.setup import SetupOptions, build_linter
    from certlint.lsp.convert import code_href, convert
    from certlint.ruleset.loader import builtin_pack_dir

    linter = build_linter(SetupOptions(isolated=True))
    assert code_href(linter, "CL301") == (builtin_pack_dir() / "officer-titles.yaml").resolve().as_uri()
    text = "I, Jane Doe, certify that:\nCheif Executive Officer\n"
    [found] = [d for d in linter.lint_text("ex31.txt", text) if d.code == "CL301"]
    published = convert(found, LineIndex(text), "utf-16", linter, text)
    assert published.lsp.code_description is not None
    assert published.lsp.code_description.href.endswith("/officer-titles.yaml")
    linter.config = replace(linter.config, docs_url="https://docs.example/rules/{code}")
    assert code_href(linter, "CL301") == "https://docs.example/rules/CL301"
    linter.config = replace(linter.config, docs_url=None)
    assert code_href(linter, "XX999") is None  # no pack declares it: no link


def test_a_document_that_is_no_certification_gets_no_lsp_diagnostics() -> None:
    from certlint.engine.setup import SetupOptions, build_linter
    from certlint.lsp.server import LintJob

    linter = build_linter(SetupOptions(isolated=True))
    job = LintJob("README.md", "# Notes\n\nCheif Executive Officer\n", 1, "utf-16", linter)
    import asyncio

    async def run() -> tuple[list[object], str | None, str | None]:
        published, warning, note = await job.start()
        return list(published), warning, note

    assert asyncio.run(run()) == ([], None, "certlint: README.md: not linted: it makes no certification "
                                            "statement (all-documents in the config lints it)")
    assert linter.not_certifications == []  # taken, so a long session does not pile them up
