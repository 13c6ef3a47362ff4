"""The misspelled months are looked for only around a day before a year: the windows never hide
one, the dates found are those found when the misspelling patterns run on the whole text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings

from certlint.analysis.dates.extract import find_dates
from certlint.analysis.dates.windows import Windows
from tests.dates.test_windows import texts


@settings(max_examples=600, deadline=None)
@given(text=texts)
@example("Signed 29th Febuary, 2004.")
@example("Signed 29TH Febuary 2004.")
@example("Signed Febuary 29TH, 2004.")
@example("Signed this 31st Septmber, 2004.")
@example("Signed this 31st Septembbrs, 2004.")
@example("Signed Septembbrs. 31st , 2004.")
def test_the_windows_keep_every_misspelled_month(text: str) -> None:
    assert find_dates(text) == find_dates(text, Windows.everywhere(text))


@pytest.mark.parametrize(("text", "found"), [
    ("Signed 29th Febuary, 2004.", "29th Febuary, 2004"),
    ("Signed 29TH Febuary 2004.", "29TH Febuary 2004"),
    ("Signed Febuary 29TH, 2004.", "Febuary 29TH, 2004"),
    ("On the 31st Septmber, 2004 we", "31st Septmber, 2004"),
    # The longest: 15 from the day's run to the year's, and 12 before the day.
    ("On 31st Septembbrs, 2004 we", "31st Septembbrs, 2004"),
    ("On Septembbrs. 31st , 2004 we", "Septembbrs. 31st , 2004"),
])
def test_a_day_with_its_suffix_before_a_misspelled_month(text: str, found: str) -> None:
    [date] = find_dates(text)
    assert date.misspelled is not None
    assert date.misspelled[1] in ("February", "September")
    assert date.text == found
