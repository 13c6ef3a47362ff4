"""End-to-end tests of `certlint lsp`: pytest-lsp starts the server as a subprocess and talks LSP."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")
pytest.importorskip("pytest_lsp", reason="the LSP tests need pytest-lsp")

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

# Slow: each test starts the language server in a subprocess.
pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

#: Curly quotes (one UTF-16 unit each) and an emoji (two units, one code point) before the defect.
DEFECT_LINE = "“Signed” 🙂 Chief Exectuive Officer"
TEXT = f"""\
CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350

I, Jane Doe, certify that the Report fully complies with the requirements.

{DEFECT_LINE}
(Principle Executive Officer)
"""
#: Where "Exectuive" is on line 4 (0-based), in UTF-16 code units: 8 + 1 + 2 + 1 + 6.
START, END = 18, 27
CONFIG = "select: [CL3]\nignore: [CL302]\n"  # CL302 would flag "Principle": the config must hide it

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "certlint", "lsp"],
    server_env={**os.environ, "CERTLINT_LSP_DEBOUNCE": "0.1"},
)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".certlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "filings").mkdir()
    return tmp_path


_F = TypeVar("_F", bound=Callable[..., Any])


def lsp_fixture(config: ClientServerConfig) -> Callable[[_F], _F]:
    """`pytest_lsp.fixture`, typed (the library's is not, and would make the fixture untyped)."""
    return cast(Callable[[_F], _F], pytest_lsp.fixture(config=config))


@lsp_fixture(config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path) -> AsyncIterator[None]:
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"),
                                    root_uri=workspace.as_uri())
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))


def _replace(client: LanguageClient, uri: str, version: int, start: types.Position, end: types.Position,
             new_text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=start, end=end), text=new_text)]))


def _apply(text: str, edit: types.TextEdit) -> str:
    """Apply an LSP edit (UTF-16 positions) to a text, as an editor would."""
    lines = text.splitlines(keepends=True)

    def offset(p: types.Position) -> int:
        before = "".join(lines[: p.line])
        units = lines[p.line].encode("utf-16-le")[: 2 * p.character].decode("utf-16-le")
        return len(before) + len(units)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


async def test_open_change_and_fix(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "filings" / "ex32.txt").as_uri()
    _open(client, uri, TEXT)
    [diagnostic] = await _diagnostics(client, uri)
    assert diagnostic.code == "CL301"
    assert diagnostic.source == "certlint"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.message == "misspelled title word 'Exectuive': did you mean 'Executive'?"
    assert diagnostic.range == types.Range(start=types.Position(line=4, character=START),
                                           end=types.Position(line=4, character=END))

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    assert actions is not None
    [action] = actions
    assert isinstance(action, types.CodeAction)
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.title == "Replace with 'Executive' (CL301)"
    assert action.edit is not None and action.edit.changes is not None
    [edit] = action.edit.changes[uri]
    assert _apply(TEXT, edit) == TEXT.replace("Exectuive", "Executive")

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=20)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown  # VS Code renders Markdown
    assert hover.contents.value.startswith("**CL301** title-misspelling\n\nWhat it checks:")

    # The editor applies the fix: the diagnostic goes away after the debounce.
    _replace(client, uri, 2, edit.range.start, edit.range.end, edit.new_text)
    assert await _diagnostics(client, uri) == []


async def test_edits_bring_a_defect_back_and_save_relints(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "filings" / "ex32.txt").as_uri()
    clean = TEXT.replace("Exectuive", "Executive")
    _open(client, uri, clean)
    assert await _diagnostics(client, uri) == []
    # Two quick edits: a typo, then another one; only the final text's diagnostic stays.
    _replace(client, uri, 2, types.Position(line=4, character=START),
             types.Position(line=4, character=END), "Exectuive")
    _replace(client, uri, 3, types.Position(line=4, character=START),
             types.Position(line=4, character=END), "Exceutive")
    [diagnostic] = await _diagnostics(client, uri)
    assert "'Exceutive'" in diagnostic.message
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    [again] = await _diagnostics(client, uri)
    assert again.range == diagnostic.range
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await _diagnostics(client, uri) == []


async def test_config_is_discovered_from_the_documents_folder(client: LanguageClient,
                                                               workspace: Path) -> None:
    other = workspace / "other"
    other.mkdir()
    (other / ".certlint.yaml").write_text("select: [CL302]\n", encoding="utf-8")
    uri = (other / "ex32.txt").as_uri()
    _open(client, uri, TEXT)
    [diagnostic] = await _diagnostics(client, uri)
    assert diagnostic.code == "CL302"
    assert diagnostic.range.start == types.Position(line=5, character=1)


async def test_unsaved_buffer_uses_the_workspace_config(client: LanguageClient) -> None:
    uri = "untitled:Untitled-1"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=TEXT)))
    [diagnostic] = await _diagnostics(client, uri)
    assert diagnostic.code == "CL301"  # the workspace's config ignores CL302


async def test_a_broken_config_is_shown_once_not_raised(client: LanguageClient, workspace: Path) -> None:
    broken = workspace / "broken"
    broken.mkdir()
    (broken / ".certlint.yaml").write_text("selekt: [CL3]\n", encoding="utf-8")
    uri = (broken / "ex32.txt").as_uri()
    _open(client, uri, TEXT)
    await client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
    [message] = client.messages
    assert message.type == types.MessageType.Error
    assert message.message.startswith(f"certlint: {broken / '.certlint.yaml'}:1: unknown config key 'selekt'")
