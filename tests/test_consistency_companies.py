"""The registrant-name check looks for company names only around their suffixes: the same
names, at the same places, as a scan of the whole text (generated texts and the real corpora)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.checks.consistency import _COMPANY, _companies
from certlint.document import read_documents
from tests.conftest import SHARED

FRAGMENTS = ["Acme", "Foods", "ACME", "O'Brien", "Smith-Jones", "3M", "Inc", "Inc.", "Incorporated", "Co", "Co.",
             "Company", "Corp", "Corporation", "LLC", "L.L.C", "L.P", "Ltd", "plc", "N.A", "Trust", " 2004-A",
             "Commission", ",", ", ", " ", "  ", " and ", "and ", "the ", "of ", "'", "\"", "(", ")", ";", "\n",
             "-", "&", ".", "x", "Ünited", "Bank"]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def _spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return [m.span() for m in _companies(text)], [m.span() for m in _COMPANY.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(text=TEXTS)
@example(text="Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Inc.")
@example(text="A, and B, and C, and D, and E, and F, and G, and H, and I, and J, and K, and L, and M Inc")
@example(text="the 'Acme Inc' and \"Acme, Inc.\" and (Acme Co) of Acme Trust 2004-A1.")
@example(text="Acme  Inc, Acme Inc-x, Acme Incorporated, xAcme Inc, -Acme Inc, Acme Trust-1")
def test_the_windows_find_the_names_of_the_whole_text(text: str) -> None:
    windowed, scanned = _spans(text)
    assert windowed == scanned


def test_the_windows_find_the_names_of_the_real_corpora() -> None:
    folders = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2"]
    paths = [p for folder in folders if folder.is_dir() for p in sorted(folder.iterdir())
             if p.suffix.lower() in (".txt", ".htm", ".html", ".md", ".docx")]
    if not paths:
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    found = 0
    for path in paths:
        for doc in read_documents(str(path)):
            windowed, scanned = _spans(doc.prose.text)
            assert windowed == scanned, path
            found += len(scanned)
    assert found > 100  # the corpora name their registrants
