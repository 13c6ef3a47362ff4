"""Quick fixes are --fix's edits: none where --fix refuses, the same text where it applies."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")
pytest.importorskip("pytest_lsp", reason="the LSP tests need pytest-lsp")

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.conftest import ROOT, run_cli

# The server fixtures of the end-to-end tests: a client session over a workspace.
from tests.lsp.test_server import _apply, _diagnostics, client, workspace  # noqa: F401

pytestmark = pytest.mark.asyncio

SOURCE = (ROOT / "tests" / "fixtures" / "output" / "ex32-defects.txt").read_text(encoding="utf-8")
#: The statutory phrase wrapped over a line, indented: --fix keeps the break and the spaces.
WRAPPED = SOURCE.replace("result of operations", "result of\n   operations")
#: The misspelled title split by markup: --fix refuses it, it would delete the `</b>`.
MARKUP = "<html><body>\n" + "".join(f"<p>{line}</p>\n" for line in
                                    SOURCE.replace("Exectuive", "<b>EXE</b>CUTVE").splitlines()) + "</body></html>\n"


def _open(session: LanguageClient, uri: str, text: str, language: str) -> None:
    session.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))


async def _fixes(session: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.TextEdit]:
    actions = await session.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    edits: list[types.TextEdit] = []
    for action in actions or []:
        assert isinstance(action, types.CodeAction) and action.edit is not None and action.edit.changes
        if action.diagnostics and action.diagnostics[0].code == diagnostic.code:
            edits.extend(action.edit.changes[uri])
    return edits


def _fixed_by_cli(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    run_cli(["--config", str(folder / ".certlint.yaml"), "--fix", str(path)])
    return path.read_text(encoding="utf-8")


@pytest.fixture
def folder(workspace: Path) -> Path:  # noqa: F811
    target = workspace / "drafts"
    target.mkdir()
    (target / ".certlint.yaml").write_text("select: [CL1, CL3]\n")
    return target


async def test_no_quick_fix_where_fix_refuses(client: LanguageClient, folder: Path) -> None:  # noqa: F811
    uri = (folder / "ex32.htm").as_uri()
    _open(client, uri, MARKUP, "html")
    found = {d.code: d for d in await _diagnostics(client, uri)}
    assert {"CL103", "CL301", "CL302"} <= set(found)
    assert await _fixes(client, uri, found["CL301"]) == []
    [edit] = await _fixes(client, uri, found["CL302"])
    assert _apply(MARKUP, edit) == MARKUP.replace("Principle", "Principal")
    # The CLI agrees: the markup span stays as it is.
    assert "<b>EXE</b>CUTVE" in _fixed_by_cli(folder, "copy.htm", MARKUP)


async def test_a_wrapped_phrase_is_fixed_as_fix_fixes_it(client: LanguageClient, folder: Path) -> None:  # noqa: F811
    uri = (folder / "ex32.txt").as_uri()
    _open(client, uri, WRAPPED, "plaintext")
    found = {d.code: d for d in await _diagnostics(client, uri)}
    [edit] = await _fixes(client, uri, found["CL103"])
    assert edit.new_text == "results of\n   operations"
    buffer = _apply(WRAPPED, edit)
    for code in ("CL301", "CL302"):
        [other] = await _fixes(client, uri, found[code])
        buffer = _apply(buffer, other)  # on other lines: the earlier edit moved nothing
    assert buffer == _fixed_by_cli(folder, "copy.txt", WRAPPED)
    assert "results of\n   operations" in buffer
