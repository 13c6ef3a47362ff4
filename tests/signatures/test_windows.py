"""The intros and third-person verbs of `parties` are looked for only around each "certif":
the same matches, in the same order, as a scan of the whole text (generated texts and the
real corpora)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.dates.windows import back, matches_in
from certlint.analysis.parties import _INTRO, _INTRO_REACH, _THIRD_PERSON_VERB, _third_person_verb
from certlint.analysis.verb_windows import verb_windows
from certlint.document import read_documents
from certlint.document.prose import Prose
from tests.conftest import SHARED

FRAGMENTS = ["I, ", "I ", "We, ", "we ", "Jane Doe", "John Q. Roe, Chief Executive Officer", ", ", ",",
             " ", "  ", "\n", " \n  ", "\t", "do ", "does ", "hereby ", "each ", "certify", "certifies",
             "CERTIFY", "certification", "certifying", "cert\u0131fy", "cert", "\u0130fy", " that:",
             "x" * 97, "word " * 20, "\u0131", "\u0130", "\u017f", "'", "undersigned "]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
#: Intros whose middle part is near its longest (400), with runs of whitespace around it.
LONG_INTROS = [f"{who}{gap}{'x' * size}{tail}certify that" for who in ("I,", "We")
               for gap in (" ", "\n\n  \t") for size in (1, 380, 399, 400, 401, 420)
               for tail in (" ", " ,  \n does  hereby\n each  ", ",hereby ")]


def _prose(text: str) -> Prose:
    return Prose(text, (), (), (), ())


def _units(text: str) -> int:
    """Characters, a run of whitespace counting as one."""
    return len(re.sub(r"\s+", " ", text))


@settings(max_examples=1500, deadline=None)
@given(text=TEXTS)
def test_the_windows_find_the_intros_of_the_whole_text(text: str) -> None:
    windows = verb_windows(_prose(text), _INTRO_REACH)
    assert [m.span() for m in matches_in(_INTRO, text, windows)] == \
        [m.span() for m in _INTRO.finditer(text)]


@pytest.mark.parametrize("text", [*LONG_INTROS, "I, Jane Doe, cert\u0131fy", "I, Jane Doe, \u0130 certify",
                                  "x" * 500 + "I, Jane Doe, do hereby certify"])
def test_the_windows_find_the_intros_at_their_reach(text: str) -> None:
    windows = verb_windows(_prose(text), _INTRO_REACH)
    expected = [m.span() for m in _INTRO.finditer(text)]
    assert [m.span() for m in matches_in(_INTRO, text, windows)] == expected
    assert expected or "x" * 401 in text


@settings(max_examples=1500, deadline=None)
@given(text=TEXTS, cut=st.integers(min_value=0, max_value=2000))
@example(text="Jane Doe, CEO, each does hereby certify that", cut=2000)
@example(text="Jane Doe, CEO,\n\teach \n does  hereby\n certifies", cut=2000)
@example(text="Jane Doe, CEO, each does hereby certifies", cut=30)
def test_the_windows_find_the_first_third_person_verb(text: str, cut: int) -> None:
    body_end = min(cut, len(text))
    found = _third_person_verb(_prose(text), body_end)
    expected = _THIRD_PERSON_VERB.search(text, 0, body_end)
    assert (found.span() if found else None) == (expected.span() if expected else None)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab \n\t", max_size=60), units=st.integers(min_value=0, max_value=20),
       data=st.data())
def test_back_is_the_earliest_start_within_the_units(text: str, units: int, data: st.DataObject) -> None:
    end = data.draw(st.integers(min_value=0, max_value=len(text)))
    earliest = min(p for p in range(end + 1) if _units(text[p:end]) <= units)
    assert back(text, end, units) == earliest


def _corpus_texts() -> list[str]:
    folders = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2"]
    paths = [p for folder in folders if folder.is_dir() for p in sorted(folder.iterdir())
             if p.suffix.lower() in (".txt", ".htm", ".html", ".md", ".docx")]
    return [doc.prose.text for path in paths for doc in read_documents(str(path))]


def test_the_windows_find_the_intros_of_the_real_corpora() -> None:
    texts = _corpus_texts()
    if not texts:
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    for text in texts:
        windows = verb_windows(_prose(text), _INTRO_REACH)
        assert [m.span() for m in matches_in(_INTRO, text, windows)] == \
            [m.span() for m in _INTRO.finditer(text)]
        first = _third_person_verb(_prose(text), len(text))
        expected = _THIRD_PERSON_VERB.search(text)
        assert (first.span() if first else None) == (expected.span() if expected else None)
