"""The contract between the runner and the check kinds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol

from msgspec import Struct, field

from certlint.diagnostic import Finding
from certlint.document import Document
from certlint.document.facts import Facts


class OptionError(ValueError):
    """A rule option that cannot be used; `key` names it so the loader can point at its YAML line."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


class CheckContext(Struct, frozen=True):
    """What a check may know beyond the document: the facts for its path and today's date."""

    facts: Facts = field(default_factory=Facts)
    today: date = field(default_factory=date.today)


class Checker(Protocol):
    """A compiled rule: yields findings in the document's prose view."""

    def check(self, doc: Document, context: CheckContext) -> Iterable[Finding]: ...


class CheckKind(Protocol):
    """A kind module: its name, the JSON Schema of its own keys, and a compile step."""

    NAME: str
    SCHEMA: Mapping[str, Any]

    def compile(self, options: Mapping[str, Any]) -> Checker: ...
