"""`certlint lsp`: run the language server over stdio (needs the `lsp` extra: pygls).

`--stdio` is accepted and is the only transport, for clients that always pass it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO


def main(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    from certlint.cli.parsing import Parser, parse

    parser = Parser(prog="certlint lsp", description="Run the certlint language server over stdio.")
    parser.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (the default)")
    status = parse(parser, argv, stdout, stderr)
    if isinstance(status, int):
        return status
    try:
        from certlint import lsp
    except ImportError as exc:
        stderr.write(f"certlint: error: the language server needs pygls ({exc}); "
                     "install it with: pip install 'certlint[lsp]'\n")
        return 2
    return lsp.start()
