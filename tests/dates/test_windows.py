"""Date extraction in windows around digit runs finds exactly what a scan of the whole text finds:
the same dates, spans, values, weekdays, misspellings and order."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.dates.extract import find_dates
from certlint.analysis.dates.roles import _FISCAL_LABEL, analyse
from certlint.analysis.dates.windows import DMY_GAP, MDY_REACH, Windows
from certlint.document import read_documents
from tests.conftest import corpora_documents

MONTHS = ["January", "february", "MARCH", "Apr.", "may", "June", "Jul", "AUGUST", "Sept.", "sep",
          "October", "Nov.", "december", "September.", "SEPTEMBER", "Feburary", "Novmber", "Jnue",
          "Mary", "Septembber.", "Septembber",
          # Letters `re.IGNORECASE` takes for a month's ("\u017f" for "s", "\u0131" for "i"): a
          # lowercase test cannot see these months.
          "\u017fept.", "Augu\u017ft", "apr\u0131l", "\u017fEPTEMBER"]
WEEKDAYS = ["Monday", "tuesday", "WEDNESDAY", "Thursday", "friday", "Saturday", "sunday"]
# Markup-like spacing: what readers leave between words (the prose folds most of it, not all).
SPACES = ["", " ", "  ", "\n", " \n ", "\t", "\u00a0", "|", " | ", "*", "_", "-", "/", ".", ",", "$"]
FILLER = ["ended", "Date:", "the", "of", "day", "Section 906", "Rule 13a-14(a)", "2002", "10-K",
          "12345", "1/2", "page 12/31", "0000320193-25-000079", "fiscal", "st", "th", "x",
          "\u0130",  # lowercases to two characters: no lowercase view offset for offset
          "Act of 2002", "Section 1350", "Janet 12, 2004", "decade 12, 2004",
          # Decimal digits other than 0-9, which `\d` reads: a text of Latin-1 has none.
          "March \u0662\u0669, \u0662\u0660\u0660\u0664", "\uff12\uff10\uff10\uff14", "\u00e9\u00b2\u00b3"]

digits = st.integers(min_value=0, max_value=99999).map(str)
day = st.integers(min_value=0, max_value=39).map(str) | st.sampled_from(["01", "9", "31", "29"])
suffix = st.sampled_from(["", "st", "nd", "rd", "th", "TH"])
comma = st.sampled_from(["", ",", " ,", " , ", ", "])
year = st.sampled_from(["2004", "1899", "2199", "2200", "04", "99", "20045", "200"])
space = st.sampled_from(SPACES) | st.just(" ")  # mostly one space: dates that are dates
month = st.sampled_from(MONTHS)
weekday = st.sampled_from(WEEKDAYS).map(lambda w: w + ",") | st.just("")


@st.composite
def date_like(draw: st.DrawFn) -> str:
    """One date in some written form, perhaps broken: "Tuesday, March 29th, 2004", "3/29/04"..."""
    form = draw(st.integers(min_value=0, max_value=6))
    sep = [draw(space) for _ in range(6)]
    if form == 0:
        return (f"{draw(weekday)}{sep[0]}{draw(month)}{sep[1]}{draw(day)}{draw(suffix)}{draw(comma)}"
                f"{sep[2]}{draw(year)}")
    if form == 1:
        the = draw(st.sampled_from(["", "the ", "THE "]))
        of = draw(st.sampled_from(["", "day of ", "of ", "day "]))
        return (f"{draw(weekday)}{sep[0]}{the}{draw(day)}{draw(suffix)}{sep[1]}{of}{draw(month)}"
                f"{draw(comma)}{sep[2]}{draw(year)}")
    if form == 2:
        return f"{draw(day)}/{draw(day)}/{draw(year)}"
    if form == 3:
        return f"{draw(year)}-{draw(day).zfill(2)}-{draw(day).zfill(2)}"
    if form == 4:
        return f"{draw(month)}{sep[0]}{draw(day)}"
    if form == 5:
        return draw(digits)
    return draw(st.sampled_from(FILLER))


texts = st.lists(st.tuples(date_like(), space), max_size=14).map(
    lambda parts: "".join(piece + gap for piece, gap in parts))


def _same(text: str) -> None:
    assert find_dates(text) == find_dates(text, Windows.everywhere(text))


@settings(max_examples=800, deadline=None)
@given(text=texts)
@example("Tuesday,                                              March 29, 2004")
@example("Wednesday, the 29th day of september., 2004")
@example("on 3/29/2004 and March 29, 2004 and the 29th day of March, 2004 and 2004-03-29")
@example("May 2,\n\n 2025 and Febuary 1ST, 2004")
def test_windows_find_what_the_whole_text_scan_finds(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(text=texts, pad=st.integers(min_value=0, max_value=DMY_GAP[1] + MDY_REACH + 3), space=space)
def test_near_the_window_edges(text: str, pad: int, space: str) -> None:
    """Dates shifted so that their first characters fall just inside or outside a day's reach."""
    _same(space * pad + text)
    _same("x" * pad + text)
    _same(text + space * pad + "2004")


@pytest.mark.parametrize(("text", "found"), [
    ("Wednesday, the 29th day of September., 2004", "29th day of September., 2004"),
    ("Wednesday, September. 29th , 2004", "September. 29th , 2004"),
    ("Septembber. 29th , 2004", "Septembber. 29th , 2004"),
    ("31 Septembber, 2004", "31 Septembber, 2004"),
    ("12/31/2004 and 12/31/04", "12/31/2004"),
    ("2004-12-31", "2004-12-31"),
    ("September 31", "September 31"),
    # The shortest from the day's run to the year's.
    ("May 1,2004", "May 1,2004"),
    ("29 may2004", "29 may2004"),
    ("1 Jnue2004", "1 Jnue2004"),
])
def test_the_longest_of_each_form(text: str, found: str) -> None:
    """Each pattern's longest match, which starts at the very reach before its day or its last
    digits, and the matches whose year is nearest their day."""
    dates = find_dates(" " * 50 + text)
    assert dates[0].text == found and dates[0].begin == 50
    _same("x" * 50 + text)
    _same(text)


def test_a_long_space_before_the_month_keeps_the_weekday() -> None:
    text = "Dated: Tuesday," + " " * 60 + "March 29, 2004"
    (found,) = find_dates(text)
    assert found.weekday is not None and text[found.weekday[0].start:found.weekday[0].end] == "Tuesday"
    assert found.lead == text.index("Tuesday")


def test_latin_1_has_no_decimal_digit_but_0_to_9() -> None:
    """What lets `windows` scan a text of Latin-1 for [0-9] rather than `\\d`."""
    assert [chr(code) for code in range(256) if re.fullmatch(r"\d", chr(code))] == list("0123456789")


def test_other_decimal_digits_make_dates() -> None:
    text = "Dated March \u0662\u0669, \u0662\u0660\u0660\u0664 \u2019"
    assert [m.text for m in find_dates(text)] == ["March \u0662\u0669, \u0662\u0660\u0660\u0664"]
    _same(text)


def test_windows_leave_out_the_text_between_dates() -> None:
    text = "I have reviewed this annual report. " * 40 + "Date: March 29, 2004"
    windows = Windows(text)
    day = text.index("29")
    assert windows.month_first == [(day - MDY_REACH, len(text))]
    assert windows.month_days == []  # "March 29,": `_MONTH_DAY` reads no day before a ","
    text = "I have reviewed this annual report. " * 40 + "on April 31 and April 3 "
    day = text.index("31")
    assert Windows(text).month_days == [(day - 10, day + 3)]  # April 3 exists: no window
    assert windows.slashed == windows.iso == []


def test_the_real_corpora() -> None:
    count = 0
    for doc in corpora_documents():
        _same(doc.prose.text)
        count += 1
    assert count > 100


LABELS = st.lists(st.sampled_from(["fiscal 2004", "FISCAL-YEAR 2003", "FY2005", "fy 1999", "fıscal 2004",
                                   "ſy 2001", "for fiscal", "2004", " ", "\n", "İ"]), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, labels=LABELS)
def test_the_fiscal_labels_are_those_a_whole_text_scan_finds(text: str, labels: str) -> None:
    """Looked for only in the year windows of a document that may hold "fiscal" or "FY"."""
    prose = read_documents("doc.txt", text=labels + " " + text + labels)[0].prose
    every = [(m.start(), m.end(), int(m.group("year"))) for m in _FISCAL_LABEL.finditer(prose.text)]
    assert [(label.start, label.end, label.year) for label in analyse(prose).labels] == every


@pytest.mark.parametrize(("text", "month"), [
    # "\u017f" is an "s" to `re.IGNORECASE`, not to `str.lower`: the patterns match, no month is named
    ("Signed \u017feptember 29, 2004", None),
    ("Tuesday, the 29th day of \u017fept., 2004, not March 29, 2004", 3),
    ("\u0130 Dated March 29, 2004", 3),  # lowercases longer: no lowercase view offset for offset
])
def test_a_month_the_lowercase_view_cannot_see(text: str, month: int | None) -> None:
    assert [found.value.month for found in find_dates(text) if found.value] == ([month] if month else [])
    _same(text)


def test_the_named_patterns_skip_years_without_a_day() -> None:
    text = "Section 906 of the Sarbanes-Oxley Act of 2002. " * 3 + "Dated: Tuesday,   March 29, 2004"
    windows = Windows(text)
    day = text.index("29")
    # From 22 before the day, the run of spaces one: "Dated: Tuesday,   March ".
    assert windows.month_first == [(text.index("Dated"), len(text))]
    assert windows.word_month_first == [(day - 12, len(text))]
    assert windows.day_first == windows.word_day_first == []  # the day is 2 before the year
    assert Windows("the 29th day of March, 2004").day_first == [(0, 27)]
    assert Windows("on 29th March 2004").word_day_first == [(3, 18)]
