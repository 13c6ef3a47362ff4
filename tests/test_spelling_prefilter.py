"""The spelling rule's cheap test before a fuzzy search never drops a word the search would find."""

from __future__ import annotations

from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from certlint.analysis.views import lower_words
from certlint.checks import spelling
from certlint.checks.spelling import _may_be_within
from certlint.document import read_documents

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


TOKEN_TEXTS = st.text(alphabet="ab'’ CÉ\n1_-", max_size=30)


@settings(max_examples=1500, deadline=None)
@given(text=TOKEN_TEXTS)
def test_the_token_words_are_the_word_set_cut_at_apostrophes(text: str) -> None:
    prose = read_documents("doc.txt", text=text)[0].prose
    words = spelling.token_words(prose)
    if words is not None:  # the cut of every word, as the words were cut before only some were
        assert words == frozenset(piece for word in lower_words(prose)
                                  for piece in word.replace("\u2019", "'").split("'"))
        assert words == frozenset(token.lower() for token in spelling._TOKEN.findall(text))


def test_the_run_wide_memos_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run over thousands of distinct documents forgets words rather than grow, and reports the same."""
    rule = spelling.compile({"vocabulary": ["Executive", "Officer"], "max_distance": 1, "window": 0})
    fresh = spelling.compile({"vocabulary": ["Executive", "Officer"], "max_distance": 1, "window": 0})
    monkeypatch.setattr(spelling, "MOST_REMEMBERED", 50)
    for number in range(40):
        text = "Chief Exeuctive Officer " + " ".join(f"word{chr(97 + number % 26)}{'x' * (number // 26)}{tail}"
                                                     for tail in ("aa", "bb", "cc", "dd", "ee"))
        doc = read_documents("doc.txt", text=text.replace("word", "wrd").replace("0", ""))[0]
        found = list(rule.check(doc, cast(Any, None)))
        assert found == list(fresh.check(doc, cast(Any, None)))
        assert [f.args["suggestion"] for f in found] == ["Executive"]
        assert len(rule._never) <= 50 + 10 and len(rule._closest_cache) <= 50 + 10
        fresh._never.clear()
        fresh._closest_cache.clear()
