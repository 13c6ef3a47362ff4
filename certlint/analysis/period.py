"""Which of several stated period ends is right: the one that fits the fiscal calendar best.

When a certification (or a filing) names two period ends ("September 27, 2017" in one place,
"September 30, 2017" in another), the one the calendar allows is taken as right and the others
are reported: a year or quarter end of the filer's fiscal year when it is known; without it a
month's last day first, then a Friday to Sunday in the days a 52-53-week year can end on. When
no single date fits best, the first stated (or the most common) stays the reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from certlint.analysis.dates.fiscal import WEEK_END_DAYS, is_month_end, plausible_year_end

if TYPE_CHECKING:
    from certlint.analysis.dates.fiscal import FiscalYearEnd
    from certlint.analysis.dates.roles import PeriodEnd


def calendar_fit(day: date, rule: FiscalYearEnd | None) -> int:
    """How well a period end fits: 2 a year or quarter end of `rule` (without one, a month end),
    1 a plausible 52-53-week end (no rule known), 0 neither.

    Only used to choose between period ends that disagree: a lone date is never judged by it.
    """
    if rule is not None:
        return 2 if rule.is_end(day) or day in rule.quarter_ends(day) else 0
    if is_month_end(day):
        return 2
    return 1 if plausible_year_end(day) and day.weekday() in WEEK_END_DAYS else 0


def best_fit(values: Iterable[date], rule: FiscalYearEnd | None) -> date | None:
    """The one value that fits the calendar better than every other, or None."""
    scored = sorted(((calendar_fit(v, rule), v) for v in set(values)), reverse=True)
    if len(scored) > 1 and scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


def reference_period(periods: Sequence[PeriodEnd], rule: FiscalYearEnd | None) -> PeriodEnd:
    """The period end the others are compared with (`periods` is not empty)."""
    right = best_fit((p.mention.value for p in periods if p.mention.value is not None), rule)
    if right is None:
        return periods[0]
    return next(p for p in periods if p.mention.value == right)
