"""`--format gitlab`: a GitLab Code Quality report (a JSON array, CodeClimate's issue subset).

Each issue: `description` ("CODE message"), `check_name` (the code), `fingerprint` (stable:
path, code, matched text and its line's text, not the line number), `severity` (error ->
major, warning -> minor, info -> info) and `location` {`path`, `positions` {`begin`, `end`}
{`line`, `column`}} with 1-based lines and code-point columns. Paths are as given on the
command line; run certlint from the repository root so they are relative to it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from certlint.diagnostic import Diagnostic, Severity
from certlint.output.support import fingerprints

if TYPE_CHECKING:
    from certlint.output import OutputOptions

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def as_issue(d: Diagnostic, fingerprint: str) -> dict[str, Any]:
    return {
        "description": f"{d.code} {d.message}",
        "check_name": d.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[d.severity],
        "location": {
            "path": d.path.replace("\\", "/"),
            "positions": {
                "begin": {"line": d.line, "column": d.column},
                "end": {"line": d.end_line, "column": d.end_column},
            },
        },
    }


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    issues = [as_issue(d, f) for d, f in zip(diagnostics, fingerprints(diagnostics), strict=True)]
    json.dump(issues, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
