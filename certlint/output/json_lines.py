"""`--format json-lines`: one JSON object per line per diagnostic (JSON Lines), for streaming tools.

Each line is the object `--format json` puts in its array: path, line, column, end_line,
end_column (1-based, code points), code, severity, message, pack, rule, suggestion, offset,
end_offset. No output at all for a clean run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from certlint.diagnostic import Diagnostic
from certlint.output.json_format import as_dict

if TYPE_CHECKING:
    from certlint.output import OutputOptions


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    for diagnostic in diagnostics:
        stream.write(json.dumps(as_dict(diagnostic), ensure_ascii=False) + "\n")
