"""`name_tokens` reads each text's words once (memoised) and places them at each call: the same
spans as reading the spans themselves (generated names at several offsets, and the signatures
of the real corpora)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.signatures import Span, signatures
from certlint.analysis.signatures.words import _WORD, name_tokens
from tests.conftest import corpora_documents


def reference(spans: list[Span]) -> list[Span]:
    """`name_tokens` as it read each span, unmemoised."""
    tokens = []
    for span in spans:
        for match in _WORD.finditer(span.text):
            word = match.group().rstrip(",")
            if word.lower() == "nbsp" and match.start() > 0 and span.text[match.start() - 1] == "&":
                continue
            tokens.append(Span(span.start + match.start(), span.start + match.start() + len(word), word))
    return tokens


NAMES = st.lists(st.sampled_from(["Jane", "Doe", "J.", "Jr.,", ",", " ", "&nbsp;", "nbsp", "&", "O'Brien",
                                  "Smith-Jones", "2004", "_x", "É", "é.", "-"]), max_size=10).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts=st.lists(NAMES, max_size=3), start=st.integers(min_value=0, max_value=5000))
@example(texts=["Jane&nbsp;Doe, Jr.,", "J. Doe"], start=40)
def test_the_memoised_words_are_the_reading_of_the_spans(texts: list[str], start: int) -> None:
    spans = [Span(start + 50 * i, start + 50 * i + len(text), text) for i, text in enumerate(texts)]
    assert name_tokens(spans) == reference(spans)
    moved = [Span(s.start + 7, s.end + 7, s.text) for s in spans]  # the same texts again: memoised
    assert name_tokens(moved) == reference(moved)


def test_the_words_of_a_name() -> None:
    assert name_tokens([Span(10, 29, "Jane&nbsp;Doe, Jr.,")]) == \
        [Span(10, 14, "Jane"), Span(20, 23, "Doe"), Span(25, 28, "Jr.")]


def test_the_signatures_of_the_real_corpora() -> None:
    for doc in corpora_documents():
        for sig in signatures(doc):
            for spans in (list(sig.conformed), [sig.name] if sig.name else []):
                assert name_tokens(spans) == reference(spans)
