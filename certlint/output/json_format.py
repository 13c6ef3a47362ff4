"""`--format json`: a JSON array, one object per diagnostic, for editors and scripts.

Keys: path, line, column, end_line, end_column (1-based, code points), code, severity
("error" | "warning" | "info"), message, pack, rule, suggestion (string or null),
offset and end_offset (code-point offsets into the decoded file).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from certlint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from certlint.output import OutputOptions


def as_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path, "line": d.line, "column": d.column,
        "end_line": d.end_line, "end_column": d.end_column,
        "code": d.code, "severity": d.severity.value, "message": d.message,
        "pack": d.pack, "rule": d.rule, "suggestion": d.suggestion,
        "offset": d.offset, "end_offset": d.end_offset,
    }


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    json.dump([as_dict(d) for d in diagnostics], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
