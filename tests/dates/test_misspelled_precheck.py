"""The cheap pre-test for misspelled months never hides one: with it, the dates found are those
found when the misspelling patterns run on every document."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings

from certlint.analysis.dates import extract
from certlint.analysis.dates.extract import find_dates
from tests.dates.test_windows import texts


def _without_pretest(text: str, monkeypatch: pytest.MonkeyPatch) -> list[extract.DateMention]:
    with monkeypatch.context() as patched:
        patched.setattr(extract, "_maybe_misspelled", lambda text, windows: True)
        return find_dates(text)


@settings(max_examples=600, deadline=None)
@given(text=texts)
@example("Signed 29th Febuary, 2004.")
@example("Signed 29TH Febuary 2004.")
@example("Signed Febuary 29TH, 2004.")
@example("Signed this 31st Septmber, 2004.")
def test_the_pretest_keeps_every_misspelled_month(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert find_dates(text) == _without_pretest(text, monkeypatch)


@pytest.mark.parametrize("text", ["Signed 29th Febuary, 2004.", "Signed 29TH Febuary 2004.",
                                  "Signed Febuary 29TH, 2004.", "On the 31st Septmber, 2004 we"])
def test_a_day_with_its_suffix_before_a_misspelled_month(text: str) -> None:
    [found] = find_dates(text)
    assert found.misspelled is not None
    assert found.misspelled[1] in ("February", "September")
