"""The prose view: the text rules match on, with an exact map back to the source.

Readers feed pieces of the source into a `ProseBuilder`; it folds whitespace runs (line breaks,
tabs, NBSP) to one space, typographic quotes and dashes to ASCII, applies NFKC (ligatures), and
records sparse markers (prose offset -> source offset) wherever the mapping stops being linear.
Blocks (paragraphs, headings, cells) are separated by a newline in the prose text, so a phrase
never matches across two blocks, while a phrase wrapped over lines inside one block does.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from msgspec import Struct

# Typographic characters and the C1 controls that cp1252 text decoded as latin-1 leaves behind
# (U+0092 for an apostrophe in older EDGAR text).
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u0091": "'", "\u0092": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u0093": '"', "\u0094": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u0096": "-", "\u0097": "-",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}
_LINE_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")
# What cannot be copied as is: whitespace other than a single space, and anything not printable
# ASCII; that is `\s{2,}|[^\S ]|[^\x20-\x7e]`, written to start with one character class (every
# match starts with a character outside "!"-"~") so that the regex engine skips ordinary text
# at C speed instead of trying three alternatives at each character (three times faster). The
# lookbehinds look at that first character: other whitespace takes the run after it, a space
# needs at least one more, anything else stands alone.
_SPECIAL = re.compile(r"[^!-~](?:(?<=[^\S ])\s*|(?<= )\s+|(?<=[^\s -~]))")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """The prose form of one non-ASCII character ("" drops it)."""
    folded = _FOLD.get(char)
    if folded is not None:
        return folded
    normal = unicodedata.normalize("NFKC", char)
    return "".join(_FOLD.get(c, c) for c in normal)


def fold_text(text: str) -> str:
    """The prose form of a short string (a rule's phrase): same folding, no offset map."""
    out = []
    for char in text:
        out.append(char if " " <= char <= "~" else (" " if char.isspace() else fold_char(char)))
    return re.sub(r" {2,}", " ", "".join(out)).strip()


class Block(Struct, frozen=True):
    """A paragraph-like unit of prose: [start, end) in the prose text."""

    start: int
    end: int
    kind: str = "paragraph"


@dataclass(frozen=True, slots=True)
class Prose:
    """Normalised text plus the map back to source offsets."""

    text: str
    blocks: tuple[Block, ...]
    breaks: tuple[int, ...]
    _marks_prose: tuple[int, ...]
    _marks_source: tuple[int, ...]
    #: The blocks' starts, sorted: `block_at` is asked once per date or line, so it must not
    #: rebuild them (that made a document of many dates quadratic).
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(block.start for block in self.blocks))

    def to_source(self, offset: int) -> int:
        """Source offset of the character at a prose offset."""
        index = bisect.bisect_right(self._marks_prose, offset) - 1
        if index < 0:
            return offset
        return self._marks_source[index] + offset - self._marks_prose[index]

    def to_source_end(self, end: int) -> int:
        """Source offset just past the prose span ending (exclusively) at `end`."""
        if end <= 0:
            return self.to_source(0)
        return self.to_source(end - 1) + 1

    def block_at(self, offset: int) -> Block | None:
        """The block holding a prose offset."""
        index = self.block_index_at(offset)
        return self.blocks[index] if index >= 0 else None

    def block_index_at(self, offset: int) -> int:
        """The index in `blocks` of the block holding a prose offset, or -1."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset <= self.blocks[index].end:
            return index
        return -1

    def block_lines(self, block: Block) -> list[tuple[int, int]]:
        """The [start, end) prose spans of a block's source lines (for line-oriented parsing)."""
        lo = bisect.bisect_right(self.breaks, block.start)
        hi = bisect.bisect_left(self.breaks, block.end)
        cuts = [block.start, *self.breaks[lo:hi], block.end]
        spans = []
        for start, end in itertools.pairwise(cuts):
            text = self.text[start:end]
            left = len(text) - len(text.lstrip(" "))
            spans.append((start + left, start + len(text.rstrip(" "))))
        return [span for span in spans if span[0] < span[1]]


class ProseBuilder:
    """Accumulates prose from source pieces, block by block.

    Hot (an HTML exhibit feeds it a hundred pieces, a few microseconds each): an emitted piece
    writes only the text, its length and, where the offset map stops being linear, a marker.
    The last characters (for a hyphen at a line end) and where the source ended (for a block's
    newline) are read back from the last piece when asked, and a plain run is added in one step.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._marks_prose: list[int] = []
        self._marks_source: list[int] = []
        self._delta: int | None = None
        self._pending_space: int | None = None  # source offset of folded whitespace not yet emitted
        self._pending_break = False
        # Prose offset where the current block starts; not None only once the block has text,
        # so that `_parts[-1]` is then always a piece of this block.
        self._block_start: int | None = None
        self._last_source = 0  # source offset of the last emitted piece, `_parts[-1]`
        self._blocks: list[Block] = []
        self._breaks: list[int] = []

    def add_source(self, source: str, start: int, end: int) -> None:
        """Add source[start:end], mapped character by character."""
        self.add_text(source[start:end], start)

    def add_text(self, text: str, start: int) -> None:
        """Add a piece of the source that a reader has already cut out: `text` is the source
        from offset `start` on."""
        if self._block_start is None and text.isspace():
            return  # whitespace before a block's first text folds away (HTML between tags: half the runs)
        if text.isascii() and "  " not in text:
            # What `_SPECIAL` would find nothing in (most runs) or only line feeds in (a paragraph
            # of old EDGAR HTML, wrapped), told by passes in C: the pattern stops at every space
            # to look at the next character.
            if text.isprintable():
                if text:
                    self._add_plain(text, start)
                return
            lines = text.split("\n")
            if all(map(str.isprintable, lines)):
                for index, line in enumerate(lines):
                    if index:  # the line feed before this line, with the spaces around it
                        self._add_space(start - 1, True)
                    if line:
                        self._add_plain(line, start)
                    start += len(line) + 1
                return
        position = 0
        for match in _SPECIAL.finditer(text):
            at = match.start()
            if at > position:
                self._add_plain(text[position:at], start + position)
            chars = match.group()
            if chars.isspace():
                self._add_space(start + at, not _LINE_BREAKS.isdisjoint(chars))
            else:
                self._add_replacement(fold_char(chars), start + at)
            position = match.end()
        if len(text) > position:
            self._add_plain(text[position:], start + position)

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
            # pending space either, as that comes only with a block's text.
            return
        self._blocks.append(Block(self._block_start, self._length, kind))
        self._emit("\n", self._last_source + len(self._parts[-1]))
        self._block_start = None
        self._pending_space = None
        self._pending_break = False

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
        """Printable ASCII holding no two spaces in a row (what `_SPECIAL` leaves between its
        matches): an edge space folds, the rest is one piece, emitted here in one step."""
        if text[0] == " ":
            self._add_space(source_offset, False)
            text, source_offset = text[1:], source_offset + 1
            if not text:
                return
        trailing = text[-1] == " "
        if trailing:
            text = text[:-1]
        if self._block_start is None:
            self._block_start = self._length
        elif self._pending_space is not None:
            self._flush_space(self._pending_space)
        # `_emit`, written out: most pieces of a document come this way, one call fewer each.
        length = self._length
        if source_offset - length != self._delta:
            self._marks_prose.append(length)
            self._marks_source.append(source_offset)
            self._delta = source_offset - length
        self._parts.append(text)
        self._length = length + len(text)
        self._last_source = source_offset
        if trailing:
            self._pending_space = source_offset + len(text)

    def _add_replacement(self, text: str, source_offset: int) -> None:
        if not text:
            return
        if self._block_start is None:
            self._block_start = self._length
        elif self._pending_space is not None:
            self._flush_space(self._pending_space)
        for char in text:
            self._emit(char, source_offset)

    def _flush_space(self, pending: int) -> None:
        """Emit the pending space, at source offset `pending` (the block has text: a space is
        pending only after some)."""
        # "13a-\n15(e)", "Sarbanes-\nOxley": a hyphen that ends a line after a letter or digit
        # joins the two parts; a rule of dashes ("-----" over a typed name) does not.
        if not (self._pending_break and self._hyphen_ends_a_word()):
            if self._pending_break:
                self._breaks.append(self._length)
            self._emit(" ", pending)
        self._pending_space = None
        self._pending_break = False

    def _hyphen_ends_a_word(self) -> bool:
        """Whether the block's text so far ends in a letter or digit and a hyphen. A piece before
        this block's first is the previous block's newline, which is neither."""
        last = self._parts[-1]
        if last[-1] != "-":
            return False
        before = last[-2] if len(last) > 1 else self._parts[-2][-1] if len(self._parts) > 1 else ""
        return before.isalnum()

    def _emit(self, text: str, source_offset: int) -> None:
        length = self._length
        if source_offset - length != self._delta:
            self._marks_prose.append(length)
            self._marks_source.append(source_offset)
            self._delta = source_offset - length
        self._parts.append(text)
        self._length = length + len(text)
        self._last_source = source_offset
