"""Markdown drafts through markdown-it-py: paragraphs, headings, list items and table cells are
prose; code (fenced, indented) and HTML blocks are not. Block tokens' line maps give the source
lines; the text is taken from the source itself so that every offset is exact.
"""

from __future__ import annotations

from certlint.document import Document
from certlint.document.decode import Decoded
from certlint.document.lines import LineIndex
from certlint.document.prose import Prose, ProseBuilder


def markdown_prose(source: str, lines: LineIndex) -> Prose:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    builder = ProseBuilder()
    tokens = parser.parse(source)
    kind = "paragraph"
    for token in tokens:
        if token.type == "heading_open":
            kind = "heading"
        elif token.type in ("paragraph_open", "th_open", "td_open"):
            kind = "table_cell" if token.type != "paragraph_open" else "paragraph"
        if token.type != "inline" or token.map is None:
            continue
        first, last = token.map
        start = lines.offset(first + 1, 1)
        end = lines.offset(last + 1, 1) if last < lines.line_count else len(source)
        builder.add_source(source, start, end)
        builder.end_block(kind)
        kind = "paragraph"
    return builder.build()


def read(path: str, decoded: Decoded, lines: LineIndex) -> list[Document]:
    prose = markdown_prose(decoded.text, lines)
    return [Document(path, decoded.text, lines, prose, "markdown", decoded.encoding, decoded.bom)]
