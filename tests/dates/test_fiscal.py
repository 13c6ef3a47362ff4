"""Fiscal-year-end spellings, 26 U.S.C. 441(f) calendars, quarter ends, naming and deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from certlint.analysis.dates.fiscal import (
    FiscalError,
    fact_problem,
    filing_deadline,
    next_business_day,
    parse_fiscal_year_end,
    plausible_year_end,
)


@pytest.mark.parametrize(("spelling", "described"), [
    ("12-31", "December 31"),
    ("--09-30", "September 30"),
    ("1231", "December 31"),
    ("0630", "June 30"),
    ("06/30", "June 30"),
    ("December 31", "December 31"),
    ("02-28", "the last day of February"),
    ("02-29", "the last day of February"),
    ("last saturday of september", "the last Saturday of September"),
    ("Last Saturday in Sept", "the last Saturday of September"),
    ("saturday nearest november 30", "the Saturday nearest November 30"),
    ("Saturday closest to January 31", "the Saturday nearest January 31"),
    ("saturday nearest the end of january", "the Saturday nearest January 31"),
    ("sunday nearest august 31; quarters 12-12-12-16", "the Sunday nearest August 31"),
])
def test_accepted_spellings(spelling: str, described: str) -> None:
    assert parse_fiscal_year_end(spelling).describe() == described


@pytest.mark.parametrize("spelling", [
    "13-31", "02-30", "someday", "saturday nearest february 30", "last saturday of smarch",
    "sunday nearest august 31; quarters 20-20-20-20"])
def test_unreadable_spellings(spelling: str) -> None:
    with pytest.raises(FiscalError):
        parse_fiscal_year_end(spelling)


def test_quarter_weeks_are_read() -> None:
    costco = parse_fiscal_year_end("sunday nearest august 31; quarters 12-12-12-16")
    assert costco.quarter_weeks == (12, 12, 12)
    assert parse_fiscal_year_end("last saturday of september").quarter_weeks == (13, 13, 13)


APPLE_YEAR_ENDS = ["2002-09-28", "2003-09-27", "2004-09-25", "2005-09-24", "2006-09-30", "2007-09-29",
                   "2008-09-27", "2009-09-26", "2010-09-25", "2011-09-24", "2012-09-29", "2013-09-28",
                   "2014-09-27", "2015-09-26", "2016-09-24", "2017-09-30", "2018-09-29", "2019-09-28",
                   "2020-09-26", "2021-09-25", "2022-09-24", "2023-09-30"]


@pytest.mark.parametrize("end", APPLE_YEAR_ENDS)
def test_apple_last_saturday_of_september(end: str) -> None:
    rule = parse_fiscal_year_end("last saturday of september")
    assert rule.end_for(int(end[:4])) == date.fromisoformat(end)


@pytest.mark.parametrize(("year", "end"), [(2002, "2003-02-01"), (2023, "2024-02-03"), (2024, "2025-02-01")])
def test_saturday_nearest_january_31_may_end_in_february(year: int, end: str) -> None:
    assert parse_fiscal_year_end("saturday nearest january 31").end_for(year + 1) == date.fromisoformat(end)


def test_fifty_three_week_year_and_its_quarters() -> None:
    rule = parse_fiscal_year_end("last saturday of september")
    previous, end = rule.year_containing(date(2022, 12, 31))
    assert (previous, end) == (date(2022, 9, 24), date(2023, 9, 30))
    assert (end - previous).days == 371
    assert rule.quarter_ends(date(2023, 1, 15)) == [
        date(2022, 12, 24), date(2022, 12, 31), date(2023, 3, 25), date(2023, 4, 1),
        date(2023, 6, 24), date(2023, 7, 1)]


def test_fixed_quarters_follow_month_ends() -> None:
    rule = parse_fiscal_year_end("02-28")
    assert rule.quarter_ends(date(2023, 7, 1)) == [date(2023, 5, 31), date(2023, 8, 31), date(2023, 11, 30)]
    assert rule.is_end(date(2024, 2, 29)) and not rule.is_end(date(2024, 2, 28))


@pytest.mark.parametrize(("day", "plausible"), [
    ("2003-12-31", True), ("2002-12-28", True), ("2003-02-01", True), ("2003-02-03", True),
    ("2003-02-04", False), ("2003-12-15", False), ("2003-12-24", False), ("2003-12-25", True)])
def test_plausible_year_end_without_a_rule(day: str, plausible: bool) -> None:
    assert plausible_year_end(date.fromisoformat(day)) is plausible


def test_rule_0_3_rolls_weekends_and_federal_holidays() -> None:
    assert next_business_day(date(2004, 5, 15)) == date(2004, 5, 17)  # Saturday
    assert next_business_day(date(2025, 7, 4)) == date(2025, 7, 7)  # Independence Day, a Friday
    assert next_business_day(date(2023, 6, 19)) == date(2023, 6, 20)  # Juneteenth
    assert next_business_day(date(2004, 3, 30)) == date(2004, 3, 30)


def test_deadlines_with_and_without_12b_25_grace() -> None:
    assert filing_deadline(date(2003, 12, 31), 90) == date(2004, 3, 30)
    assert filing_deadline(date(2003, 12, 31), 90, 15) == date(2004, 4, 14)
    assert filing_deadline(date(2004, 3, 31), 45, 5) == date(2004, 5, 24)
    assert filing_deadline(date(2002, 11, 29), 90) == date(2003, 2, 27)  # Goldman Sachs, dated that day


@pytest.mark.parametrize(("facts", "problem"), [
    ({"fiscal_year_end": "12-31", "fiscal_year_naming": "end", "period_end": "2003-11-29"}, None),
    ({"period_end": date(2003, 11, 29), "filed": "2004-02-10"}, None),
    ({"fiscal_year_end": "lunar"}, "cannot read fiscal year end 'lunar'"),
    ({"fiscal-year-naming": "middle"}, "fiscal_year_naming must be one of end, start"),
    ({"period_end": "2003-11-31"}, "period_end must be a date YYYY-MM-DD"),
])
def test_fact_problems(facts: dict[str, object], problem: str | None) -> None:
    found = fact_problem(facts)
    assert found == problem if problem is None else (found or "").startswith(problem)
