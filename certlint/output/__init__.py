"""Output formats: one module per format, each with `write(diagnostics, stream, options)`.

Modules are imported only when their format is chosen.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Protocol, TextIO

from msgspec import Struct, field

from certlint.diagnostic import Diagnostic, Severity


class RuleInfo(Protocol):
    """What formats may show of a rule (a `certlint.ruleset.Rule` is one)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def pack(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def example(self) -> str: ...
    @property
    def source(self) -> str: ...


class OutputOptions(Struct, frozen=True):
    show_source: bool = False
    color: bool = False
    #: The active rules by code, for formats that carry rule metadata (SARIF).
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    #: Every file linted, clean or not, for formats that list files (JUnit).
    files: Sequence[str] = ()
    #: The text --fix puts in place of a diagnostic's span, for each diagnostic it fixes (SARIF
    #: `fixes`); a diagnostic --fix refuses has none, so no viewer offers it.
    fixes: Mapping[Diagnostic, str] = field(default_factory=dict)
    #: The `docs-url` template (SARIF informationUri and helpUri); None: no link is made up.
    docs_url: str | None = None


class Formatter(Protocol):
    def write(self, diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None: ...


#: Format name -> module implementing it.
FORMATS: dict[str, str] = {
    "default": "certlint.output.default",
    "json": "certlint.output.json_format",
    "json-lines": "certlint.output.json_lines",
    "sarif": "certlint.output.sarif",
    "github": "certlint.output.github",
    "gitlab": "certlint.output.gitlab",
    "junit": "certlint.output.junit",
    "grouped": "certlint.output.grouped",
}


def get_formatter(name: str) -> Formatter:
    module: Formatter = importlib.import_module(FORMATS[name])
    return module
