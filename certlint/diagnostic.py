"""The records that flow out of a lint run: severities, findings and diagnostics."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from msgspec import Struct, field


class Severity(enum.Enum):
    """How serious a diagnostic is; ordered so that `rank` compares."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Finding(Struct, frozen=True):
    """What a check yields: a span in the document's prose view and the words for the message.

    `start`/`end` are offsets into `Document.prose.text`; the runner maps them to the file.
    `args` fill the rule's message template; `detail` replaces it entirely when a check needs
    to say something the template cannot (the form check's "expected X, found Y").
    """

    start: int
    end: int
    args: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    detail: str | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One reported problem at an exact place in a file on disk.

    Lines and columns are 1-based; columns count code points of the decoded line.
    `offset`/`end_offset` are offsets into the decoded source text (for fixes and editors).
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: Severity
    message: str
    pack: str
    rule: str
    offset: int = 0
    end_offset: int = 0
    suggestion: str | None = None
    #: The text of the first line of the diagnostic, for --show-source and baselines.
    source_line: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
