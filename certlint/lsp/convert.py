"""certlint's diagnostics as LSP diagnostics: positions in the negotiated encoding, the quick fix
--fix would make, the rule's documentation for hovers and a link to it (`codeDescription`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsprotocol import types
from msgspec import Struct

from certlint.adoption.fix import edit_for
from certlint.diagnostic import Diagnostic, Severity
from certlint.document.lines import LineIndex
from certlint.engine.linter import Linter
from certlint.output.support import docs_link, rule_help
from certlint.ruleset.loader import builtin_pack_dir

SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
              Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}


class Published(Struct, frozen=True):
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


def overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def code_href(linter: Linter, code: str) -> str | None:
    """Where a rule is documented: the configured `docs-url` for it, else the file URI of the
    pack that declares it (its description, source and examples). There is no public site to
    link to, so nothing is made up."""
    link = docs_link(linter.config.docs_url, code)
    if link is not None:
        return link
    pack = next((p for p in linter.ruleset.packs if any(r.code == code for r in p.rules)), None)
    if pack is None:
        return None
    path = builtin_pack_dir() / Path(pack.path).name if pack.builtin else Path(pack.path)
    return path.resolve().as_uri() if path.is_file() else None


def convert(d: Diagnostic, lines: LineIndex, encoding: str, linter: Linter, source: str) -> Published:
    """The LSP form of one diagnostic, with its quick fix and its documentation."""
    span = types.Range(start=lsp_position(lines, d.offset, encoding),
                       end=lsp_position(lines, d.end_offset, encoding))
    data: dict[str, Any] = {"suggestion": d.suggestion} if d.suggestion is not None else {}
    href = code_href(linter, d.code)
    lsp = types.Diagnostic(range=span, message=d.message, severity=SEVERITIES[d.severity],
                           code=d.code, source="certlint", data=data or None,
                           code_description=types.CodeDescription(href=href) if href else None)
    rule = linter.ruleset.get(d.code)
    edit = edit_for(d, source, linter.policy)
    return Published(span, lsp, d, rule_help(rule) if rule is not None else d.message,
                     edit.text if edit is not None else None)
