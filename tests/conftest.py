"""Shared test helpers: run the CLI in-process, lint inline text, find the shared corpus."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from certlint.cli import main
from certlint.document import Document, read_documents

# The harness's asserts are the tests' asserts: show their values on failure.
pytest.register_assert_rewrite("tests.harness")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# CI puts shared/ beside the checkout; a worktree may sit deeper, so look up the parents too.
SHARED = next((parent / "shared" for parent in ROOT.parents if (parent / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "real"
#: Both real corpora: exhibits (real) and complete filings (real2).
CORPORA = (CORPUS, SHARED / "corpus" / "real2")
_DOCUMENT_SUFFIXES = (".txt", ".htm", ".html", ".md")


def run_cli(argv: Sequence[str]) -> tuple[int, str, str]:
    """main(argv) with captured stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    return CORPUS


def corpora_documents() -> Iterator[Document]:
    """Every document of both real corpora, file by file in path order; the test asking for them
    is skipped where the corpora are not beside this checkout."""
    missing = [str(folder) for folder in CORPORA if not folder.is_dir()]
    if missing:
        pytest.skip(f"the real corpora are not beside this checkout ({', '.join(missing)})")
    for folder in CORPORA:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in _DOCUMENT_SUFFIXES:
                yield from read_documents(str(path))
