"""Table-driven date cases with exact `line:col: CODE` output.

Each case is an inline certification text, the facts configured for it (None: none) and what
the date rules (CL4xx) report, with today fixed at 2026-01-01. HTML cases are read as `.htm`.
"""

from __future__ import annotations

import pytest

from tests.dates.helpers import lint_dates

K = "Annual Report on Form 10-K for the fiscal year ended {}."
Q = "Quarterly Report on Form 10-Q for the quarterly period ended {}."
Q6 = "Quarterly Report on Form 10-Q for the three and six months ended {}."
KD = "Annual Report on Form 10-K for the fiscal year ended {}.\n\nDate: {}\n"
QD = "Quarterly Report on Form 10-Q for the quarter ended {}.\n\nDate: {}\n"
DEC31 = {"fiscal_year_end": "12-31"}
NOV30 = {"fiscal_year_end": "saturday nearest november 30"}
JAN31 = {"fiscal_year_end": "Saturday nearest January 31"}
SEP = {"fiscal_year_end": "last saturday of september"}
COSTCO = {"fiscal_year_end": "sunday nearest august 31; quarters 12-12-12-16"}
CASES: list[tuple[str, str, dict[str, str] | None]] = [
    # formats, each under fiscal_year_end 12-31 (November 29, 2003 is not a year end)
    ("long", K.format("November 29, 2003"), DEC31),
    ("abbreviated", K.format("Nov. 29, 2003"), DEC31),
    ("capitals", K.format("NOVEMBER 29, 2003"), DEC31),
    ("no-comma", K.format("November 29 2003"), DEC31),
    ("day-of", K.format("the 29th day of November, 2003"), DEC31),
    ("slashed", K.format("11/29/2003"), DEC31),
    ("slashed-short", K.format("11/29/03"), DEC31),
    ("iso", K.format("2003-11-29"), DEC31),
    ("day-month-year", K.format("29 November 2003"), DEC31),
    ("split-lines", "Annual Report on Form 10-K for the fiscal year ended November\n29, 2003.", DEC31),
    ("fixed-clean", K.format("December 31, 2003"), DEC31),
    # 52-53-week years, both 441(f) types
    ("nearest-clean", K.format("November 29, 2003"), NOV30),
    ("nearest-wrong", K.format("November 30, 2003"), NOV30),
    ("nearest-next-month", K.format("February 1, 2003"), JAN31),
    ("nearest-53-weeks", K.format("February 3, 2024"), JAN31),
    ("last-clean", K.format("September 28, 2002"), SEP),
    ("last-wrong", K.format("September 30, 2002"), SEP),
    ("unconfigured-mid-month", K.format("December 15, 2003"), None),
    ("unconfigured-52-53", K.format("December 28, 2002"), None),
    ("unconfigured-next-month", K.format("February 1, 2003"), None),
    # leap years and impossible dates
    ("leap-impossible", K.format("February 29, 2005"), None),
    ("leap-month-end", K.format("February 29, 2004"), {"fiscal_year_end": "02-28"}),
    ("leap-not-month-end", K.format("February 28, 2004"), {"fiscal_year_end": "02-28"}),
    ("april-31", Q.format("April 31, 2005"), None),
    ("april-31-no-year", "The evaluation was made on April 31 by the officers.", None),
    ("february-30-numeric", "Date: 2/30/2005", None),
    # quarter ends
    ("quarter-clean", Q.format("March 31, 2004"), DEC31),
    ("quarter-wrong", Q.format("March 30, 2004"), DEC31),
    ("quarter-52-53", Q.format("March 29, 2025"), SEP),
    ("quarter-53-week-q1-14", Q.format("December 31, 2022"), SEP),
    ("quarter-53-week-q1-13", Q.format("December 24, 2022"), SEP),
    ("quarter-52-53-month-end", Q.format("March 31, 2025"), SEP),
    ("quarter-12-week", Q.format("November 24, 2024"), COSTCO),
    ("quarter-12-week-unconfigured-weeks", Q.format("November 24, 2024"),
     {"fiscal_year_end": "sunday nearest august 31"}),
    ("quarter-unconfigured", Q.format("February 16, 2025"), None),
    # certification dates, deadlines, amendments
    ("deadline-late", KD.format("December 31, 2003", "April 20, 2004"), None),
    ("deadline-last-day", KD.format("December 31, 2003", "April 14, 2004"), None),
    ("deadline-weekend-roll", QD.format("March 31, 2004", "May 24, 2004"), None),
    ("deadline-weekend-roll-late", QD.format("March 31, 2004", "May 25, 2004"), None),
    ("deadline-holiday-roll", QD.format("April 30, 2023", "June 20, 2023"), None),
    ("deadline-holiday-roll-late", QD.format("April 30, 2023", "June 21, 2023"), None),
    ("amendment-no-deadline", "Amendment No. 1 to the Annual Report on Form 10-K/A for the fiscal year ended "
     "December 31, 2003.\n\nDate: March 29, 2006\n", None),
    ("amendment-fact", KD.format("December 31, 2003", "March 29, 2006"), {"form": "10-K/A"}),
    ("dated-before-period-end", KD.format("December 31, 2003", "December 31, 2003"), None),
    ("dated-after-filing", KD.format("December 31, 2003", "February 12, 2004"), {"filed": "2004-02-10"}),
    ("period-end-from-facts",
     "I have reviewed this annual report on Form 10-K.\n\nDate: September 15, 2003\n",
     {"period_end": "2003-09-27"}),
    # period ends that disagree
    ("two-period-ends", K.format("September 27, 2003") + "\n\n" + K.format("September 28, 2003"), None),
    ("configured-period-end", K.format("September 28, 2003"), {"period_end": "2003-09-27"}),
    # fiscal-year labels under both namings
    ("label-end-clean", K.format("February 1, 2003") + " Fiscal 2003 results.",
     {**JAN31, "fiscal_year_naming": "end"}),
    ("label-start-wrong", K.format("February 1, 2003") + " Fiscal 2003 results.",
     {**JAN31, "fiscal_year_naming": "start"}),
    ("label-start-clean", K.format("February 3, 2024") + " Fiscal 2023 results.",
     {**JAN31, "fiscal_year_naming": "start"}),
    ("label-end-wrong", K.format("February 3, 2024") + " Fiscal 2023 results.",
     {**JAN31, "fiscal_year_naming": "end"}),
    ("label-either", K.format("February 3, 2024") + " Fiscal 2023 results.", None),
    ("label-other-year", K.format("December 31, 2003") + " Fiscal year 2005 results.", None),
    ("label-quarterly", Q.format("March 29, 2025") + " Fiscal 2025 second quarter.", SEP),
    # weekdays
    ("weekday-right", "Date: Monday, March 29, 2004", None),
    ("weekday-wrong", "Date: Tuesday, March 29, 2004", None),
    # form and period kind
    ("10-K-quarterly-period",
     "Annual Report on Form 10-K for the quarterly period ended March 31, 2004.", None),
    ("10-Q-fiscal-year", "Quarterly Report on Form 10-Q for the fiscal year ended December 31, 2003.", None),
    # future dates
    ("future-date", KD.format("December 31, 2025", "February 20, 2026"), None),
    # misspelled months
    ("misspelled", "Date: Feburary 1, 2005", None),
    ("misspelled-day-first", "Date: 20 Novmber 2018", None),
    ("names-are-not-months", "Signed by Jane 5, 2004 and Mary 7, 2004 copies.", None),
    ("heading-split-into-blocks", "<p>FOR THE FISCAL YEAR ENDED</p><p>DECEMBER 31, 2003</p>"
     "<p>Date: December 1, 2003</p>", None),
    ("signature-line-date",
     K.format("December 31, 2003") + "\n\n/s/ Jane Doe      Date: April 20, 2004\n", None),
    ("signed-this-day", K.format("December 31, 2003") + "\n\nSigned this 20th day of April, 2004.\n", None),
    ("dated-as-of", K.format("December 31, 2003") + "\n\nDated as of December 30, 2003\n", None),
    ("11-K-no-deadline", "Annual Report of the Acme 401(k) Plan on Form 11-K for the year ended "
     "December 31, 2003.\n\nDate: June 25, 2004\n", None),
    ("six-months-clean", Q6.format("June 30, 2004"), DEC31),
    ("six-months-wrong", Q6.format("June 29, 2004"), DEC31),
    ("nominal-month-end-of-record", Q.format("March 29, 2025"),
     {"fiscal_year_end": "09-30", "period_end": "2025-03-29"}),
    ("nominal-month-end-annual", K.format("September 28, 2013"),
     {"fiscal_year_end": "0930", "period_end": "2013-09-28"}),
    ("month-end-of-record-holds", Q.format("March 30, 2004"), {**DEC31, "period_end": "2004-03-31"}),
    # false-positive traps: dates that are neither period ends nor certification dates
    ("transition-period", "Transition Report on Form 10-K for the transition period from July 1, 2003 to "
     "December 31, 2003.\n\nDate: March 30, 2004\n", None),
    ("filed-on-a-date", K.format("December 31, 2003") + " As filed with the Commission on March 15, 2004."
     "\n\nDate: March 15, 2004\n", None),
    ("record-date-is-a-term", K.format("December 31, 2003") + "\n\nRecord Date: December 1, 2003\n", None),
    ("html-entity",
     "<p>Annual Report on Form 10-K for the fiscal year ended November&nbsp;29, 2003.</p>", DEC31),
]

EXPECTED: dict[str, list[str]] = {
    'long': ['1:54: CL401'],
    'abbreviated': ['1:54: CL401'],
    'capitals': ['1:54: CL401'],
    'no-comma': ['1:54: CL401'],
    'day-of': ['1:58: CL401'],
    'slashed': ['1:54: CL401'],
    'slashed-short': ['1:54: CL401'],
    'iso': ['1:54: CL401'],
    'day-month-year': ['1:54: CL401'],
    'split-lines': ['1:54: CL401'],
    'fixed-clean': [],
    'nearest-clean': [],
    'nearest-wrong': ['1:54: CL401'],
    'nearest-next-month': [],
    'nearest-53-weeks': [],
    'last-clean': [],
    'last-wrong': ['1:54: CL401'],
    'unconfigured-mid-month': ['1:54: CL401'],
    'unconfigured-52-53': [],
    'unconfigured-next-month': [],
    'leap-impossible': ['1:54: CL409'],
    'leap-month-end': [],
    'leap-not-month-end': ['1:54: CL401'],
    'april-31': ['1:62: CL409'],
    'april-31-no-year': ['1:28: CL409'],
    'february-30-numeric': ['1:7: CL409'],
    'quarter-clean': [],
    'quarter-wrong': ['1:62: CL402'],
    'quarter-52-53': [],
    'quarter-53-week-q1-14': [],
    'quarter-53-week-q1-13': [],
    'quarter-52-53-month-end': ['1:62: CL402'],
    'quarter-12-week': [],
    'quarter-12-week-unconfigured-weeks': ['1:62: CL402'],
    'quarter-unconfigured': [],
    'deadline-late': ['3:7: CL403'],
    'deadline-last-day': [],
    'deadline-weekend-roll': [],
    'deadline-weekend-roll-late': ['3:7: CL403'],
    'deadline-holiday-roll': [],
    'deadline-holiday-roll-late': ['3:7: CL403'],
    'amendment-no-deadline': [],
    'amendment-fact': [],
    'dated-before-period-end': ['3:7: CL403'],
    'dated-after-filing': ['3:7: CL403'],
    'period-end-from-facts': ['3:7: CL403'],
    'two-period-ends': ['3:54: CL404'],
    'configured-period-end': ['1:54: CL404'],
    'label-end-clean': [],
    'label-start-wrong': ['1:72: CL405'],
    'label-start-clean': [],
    'label-end-wrong': ['1:72: CL405'],
    'label-either': [],
    'label-other-year': ['1:73: CL405'],
    'label-quarterly': [],
    'weekday-right': [],
    'weekday-wrong': ['1:7: CL406'],
    '10-K-quarterly-period': ['1:36: CL407'],
    '10-Q-fiscal-year': ['1:39: CL407'],
    'future-date': ['3:7: CL408'],
    'misspelled': ['1:7: CL410'],
    'misspelled-day-first': ['1:10: CL410'],
    'names-are-not-months': [],
    'heading-split-into-blocks': ['1:66: CL403'],
    'signature-line-date': ['3:25: CL403'],
    'signed-this-day': ['3:13: CL403'],
    'dated-as-of': ['3:13: CL403'],
    '11-K-no-deadline': [],
    'six-months-clean': [],
    'six-months-wrong': ['1:66: CL402'],
    'nominal-month-end-of-record': [],
    'nominal-month-end-annual': [],
    'month-end-of-record-holds': ['1:62: CL402', '1:62: CL404'],
    'transition-period': [],
    'filed-on-a-date': [],
    'record-date-is-a-term': [],
    'html-entity': ['1:57: CL401'],
}


def test_every_case_has_an_expectation() -> None:
    assert [case[0] for case in CASES] == list(EXPECTED)
    assert len(CASES) >= 40


@pytest.mark.parametrize(("name", "text", "facts"), CASES, ids=[case[0] for case in CASES])
def test_date_case(name: str, text: str, facts: dict[str, str] | None) -> None:
    path = "cert.htm" if text.startswith("<p>") else "cert.txt"  # HTML cases are read as HTML
    assert lint_dates(text, facts, name=path) == EXPECTED[name]
