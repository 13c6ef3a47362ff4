"""Output formats: one module per format, each with `write(diagnostics, stream, options)`.

Modules are imported only when their format is chosen.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

from certlint.diagnostic import Diagnostic


@dataclass(frozen=True, slots=True)
class OutputOptions:
    show_source: bool = False
    color: bool = False


class Formatter(Protocol):
    def write(self, diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None: ...


#: Format name -> module implementing it.
FORMATS: dict[str, str] = {
    "default": "certlint.output.default",
    "json": "certlint.output.json_format",
}


def get_formatter(name: str) -> Formatter:
    module: Formatter = importlib.import_module(FORMATS[name])
    return module
