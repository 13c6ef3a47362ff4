"""`name_then_title` reads a line's text once (memoised) and places the spans at each call: the
same spans as reading the span itself (generated lines, repeated at other offsets, and every
line of the real corpora)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.signatures import Span
from certlint.analysis.signatures.layout import read_lines
from certlint.analysis.signatures.words import (
    _COMMA,
    _PARENTHESES_AT_END,
    _SPACES,
    SUFFIXES,
    TITLE_WORDS,
    _opens_title,
    is_name,
    is_title_text,
    lower_words,
    name_then_title,
    title_part,
)
from tests.conftest import corpora_documents


def reference(span: Span) -> tuple[Span, Span] | None:
    """`name_then_title` as it read each span, unmemoised."""
    for match in _COMMA.finditer(span.text):
        head, tail = span.text[:match.start()], span.text[match.end():]
        first = lower_words(tail)[:1]
        if not first or first[0] in SUFFIXES:
            continue
        part = title_part(tail)
        if is_name(head) and part and not any(w in TITLE_WORDS for w in lower_words(head)):
            return (Span(span.start, span.start + len(head), head),
                    Span(span.start + match.end(), span.start + match.end() + len(part), part))
    for match in _SPACES.finditer(span.text):
        tail = span.text[match.end():]
        if not tail[:1].isupper():
            continue
        head = span.text[:match.start()].rstrip(",")
        words = lower_words(_PARENTHESES_AT_END.sub("", tail))
        if words and _opens_title(words[0].split("-")[0]) and is_name(head) and is_title_text(tail):
            return (Span(span.start, span.start + len(head), head),
                    Span(span.start + match.end(), span.end, tail))
    return None


FRAGMENTS = ["Jane", "Doe", "J.", "Jr.", "Jr", ", ", ",", " ", "   ", "Chief", "Executive", "Officer",
             "Prsident", "President", "Vice", "of", "Acme", "Foods,", "Inc.", "(the \"Company\")",
             "(Principal Financial Officer)", "&nbsp;", "chief", "CFO", "Controller", "2004", "de", "la"]
LINES = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


@settings(max_examples=2000, deadline=None)
@given(text=LINES, start=st.integers(min_value=0, max_value=10_000), slack=st.integers(min_value=0, max_value=3))
@example(text="Jane Doe, Chief Executive Officer of Acme Foods, Inc.", start=7, slack=0)
@example(text="Jane Doe   Chief Executive Officer", start=0, slack=2)
@example(text="Jane Doe Vice Prsident, Controller", start=3, slack=0)
def test_the_memoised_split_is_the_reading_of_the_span(text: str, start: int, slack: int) -> None:
    # `slack`: a span whose end is past its text's length (the title then ends at the span's end).
    for offset in (start, start + 11):  # the same text at two places: the second is a cache hit
        span = Span(offset, offset + len(text) + slack, text)
        assert name_then_title(span) == reference(span)


def test_a_split_is_found_and_placed() -> None:
    split = name_then_title(Span(100, 133, "Jane Doe, Chief Executive Officer"))
    assert split == (Span(100, 108, "Jane Doe"), Span(110, 133, "Chief Executive Officer"))
    assert name_then_title(Span(0, 8, "Jane Doe")) is None


def test_the_lines_of_the_real_corpora() -> None:
    for doc in corpora_documents():
        for line in read_lines(doc):
            span = Span(line.start, line.end, line.text)
            assert name_then_title(span) == reference(span)
