"""The spelling rule's shortcuts: the nearest vocabulary word is rapidfuzz's answer over the
vocabulary as written, and the word sets and run-wide memos give the same findings."""

from __future__ import annotations

from typing import Any, cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from certlint.analysis.views import lower_words
from certlint.checks import spelling
from certlint.document import read_documents

WORDS = st.text(alphabet="abcdeéfoEÉİ", min_size=0, max_size=9)


@settings(max_examples=2000, deadline=None)
@given(word=WORDS, vocabulary=st.lists(WORDS, min_size=1, max_size=12, unique=True),
       edits=st.integers(min_value=1, max_value=3))
@example(word="exeuctive", vocabulary=["Executive", "EXECUTIVE", "Executives"], edits=2)
@example(word="abd", vocabulary=["abc", "ABD", "abe"], edits=1)
def test_the_nearest_word_is_rapidfuzz_over_the_vocabulary_as_written(word: str, vocabulary: list[str],
                                                                      edits: int) -> None:
    """Lowercasing the vocabulary once gives what lowercasing both sides at each comparison gave
    (the word itself is lowercase), ties to the first word included."""
    rule = spelling.compile({"vocabulary": vocabulary, "max_distance": edits, "window": 0})
    word = word.lower()
    best = process.extractOne(word, rule.vocabulary, scorer=OSA.distance, processor=str.lower,
                              score_cutoff=edits)
    assert rule._closest(word) == (None if word in rule.homophones or best is None else best[0])


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
