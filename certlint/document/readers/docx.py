"""Word drafts (.docx) through python-docx, an optional extra (`pip install 'certlint[docx]'`).

A .docx has no lines, so positions are paragraphs: line N is the N-th paragraph of the body in
document order (empty paragraphs and the paragraphs of table cells count), and the column is
the character within it. The Document's source is those paragraphs' text, one per line, so
`--show-source` and the LSP show the paragraph. A manual line break inside a paragraph is kept
as a vertical tab (as Word's own object model does), not a new line.

Limits, checked before python-docx parses anything (a .docx is a zip: a few kilobytes can
inflate to gigabytes, or hold millions of empty paragraphs): `word/document.xml` at most
MAX_DOCUMENT_XML bytes uncompressed, all parts together at most MAX_UNCOMPRESSED, and at most
MAX_PARAGRAPHS paragraphs. A certification is a page or two: a few hundred paragraphs, tens of
kilobytes of XML.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from certlint.document import Document, DocumentError
from certlint.document.lines import LineIndex
from certlint.document.prose import ProseBuilder

MISSING = "reading .docx files needs python-docx: pip install 'certlint[docx]'"

MAX_DOCUMENT_XML = 20 * 1024 * 1024
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PARAGRAPHS = 50_000


def read_bytes(path: str, data: bytes) -> list[Document]:
    """The one Document of a .docx file."""
    try:
        import docx
    except ImportError:
        raise DocumentError(MISSING) from None
    _check_limits(data)
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


def _check_limits(data: bytes) -> None:
    """Refuse a zip bomb or a paragraph bomb from the sizes the zip declares and the tags the
    XML holds, reading the XML through a bounded stream: never inflating more than the limit."""
    import re
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: python-docx says so in its own words
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise DocumentError(f"refused: its parts inflate to {total:,} bytes (the limit is "
                            f"{MAX_UNCOMPRESSED:,}; a zip bomb?)")
    body = next((info for info in infos if info.filename == "word/document.xml"), None)
    if body is None:
        return
    if body.file_size > MAX_DOCUMENT_XML:
        raise DocumentError(f"refused: word/document.xml inflates to {body.file_size:,} bytes "
                            f"(the limit is {MAX_DOCUMENT_XML:,}; a zip bomb?)")
    paragraphs, tail, read = 0, b"", 0
    opening = re.compile(rb"<w:p[ >/]")
    try:
        with archive.open(body) as stream:  # the declared size may lie: count what inflates
            while chunk := stream.read(1 << 20):
                read += len(chunk)
                if read > MAX_DOCUMENT_XML:
                    raise DocumentError(f"refused: word/document.xml inflates past {MAX_DOCUMENT_XML:,} "
                                        "bytes (a zip bomb?)")
                paragraphs += len(opening.findall(tail + chunk)) - len(opening.findall(tail))
                tail = chunk[-8:]
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        return  # damaged or encrypted: python-docx reports it
    if paragraphs > MAX_PARAGRAPHS:
        raise DocumentError(f"refused: {paragraphs:,} paragraphs (the limit is {MAX_PARAGRAPHS:,}; "
                            "a certification has a few hundred)")


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
