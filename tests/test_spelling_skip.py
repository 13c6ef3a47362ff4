"""The spelling rule's skipping of documents and blocks with no word it could report gives the
findings of reading every block (the rule's reading before the skipping)."""

from __future__ import annotations

from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.checks import spelling
from certlint.diagnostic import Finding
from certlint.document import read_documents

RULES = {
    "titles": {"vocabulary": ["Chief", "Executive", "Financial", "Officer", "Principal", "President"],
               "allow": ["Office", "Principle"], "max_distance": 1, "min_length": 5, "window": 2},
    "homophones": {"vocabulary": ["Executive", "Financial", "Officer"], "allow": ["Office"],
                   "homophones": {"principle": "Principal"}, "max_distance": 0, "window": 1},
    "every token": {"vocabulary": ["Sarbanes", "Oxley"], "min_length": 5, "window": 0},
    "two edits": {"vocabulary": ["fully", "complies", "presents"], "min_length": 4, "max_distance": 2,
                  "window": 3},
}
WORDS = ["Chief", "CHIEF", "Executive", "Exeuctive", "EXECUITVE", "Officer", "Offcer", "Officer's",
         "Office", "Principle", "principle", "President", "Presdent", "Financial", "Finanical",
         "Sarbanes", "Sarbnes", "Oxley", "Oxely", "Oxley’s", "fully", "fuly", "complies", "compiles",
         "presents", "prsents", "the", "of", "and", "Company", "§", "906", "ΣOFFICER", "İnc", "OffⅫcer",
         "Of2ficer", "x_y", "-", ",", "'s"]
TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n", "\n\n", ", ", ""])),
                 max_size=40).map(lambda parts: "".join(w + s for w, s in parts))


def _every_block(rule: spelling.TitleSpelling, text: str) -> list[Finding]:
    """The rule's findings reading every block of the document (no skipping)."""
    doc = read_documents("doc.txt", text=text)[0]
    prose = doc.prose.text
    if rule.anchor.search(prose) is None:
        return []
    return [finding for block in doc.prose.blocks
            for finding in rule._check_block(prose, block.start, block.end)]


def _findings(rule: spelling.TitleSpelling, text: str) -> list[Finding]:
    doc = read_documents("doc.txt", text=text)[0]
    return list(rule.check(doc, cast(Any, None)))


@pytest.mark.parametrize("name", sorted(RULES))
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_skipping_finds_what_reading_every_block_finds(name: str, text: str) -> None:
    rule = spelling.compile(RULES[name])
    assert _findings(rule, text) == _every_block(rule, text)


def test_a_document_with_a_misspelling_is_still_read() -> None:
    rule = spelling.compile(RULES["titles"])
    text = "Report of the Company\n\nChief Exeuctive Officer\n"
    assert [f.args["suggestion"] for f in _findings(rule, text)] == ["Executive"]
    assert spelling.token_words(read_documents("doc.txt", text=text)[0].prose) is not None


def test_a_text_whose_words_are_not_exact_is_read_whole() -> None:
    """A capital sigma lowercases by what follows it: its document's word set is not used."""
    prose = read_documents("doc.txt", text="ΣΟΦΙΑ Chief Executive Officer\n")[0].prose
    assert spelling.token_words(prose) is None
