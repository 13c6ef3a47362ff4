"""`late-302`: a Section 302 certification dated weeks after the filing's Section 906 statement.

Both are signed for the same report and filed with it; a 302 dated long after the 906 means one
of the two dates is not the date it was signed for this filing (a statement reused from an
earlier draft, or a certification re-signed for an amendment and left in). The 302 is the one
reported: it is the one Rule 13a-14(a) requires "at the time of filing". Dates come from
`certlint.analysis.dates`, as the per-document date rules read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from certlint.analysis.dates.fiscal import fmt
from certlint.analysis.dates.roles import analysis_of
from certlint.analysis.facts import certification_facts
from certlint.checks.crossdoc.facts import registrant_key
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.analysis.dates.extract import DateMention
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document


def _dated(filing: Filing, kind: str) -> Iterator[tuple[Document, DateMention, date, str | None]]:
    """The first certification date of each exhibit of `kind` ("302", "906"), with the
    registrant it names (folded), if any."""
    for member in filing.members:
        facts = certification_facts(member.document, member.facts)
        if facts.kind != kind:
            continue
        mention = next((m for m in analysis_of(member.document.prose).certification_dates
                        if m.value is not None), None)
        if mention is not None and mention.value is not None:
            name = registrant_key(facts.registrant.value) if facts.registrant is not None else None
            yield member.document, mention, mention.value, name


def check_late(filing: Filing, max_days: int) -> Iterator[tuple[Document, Finding]]:
    """Each 302 dated more than `max_days` after the latest 906 statement of the filing that
    may be its own: one naming another registrant is another filing's, grouped in one folder."""
    statements = list(_dated(filing, "906"))
    for doc, mention, day, registrant in _dated(filing, "302"):
        own = [s for s in statements if registrant is None or s[3] is None or s[3] == registrant]
        if not own:
            continue
        other, _, latest, _ = max(own, key=lambda item: item[2])
        days = (day - latest).days
        if days > max_days:
            yield doc, Finding(mention.start, mention.end, {
                "found": fmt(day), "days": str(days), "expected": fmt(latest), "other": other.path})
