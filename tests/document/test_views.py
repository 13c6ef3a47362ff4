"""The shared lowercase views of a document's prose (`certlint.analysis.views`)."""

from __future__ import annotations

from certlint.analysis.views import lower_words, lowered, may_contain
from certlint.document import read_documents
from certlint.document.prose import Prose


def _prose(text: str) -> Prose:
    return read_documents("cert.txt", text=text)[0].prose


def test_lowered_keeps_offsets() -> None:
    prose = _prose("I, Jane DOE, certify that:\n")
    text = lowered(prose)
    assert text is not None and text.index("doe") == prose.text.index("DOE")
    assert lowered(prose) is text  # computed once per document


def test_lowered_is_none_when_lowercasing_moves_offsets() -> None:
    prose = _prose("I, İlker Doe, certify that:\n")
    assert lowered(prose) is None
    assert may_contain(prose, "anything")  # unsure: the rule must search the prose itself


def test_words_and_may_contain() -> None:
    prose = _prose("The Chief EXECUTIVE Officer's report, 2024.\n")
    assert {"chief", "executive", "officer's", "report"} <= lower_words(prose)
    assert "2024" not in lower_words(prose)
    assert may_contain(prose, "executive officer")
    assert not may_contain(prose, "financial")


def test_may_contain_is_unsure_where_re_ignorecase_folds_other_letters() -> None:
    import re

    for text in ("I certıfy that:\n", "The ſaid report\n"):
        prose = _prose(text)
        literal = "certify" if "ı" in text else "said"
        assert re.search(literal, prose.text, re.IGNORECASE)
        assert may_contain(prose, literal)
