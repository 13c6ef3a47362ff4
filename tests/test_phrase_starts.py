"""The phrase rules tried only where a match may start (`Starts`) report what the search of the
whole text reports: every pack rule with starts, on its own examples, on generated texts made of
its literals, and on the real filings."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.checks import CheckContext
from certlint.checks.forbidden import ForbiddenPhrase
from certlint.checks.required import RequiredPhrase
from certlint.document import Document, read_documents
from certlint.ruleset import load_ruleset
from tests.conftest import corpora_documents

Checker = ForbiddenPhrase | RequiredPhrase


def _with_starts() -> list[tuple[str, Checker]]:
    found = []
    for rule in load_ruleset().rules:
        checker = rule.checker
        if isinstance(checker, (ForbiddenPhrase, RequiredPhrase)) and checker.starts is not None:
            found.append((rule.code, checker))
    return found


RULES = _with_starts()


def _findings(checker: Checker, doc: Document) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, repr(f.args)) for f in checker.check(doc, CheckContext())]


def _assert_alike(doc: Document) -> None:
    for code, checker in RULES:
        everywhere = msgspec.structs.replace(checker, starts=None)
        assert _findings(checker, doc) == _findings(everywhere, doc), code


def test_the_packs_rules_have_starts() -> None:
    codes = {code for code, _ in RULES}
    assert {"CL804", "CL801", "CL104"} <= codes  # a match's first literal, a lookbehind, a required rule
    starts = dict(RULES)["CL804"].starts
    assert starts is not None and not starts.at_end  # the section number, not each "Section "


@pytest.mark.parametrize("text", [
    "Pursuant to Section 609 of the Sarbanes-Oxley Act of 2003 and section 906 of the Sarbanes Act.",
    "the Annual Report on Form 10-K for the year; the Form 10-Q, Form 20-F/A and form 10K",
    "18 U.S.C. Section 1530, 18 U.S.C. 1350, Section 1305 of Chapter 63, § 960 of the Sarbanes",
    "the financial condition and result of operations; the Securities Exchange Act of 1943",
])
def test_the_search_at_starts_reports_what_the_whole_search_reports(text: str) -> None:
    for end in range(0, len(text) + 1, 3):
        _assert_alike(read_documents("t.txt", text=text[:end])[0])


WORDS = ["Section ", "section ", "§", "§ ", "609", "960", "906 ", " of the Sarbanes", "-Oxley Act of ",
         "2002", "2012", "Form ", "10-K", "10-Q", "20-F", "/A", "18 U.S.C. ", "1350", "1530", " ", "\n",
         "Securities ", "Exchange Act of ", "1934", "condition and ", "results of operation", "İ", "ſ"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(WORDS), max_size=12))
def test_generated_texts_of_the_rules_literals(pieces: list[str]) -> None:
    _assert_alike(read_documents("t.txt", text="".join(pieces))[0])


def test_the_real_filings() -> None:
    documents = 0
    for doc in corpora_documents():
        _assert_alike(doc)
        documents += 1
    assert documents
