"""`_INTRO` opens with a lookahead for its first letter: it finds what the pattern without it
finds (spans and groups, whole texts and windows, generated texts and the real corpora)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.parties import _INTRO
from tests.signatures.test_windows import FRAGMENTS, _corpus_texts

#: The pattern as it was without the lookahead: the reference.
REFERENCE = re.compile(
    r"(?<![\w'])(?P<who>I|We)(?P<comma>,?)\s+(?P<rest>[^\n]{1,400}?)\s*,?\s*"
    r"(?:(?:do|does)\s+)?(?:hereby\s+)?(?:each\s+)?certif(?:y|ies)\b", re.IGNORECASE)
MORE = ["i, ", "WE ", "wE,", "xI, ", "'I, ", "_We ", "\u0130, ", "\u0131 ", "W", "e ", "(I, "]
TEXTS = st.lists(st.sampled_from([*FRAGMENTS, *MORE]), max_size=40).map("".join)


def _found(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[object, ...]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, start, end)]


@settings(max_examples=3000, deadline=None)
@given(text=TEXTS, data=st.data())
@example(text="I, Jane Doe, certify", data=None)
@example(text="\u0130, Jane Doe, certify; \u0131 John Roe certifies; xI, A certify", data=None)
def test_the_lookahead_changes_no_match(text: str, data: st.DataObject | None) -> None:
    start, end = 0, len(text)
    if data is not None:
        start = data.draw(st.integers(min_value=0, max_value=len(text)))
        end = data.draw(st.integers(min_value=start, max_value=len(text)))
    assert _found(_INTRO, text, start, end) == _found(REFERENCE, text, start, end)


def test_the_examples_match_as_before() -> None:
    assert [m.group("who") for m in _INTRO.finditer("I, Jane Doe, certify. WE, A and B, certify.")] == ["I", "WE"]
    assert not _INTRO.search("xI, Jane Doe, certify")


def test_the_lookahead_changes_no_match_of_the_real_corpora() -> None:
    texts = _corpus_texts()
    if not texts:
        pytest.skip("the shared corpora are not beside this checkout")
    for text in texts:
        assert _found(_INTRO, text, 0, len(text)) == _found(REFERENCE, text, 0, len(text))
