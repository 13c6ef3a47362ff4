"""Which of several stated period ends is right: the one that fits the fiscal calendar.

When a certification names two period ends ("September 27, 2017" in the heading, "September
30, 2017" in the body), the one the calendar allows (a year or quarter end of the filer's
fiscal year when it is known, else a month end) is taken as right and the others are reported;
when none or several fit, the first stated is the reference, as before.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certlint.analysis.dates.fiscal import FiscalYearEnd
    from certlint.analysis.dates.roles import PeriodEnd


def fits_calendar(day: date, rule: FiscalYearEnd | None) -> bool:
    """A year or quarter end of `rule`, or without one a month's last day."""
    if rule is not None:
        return rule.is_end(day) or day in rule.quarter_ends(day)
    return day.day == calendar.monthrange(day.year, day.month)[1]


def reference_period(periods: Sequence[PeriodEnd], rule: FiscalYearEnd | None) -> PeriodEnd:
    """The period end the others are compared with (`periods` is not empty)."""
    values = {p.mention.value for p in periods if p.mention.value is not None}
    fitting = {value for value in values if fits_calendar(value, rule)}
    if len(values) > 1 and len(fitting) == 1:
        right = next(iter(fitting))
        return next(p for p in periods if p.mention.value == right)
    return periods[0]
