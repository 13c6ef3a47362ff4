"""The language server's state: a linter per configuration, debounced lints in a worker
thread, and what was published (for code actions and hovers)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import threading
from pathlib import Path

from lsprotocol import types
from msgspec import Struct
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from certlint import __version__
from certlint.document import BinaryFileError, DocumentError
from certlint.document.lines import LineIndex
from certlint.engine.config import ConfigError
from certlint.engine.config_file import discover
from certlint.engine.linter import Linter
from certlint.engine.setup import SetupOptions, build_linter
from certlint.lsp.convert import Published, convert
from certlint.ruleset import PackError

DEBOUNCE_SECONDS = 0.3

#: Language ids of unsaved buffers -> the suffix that picks certlint's reader.
LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}


class LintJob(Struct, frozen=True):
    """One version of a buffer, linted in a worker thread from a copy of all it reads."""

    name: str
    source: str
    version: int | None
    encoding: str
    linter: Linter

    def start(self) -> asyncio.Future[tuple[list[Published], str | None, str | None]]:
        """Lint in a daemon thread, not an executor's (exit joins those: it would wait for a lint
        whose result nobody reads). The thread holds the GIL, yet requests are answered within
        milliseconds: the loop's work is small and gets its turn every switch interval.
        The result: what to publish, a warning to show, and a note for the log (the buffer was
        passed over as not a certification)."""
        done: concurrent.futures.Future[tuple[list[Published], str | None, str | None]] = \
            concurrent.futures.Future()
        done.set_running_or_notify_cancel()  # cancelling the awaiting task now only drops the result

        def run() -> None:
            try:
                found = self.linter.lint_file(self.name, text=self.source)
                passed = self.linter.take_not_certifications()  # none published, as a lint run reports none
                note = (f"certlint: {self.name}: not linted: it makes no certification statement "
                        "(all-documents in the config lints it)") if passed else None
                lines = LineIndex(self.source)
                done.set_result(([convert(d, lines, self.encoding, self.linter, self.source)
                                  for d in found], None, note))
            except (BinaryFileError, DocumentError) as exc:
                done.set_result(([], f"certlint: {self.name}: {exc}", None))
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
            published, warning, note = await job.start()  # what it needs is copied: the buffer may change
        document = self.workspace.text_documents.get(uri)
        if self._generation[uri] != generation or document is None or document.version != job.version:
            return  # stale: the buffer changed or closed, or a newer lint was asked for
        if warning is not None:
            self._tell(types.MessageType.Warning, warning)
        if note is not None:  # the log only: a README opened in the editor is no problem to show
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Log, message=note))
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
