"""The spelling rule's cheap test before a fuzzy search never drops a word the search would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from certlint.checks.spelling import _may_be_within

WORDS = st.text(alphabet="abcdeéfo", min_size=0, max_size=9)


@settings(max_examples=3000, deadline=None)
@given(word=WORDS, other=WORDS, edits=st.integers(min_value=2, max_value=3))
def test_never_false_within_the_distance(word: str, other: str, edits: int) -> None:
    if OSA.distance(word, other) <= edits:
        assert _may_be_within(word, other, edits)


@settings(max_examples=3000, deadline=None)
@given(word=WORDS, other=WORDS)
def test_exact_for_one_edit(word: str, other: str) -> None:
    assert _may_be_within(word, other, 1) == (OSA.distance(word, other) <= 1)


@settings(max_examples=2000, deadline=None)
@given(word=WORDS, data=st.data())
def test_exact_for_one_edit_near_the_word(word: str, data: st.DataObject) -> None:
    """Random pairs are mostly far apart: these are one edit (or two) away by construction."""
    other = word
    for _ in range(data.draw(st.integers(min_value=1, max_value=2))):
        at = data.draw(st.integers(min_value=0, max_value=len(other)))
        letter = data.draw(st.sampled_from("abeéo"))
        change = data.draw(st.sampled_from(["insert", "delete", "substitute", "swap"]))
        if change == "insert":
            other = other[:at] + letter + other[at:]
        elif change == "delete" and at < len(other):
            other = other[:at] + other[at + 1:]
        elif change == "substitute" and at < len(other):
            other = other[:at] + letter + other[at + 1:]
        elif change == "swap" and at + 1 < len(other):
            other = other[:at] + other[at + 1] + other[at] + other[at + 2:]
    assert _may_be_within(word, other, 1) == (OSA.distance(word, other) <= 1)


def test_it_rules_out_what_it_can() -> None:
    assert _may_be_within("exeuctive", "executive", 1)  # a transposition
    assert _may_be_within("oficer", "officer", 1)
    assert not _may_be_within("reporting", "officer", 1)
    assert not _may_be_within("control", "controller", 1)  # three letters more
    assert not _may_be_within("abc", "xyz", 2)  # three substitutions
    assert not _may_be_within("reporting", "operating", 1)  # the same letters but one
