"""The report reading skips paragraph 1 only where "reviewed" cannot be, ignoring case: a
dotless "ı" (which matches "i" ignoring case) still opens paragraph 1."""

from __future__ import annotations

import pytest

from certlint.analysis.report import read_report
from certlint.document import read_documents


@pytest.mark.parametrize("reviewed", ["reviewed", "REVIEWED", "rev\u0131ewed"])
def test_paragraph_1_is_read(reviewed: str) -> None:
    doc = read_documents("cert.txt", text=f"I, Jane Doe, certify that:\n\n1. I have {reviewed} this annual "
                                          "report on Form 10-K of Acme Corp.;\n")[0]
    reading = read_report(doc.prose)
    assert reading.registrant is not None and reading.registrant.text == "Acme Corp."
    assert [m.paragraph1 for m in reading.mentions] == [True]


@pytest.mark.parametrize("reviewed", ["reviewed", "REVIEWED", "rev\u0131ewed"])
def test_paragraph_1_without_a_registrant_is_found(reviewed: str) -> None:
    doc = read_documents("cert.txt", text=f"1. I have {reviewed} this annual report on Form 10-K;\n")[0]
    assert read_report(doc.prose).paragraph1_without_registrant is not None


def test_without_paragraph_1_a_906_statement_names_the_registrant() -> None:
    doc = read_documents("cert.txt", text="In connection with the Annual Report on Form 10-K of Acme Corp. "
                                          "(the \"Company\") for the year ended December 31, 2024, I certify.")[0]
    reading = read_report(doc.prose)
    assert reading.registrant is not None and reading.registrant.text == "Acme Corp."
    assert reading.paragraph1_without_registrant is None
