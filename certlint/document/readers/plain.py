"""Plain-text exhibits: paragraphs are runs of non-blank lines (EDGAR's `<PAGE>` lines count
as blank)."""

from __future__ import annotations

import re

from certlint.document.prose import Prose, ProseBuilder

_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
# Lines of EDGAR's text markup (page breaks, tables) separate paragraphs like blank lines do.
_FILLER_LINE = r"[^\S\r\n]*(?:</?(?:PAGE|TABLE|CAPTION|S|C|FN|R|F\d*)>[^\S\r\n]*)?"
_BLANK_LINES = re.compile(rf"{_BREAK}(?:{_FILLER_LINE}{_BREAK})+", re.IGNORECASE)


def text_prose(source: str, start: int = 0, end: int | None = None) -> Prose:
    """The prose view of plain text (or of the region [start, end) of it)."""
    builder = ProseBuilder()
    add_text_blocks(builder, source, start, len(source) if end is None else end)
    return builder.build()


def add_text_blocks(builder: ProseBuilder, source: str, start: int, end: int) -> None:
    """Feed a region of plain text into a builder, one block per paragraph."""
    position = start
    for match in _BLANK_LINES.finditer(source, start, end):
        builder.add_source(source, position, match.start())
        builder.end_block()
        position = match.end()
    builder.add_source(source, position, end)
    builder.end_block()
