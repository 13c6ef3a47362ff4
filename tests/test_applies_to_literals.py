"""A pack's `applies_to` markers tested only where their literals stand: the same answer as a
search of the whole prose, on the built-in packs' markers and on generated texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.views import odd_letters_in
from certlint.ruleset.loader import _applies_to
from certlint.ruleset.model import AppliesTo, _found

MARKERS = ["1350", "Section 906", "I have reviewed this", "Sarbanes-Oxley",
           "fully complies with the requirements of", "fairly presents, in all material respects",
           "Form 10-D", "13a-14(d)", "15d-14(d)", "this"]
#: Pieces a text is made of: the markers cut anywhere, in other cases, next to letters, digits,
#: punctuation and the letters that case-insensitive matching treats as ASCII ("ı", "ſ", "K").
_PIECES = st.one_of(
    st.sampled_from(MARKERS).flatmap(lambda m: st.tuples(st.just(m), st.integers(0, len(m)),
                                                         st.integers(0, len(m)))
                                     .map(lambda t: t[0][min(t[1], t[2]):max(t[1], t[2])] or t[0])),
    st.sampled_from(MARKERS).map(str.upper),
    st.sampled_from(["a", "9", " ", "-", "(", ")", ",", "\n", "_", "\u0131", "\u017f", "\u212a", "é"]),
)
TEXTS = st.lists(_PIECES, max_size=12).map("".join)


def _applies(markers: list[str]) -> AppliesTo:
    return _applies_to({"markers": markers})


def _lowered(text: str) -> str | None:
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def _whole_text(applies: AppliesTo, text: str) -> bool:
    assert applies.markers is not None
    return applies.markers.search(text) is not None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARKERS), min_size=1, max_size=4, unique=True), TEXTS)
def test_the_literal_places_answer_as_the_whole_text_does(markers: list[str], text: str) -> None:
    applies = _applies(markers)
    assert applies.markers is not None
    found = _found(applies.markers, applies.marker_words, text, _lowered(text))
    assert found == _whole_text(applies, text)


def test_a_phrase_inside_a_longer_word_is_not_found() -> None:
    applies = _applies(["1350", "this"])
    assert applies.markers is not None
    for text in ("13500 and thistle", "x1350", "THISs", "a13501350"):
        assert not _found(applies.markers, applies.marker_words, text, _lowered(text))
    for text in ("U.S.C. 1350.", "(THIS)", "13501350 1350"):
        assert _found(applies.markers, applies.marker_words, text, _lowered(text))


def test_the_look_ahead_of_each_phrase_reads_the_text_past_it() -> None:
    applies = _applies(["report", "this report"])
    assert applies.markers is not None
    for text in ("this reportx", "this reports", "reportage this report9"):
        assert not _found(applies.markers, applies.marker_words, text, _lowered(text))
    for text in ("this report", "this report.", "reportx report"):
        assert _found(applies.markers, applies.marker_words, text, _lowered(text))


def test_text_with_letters_case_insensitive_matching_reads_as_ascii_takes_the_regex() -> None:
    applies = _applies(["Section 906"])
    assert applies.markers is not None
    text = "\u017fection 906"  # the long s matches "s" case-insensitively, and is not "s" lowercased
    assert odd_letters_in(text.lower()) == "s"
    assert re.search(r"(?i)section", text)
    assert _found(applies.markers, applies.marker_words, text, _lowered(text))
