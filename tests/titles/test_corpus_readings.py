"""How the signature blocks of the real filings read (../shared/corpus/real and real2): name,
title, role and date of every signer, and the parties each body names, are the reviewed list in
fixtures/corpus/signatures.txt. A change of reading shows here even when no diagnostic changes.
Regenerate with `python -m tests.titles.test_corpus_readings > tests/fixtures/corpus/signatures.txt`
and review every changed line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from certlint.analysis.parties import statements
from certlint.document import read_documents
from tests.conftest import FIXTURES, SHARED

READINGS = FIXTURES / "corpus" / "signatures.txt"
CORPORA = ("real", "real2")


def readings(root: Path) -> list[str]:
    out = []
    for corpus in CORPORA:
        for path in sorted((root / corpus).rglob("*")):
            if not path.is_file() or path.suffix not in (".txt", ".htm", ".html", ".md", ".docx") \
                    or path.name == "README.md":
                continue
            name = f"{corpus}/{path.relative_to(root / corpus).as_posix()}"
            for doc in read_documents(str(path)):
                for st in statements(doc):
                    parties = [(p.name.text, p.title.text if p.title else None) for p in st.parties]
                    out.append(f"{name} parties {st.person or '-'} {parties}")
                    for sig in st.signatures:
                        roles = " ".join(r.text for r in sig.roles)
                        out.append(f"{name} signer {sig.display_name!r} | {sig.title_text} | {roles} | "
                                   f"{sig.date.text if sig.date else None}")
    return out


def test_corpus_readings_are_the_reviewed_ones() -> None:
    if not all((SHARED / "corpus" / corpus).is_dir() for corpus in CORPORA):
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    assert readings(SHARED / "corpus") == READINGS.read_text(encoding="utf-8").splitlines()


if __name__ == "__main__":
    sys.stdout.write("".join(line + "\n" for line in readings(SHARED / "corpus")))
