"""A filing as the cross-document rules see it: its documents, each with its effective facts.

The engine groups documents into filings (`certlint.engine.filings`); the rules only read them,
so the model lives here, below the engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from msgspec import Struct

from certlint.analysis.main_report import ReportFacts
from certlint.checks.base import CheckContext
from certlint.diagnostic import Finding
from certlint.document import Document
from certlint.document.facts import Facts


class Member(Struct, frozen=True):
    """A document of a filing with its effective facts (its own over the configured ones)."""

    document: Document
    facts: Facts


class Filing(Struct, frozen=True):
    id: str
    members: tuple[Member, ...]
    #: The main report's own facts (inline XBRL, cover page) when it is in the filing; the main
    #: report is not a member: the certification rules do not read it.
    report: ReportFacts | None = None


@runtime_checkable
class FilingChecker(Protocol):
    """A compiled cross-document rule: findings located in the member that disagrees."""

    def check_filing(self, filing: Filing, context: CheckContext) -> Iterable[tuple[Document, Finding]]: ...
