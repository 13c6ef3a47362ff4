"""The language server (`certlint lsp`): certlint's diagnostics in any LSP editor, over stdio.

Lints a document when it is opened, after edits (debounced: DEBOUNCE_SECONDS after the last
change) and when it is saved, using the buffer's text, so unsaved edits count; in a worker
thread, so requests are answered meanwhile, and a result is sent only if the buffer is still the
version linted. Configuration is found as the CLI finds it, walking up from the document's folder
(the workspace root for an unsaved buffer). Positions are sent in the encoding negotiated with
the client: UTF-16 code units unless the client offers UTF-32 or UTF-8. Quick fixes are the edits
--fix makes (none where --fix refuses one, as for a span holding markup); hovering a diagnostic
shows the rule's documentation (`certlint explain`), as Markdown when the client renders it.

pygls is imported here only, so a plain lint run never pays for it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from certlint import __version__
from certlint.adoption.fix import edit_for
from certlint.diagnostic import Diagnostic, Severity
from certlint.document import BinaryFileError, DocumentError
from certlint.document.lines import LineIndex
from certlint.engine.config import ConfigError
from certlint.engine.config_file import discover
from certlint.engine.linter import Linter
from certlint.engine.setup import SetupOptions, build_linter
from certlint.output.support import rule_help
from certlint.ruleset import PackError

DEBOUNCE_SECONDS = 0.3

SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
              Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}

#: Language ids of unsaved buffers -> the suffix that picks certlint's reader.
LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}


@dataclass(frozen=True, slots=True)
class Published:
    """A diagnostic as sent to the client, kept for code actions and hovers."""

    range: types.Range
    lsp: types.Diagnostic
    diagnostic: Diagnostic
    help: str
    #: The text --fix would put in place of the range; None where --fix refuses (no quick fix).
    fix: str | None = None


def lsp_position(lines: LineIndex, offset: int, encoding: str) -> types.Position:
    """An LSP position for a source offset, in the negotiated encoding ("utf-16", "utf-8", "utf-32")."""
    if encoding == types.PositionEncodingKind.Utf16.value:
        line, character = lines.utf16_position(offset)
        return types.Position(line=line, character=character)
    line, column = lines.position(offset)
    if encoding == types.PositionEncodingKind.Utf8.value:
        return types.Position(line=line - 1, character=len(lines.line_text(line)[: column - 1].encode()))
    return types.Position(line=line - 1, character=column - 1)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _convert(d: Diagnostic, lines: LineIndex, encoding: str, linter: Linter, source: str) -> Published:
    span = types.Range(start=lsp_position(lines, d.offset, encoding),
                       end=lsp_position(lines, d.end_offset, encoding))
    data: dict[str, Any] = {"suggestion": d.suggestion} if d.suggestion is not None else {}
    lsp = types.Diagnostic(range=span, message=d.message, severity=SEVERITIES[d.severity],
                           code=d.code, source="certlint", data=data or None)
    rule = linter.ruleset.get(d.code)
    edit = edit_for(d, source, linter.policy)
    return Published(span, lsp, d, rule_help(rule) if rule is not None else d.message,
                     edit.text if edit is not None else None)


@dataclass(frozen=True, slots=True)
class LintJob:
    """One version of a buffer, linted in a worker thread from a copy of all it reads."""

    name: str
    source: str
    version: int | None
    encoding: str
    linter: Linter

    def start(self) -> asyncio.Future[tuple[list[Published], str | None]]:
        """Lint in a daemon thread, not an executor's (exit joins those: it would wait for a lint
        whose result nobody reads). The thread holds the GIL, yet requests are answered within
        milliseconds: the loop's work is small and gets its turn every switch interval."""
        done: concurrent.futures.Future[tuple[list[Published], str | None]] = concurrent.futures.Future()
        done.set_running_or_notify_cancel()  # cancelling the awaiting task now only drops the result

        def run() -> None:
            try:
                found = self.linter.lint_file(self.name, text=self.source)
                lines = LineIndex(self.source)
                done.set_result(([_convert(d, lines, self.encoding, self.linter, self.source)
                                  for d in found], None))
            except (BinaryFileError, DocumentError) as exc:
                done.set_result(([], f"certlint: {self.name}: {exc}"))
            except Exception as exc:
                done.set_exception(exc)

        threading.Thread(target=run, name="certlint-lint", daemon=True).start()
        return asyncio.wrap_future(done)


class CertlintServer(LanguageServer):
    """The server's state: linters per configuration, pending lints, published diagnostics."""

    def __init__(self) -> None:
        super().__init__("certlint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = float(os.environ.get("CERTLINT_LSP_DEBOUNCE", DEBOUNCE_SECONDS))
        self._linters: dict[tuple[str, int], Linter] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        #: Bumped by every edit and lint request: a lint of an older one is skipped or dropped.
        self._generation: dict[str, int] = {}
        #: One lint at a time: under the GIL a second one adds no speed, and lints would pile up.
        self._lock = asyncio.Lock()
        self.published: dict[str, tuple[int | None, list[Published]]] = {}
        self._reported: set[str] = set()
        #: The client asked to shut down before exiting (else the exit status is 1, as LSP says).
        self.shut_down = False

    def linter_for(self, path: str | None) -> Linter | None:
        """The linter for a document, from the config the CLI would use there (cached)."""
        root = self.workspace.root_path
        start = Path(path).parent if path else Path(root) if root else Path.cwd()
        try:
            config_path = discover(start)
            stamp = config_path.stat().st_mtime_ns if config_path else 0
            key = (str(config_path or start), stamp)
            if key not in self._linters:
                self._linters[key] = build_linter(SetupOptions(config=config_path, start=start,
                                                               root=Path(root or start)))
            return self._linters[key]
        except (OSError, ConfigError, PackError) as exc:
            self._tell(types.MessageType.Error, f"certlint: {exc}")
            return None

    def _tell(self, kind: types.MessageType, message: str) -> None:
        """Show a message once (a broken config would otherwise be shown on every keystroke)."""
        self.window_log_message(types.LogMessageParams(type=kind, message=message))
        if message not in self._reported:
            self._reported.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    async def lint(self, uri: str) -> None:
        """Lint the buffer off the loop and publish its diagnostics (an empty list clears them),
        unless it changed or closed meanwhile: that result is dropped (a change brings a new lint)."""
        generation = self.cancel(uri)
        async with self._lock:
            if self._generation[uri] != generation or uri not in self.workspace.text_documents:
                return  # superseded while waiting for the worker
            document = self.workspace.get_text_document(uri)
            path = to_fs_path(uri) if uri.startswith("file:") else None
            if (linter := self.linter_for(path)) is None:
                return
            name = path or "untitled" + LANGUAGE_SUFFIXES.get(document.language_id or "", ".txt")
            negotiated = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
            job = LintJob(name, document.source, document.version,
                          str(getattr(negotiated, "value", negotiated)), linter)
            published, warning = await job.start()  # what it needs is copied: the buffer may change
        document = self.workspace.text_documents.get(uri)
        if self._generation[uri] != generation or document is None or document.version != job.version:
            return  # stale: the buffer changed or closed, or a newer lint was asked for
        if warning is not None:
            self._tell(types.MessageType.Warning, warning)
        self.published[uri] = (job.version, published)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=job.version, diagnostics=[p.lsp for p in published]))

    def schedule(self, uri: str) -> None:
        """Lint after a quiet period; a newer change restarts the wait."""
        self.cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri))

    def cancel(self, uri: str) -> int:
        """Drop what is planned or running for the buffer (it changed, or a new lint is asked for):
        the debounce wait, and the result of the lint in flight. Returns the new generation."""
        if (task := self._pending.pop(uri, None)) is not None:
            task.cancel()
        self._generation[uri] = generation = self._generation.get(uri, 0) + 1
        return generation

    async def _lint_later(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self._pending.pop(uri, None)
        await self.lint(uri)

    def current(self, uri: str) -> list[Published]:
        """The published diagnostics of a document, if they match its current text."""
        version, published = self.published.get(uri, (None, []))
        return published if version == self.workspace.get_text_document(uri).version else []

    def forget_linters(self) -> None:
        """Drop cached linters so that configs and packs are read again."""
        self._linters.clear()
        self._reported.clear()


def create_server() -> CertlintServer:
    """A server with its handlers registered."""
    server = CertlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: CertlintServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: CertlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: CertlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.forget_linters()  # a saved config or pack applies from now on
        await ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: CertlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.published.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: CertlintServer,
                                       params: types.DidChangeConfigurationParams) -> None:
        ls.forget_linters()
        for uri in list(ls.published):
            await ls.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: CertlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        actions = []
        for item in ls.current(uri):
            if item.fix is None or not _overlaps(item.range, params.range):
                continue
            suggestion = item.diagnostic.suggestion
            edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=item.range, new_text=item.fix)]})
            actions.append(types.CodeAction(
                title=f"Replace with '{suggestion}' ({item.diagnostic.code})",
                kind=types.CodeActionKind.QuickFix, diagnostics=[item.lsp], edit=edit,
                is_preferred=True))
        return actions

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: CertlintServer, params: None) -> None:
        ls.shut_down = True

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: CertlintServer, params: types.HoverParams) -> types.Hover | None:
        point = types.Range(start=params.position, end=params.position)
        markdown = _wants_markdown(ls)
        texts = [(f"**{p.diagnostic.code}** {p.diagnostic.rule}" if markdown
                  else f"{p.diagnostic.code} {p.diagnostic.rule}") + f"\n\n{p.help}"
                 for p in ls.current(params.text_document.uri) if _overlaps(p.range, point)]
        if not texts:
            return None
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        separator = "\n\n---\n\n" if markdown else "\n\n"
        return types.Hover(contents=types.MarkupContent(kind=kind,
                                                        value=separator.join(dict.fromkeys(texts))))

    return server


def _wants_markdown(ls: CertlintServer) -> bool:
    """Whether the client renders Markdown in hovers (it says so in its capabilities)."""
    document = ls.client_capabilities.text_document
    formats = document.hover.content_format if document and document.hover else None
    return bool(formats) and types.MarkupKind.Markdown in (formats or [])


def start() -> int:
    """Serve LSP over stdin/stdout until the client says exit; the exit status is 0 after a
    `shutdown` request, else 1 (the protocol's rule for `exit` without `shutdown`)."""
    server = create_server()
    server.start_io()
    return 0 if server.shut_down else 1
