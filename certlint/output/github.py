"""`--format github`: GitHub Actions workflow commands, which GitHub shows as annotations.

One line per diagnostic:
`::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::MESSAGE`
with `error`, `warning` or `notice` from the severity. In the message `%`, CR and LF are
escaped as `%25`, `%0D`, `%0A`; in property values `:` and `,` are also escaped (`%3A`, `%2C`),
as GitHub's actions/toolkit does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from certlint.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from certlint.output import OutputOptions

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_line(d: Diagnostic) -> str:
    properties = {
        "file": d.path, "line": d.line, "col": d.column,
        "endLine": d.end_line, "endColumn": d.end_column, "title": d.code,
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[d.severity]} {props}::{escape_data(d.message)}"


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    for diagnostic in diagnostics:
        stream.write(format_line(diagnostic) + "\n")
