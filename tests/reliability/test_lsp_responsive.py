"""Case 21: the language server answers requests while it lints a big buffer, and publishes
diagnostics only for the version of the buffer it linted last. Driven by pytest-lsp, which starts
`certlint lsp` as a subprocess and talks LSP to it over stdio."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")
pytest.importorskip("pytest_lsp", reason="the LSP tests need pytest-lsp")

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

import certlint
from tests.conftest import ROOT

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

#: One exhibit with five findings (CL210 twice, CL211, CL301, CL302), repeated to about 2 MB: a
#: lint of many seconds today (and still about two at a linear 1 s/MB).
UNIT = (ROOT / "examples" / "example-corp-10-K-ex31.2-defective.txt").read_text(encoding="utf-8")
COPIES = 2 * 2**20 // len(UNIT)
BIG = UNIT * COPIES
UNIT_LINES = UNIT.count("\n")
#: Hovers are answered in milliseconds during the lint; a lint on the event loop made them wait
#: for the whole lint.
HOVER_SECONDS = 2.0
#: Only so that a server that never publishes fails instead of hanging.
LINT_DEADLINE = 300.0

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "certlint", "lsp"],
    server_env={**os.environ, "CERTLINT_LSP_DEBOUNCE": "0.1", "PYTHONPATH": str(ROOT)},
)

_F = TypeVar("_F", bound=Callable[..., Any])


def lsp_fixture(config: ClientServerConfig) -> Callable[[_F], _F]:
    """`pytest_lsp.fixture`, typed (the library's is not, and would make the fixture untyped)."""
    return cast(Callable[[_F], _F], pytest_lsp.fixture(config=config))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".certlint.yaml").write_text("", encoding="utf-8")  # the defaults; no config above
    return tmp_path


@lsp_fixture(config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path) -> AsyncIterator[None]:
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"),
                                    root_uri=workspace.as_uri())
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def _next_diagnostics(client: LanguageClient) -> Future[types.PublishDiagnosticsParams]:
    """The next publishDiagnostics, listened for from now on (so that none is missed)."""
    future: Future[types.PublishDiagnosticsParams] = client.protocol.wait_for_notification(
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return future


def _open(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))


async def _hover(client: LanguageClient, uri: str, line: int, character: int) -> tuple[float, types.Hover | None]:
    """A hover's answer and how long it took (failing if it takes longer than the lint may)."""
    start = time.perf_counter()
    answer = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=character))), LINT_DEADLINE)
    return time.perf_counter() - start, answer


async def test_hover_is_answered_while_a_big_buffer_is_linted(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "ex31.txt").as_uri()
    published = _next_diagnostics(client)
    opened = time.perf_counter()
    _open(client, uri, BIG)
    waits: list[float] = []
    while not published.done():
        assert time.perf_counter() - opened < LINT_DEADLINE, "no diagnostics for the big buffer"
        waited, answer = await _hover(client, uri, 63, 8)
        if not published.done():
            waits.append(waited)
            assert answer is None  # no diagnostics for this version yet
        await asyncio.sleep(0.1)
    linted = time.perf_counter() - opened
    assert len(waits) >= 3, f"only {len(waits)} hovers answered during a lint of {linted:.1f} s"
    assert max(waits) < HOVER_SECONDS, f"a hover took {max(waits):.2f} s during a lint of {linted:.1f} s"

    params = published.result()
    assert params.version == 1
    assert len(params.diagnostics) == 5 * COPIES  # the whole buffer, each copy's five findings
    _, answer = await _hover(client, uri, (COPIES - 1) * UNIT_LINES + 63, 8)  # the last copy's CL301
    assert answer is not None and isinstance(answer.contents, types.MarkupContent)
    assert answer.contents.value.startswith("**CL301** title-misspelling")


async def test_a_change_during_the_lint_publishes_only_the_new_version(client: LanguageClient,
                                                                      workspace: Path) -> None:
    path = workspace / "ex31.txt"
    uri = path.as_uri()
    first = _next_diagnostics(client)
    _open(client, uri, BIG)
    await _hover(client, uri, 0, 0)  # the server has read the buffer and started its lint
    # Delete every copy but the first, as an editor sends it: one range, the new version 2.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=UNIT_LINES, character=0),
                              end=types.Position(line=COPIES * UNIT_LINES, character=0)), text="")]))
    params = await asyncio.wait_for(asyncio.wrap_future(first), LINT_DEADLINE)

    assert params.version == 2, "the diagnostics of the version being linted when it changed were sent"
    expected = sorted((d.code, d.line - 1) for d in certlint.lint_text(UNIT, str(path)))
    assert len(expected) == 5
    assert sorted((str(d.code), d.range.start.line) for d in params.diagnostics) == expected
    # Nothing of version 1 comes after: a round trip and a pause, and no other diagnostics.
    later = _next_diagnostics(client)
    await _hover(client, uri, 63, 8)
    await asyncio.sleep(0.5)
    assert not later.done(), later.result()
    assert client.diagnostics[uri] == params.diagnostics
