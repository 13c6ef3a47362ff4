"""The form, amendment and fiscal-label patterns run only where their literal or year stands, and
find exactly what a scan of the whole text finds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis import report
from certlint.analysis.dates import roles
from certlint.analysis.dates.windows import WORD, WORD_OR_DASH, around, around_word, matches_in
from certlint.analysis.views import odd_letters_in

PIECES = ["Form 10-K", "form 10-q", "FORM 10-KSB / A", "Form 10-K405 / a", "Form10-QT", "Form 10-K/A",
          "Form N-CSRS", "Form 10-D", "Form 11-K", "Form 20-F/A", "10-K/A", "10-Q / A", "10K/A", "110-K/A",
          "Amendment No. 1", "amended annual report", "Form", "form", "10", "fiscal 2003", "FY2004",
          "fiscal-year 2003", "Fiscal Year 1999", "fy 2105", "FY 21000", "fiscal 2003-04", "the annual report",
          "this quarterly report", "report", "Formal", "formed", "uniform 10-K", "x", "2004", "İ",
          "f\u0131scal 2004", "fi\u017fcal-year 2003", "certify 2004", "fiscal-year  2003",
          "information", "-Form 10-K", "_form 10-Q", "x10-K/A", "2010-K/A", "amendments No", "reamended",
          "nonfiscal 2004", "-fy 2004", "\u00e9Form 10-K"]
SPACES = ["", " ", "  ", "\n", "-", "/", "_", ".", ",", "(", "A"]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES) | st.just(" ")),
                 max_size=16).map(lambda parts: "".join(piece + gap for piece, gap in parts))


def _spans(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches_in(pattern, text, windows)]


def _whole(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(text=texts)
@example("Form 10-K405 / A\nForm 10-K405 / Ab and FY2004")
def test_the_same_matches_as_the_whole_text(text: str) -> None:
    low = text.lower() if len(text.lower()) == len(text) else None
    assert _spans(roles._FORM, text, around_word(text, low, "form", roles._FORM_LENGTH, WORD)) == \
        _whole(roles._FORM, text)
    assert _spans(report._FORM, text, around_word(text, low, "form", report._FORM_LENGTH, WORD_OR_DASH)) == \
        _whole(report._FORM, text)
    labels = roles.fiscal_labels(text, low, odd_letters_in(text))
    assert [(label.start, label.end) for label in labels] == _whole(roles._FISCAL_LABEL, text)
    assert roles._amended(text, low) == (roles._AMENDMENT.search(text) is not None)
    assert roles._form(text, low) == roles._form(text, None)  # None: every pattern over the whole text


def test_the_longest_forms_are_whole() -> None:
    text = "on Form 10-K405 / A, and 10-Q / A"
    (form,) = _spans(roles._FORM, text, around(text.lower(), "form", roles._FORM_LENGTH, len(text)))
    assert text[form[0]:form[1]] == "Form 10-K405 / A"
    assert roles._amended("see the 10-Q / A", "see the 10-q / a")
    assert not roles._amended("see the 10-Q / Ab", "see the 10-q / ab")
    assert roles._form(text, text.lower()) == roles.FormMention("annual", True, "10-K405")


def test_a_text_that_lowercases_longer_is_searched_whole() -> None:
    assert around(None, "form", 16, 40) == [(0, 40)]
    assert around("a form and a form", "form", 16, 17) == [(2, 17)]
