"""The language server (`certlint lsp`): certlint's diagnostics in any LSP editor, over stdio.

Lints a document when it is opened, after edits (debounced: DEBOUNCE_SECONDS after the last
change) and when it is saved, using the buffer's text, so unsaved edits count; in a worker
thread, so requests are answered meanwhile, and a result is sent only if the buffer is still the
version linted. Configuration is found as the CLI finds it, walking up from the document's folder
(the workspace root for an unsaved buffer). Positions are sent in the encoding negotiated with
the client: UTF-16 code units unless the client offers UTF-32 or UTF-8. Quick fixes are the edits
--fix makes (none where --fix refuses one, as for a span holding markup); hovering a diagnostic
shows the rule's documentation (`certlint explain`), as Markdown when the client renders it.

Each diagnostic links (`codeDescription`) to the configured `docs-url`, else to the pack file
declaring its rule; a document that is not a certification gets none, as on the command line.
Split by responsibility: `convert` (certlint's diagnostics in LSP terms), `server` (its state
and the lint worker), `features` (the messages it answers).

pygls is imported in this package only, so a plain lint run never pays for it.
"""

from __future__ import annotations

from certlint.lsp.convert import Published, lsp_position
from certlint.lsp.features import create_server, start
from certlint.lsp.server import CertlintServer

__all__ = ["CertlintServer", "Published", "create_server", "lsp_position", "start"]
