"""Fiscal calendars (fixed month-day or 26 U.S.C. 441(f) 52-53-week years) and filing deadlines.

Accepted spellings of the `fiscal_year_end` fact (case and extra spaces do not matter):

- a fixed month-day: `12-31`, `--09-30` (XBRL), `1231` (EDGAR header), `december 31`, `06/30`;
  a day past the month's end (`02-29`, `02-28`) means the month's last day;
- 441(f)(A): `last saturday of september` (or `in september`);
- 441(f)(B): `saturday nearest september 30`, `saturday closest to january 31`,
  `saturday nearest the end of january`;
- optionally followed by the weeks of the first quarters of a 52-53-week year when they are not
  13-13-13: `sunday nearest august 31; quarters 12-12-12-16`.

`fiscal_year_naming` is `end` (a fiscal year is named by the calendar year in which it ends) or
`start` (the year in which it starts).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from msgspec import Struct

from certlint.analysis.dates.deadlines import CATEGORIES, filer_category
from certlint.analysis.dates.extract import MONTH_NAMES, WEEKDAY_NAMES, month_number, weekday_number
from certlint.document.facts import DATE_FACT_KEYS, FactError, read_date

FIXED, LAST, NEAREST = "fixed", "last", "nearest"
NAMINGS = ("end", "start")


@lru_cache(maxsize=1)
def _spellings() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The spellings of a fiscal year end: numeric ("12-31"), named ("december 31"), "last
    <weekday> of <month>" and "<weekday> nearest <month> <day>", compiled on first use (most
    runs read no fiscal_year_end fact, and a run's start-up counts)."""
    months = "|".join(m.lower() for m in MONTH_NAMES)
    weekdays = "|".join(w.lower() for w in WEEKDAY_NAMES)
    quarters = (r"(?:\s*[,;]?\s*(?:with\s)?(?:quarters?\s(?:of\s)?)?"
                r"(?P<quarters>\d{1,2}(?:-\d{1,2}){2,3})(?:\sweeks)?)?")
    numeric = re.compile(r"^(?:--)?(?P<m>\d{1,2})[-/]?(?P<d>\d{2})$")
    named = re.compile(rf"^(?P<month>{months})\s(?P<d>\d{{1,2}})$")
    last = re.compile(rf"^last\s(?P<weekday>{weekdays})\s(?:of|in)\s(?P<month>{months}){quarters}$")
    nearest = re.compile(
        rf"^(?P<weekday>{weekdays})\s(?:nearest|closest)\s(?:to\s)?(?:(?:the\s)?end\sof\s(?P<end_month>{months})|"
        rf"(?P<month>{months})\s(?P<d>\d{{1,2}})){quarters}$")
    return numeric, named, last, nearest


class FiscalError(ValueError):
    """A fiscal-year-end spelling that cannot be read."""


def fmt(day: date) -> str:
    """A date as certifications write it: "November 29, 2003"."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int, month_end: bool) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if month_end else min(day.day, last))


class FiscalYearEnd(Struct, frozen=True):
    """A fiscal year end rule: where each fiscal year ends and where its quarters end."""

    kind: str
    month: int
    day: int = 31
    weekday: int | None = None
    #: Weeks of the first quarters of a 52-53-week year (default 13-13-13).
    quarter_weeks: tuple[int, ...] = (13, 13, 13)

    def describe(self) -> str:
        """The rule in words, for messages: "the Saturday nearest November 30"."""
        month = MONTH_NAMES[self.month - 1]
        if self.kind == FIXED:
            if self.month == 2 and self.month_end:
                return "the last day of February"
            return f"{month} {calendar.monthrange(2001, self.month)[1] if self.month_end else self.day}"
        weekday = WEEKDAY_NAMES[self.weekday or 0]
        if self.kind == LAST:
            return f"the last {weekday} of {month}"
        return f"the {weekday} nearest {month} {self.day}"

    @property
    def month_end(self) -> bool:
        """A fixed year end on a month's last day (02-28 means February 29 in leap years)."""
        return self.day >= calendar.monthrange(2001, self.month)[1]

    @property
    def weekly(self) -> bool:
        return self.kind != FIXED

    def end_for(self, year: int) -> date:
        """The fiscal year end for `month` of calendar year `year` (it may fall in the next month)."""
        if self.kind == FIXED:
            days = calendar.monthrange(year, self.month)[1]
            return date(year, self.month, days if self.month_end else min(self.day, days))
        assert self.weekday is not None
        if self.kind == LAST:
            last = _month_end(year, self.month)
            return last - timedelta(days=(last.weekday() - self.weekday) % 7)
        target = date(year, self.month, min(self.day, calendar.monthrange(year, self.month)[1]))
        delta = (self.weekday - target.weekday()) % 7
        return target + timedelta(days=delta - 7 if delta > 3 else delta)

    def ends_near(self, day: date) -> list[date]:
        return [self.end_for(year) for year in (day.year - 1, day.year, day.year + 1)]

    def is_end(self, day: date) -> bool:
        return day in self.ends_near(day)

    def nearest_end(self, day: date) -> date:
        return min(self.ends_near(day), key=lambda end: abs((end - day).days))

    def year_containing(self, day: date) -> tuple[date, date]:
        """(previous fiscal year end, fiscal year end) of the fiscal year holding `day`."""
        ends = [self.end_for(year) for year in range(day.year - 2, day.year + 3)]
        end = min(e for e in ends if e >= day)
        previous = max(e for e in ends if e < end)
        return previous, end

    def quarter_ends(self, day: date) -> list[date]:
        """The ends of the first three quarters of the fiscal year holding `day`."""
        previous, end = self.year_containing(day)
        if not self.weekly:
            return [_add_months(previous, months, self.month_end) for months in (3, 6, 9)]
        weeks = [sum(self.quarter_weeks[:i]) for i in (1, 2, 3)]
        ends = [previous + timedelta(weeks=w) for w in weeks]
        if (end - previous).days == 371:  # a 53-week year: the extra week may sit in the first quarter
            ends += [previous + timedelta(weeks=w + 1) for w in weeks]
        return sorted(set(ends))


@lru_cache(maxsize=64)
def parse_fiscal_year_end(spelling: str) -> FiscalYearEnd:
    """Read a `fiscal_year_end` fact; raises FiscalError naming the accepted spellings."""
    text = " ".join(spelling.lower().replace(",", " ,").split()).replace(" ,", ",").strip()
    text = re.sub(r"\bsept?\b", "september", text)
    numeric, named, last_weekday, nearest = _spellings()
    match = numeric.match(text) or named.match(text)
    if match:
        month = int(match.group("m")) if "m" in match.re.groupindex else month_number(match.group("month"))
        day = int(match.group("d"))
        if month is None or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
            raise FiscalError(f"no such month-day: {spelling!r}")
        return FiscalYearEnd(FIXED, month, day)
    match = last_weekday.match(text)
    if match:
        month = month_number(match.group("month"))
        assert month is not None
        return FiscalYearEnd(LAST, month, 31, weekday_number(match.group("weekday")),
                             _quarters(match.group("quarters"), spelling))
    match = nearest.match(text)
    if match:
        month = month_number(match.group("month") or match.group("end_month"))
        assert month is not None
        last = calendar.monthrange(2001, month)[1]
        day = int(match.group("d")) if match.group("d") else last
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:
            raise FiscalError(f"no such month-day: {spelling!r}")
        return FiscalYearEnd(NEAREST, month, day, weekday_number(match.group("weekday")),
                             _quarters(match.group("quarters"), spelling))
    raise FiscalError(f"cannot read fiscal year end {spelling!r}: expected MM-DD (12-31), "
                      "'last <weekday> of <month>' or '<weekday> nearest <month> <day>'")


def _quarters(text: str | None, spelling: str) -> tuple[int, ...]:
    if not text:
        return (13, 13, 13)
    weeks = tuple(int(w) for w in text.split("-"))
    if not all(1 <= w <= 26 for w in weeks) or (len(weeks) == 4 and sum(weeks) != 52):
        raise FiscalError(f"quarter weeks in {spelling!r} must be 1-26 each and add up to 52")
    return weeks[:3]


def plausible_year_end(day: date) -> bool:
    """With no configured rule: a month end, or a date some 441(f) rule could give.

    The last <weekday> of a month falls in its last 7 days; the <weekday> nearest a month end
    within 3 days of it (so also on the 1st-3rd of the next month).
    """
    last = calendar.monthrange(day.year, day.month)[1]
    return day.day > last - 7 or day.day <= 3


#: Weekdays 52-53-week years, and so their quarters, end on in practice (Friday to Sunday).
WEEK_END_DAYS = frozenset({4, 5, 6})


def is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def off_calendar(day: date, annual: bool) -> str | None:
    """With no configured rule: why `day` can end no fiscal year (`annual`) or quarter, or None.

    A fixed calendar ends its years and quarters on month ends; a 52-53-week one on the weekday
    of its year end, a Friday to Sunday in practice (its quarters may fall anywhere in a month:
    12-12-12-16 weeks). A lone Saturday is therefore never judged, however odd its day.
    """
    if is_month_end(day):
        return None
    if annual and not plausible_year_end(day):
        return "neither a month end nor a 52-53-week year end (configure fiscal_year_end)"
    if day.weekday() in WEEK_END_DAYS:
        return None
    what = "year" if annual else "quarter"
    return (f"a {WEEKDAY_NAMES[day.weekday()]}, neither a month end nor the Friday to Sunday a "
            f"52-53-week {what} ends on (configure fiscal_year_end)")


# --- Deadlines ---------------------------------------------------------------------------------

#: Days after the period end, non-accelerated filers (Form 10-K Gen. Instr. A(2), 10-Q A(1)).
DEFAULT_DEADLINE_DAYS = {"annual": 90, "quarterly": 45}
#: Rule 12b-25(b): a report filed within 15 (10-K) or 5 (10-Q) calendar days after its due date is timely.
DEFAULT_GRACE_DAYS = {"annual": 15, "quarterly": 5}


def next_business_day(day: date) -> date:
    """Rule 0-3(a): a due date on a Saturday, Sunday or federal holiday moves to the next business day."""
    import holidays

    closed = holidays.country_holidays("US", years=range(day.year, day.year + 2))
    while day.weekday() >= 5 or day in closed:
        day += timedelta(days=1)
    return day


def filing_deadline(period_end: date, days: int, grace: int = 0) -> date:
    """The last timely day: the due date (rolled per Rule 0-3), plus the 12b-25 grace (rolled again)."""
    due = next_business_day(period_end + timedelta(days=days))
    return next_business_day(due + timedelta(days=grace)) if grace else due


def fact_problem(values: Mapping[str, Any]) -> str | None:
    """What is wrong with configured date facts (fiscal_year_end, fiscal_year_naming, period_end,
    filed), or None: a config that cannot be read is an error naming the file, never a crash."""
    for key, value in values.items():
        name = str(key).replace("-", "_")
        if value is None:
            continue
        if name == "fiscal_year_end":
            try:
                parse_fiscal_year_end(str(value))
            except FiscalError as exc:
                return str(exc)
        elif name == "fiscal_year_naming" and str(value).strip().lower() not in NAMINGS:
            return f"fiscal_year_naming must be one of {', '.join(NAMINGS)}, not {value!r}"
        elif name == "filer_category" and filer_category(str(value)) is None:
            return f"filer_category must be one of {', '.join(CATEGORIES)}, not {value!r}"
        elif name in DATE_FACT_KEYS:
            try:
                read_date(str(key), value)
            except FactError as exc:
                return str(exc)
    return None
