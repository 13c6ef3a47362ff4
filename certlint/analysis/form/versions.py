"""Which version of the form a certification is held to: by its dates, else by its wording.

Dates come from the facts (period end, filing date) when configured, else from the document: a
period named in paragraph 1 ("for the fiscal year ended September 30, 2018") and the date line
after the signature (the signing date stands in for the filing date). The document's dates are
those `certlint.analysis.dates` reads, so the form and the date checks never disagree on what
a date says.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.dates.extract import DateMention
from certlint.analysis.dates.roles import analysis_of
from certlint.analysis.form.spec import Version
from certlint.analysis.form.tokens import Token

if TYPE_CHECKING:
    from certlint.document.facts import Facts
    from certlint.document.prose import Prose

#: A report is due some weeks after its period: when only the filing date is known, the period
#: is taken to have ended this long before it (the lenient side of the 10-Q and 10-K deadlines).
_FILING_LAG = timedelta(days=75)


class Dates(Struct, frozen=True):
    period_end: date | None = None
    filed: date | None = None
    #: Facts say the filer is an accelerated filer (earlier ICFR compliance date).
    accelerated: bool = False
    #: Facts say the filer may still use the transition form (newly public).
    transition: bool = False


def parse_date(text: str | None) -> date | None:
    """A date of a rule pack's version table, ISO text ("2018-09-30"), or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def dates_in(mentions: Sequence[DateMention], tokens: Sequence[Token]) -> list[tuple[int, date]]:
    """(token index, date) for the dates among `mentions` that lie within `tokens`.

    Dates that cannot exist ("February 30, 2020") decide nothing and are left out.
    """
    if not tokens:
        return []
    starts = [t.start for t in tokens]
    found: list[tuple[int, date]] = []
    for mention in mentions:
        if mention.value is not None and starts[0] <= mention.start and mention.end <= tokens[-1].end:
            found.append((bisect.bisect_left(starts, mention.start), mention.value))
    return found


def document_dates(facts: Facts, prose: Prose, paragraph1: Sequence[Token],
                   tail: tuple[int, int] | None) -> Dates:
    """The dates that decide the version, facts first, then what the certification says
    (`paragraph1` are tokens of `prose`; `tail` where the tokens after the certification's last
    paragraph start and end, None for none)."""
    mentions = analysis_of(prose).dates
    period = facts.period_end
    if period is None:
        keys = [t.key for t in paragraph1]
        for index, value in dates_in(mentions, paragraph1):
            if any(k in ("ended", "ending", "end") for k in keys[max(0, index - 4) : index]):
                period = value
                break
    filed = facts.filed
    if filed is None and tail is not None:
        low, high = tail  # the first date written there
        filed = next((m.value for m in mentions if m.value is not None and low <= m.start and m.end <= high),
                     None)
    return Dates(period, filed, bool(facts.accelerated_filer), bool(facts.icfr_transition))


def allowed(version: Version, dates: Dates) -> bool:
    """Whether the version was the prescribed (or a permitted) one for these dates."""
    return not why_not(version, dates)


def why_not(version: Version, dates: Dates) -> str:
    """Why the dates rule the version out ("" when they do not), for messages."""
    filed = dates.filed
    if filed is not None:
        if version.filed_from is not None and filed < version.filed_from:
            return f"for reports filed from {version.filed_from.isoformat()}"
        if version.filed_before is not None and filed >= version.filed_before:
            return f"for reports filed before {version.filed_before.isoformat()}"
    cutoff = version.period_before
    if dates.accelerated and version.period_before_accelerated is not None:
        cutoff = version.period_before_accelerated
    if cutoff is not None and not dates.transition:
        period = dates.period_end or (filed - _FILING_LAG if filed is not None else None)
        if period is not None and period >= cutoff:
            return f"for periods ending before {cutoff.isoformat()}"
    return ""


def candidates(versions: Sequence[Version], dates: Dates) -> list[Version]:
    """The versions the dates allow (all of them when the dates rule every one out)."""
    fitting = [v for v in versions if allowed(v, dates)]
    return fitting or list(versions)
