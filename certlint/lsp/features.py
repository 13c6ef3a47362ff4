"""The language server's features: the LSP messages it answers, and `start`."""

from __future__ import annotations

from lsprotocol import types

from certlint.lsp.convert import overlaps
from certlint.lsp.server import CertlintServer


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
            if item.fix is None or not overlaps(item.range, params.range):
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
                 for p in ls.current(params.text_document.uri) if overlaps(p.range, point)]
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
