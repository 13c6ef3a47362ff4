"""The columns-based tokenizer and segmentation give what the token-object ones gave: the same
units (marker, tokens, first token, number, keys), the same tail and opening, on the corpora, the
examples and generated certifications; the plain tokenizer (a text without noise characters) the
same tokens as the old one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.form import segment
from certlint.analysis.form.codes import written_codes
from certlint.analysis.form.compare import document_codes
from certlint.analysis.form.tokens import _noisy_columns, columns, tokenize
from certlint.document import read_documents
from tests.conftest import CORPUS, FIXTURES, ROOT
from tests.form import _old_segment
from tests.form.test_fast_paths import _old_tokenize

Reading = tuple[object, ...]


def _old(text: str, start: int = 0) -> list[Reading]:
    return [(tuple((u.marker, tuple(map(tuple, u.tokens)), tuple(u.first), u.number, tuple(u.keys))
                   for u in cert.units), tuple(map(tuple, cert.tail)), cert.has_opening)
            for cert in _old_segment.find_certifications(tokenize(text, start))]


def _new(text: str, start: int = 0) -> list[Reading]:
    return [(tuple((u.marker, tuple(map(tuple, u.tokens)), tuple(u.first), u.number, tuple(u.keys))
                   for u in cert.units), tuple(map(tuple, cert.tail)), cert.has_opening)
            for cert in segment.find_certifications(columns(text, start))]


def _texts(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        texts.extend(doc.prose.text for doc in read_documents(str(path), data=path.read_bytes()))
    return texts


def test_examples_and_fixtures_segment_as_before() -> None:
    paths = sorted([*ROOT.glob("examples/*.txt"), *(FIXTURES / "form").glob("*.txt")])
    texts = _texts(paths)
    assert texts
    found = 0
    for text in texts:
        assert _new(text) == _old(text)
        found += len(_new(text))
    assert found > 10  # the examples are certifications


@pytest.mark.parametrize("corpus_name", ["real", "real2"])
def test_corpus_segments_as_before(corpus_name: str) -> None:
    folder = CORPUS.parent / corpus_name
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({folder})")
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".htm", ".html", ".txt")
                   and p.name != "README.txt")
    for text in _texts(paths):
        skip = max(0, text.find("reviewed") - 700)
        assert _new(text, skip) == _old(text, skip)


_PIECES = ["I", ",", "Jane", "Doe", "certify", "certifies", "that", ":", ";", ".", "have", "reviewed",
           "this", "report", "1.", "2.", "4", "(a)", "(b)", "b)", "c.", "4(a)", "(iv)", "ii.", "•", "No.",
           "nos", "and", "or", "Date", "Dated", "By", "Name", "Title", "/s/", "/", "s", "May", "March",
           "12", "2020", "small", "business", "Omitted", "(", ")", "0.", "10.", "; and", "; or", ", and",
           "No. 1", "Date:", "By:", "/s/ Jane Doe", "May 12, 2020", ". May 1", "(c) the", "d) all"]
_SPACES = [" ", " ", " ", "", "\n", "\n", " \n"]
_certifications = st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_PIECES)),
                           max_size=60).map(lambda parts: "".join(space + piece for space, piece in parts))
_OPENING = "I, Jane Doe, certify that:\n1. I have reviewed this report;\n"


@settings(max_examples=1500, deadline=None)
@given(_certifications, st.booleans())
def test_generated_certifications_segment_as_before(text: str, opening: bool) -> None:
    text = _OPENING + text if opening else text
    assert _new(text) == _old(text)


@settings(max_examples=200, deadline=None)
@given(_certifications)
def test_document_codes_are_the_paragraphs_codes(text: str) -> None:
    tokens = columns(_OPENING + text)
    for cert in segment.find_certifications(tokens):
        for unit in cert.units:
            assert document_codes(tokens)[unit.begin : unit.end] == written_codes(unit.keys)


_PLAIN_PIECES = ["I", "certify", "registrant's", "13a-15(e)", "officer(s)", "a", "b", "4", ",", ";", ":",
                 ".", "(", ")", "-", "'", "é", "İ", "\u00a0", "\u2028", "{x}", "x'", "a-", "(b)c"]
_plain_texts = st.lists(st.tuples(st.sampled_from(["", " ", "  ", "\n", " \n ", "\t", "\x1c"]),
                                  st.sampled_from(_PLAIN_PIECES)), max_size=30).map(
    lambda parts: "".join(space + piece for space, piece in parts))


@settings(max_examples=400, deadline=None)
@given(_plain_texts, st.integers(0, 12))
def test_plain_tokenizer_gives_the_old_tokens(text: str, skip: int) -> None:
    start = min(skip, len(text))
    old = [(t.text, t.key, t.start, t.end, t.spaced, t.line_start, t.is_word)
           for t in _old_tokenize(text, start)]
    assert [tuple(t) for t in tokenize(text, start)] == old
    made = columns(text, start)
    assert [made.token(i) for i in range(len(made))] == made.tokens()
    ends, texts, spaced, line_starts = _noisy_columns(text, start, len(text))
    assert (made.ends, made.texts) == (ends, texts)
    assert made.spaced[1:] == spaced[1:] and made.line_starts[1:] == line_starts[1:]
