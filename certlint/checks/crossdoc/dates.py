"""`same-period` and `same-date`: the exhibits of a filing name the same period and are dated
alike. Dates and their roles come from `certlint.analysis.dates` (the per-document date checks' reading),
so a filing check sees exactly the dates the document checks see."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.dates.fiscal import fmt
from certlint.analysis.dates.roles import analysis_of
from certlint.analysis.period import best_fit
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document


class Stated(Struct, frozen=True):
    """A value a document states, where it states it."""

    document: Document
    start: int
    end: int
    value: date | int


def _usual(items: Sequence[Stated], periods: bool = False) -> Stated:
    """The most common value, represented by its first occurrence. With `periods`, a tie between
    period ends goes to the one that fits the calendar best, if one does; else document order."""
    counts = Counter(item.value for item in items).most_common()
    value = counts[0][0]
    tied = [v for v, n in counts if n == counts[0][1]]
    dates = [v for v in tied if isinstance(v, date)]
    right = best_fit(dates, None) if periods and len(tied) > 1 and len(dates) == len(tied) else None
    if right is not None:
        value = right
    return next(item for item in items if item.value == value)


def _show(value: date | int) -> str:
    return fmt(value) if isinstance(value, date) else str(value)


def _disagreements(items: Sequence[Stated], expected: date | int | None = None,
                   source: str = "", periods: bool = False) -> Iterator[tuple[Document, Finding]]:
    """Items whose value is not `expected` (from `source`), or not the usual value."""
    if not items:
        return
    if expected is None:
        usual = _usual(items, periods)
        expected, source = usual.value, usual.document.path
    for item in items:
        if item.value != expected:
            yield item.document, Finding(item.start, item.end, {
                "found": _show(item.value), "expected": _show(expected), "other": source})


def check_period(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """Each exhibit's period end equals the report's (a `period_end` fact) or, without one, the
    other exhibits'; fiscal-year labels ("fiscal 2003") agree across the exhibits."""
    ends: list[Stated] = []
    labels: list[Stated] = []
    known: date | None = None
    for member in filing.members:
        analysis = analysis_of(member.document.prose)
        stated = [p for p in analysis.period_ends if p.explicit and p.mention.value] or \
                 [p for p in analysis.period_ends if p.mention.value]
        if stated:
            mention = stated[0].mention
            value = mention.value
            if value is not None:
                ends.append(Stated(member.document, mention.start, mention.end, value))
        labels.extend(Stated(member.document, label.start, label.end, label.year)
                      for label in analysis.labels[:1])
        if known is None:
            known = member.facts.period_end
    source = "the report's period of record (period_end)"
    report = filing.report
    if known is None and report is not None and report.period_value is not None and report.period_end:
        known, source = report.period_value, f"the main report ({report.period_end.origin()})"
    yield from _disagreements(ends, known, source, periods=True)
    yield from _disagreements(labels)


def check_dates(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """The certification dates of the exhibits agree (the usual date is the most common one)."""
    dated = [Stated(member.document, mention.start, mention.end, mention.value)
             for member in filing.members
             for mention in analysis_of(member.document.prose).certification_dates
             if mention.value is not None]
    yield from _disagreements(dated)
