"""`filing`: cross-document rules, run on a whole filing in repository mode (`--filings`).

A filing rule finds nothing in a single document; `check_filing` compares the members of a
filing and reports at the place in the document that disagrees, naming the other document.
`check:` chooses the comparison (one module each under `certlint/crossdoc/`):

- `same-report`: every 302 certification names the same report and registrant, and every 906
  statement the same report;
- `same-period`: the period end (and fiscal-year label) each exhibit names agrees with the
  report's and the other exhibits';
- `same-date`: the certification dates of the exhibits agree.

    kind: filing
    check: same-report
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from certlint.crossdoc import CHECKS
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document
    from certlint.filings import Filing

NAME = "filing"
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": sorted(CHECKS), "description": "Which cross-document comparison to run."},
    },
    "required": ["check"],
}


@dataclass(frozen=True, slots=True)
class FilingRule:
    check_name: str

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        return iter(())

    def check_filing(self, filing: Filing, context: CheckContext) -> Iterator[tuple[Document, Finding]]:
        yield from CHECKS[self.check_name](filing)


def compile(options: Mapping[str, Any]) -> FilingRule:
    return FilingRule(str(options["check"]))
