"""The signature layout's shortcuts read the lines the long way reads: an HTML block with no
`<br>` is one line, a text line is cut only at its spaces. Checked on the real corpora and on
generated inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.signatures import layout
from certlint.analysis.signatures.source_lines import BR, html_lines, whole_block
from certlint.document import Document, read_documents
from certlint.document.prose import Block, Prose
from tests.conftest import ROOT, SHARED


def _documents() -> list[Document]:
    folders = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2", ROOT / "examples"]
    if not all(folder.is_dir() for folder in folders[:2]):
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED})")
    files = sorted(path for folder in folders for path in folder.rglob("*")
                   if path.is_file() and path.suffix.lower() in (".htm", ".html", ".txt", ".md"))
    return [doc for path in files for doc in read_documents(str(path))]


def _columns_reference(doc: Document, raw: str, start: int) -> list[int]:
    """The cuts of `layout._columns` as it read every character of the line."""
    cuts = []
    folded = doc.prose.to_source_end(start + len(raw)) - doc.prose.to_source(start) - len(raw)
    for index, char in enumerate(raw if folded >= 2 else ""):
        if char == " " and 0 < index < len(raw) - 1:
            left, right = doc.prose.to_source(start + index), doc.prose.to_source(start + index + 1)
            after_marker = raw[:index].lower().endswith(("/s/", "by:"))
            if right - left >= 3 and doc.source[left:right].strip(" \t") == "" and not after_marker:
                cuts.append(index)
    return cuts


def test_the_shortcuts_read_the_corpora_as_the_long_way_does() -> None:
    docs = _documents()
    whole = lines = 0
    for doc in docs:
        prose = doc.prose
        if doc.format == "html":
            if BR.search(doc.source) is None:
                for block in prose.blocks:
                    whole += 1
                    assert whole_block(prose.text, block) == html_lines(doc, prose.block_lines(block), [])
            continue
        for block in prose.blocks:
            for start, end in prose.block_lines(block):
                raw = prose.text[start:end]
                lines += 1
                cuts = _columns_reference(doc, raw, start)
                pieces = layout._columns(doc, raw, start)
                assert ([p[0] for p in pieces[1:]] if cuts else []) == cuts
    assert whole > 100 and lines > 100  # both shortcuts met many blocks


BLOCK_TEXT = st.text(alphabet=" ab\n", max_size=12)


@settings(max_examples=1000, deadline=None)
@given(text=BLOCK_TEXT, cuts=st.lists(st.integers(0, 12), max_size=4))
def test_a_block_is_the_one_line_its_stripped_lines_make(text: str, cuts: list[int]) -> None:
    breaks = tuple(sorted({c for c in cuts if 0 < c < len(text)}))
    prose = Prose(text, (Block(0, len(text)),), breaks, (), ())
    lines = prose.block_lines(prose.blocks[0])
    expected = [(lines[0][0], lines[-1][1])] if lines else []
    assert whole_block(text, prose.blocks[0]) == expected
