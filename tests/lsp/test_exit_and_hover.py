"""The protocol's exit status (1 for `exit` without `shutdown`), and hovers in the client's format."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'lsp' extra (pygls)")

from lsprotocol import types


def _message(payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.mark.parametrize(("shutdown", "status"), [(True, 0), (False, 1)])
def test_exit_status_follows_shutdown(shutdown: bool, status: int) -> None:
    session = _message({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                        "params": {"capabilities": {}, "processId": None, "rootUri": None}})
    session += _message({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    if shutdown:
        session += _message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    session += _message({"jsonrpc": "2.0", "method": "exit"})
    server = subprocess.run([sys.executable, "-m", "certlint", "lsp"], input=session, capture_output=True,
                            timeout=60, check=False)
    assert server.returncode == status, server.stderr
    assert b'"id": 1' in server.stdout or b'"id":1' in server.stdout


@pytest.mark.parametrize(("formats", "markdown"), [
    ([types.MarkupKind.Markdown, types.MarkupKind.PlainText], True),
    ([types.MarkupKind.PlainText], False),
    (None, False),
])
def test_hover_is_markdown_only_for_clients_that_render_it(formats: list[types.MarkupKind] | None,
                                                          markdown: bool) -> None:
    from certlint.lsp.features import _wants_markdown

    hover = types.HoverClientCapabilities(content_format=formats)
    capabilities = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(hover=hover))
    assert _wants_markdown(SimpleNamespace(client_capabilities=capabilities)) is markdown  # type: ignore[arg-type]
    assert _wants_markdown(SimpleNamespace(client_capabilities=types.ClientCapabilities())) is False  # type: ignore[arg-type]
