"""The headings giving a title by name, looked for only in the lines that can hold one: the
same matches as searching the whole text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.checks.title_headings import headings_by
from certlint.checks.title_support import HEADING_BY
from certlint.document.prose import Prose

FRAGMENTS = ["CERTIFICATION ", "BY ", "by ", "By", " AS ", " as ", "as", "Jane Doe", " AND ", "John Roe",
             "CHIEF EXECUTIVE OFFICER", ", RESPECTIVELY", " respectively", "\n", " ", ",", "x",
             "a\u017f ", "\u0130", "\u017f", "b", "y "]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


def _found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=3000, deadline=None)
@given(text=TEXTS, cut=st.integers(0, 400))
def test_the_lines_searched_find_what_the_whole_search_finds(text: str, cut: int) -> None:
    end = min(cut, len(text))
    prose = Prose(text, (), (), (), ())
    assert _found(headings_by(prose, end)) == _found(HEADING_BY.finditer(text, 0, end))


@pytest.mark.parametrize("text", [
    "CERTIFICATION BY JANE DOE AS CHIEF EXECUTIVE OFFICER\nI, Jane Doe, certify",
    "Signed by me as stated.\nCERTIFICATIONS BY JANE DOE AND JOHN ROE AS CEO AND CFO, RESPECTIVELY",
    "by the way as\nby x as y", "prepared by counsel\n\nBY Jane Doe AS CFO"])
def test_headings_are_found_in_their_lines(text: str) -> None:
    prose = Prose(text, (), (), (), ())
    expected = _found(HEADING_BY.finditer(text, 0, len(text)))
    assert expected and _found(headings_by(prose, len(text))) == expected
