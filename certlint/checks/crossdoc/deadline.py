"""`report-deadline`: the certifications of a filing dated after the deadline the main report's
filer status gives (inline XBRL dei:EntityFilerCategory, else its cover page's check boxes).

In repository mode the per-document deadline rule (CL403) is given the main report's filer
status as a fact (`engine.filings.with_report_status`), so an exhibit that states its period end
(or has it as a fact) is CL403's; this rule judges the others, which state no period end, by the
main report's form and period. Amendments are never held to a deadline.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from certlint.analysis.dates.deadlines import DeadlineRow, describe, filer_category, filer_days
from certlint.analysis.dates.fiscal import DEFAULT_DEADLINE_DAYS, DEFAULT_GRACE_DAYS, filing_deadline, fmt
from certlint.analysis.dates.roles import analysis_of, deadline_kind, is_amendment
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document


def check_deadline(filing: Filing, rows: Sequence[DeadlineRow],
                   grace_days: Mapping[str, int] = DEFAULT_GRACE_DAYS) -> Iterator[tuple[Document, Finding]]:
    """Each certification date after the deadline of the main report's form, period and filer."""
    report = filing.report
    if report is None or report.filer_category is None or report.form is None or report.period_value is None:
        return
    category = filer_category(report.filer_category.value)
    family = deadline_kind(report.form.value)
    if category is None or family is None or is_amendment(report.form.value):
        return
    period = report.period_value
    days = filer_days(rows, category, family, period) or DEFAULT_DEADLINE_DAYS[family]
    grace = grace_days[family]
    deadline = filing_deadline(period, days, grace)
    extension = f" plus {grace} days under Rule 12b-25" if grace else ""
    for member in filing.members:
        analysis = analysis_of(member.document.prose)
        if member.facts.filer_category or member.facts.accelerated_filer is not None \
                or member.facts.period_end is not None or analysis.period_ends:
            continue  # CL403's: its period end is known, and the report's filer status is its fact
        for mention in analysis.certification_dates:
            if mention.value is not None and mention.value > deadline:
                yield member.document, Finding(mention.start, mention.end, {
                    "found": fmt(mention.value), "expected": fmt(deadline),
                    "what": f"Form {report.form.value}, {describe(category)}: {days} days after the "
                            f"period end {fmt(period)}{extension}",
                    "other": report.filer_category.origin()})
