"""Word drafts (.docx) through python-docx, an optional extra (`pip install 'certlint[docx]'`).

A .docx has no lines, so positions are paragraphs: line N is the N-th paragraph of the body in
document order (empty paragraphs and the paragraphs of table cells count), and the column is
the character within it. The Document's source is those paragraphs' text, one per line, so
`--show-source` and the LSP show the paragraph. A manual line break inside a paragraph is kept
as a vertical tab (as Word's own object model does), not a new line.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from certlint.document import Document, DocumentError
from certlint.document.lines import LineIndex
from certlint.document.prose import ProseBuilder

MISSING = "reading .docx files needs python-docx: pip install 'certlint[docx]'"


def read_bytes(path: str, data: bytes) -> list[Document]:
    """The one Document of a .docx file."""
    try:
        import docx
    except ImportError:
        raise DocumentError(MISSING) from None
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile, KeyError and its own errors
        raise DocumentError(f"not a readable .docx file ({type(exc).__name__}: {exc})") from None
    paragraphs = list(_paragraphs(word, "paragraph"))
    source = "\n".join(_line_text(text) for text, _ in paragraphs)
    builder = ProseBuilder()
    offset = 0
    for text, kind in paragraphs:
        builder.add_source(source, offset, offset + len(text))
        builder.end_block(kind)
        offset += len(text) + 1
    return [Document(path, source, LineIndex(source), builder.build(), "docx", "utf-8", False)]


def _line_text(text: str) -> str:
    return text.replace("\r\n", "\v").replace("\r", "\v").replace("\n", "\v")


def _paragraphs(container: Any, kind: str) -> Iterator[tuple[str, str]]:
    """(text, block kind) of every paragraph, tables included, in document order."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            # A merged cell appears once per grid column it spans. Its element is kept, not its
            # id(): lxml proxies are recreated on access and a dead one's id can be reused.
            seen: list[Any] = []
            for row in item.rows:
                for cell in row.cells:
                    if any(cell._tc is element for element in seen):
                        continue
                    seen.append(cell._tc)
                    yield from _paragraphs(cell, "table_cell")
        else:
            style = item.style.name if item.style is not None else ""
            heading = kind == "paragraph" and style.startswith(("Heading", "Title"))
            yield _line_text(item.text), "heading" if heading else kind
