"""The deletion test that spares rapidfuzz's import never says "far" of words within reach: it
is checked against rapidfuzz's optimal-string-alignment distance on generated words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from certlint.analysis.edits import Neighbourhood, deletions, may_be_within

WORDS = st.text(alphabet="abcde", max_size=9)


@settings(max_examples=2000, deadline=None)
@given(WORDS, WORDS, st.integers(0, 3))
def test_may_be_within_is_never_wrong_about_near_words(one: str, other: str, edits: int) -> None:
    if OSA.distance(one, other) <= edits:
        assert may_be_within(one, other, edits)


@settings(max_examples=500, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6), WORDS, st.integers(0, 3))
def test_a_neighbourhood_holds_every_near_word(words: list[str], word: str, edits: int) -> None:
    near = Neighbourhood(words, edits)
    if any(OSA.distance(word, w) <= edits for w in words):
        assert near.may_be_near(word)


def test_far_words_are_told_apart() -> None:
    titles = Neighbourhood(["executive", "financial", "officer"], 1)
    assert titles.may_be_near("exeuctive")  # a transposition
    assert titles.may_be_near("officers")
    assert not titles.may_be_near("certify")
    assert not titles.may_be_near("registrant")
    assert not may_be_within("quarterly", "annual", 2)
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
