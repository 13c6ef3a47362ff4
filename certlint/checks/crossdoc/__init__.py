"""The cross-document comparisons of the `filing` rule kind: name -> function(filing) yielding
(document, finding) pairs located in the document that disagrees."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from certlint.checks.crossdoc import dates, facts, officers, people, report

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing
    from certlint.diagnostic import Finding
    from certlint.document import Document

CrossCheck = Callable[["Filing"], Iterator[tuple["Document", "Finding"]]]

CHECKS: dict[str, CrossCheck] = {
    "same-report": report.check,
    "same-period": dates.check_period,
    "same-date": dates.check_dates,
    "same-person": people.check_person,
    "same-title": people.check_title,
    "report-facts": facts.check_report,
    "same-registrant": facts.check_registrant,
    "exhibits-complete": facts.check_complete,
    "same-officer": officers.check_officer,
    "officer-variant": officers.check_variant,
}
