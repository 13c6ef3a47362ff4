"""The built-in officer-titles pack (CL301 misspellings, CL302 homophones) on short documents."""

from __future__ import annotations

import pytest

from certlint.api import lint_text
from certlint.engine.config import Config


def found(text: str) -> list[str]:
    return [f"{d.line}:{d.column}: {d.code} {d.suggestion}"
            for d in lint_text(text, "ex.txt", config=Config(all_documents=True)) if d.code.startswith("CL30")]


@pytest.mark.parametrize("text, expected", [
    ("AS CHIEF EXECUTIVE OFFICER (PRINCIPAL EXEUCTIVE OFFICER)\n", ["1:39: CL301 EXECUTIVE"]),
    ("Cheif Executive Officer\n", ["1:1: CL301 Chief"]),
    ("Chief Finanical Officer\n", ["1:7: CL301 Financial"]),
    ("President and Chief Executive Offcer\n", ["1:31: CL301 Officer"]),
    ("Chief Excutive Officer\n", ["1:7: CL301 Executive"]),
    ("Senior Vice Presdent, Treasurer\n", ["1:13: CL301 President"]),
    ("chief exeuctive officer\n", ["1:7: CL301 executive"]),
    ("Chief Executive O\ufb03cer\n", []),
    ("Chief Executive Ofﬁcer and Principal Accounting Officer\n", []),
    ("Principle Executive Officer\n", ["1:1: CL302 Principal"]),
    ("Chief Financial Officer\n(Principle Financial Officer)\n", ["2:2: CL302 Principal"]),
    ("generally accepted accounting principles of the Officer\n", []),
    ("The principles of the Company's Chief Executive Officer\n", []),
    ("executive officers and the Office of the Chief Executive Officer\n", []),
    ("Samuel Furrow, Chief Executive Officer, Marc Crossman\n", []),
])
def test_title_words(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_words_in_other_paragraphs_are_not_checked() -> None:
    assert found("Exeuctive summary\n\nChief Executive Officer\n") == []
