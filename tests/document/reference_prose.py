"""The prose builder as it was before its fast paths (lazy last characters, one-step plain
runs): the reference the tests compare `certlint.document.prose.ProseBuilder` with."""

from __future__ import annotations

from certlint.document.prose import _LINE_BREAKS, _SPECIAL, Block, Prose, fold_char


class ReferenceBuilder:
    """Accumulates prose from source pieces, block by block (the builder before its fast paths)."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._marks_prose: list[int] = []
        self._marks_source: list[int] = []
        self._delta: int | None = None
        self._pending_space: int | None = None  # source offset of folded whitespace not yet emitted
        self._pending_break = False
        self._block_start: int | None = None
        self._last = ""
        self._before_last = ""
        self._source_end = 0  # source offset just past the last emitted character
        self._blocks: list[Block] = []
        self._breaks: list[int] = []

    def add_source(self, source: str, start: int, end: int) -> None:
        """Add source[start:end], mapped character by character."""
        if self._block_start is None and source[start:end].isspace():
            return  # whitespace before a block's first text folds away (HTML between tags: half the runs)
        position = start
        for match in _SPECIAL.finditer(source, start, end):
            if match.start() > position:
                self._add_plain(source[position : match.start()], position)
            chars = match.group()
            if chars.isspace():
                self._add_space(match.start(), not _LINE_BREAKS.isdisjoint(chars))
            else:
                self._add_replacement(fold_char(chars), match.start())
            position = match.end()
        if end > position:
            self._add_plain(source[position:end], position)

    def add_replacement(self, text: str, source_start: int) -> None:
        """Add decoded text (an HTML entity, say) that stands for source beginning at `source_start`."""
        for char in text:
            if char.isspace():
                self._add_space(source_start, char in _LINE_BREAKS)
            else:
                self._add_replacement(char if " " <= char <= "~" else fold_char(char), source_start)

    def add_space(self, source_offset: int, line_break: bool = False) -> None:
        """Fold in whitespace that the markup implies (a `<br>`, a tag between two words)."""
        self._add_space(source_offset, line_break)

    def end_block(self, kind: str = "paragraph") -> None:
        """Close the current block; the next text starts a new one."""
        if self._block_start is None:
            # No text since the last block (HTML's nested block tags): nothing to close, and no
            # pending space or last characters either, as those come only with a block's text.
            return
        self._blocks.append(Block(self._block_start, self._length, kind))
        self._emit("\n", self._source_end)
        self._block_start = None
        self._pending_space = None
        self._pending_break = False
        self._last = self._before_last = ""

    def build(self) -> Prose:
        self.end_block()
        return Prose(
            "".join(self._parts),
            tuple(self._blocks),
            tuple(self._breaks),
            tuple(self._marks_prose),
            tuple(self._marks_source),
        )

    def _add_space(self, source_offset: int, line_break: bool) -> None:
        if self._block_start is None:
            return
        if self._pending_space is None:
            self._pending_space = source_offset
        self._pending_break = self._pending_break or line_break

    def _add_plain(self, text: str, source_offset: int) -> None:
        if text.startswith(" "):
            self._add_space(source_offset, False)
            text, source_offset = text[1:], source_offset + 1
        trailing = text.endswith(" ")
        if trailing:
            text = text[:-1]
        if text:
            self._flush_space()
            self._emit(text, source_offset)
        if trailing:
            self._add_space(source_offset + len(text), False)

    def _add_replacement(self, text: str, source_offset: int) -> None:
        if not text:
            return
        self._flush_space()
        for char in text:
            self._emit(char, source_offset)

    def _flush_space(self) -> None:
        if self._block_start is None:
            self._block_start = self._length
        if self._pending_space is None:
            return
        # "13a-\n15(e)", "Sarbanes-\nOxley": a hyphen that ends a line after a letter or digit
        # joins the two parts; a rule of dashes ("-----" over a typed name) does not.
        hyphen_join = self._pending_break and self._last == "-" and self._before_last.isalnum()
        if not hyphen_join:
            if self._pending_break:
                self._breaks.append(self._length)
            self._emit(" ", self._pending_space)
        self._pending_space = None
        self._pending_break = False

    def _emit(self, text: str, source_offset: int) -> None:
        delta = source_offset - self._length
        if delta != self._delta:
            self._marks_prose.append(self._length)
            self._marks_source.append(source_offset)
            self._delta = delta
        self._parts.append(text)
        self._length += len(text)
        self._before_last = text[-2] if len(text) > 1 else self._last
        self._last = text[-1]
        self._source_end = source_offset + len(text)
