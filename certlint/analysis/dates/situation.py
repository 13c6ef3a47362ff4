"""What the date checks compare against: the document's dates with their roles, and the facts.

Facts win over what the document says (Markdown front matter or a submission header, then the
project config); the document's own period end and form fill what the facts leave open.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.dates.deadlines import ACCELERATED, NON_ACCELERATED, filer_category
from certlint.analysis.dates.fiscal import NAMINGS, FiscalError, FiscalYearEnd, parse_fiscal_year_end
from certlint.analysis.dates.roles import Analysis, analysis_of, form_kind, is_amendment
from certlint.analysis.memo import per_document

if TYPE_CHECKING:
    from certlint.document.facts import Facts
    from certlint.document.prose import Prose


class Situation(Struct, frozen=True):
    """What the checks compare against: facts first, then what the document says."""

    analysis: Analysis
    rule: FiscalYearEnd | None
    naming: str | None
    kind: str | None
    amendment: bool
    form: str | None
    period_end: date | None
    configured_period_end: date | None
    filed: date | None
    today: date
    #: A fiscal_year_end or fiscal_year_naming fact that cannot be read (from a document's own
    #: metadata: configured facts are validated when the config is loaded).
    rule_error: str | None = None
    naming_error: str | None = None
    #: The filer's category (`certlint.analysis.dates.deadlines.CATEGORIES`) and where it came
    #: from, when a fact gives it: its deadlines are then known, not assumed.
    filer: str | None = None
    filer_source: str | None = None
    #: Where `configured_period_end` came from ("config", "path", "front matter"...), when asked.
    period_source: str | None = None


def is_nominal(rule: FiscalYearEnd, period_end: date) -> bool:
    """A fixed year end that the known period end misses by a few days is nominal.

    EDGAR headers ("FISCAL YEAR END: 0930", or "0927": the last year end's date) and XBRL give
    52-53-week filers a nominal date: Apple's year ends on the last Saturday of September. When
    the period end of record falls within a week of a year or quarter end of such a rule,
    without being one, the rule is not the calendar, and the checks fall back to what holds
    for any calendar.
    """
    if rule.weekly:
        return False
    ends = [*rule.ends_near(period_end), *rule.quarter_ends(period_end)]
    return 0 < min(abs((end - period_end).days) for end in ends) <= 7


@per_document()
def _situations(prose: Prose) -> dict[tuple[int, date], tuple[Facts, Situation]]:
    """The situations of one document so far, by the identity of their facts and the day."""
    return {}


def situation(prose: Prose, facts: Facts, today: date) -> Situation:
    """A document's prose and its facts, combined once per document, facts and day: each date
    rule of a run asks for it (the facts are immutable, so their identity names them)."""
    known = _situations(prose)
    entry = known.get((id(facts), today))
    if entry is not None and entry[0] is facts:
        return entry[1]
    found = _situation(prose, facts, today)
    known[(id(facts), today)] = (facts, found)  # the entry keeps `facts`, so its id is not reused
    return found


def _situation(prose: Prose, facts: Facts, today: date) -> Situation:
    analysis = analysis_of(prose)
    rule, rule_error = None, None
    if facts.fiscal_year_end:
        try:
            rule = parse_fiscal_year_end(facts.fiscal_year_end)
        except FiscalError as exc:
            rule_error = f"fact fiscal_year_end: {exc}"
    naming = (facts.fiscal_year_naming or "").strip().lower() or None
    naming_error = None
    if naming is not None and naming not in NAMINGS:
        naming_error = f"fact fiscal_year_naming must be one of {', '.join(NAMINGS)}, not {naming!r}"
    kind = form_kind(facts.form) if facts.form else analysis.form.kind
    amendment = is_amendment(facts.form or "") or analysis.form.amendment
    configured = facts.period_end
    if rule is not None and configured is not None and is_nominal(rule, configured):
        rule = None
    stated = [p.mention.value for p in analysis.period_ends if p.explicit] or \
             [p.mention.value for p in analysis.period_ends]
    filer, filer_source = _filer(facts)
    return Situation(analysis, rule, naming if naming in NAMINGS else None, kind, amendment,
                     facts.form or analysis.form.name, configured or (stated[0] if stated else None),
                     configured, facts.filed, today, rule_error, naming_error, filer, filer_source)


def _filer(facts: Facts) -> tuple[str | None, str | None]:
    """The filer category a fact gives: `filer_category`, else `accelerated_filer` (true: at
    least accelerated, held to the accelerated filer's longer days; false: non-accelerated)."""
    if facts.filer_category:
        category = filer_category(facts.filer_category)
        if category is not None:
            return category, str(facts.extra.get("origin.filer_category", "config"))
    if facts.accelerated_filer is not None:
        return (ACCELERATED if facts.accelerated_filer else NON_ACCELERATED), "accelerated-filer fact"
    return None, None
