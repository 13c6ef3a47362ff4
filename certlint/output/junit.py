"""`--format junit`: JUnit XML, for CI dashboards (GitLab, Jenkins, Azure Pipelines...).

`<testsuites name="certlint">` holding one `<testsuite name="certlint">` with a `<testcase
classname="certlint" name=PATH file=PATH>` per linted file (in order; files with diagnostics
but not in the linted list are added after), and inside it one `<failure type=CODE
message="LINE:COL: CODE MESSAGE">` per diagnostic whose text is the default format's line.
A clean file is a passing test case. Counts: `tests` (files), `failures` (diagnostics),
`errors` 0. UTF-8, no timestamps, so output is reproducible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from certlint.diagnostic import Diagnostic
from certlint.output.default import format_line

if TYPE_CHECKING:
    from certlint.output import OutputOptions


def tree(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> ET.Element:
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in files}
    for d in diagnostics:
        by_file.setdefault(d.path, []).append(d)
    counts = {"tests": str(len(by_file)), "failures": str(len(diagnostics)), "errors": "0"}
    root = ET.Element("testsuites", {"name": "certlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "certlint", **counts})
    for path, found in by_file.items():
        case = ET.SubElement(suite, "testcase", {"classname": "certlint", "name": path, "file": path})
        for d in found:
            failure = ET.SubElement(case, "failure", {
                "type": d.code, "message": f"{d.line}:{d.column}: {d.code} {d.message}"})
            failure.text = format_line(d)
    ET.indent(root)
    return root


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree(diagnostics, options.files), encoding="unicode"))
    stream.write("\n")
