"""The layout of signature blocks: their lines, table cells and side-by-side columns.

A signature block is usually one block of several source lines in text, separate paragraphs
or table cells in HTML, pipe-table cells in Markdown (`Prose.block_lines`). Its lines are read
with their place: the row and column of their table cell (HTML `<tr>`/`<td>` with colspans,
Markdown pipes), or the source column of a piece of a text line laid out in columns, so that
blocks laid out side by side are told apart. In HTML a line of the source is not a line of the
block: only `<br>` and the cells break it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.signatures.cells import HtmlCells
from certlint.analysis.signatures.source_lines import BR, html_lines, pipe_cell, whole_block, within

if TYPE_CHECKING:
    from certlint.document import Document

_BY_ONLY = re.compile(r"^by\s*:?$", re.IGNORECASE)
_MARKUP_HEAD = re.compile(r"^(?:\s|\*|_|\||&nbsp;?|</?(?:u|b|i|strong|em)>|(?:- )?[-_=]{3,})+", re.IGNORECASE)
#: One piece of the markup a line can end with (a line ends with a run of them).
_MARKUP_UNIT_AT_END = re.compile(r"(?:\s|\*|_|\||&nbsp;?|</?(?:u|b|i|strong|em)>)\Z", re.IGNORECASE)
_LONGEST_UNIT = len("</strong>")
_CELL_SPLIT = re.compile(r"\||<br\s*/?>", re.IGNORECASE)
_CELL_SLOT = 1000
_TABLE_ROWS = 1_000_000  # HTML table rows are numbered apart from the other lines
_PRE = re.compile(r"<(pre|xmp|plaintext)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_COLUMN_TOLERANCE = 8


class Line(Struct, frozen=True):
    """A line (or a cell, or a column's piece of a line) of the prose, markup trimmed."""

    start: int
    end: int
    text: str
    #: Horizontal place: the source column of a piece of a text line laid out in columns, a
    #: multiple of _CELL_SLOT for a pipe-table cell, -1 for a line that goes with any column.
    column: int
    row: int = 0
    #: The prose block (paragraph, table cell) the line belongs to.
    block: int = 0
    #: The grid columns a table cell spans (its colspan); 0 for a line that is not a cell.
    width: int = 0


#: The characters a markup run can start with (besides whitespace) and end with ("&nbsp").
_HEAD_CHARS = frozenset("*_|&<-=")
_TAIL_CHARS = frozenset("*_|;>pP")


def _trim(text: str, start: int) -> tuple[str, int]:
    """A line without the markup around it. Most lines neither start nor end with a character
    a markup run can (`_HEAD_CHARS`, `_TAIL_CHARS`, whitespace): those are returned as they
    are, without a search.

    The run at the end is taken one piece at a time from the end (at most one piece of markup
    ends at any place, so this is where a search for the whole run would start): a paragraph
    ending with ";" costs one short search, not one at every place of the line."""
    if text and text[0] not in _HEAD_CHARS and text[-1] not in _TAIL_CHARS \
            and not text[0].isspace() and not text[-1].isspace():
        return text, start
    head = _MARKUP_HEAD.match(text)
    cut = head.end() if head else 0
    end = len(text)
    while end > cut and (unit := _MARKUP_UNIT_AT_END.search(text, max(cut, end - _LONGEST_UNIT), end)):
        end = unit.start()
    return text[cut:end], start + cut


def read_lines(doc: Document) -> list[Line]:
    """Source lines of every block, pipe-table rows split into cells, `<br>` into lines, and
    side-by-side text columns (three or more spaces in the source) into pieces."""
    prose = doc.prose
    text, to_source = prose.text, prose.to_source  # (read for every line: looked up once)
    markdown, docx = doc.format == "markdown", doc.format == "docx"
    seen: set[int] = set()
    lines: list[Line] = []
    row = -1
    cells = HtmlCells(doc.source) if doc.format == "html" else None
    pre = [m.span() for m in _PRE.finditer(doc.source)] if cells is not None else []
    # HTML with no `<br>` (most of it): each block is one line, whatever its source lines.
    whole = cells is not None and not pre and BR.search(doc.source) is None
    for block_index, block in enumerate(prose.blocks):
        spans = whole_block(text, block) if whole else prose.block_lines(block)
        for start, end in html_lines(doc, spans, pre) if cells is not None and not whole else spans:
            raw = text[start:end]
            table = raw.startswith("|")
            if table:
                pieces = _cells(raw)
            elif cells is not None and not (pre and within(pre, to_source(start))):
                pieces = [(0, len(raw), -1)]  # HTML: a run of spaces is one space, not a column
            else:
                pieces = _columns(doc, raw, start)
            row += 1
            for piece_start, piece_end, column in pieces:
                piece, offset = _trim(raw[piece_start:piece_end], start + piece_start)
                if not piece.strip("-: "):  # empty, or only dashes, colons and spaces
                    continue
                source = to_source(offset)
                if source in seen:  # a Markdown table row read once per cell
                    continue
                seen.add(source)
                if column == 0 and not table:  # a text column: where it starts in the source
                    column = doc.lines.position(source)[1]
                place = cells.place(source) if cells is not None else \
                    pipe_cell(doc, source) if markdown and not table else None
                width = 0
                if place is not None:  # a table cell: its row, column and colspan in the table
                    row, column, width = _TABLE_ROWS + place[0], _CELL_SLOT * place[1], place[2]
                # Word: blocks numbered by paragraph, so an empty cell is a gap (`Continuations`).
                number = doc.lines.position(source)[0] if docx else block_index
                lines.append(Line(offset, offset + len(piece), piece, column, row, number, width))
    return _indented_pieces(doc, lines)


def _indented_pieces(doc: Document, lines: list[Line]) -> list[Line]:
    """In a block laid out in columns, a line that sits within one column ("          Chief
    Financial Officer" under the right-hand title, or a left-hand title going on alone) belongs
    to that column; a line spanning several ("Dated: ...") still goes with any. (HTML lines
    keep their place: the columns of HTML are its table cells.)"""
    if doc.format == "html":
        return lines
    columns: dict[int, list[int]] = {}
    for line in lines:
        if line.column >= 0:
            columns.setdefault(line.block, []).append(line.column)
    # Sorted once per block, not once per line: a block of many lines would be quadratic.
    sorted_columns = {block: sorted(set(found)) for block, found in columns.items()}
    out = []
    for line in lines:
        starts = sorted_columns.get(line.block, [])
        if line.column == -1 and len(starts) > 1:
            start = doc.lines.position(doc.prose.to_source(line.start))[1]
            mine = [c for c in starts if c <= start + _COLUMN_TOLERANCE]
            after = [c for c in starts if c > start + _COLUMN_TOLERANCE]
            if mine and (not after or start + len(line.text) < after[0]):
                line = Line(line.start, line.end, line.text, max(mine[-1], start) if start > mine[-1]
                            else mine[-1], line.row, line.block)
        out.append(line)
    return out


def _cells(raw: str) -> list[tuple[int, int, int]]:
    """Pipe-table cells (column = cell index), each split at `<br>`."""
    out = []
    position = 0
    for match in [*_CELL_SPLIT.finditer(raw), None]:
        end = match.start() if match else len(raw)
        out.append((position, end, _CELL_SLOT * raw.count("|", 0, position)))
        position = match.end() if match else len(raw)
    return out


def _columns(doc: Document, raw: str, start: int) -> list[tuple[int, int, int]]:
    """A line split where the source has a run of 3+ spaces (text laid out in columns).

    A line that is not split gets column -1, which goes with any column.
    """
    cuts = []
    source = doc.source
    folded = doc.prose.to_source_end(start + len(raw)) - doc.prose.to_source(start) - len(raw)
    # Only the spaces can be cuts: the line's other characters are not looked at.
    index = raw.find(" ", 1) if folded >= 2 else -1
    while 0 < index < len(raw) - 1:
        left = doc.prose.to_source(start + index)
        right = doc.prose.to_source(start + index + 1)
        if right - left >= 3 and source[left:right].strip(" \t") == "" \
                and not raw[:index].lower().endswith(("/s/", "by:")):
            cuts.append(index)
        index = raw.find(" ", index + 1)
    if not cuts:
        pieces = [(0, len(raw), -1)]
        position = 0
        for match in BR.finditer(raw):
            pieces.append((position, match.start(), -1))
            position = match.end()
        if position:
            pieces[0] = (position, len(raw), -1)
        return sorted(pieces)
    bounds = [0, *cuts, len(raw)]
    return [(bounds[i], bounds[i + 1], 0) for i in range(len(bounds) - 1)]


class Continuations:
    """Which lines may continue each signature (`of`), read from the lines and the "/s/" markers
    once: asked once per signature, it must not walk the whole document each time. `markers`
    maps the index of each line holding a "/s/" to where the name after it starts."""

    def __init__(self, lines: list[Line], markers: Mapping[int, int], paragraphs: bool = False) -> None:
        self._lines = lines
        self._paragraphs = paragraphs  # blocks numbered by paragraph (Word): a gap is an empty cell
        self._markers = markers
        # Signatures with a name on their own line, in one column, with only "By:" between them.
        self._steps = [i for i in range(len(lines)) if not _BY_ONLY.match(lines[i].text)]
        self._position = {line: position for position, line in enumerate(self._steps)}
        # Each run of named signatures in one column: (first, last) position, by position.
        self._runs: dict[int, tuple[int, int]] = {}
        first = 0
        for position, i in enumerate(self._steps):
            if not self._named(i):
                first = position + 1
                continue
            if position > first and lines[self._steps[position - 1]].column != lines[i].column:
                first = position
            if position + 1 == len(self._steps) or not self._named(self._steps[position + 1]) \
                    or lines[self._steps[position + 1]].column != lines[i].column:
                for member in range(first, position + 1):
                    self._runs[member] = (first, position)
        self._cells: dict[int, tuple[list[int], dict[int, list[int]]]] = {}  # by the run's last position

    def _named(self, i: int) -> bool:
        return i in self._markers and self._markers[i] < len(self._lines[i].text)

    def of(self, index: int) -> list[int]:
        """The lines that may continue a signature: its column, or its share of a side-by-side run.

        HTML signature tables laid out side by side give "/s/ A", "/s/ B", "A", "B", "Title A",
        "Title B" as consecutive cells (with "By:" cells between, perhaps): a run of k signatures
        takes every k-th cell after the run, with all the lines of that cell ("A<br>Title A").
        """
        lines = self._lines
        position = self._position.get(index, -1)
        start, end = self._runs.get(position, (position, position))
        size = end - start + 1
        if position in self._runs and size > 1:
            order, cells = self._after(start, end)
            return sorted(i for block in order[position - start::size] for i in cells.get(block, ()))
        # The pieces after the signature on its own row ("/s/ Jane Doe      Chief Executive
        # Officer") go with it, whatever their column, unless another signature stands there.
        stop = min(len(lines), index + 40)
        beside = {i for i in range(index + 1, stop) if lines[i].row == lines[index].row}
        if any(i in self._markers for i in beside):
            beside = set()
        return [i for i in range(index + 1, stop) if same_column(lines[index], lines[i]) or i in beside]

    def _after(self, start: int, end: int) -> tuple[list[int], dict[int, list[int]]]:
        """The lines after a run by their cell, cells in order: the same for every member of the
        run (a member takes its share of the cells without reading them all)."""
        if end not in self._cells:
            cells: dict[int, list[int]] = {}
            for i in self._steps[end + 1:end + 1 + 8 * (end - start + 1)]:
                cells.setdefault(self._lines[i].block, []).append(i)
            order = list(cells)
            order = list(range(order[0], order[-1] + 1)) if self._paragraphs and order else order
            self._cells[end] = order, cells
        return self._cells[end]


def same_column(line: Line, other_line: Line) -> bool:
    """Two lines one above the other: a table cell overlaps the grid columns of the other
    (colspans differ from row to row), a text piece starts near the other."""
    one, other = line.column, other_line.column
    if line.width and other_line.width:
        return one < other + _CELL_SLOT * other_line.width and other < one + _CELL_SLOT * line.width
    return _near(one, other)


def _near(one: int, other: int) -> bool:
    return one == -1 or other == -1 or abs(one - other) <= _COLUMN_TOLERANCE
