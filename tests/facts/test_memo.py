"""`certification_facts` is read once per document and outside facts: every `facts` rule asks."""

from __future__ import annotations

from certlint.analysis.facts import certification_facts
from certlint.document import read_documents
from certlint.document.facts import Facts

TEXT = ("I, Jane Doe, certify that:\n\n1. I have reviewed this annual report on Form 10-K of Example "
        "Corp.;\n\n/s/ Jane Doe\nDate: March 1, 2004\n")


def test_the_same_document_and_facts_give_the_same_reading() -> None:
    doc = read_documents("cert.txt", text=TEXT)[0]
    facts = Facts()
    first = certification_facts(doc, facts)
    assert certification_facts(doc, facts) is first
    assert first.form is not None and (first.form.value, first.form.source) == ("10-K", "text")


def test_other_facts_are_overlaid_anew() -> None:
    doc = read_documents("cert.txt", text=TEXT)[0]
    plain = certification_facts(doc, Facts())
    told = certification_facts(doc, Facts(form="10-Q"))
    assert told is not plain
    assert told.form is not None and (told.form.value, told.form.source) == ("10-Q", "config")
    assert plain.form is not None and plain.form.value == "10-K"
