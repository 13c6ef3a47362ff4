"""Date extraction: exact prose spans, impossible dates, misspelled months, and what is not a date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.dates.extract import closest_month, find_dates, is_date_line


def _found(text: str) -> list[tuple[str, date | None]]:
    return [(m.text, m.value) for m in find_dates(text)]


@pytest.mark.parametrize(("text", "found"), [
    ("Date: February 1, 2025", [("February 1, 2025", date(2025, 2, 1))]),
    ("ended Sept. 27, 2003;", [("Sept. 27, 2003", date(2003, 9, 27))]),
    ("DECEMBER 31,2003", [("DECEMBER 31,2003", date(2003, 12, 31))]),
    ("Date: 20 November 2018", [("20 November 2018", date(2018, 11, 20))]),
    ("this 29th day of March, 2004.", [("29th day of March, 2004", date(2004, 3, 29))]),
    ("on the 30th of June, 2004", [("30th of June, 2004", date(2004, 6, 30))]),
    ("ended June 30th, 2004", [("June 30th, 2004", date(2004, 6, 30))]),
    ("on 3/29/2004 and 03/29/04", [("3/29/2004", date(2004, 3, 29)), ("03/29/04", date(2004, 3, 29))]),
    ("as of 2004-03-29.", [("2004-03-29", date(2004, 3, 29))]),
    ("Date: may 2, 2025", [("may 2, 2025", date(2025, 5, 2))]),
    ("Date: Monday, March 29, 2004", [("March 29, 2004", date(2004, 3, 29))]),
    ("February 29, 2005", [("February 29, 2005", None)]),
    ("the April 31 meeting", [("April 31", None)]),
])
def test_dates_and_their_text(text: str, found: list[tuple[str, date | None]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize("text", [
    "Exchange Act Rules 13a-15(e) and 15d-15(e)",
    "pursuant to 18 U.S.C. Section 1350",
    "the Sarbanes-Oxley Act of 2002",
    "Rules 13a-14 May 2003",
    "Form 10-K for fiscal 2003",
    "the registrant may 2 or 3 times",
    "December 31 (the Evaluation Date)",
    "page 12/31 of the report",
    "accession 0000320193-25-000079",
    "Section 906, 2002 and Rule 12, 2003",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_spans_are_exact() -> None:
    text = "Dated: Tuesday, March 29, 2004 and Feburary 1, 2005"
    first, second = find_dates(text)
    assert text[first.start:first.end] == "March 29, 2004"
    assert first.weekday is not None and text[first.weekday[0].start:first.weekday[0].end] == "Tuesday"
    assert first.weekday[1] == 1
    assert second.misspelled is not None
    span, month = second.misspelled
    assert (text[span.start:span.end], month, second.value) == ("Feburary", "February", date(2005, 2, 1))


@pytest.mark.parametrize(("word", "month"), [
    ("Feburary", "February"), ("Novmber", "November"), ("Septmber", "September"), ("Ocotber", "October"),
    ("Januray", "January"), ("Jnue", "June"), ("Mary", None), ("Jane", None), ("Marc", None),
    ("Section", None), ("November", None), ("Amendment", None)])
def test_closest_month(word: str, month: str | None) -> None:
    assert closest_month(word) == month


@pytest.mark.parametrize(("line", "is_date"), [
    ("Date: May 2, 2025", True), ("Dated: 2 May", True), ("May 2,", True), ("2025", True),
    ("5/2/25", True), ("Sept. 30 2004", True), ("DATE:", True), ("dated", True),
    ("", False), ("   ", False), ("Mayo 2", False), ("May 2, 2025, at noon", False),
    ("Chief Financial Officer", False), ("20251", False),
])
def test_is_date_line(line: str, is_date: bool) -> None:
    """A signature block's date line holds a date and nothing else, perhaps split over lines."""
    assert is_date_line(line) is is_date


def test_make_date_knows_every_month_length() -> None:
    import calendar

    from certlint.analysis.dates.extract import make_date

    for year in range(1896, 2205):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert make_date(year, month, last)[0] is not None
            assert make_date(year, month, last + 1)[0] is None


def test_a_date_line_starts_with_a_letter_of_dated_or_a_month_or_a_digit() -> None:
    """`is_date_line` rules a line out by its first character: every character `re.IGNORECASE`
    takes for the first letter of "dated" or a month is one it lets through."""
    import re

    from certlint.analysis.dates.extract import _DATE_LINE_STARTS

    starts = {chr(code) for code in range(0x110000) if re.fullmatch("[djfmason]", chr(code), re.I)}
    assert starts == _DATE_LINE_STARTS
    assert is_date_line("\u017fept. 30, 2004")
    assert is_date_line("\u0662\u0660\u0660\u0664")  # a year of other decimal digits


@settings(max_examples=500, deadline=None)
@given(line=st.lists(st.sampled_from(["Date", "dated", ":", " ", "  ", "May", "\u017fept.", "Jnue", "2", "30",
                                      "2004", "\u0662", ",", "/", "x", "Chief", "\t"]), max_size=6).map("".join))
def test_is_date_line_is_the_pattern(line: str) -> None:
    from certlint.analysis.dates.extract import _DATE_LINE

    assert is_date_line(line) is (bool(line.strip()) and _DATE_LINE.match(line) is not None)
