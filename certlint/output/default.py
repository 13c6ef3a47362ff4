"""The default format, flake8's: `path:line:col: CODE message`, one line per diagnostic.

With --show-source, the source line follows with a caret under the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from certlint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from certlint.output import OutputOptions


def format_line(diagnostic: Diagnostic) -> str:
    d = diagnostic
    return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    for diagnostic in diagnostics:
        stream.write(format_line(diagnostic) + "\n")
        if options.show_source and diagnostic.source_line:
            line = diagnostic.source_line.expandtabs(1)
            stream.write(f"{line}\n{' ' * (diagnostic.column - 1)}^\n")
