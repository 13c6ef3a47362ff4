"""`lower_words` takes an ASCII text by a character-set pattern: the same words as the Unicode one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.views import lower_words
from certlint.document.prose import Prose, ProseBuilder

_UNICODE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TEXTS = st.lists(st.one_of(st.sampled_from(["Officer's", "CHIEF", "13a-15(e)", "_x_", "o'", "'s", "é",
                                             "İ", "’s", "ﬁ", "2024", "§", "§§", " ", "\n", "-", "ß"]),
                            st.text(max_size=6)), max_size=12).map("".join)


def _prose_of(text: str) -> Prose:
    builder = ProseBuilder()
    builder.add_source(text, 0, len(text))
    return builder.build()


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_every_text_gives_the_unicode_patterns_words(text: str) -> None:
    prose = _prose_of(text)
    assert lower_words(prose) == frozenset(_UNICODE_WORD.findall(prose.text.lower()))


def test_ascii_words_keep_inner_apostrophes_and_drop_digits() -> None:
    prose = _prose_of("The Chief Executive Officer's 10-K report_2024 o' 'tis")
    assert lower_words(prose) == {"the", "chief", "executive", "officer's", "k", "report", "o", "tis"}
