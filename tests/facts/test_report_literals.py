"""The report reading looks for its forms where a word opens with "form", and for the kind, report
and amendment words before and around each form from where their literals first stand: the same
reading as with every pattern searching its whole stretch."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis import report
from certlint.document import read_documents
from certlint.document.prose import Prose
from tests.conftest import corpora_documents

PIECES = ["I have reviewed this", "annual report on", "the Semi- Annual Report of Acme Corp. on",
          "semiannual report on", "Quarterly Report for the period on", "transition report on",
          "tran\u017fition report on", "\u017femi-annual report on", "the report in", "report on the",
          "Form 10-K", "Form 10-Q/A", "FORM N-CSRS", "Form 10-K405 / A", "information", "-Form 10-K",
          "Amendment No. 2 to", "amendment no 1", "amended annual report", "as amended", "of Acme Corp.",
          "(the \"Company\")", "for the year ended December 31, 2004", ";", ":", "\n", "\u0130", "x" * 60]
GAPS = ["", " ", "  ", "\n", ", ", "-"]
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=14).map(
    lambda parts: "".join(piece + gap for piece, gap in parts))


def _both(prose: Prose) -> tuple[report.ReportReading, report.ReportReading]:
    """The reading, and the reading without a lowercase view (every pattern over its whole stretch)."""
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(report, "lowered", lambda prose: None)
        whole = report.read_report(prose)
    return report.read_report(prose), whole


@settings(max_examples=600, deadline=None)
@given(text=texts)
@example("I have reviewed this Semi- Annual Report of Acme Corp. on Form N-CSRS, as amended by Amendment No. 2")
@example("the tran\u017fition report on Form 10-K")
def test_the_literals_keep_every_mention(text: str) -> None:
    prose = read_documents("doc.txt", text=text)[0].prose
    found, whole = _both(prose)
    assert found == whole


def test_the_kind_words_reach_back_to_semi() -> None:
    prose = read_documents("doc.txt", text="x" * 200 + " the Semi- Annual Report on Form N-CSRS")[0].prose
    (mention,) = report.read_report(prose).mentions
    assert mention.kind is not None and mention.kind.text == "Semi- Annual"


def test_the_real_corpora() -> None:
    count = 0
    for doc in corpora_documents():
        found, whole = _both(doc.prose)
        assert found == whole
        count += 1
    assert count > 100
