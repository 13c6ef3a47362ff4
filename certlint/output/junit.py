"""`--format junit`: JUnit XML, for CI dashboards (Jenkins, GitLab, Azure Pipelines...).

Valid against Jenkins' `junit-10.xsd` (the xunit plugin's schema), which is what Jenkins and
GitLab read. Each linted file is a `<testsuite name=PATH file=PATH>` (the schema allows `file`
on a suite, not on a test case); each diagnostic is a `<testcase classname=PATH name="CODE at
LINE:COL">` holding one `<failure type=CODE message="LINE:COL: CODE MESSAGE">` whose text is the
default format's line, so that a reader which shows only the first failure of a test case (as
Jenkins does) still shows every diagnostic. A clean file is one passing test case named
`certlint`. Counts agree at every level: `tests` are test cases, `failures` failing ones,
`errors` 0. Files are in the order linted (files with diagnostics but not in the linted list
come after). UTF-8, no timestamps, so output is reproducible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from certlint.diagnostic import Diagnostic
from certlint.output.default import format_line

if TYPE_CHECKING:
    from certlint.output import OutputOptions

#: The test case of a file without diagnostics.
CLEAN_CASE = "certlint"


def tree(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> ET.Element:
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in files}
    for d in diagnostics:
        by_file.setdefault(d.path, []).append(d)
    cases = sum(max(1, len(found)) for found in by_file.values())
    root = ET.Element("testsuites", {"name": "certlint", "tests": str(cases),
                                     "failures": str(len(diagnostics)), "errors": "0"})
    for path, found in by_file.items():
        suite = ET.SubElement(root, "testsuite", {
            "name": path, "tests": str(max(1, len(found))), "failures": str(len(found)), "errors": "0",
            "file": path})
        if not found:
            ET.SubElement(suite, "testcase", {"classname": path, "name": CLEAN_CASE})
        for d in found:
            case = ET.SubElement(suite, "testcase", {"classname": path,
                                                     "name": f"{d.code} at {d.line}:{d.column}"})
            failure = ET.SubElement(case, "failure", {
                "type": d.code, "message": f"{d.line}:{d.column}: {d.code} {d.message}"})
            failure.text = format_line(d)
    ET.indent(root)
    return root


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree(diagnostics, options.files), encoding="unicode"))
    stream.write("\n")
