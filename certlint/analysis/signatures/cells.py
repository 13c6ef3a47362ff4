"""Where an offset of an HTML source sits in a table, for the signature layout: a signature block
laid out in a table is read by row and column (colspans counted), not by source line."""

from __future__ import annotations

import bisect
import itertools
import re

_TR = re.compile(r"<tr\b", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_CELL = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)
_COLSPAN = re.compile(r"colspan\s*=\s*[\"']?(\d+)", re.IGNORECASE)


class HtmlCells:
    """Where an offset of HTML source sits in a table: (row, column, colspan), colspans counted."""

    def __init__(self, source: str) -> None:
        self._rows = [m.start() for m in _TR.finditer(source)]
        self._ends = [m.start() for m in _TABLE_END.finditer(source)]
        tags = [(m.start(), m.group()) for m in _CELL.finditer(source)]  # one scan for both lists
        self._cells = [start for start, _ in tags]
        self._spans = [int(c.group(1)) if (c := _COLSPAN.search(tag)) else 1 for _, tag in tags]
        # Column of each cell as a running sum: summing the row's spans at each call would make
        # a row of many cells quadratic.
        self._columns = list(itertools.accumulate(self._spans, initial=0))

    def place(self, offset: int) -> tuple[int, int, int] | None:
        row = bisect.bisect_right(self._rows, offset) - 1
        if row < 0:
            return None
        tr = self._rows[row]
        end = bisect.bisect_left(self._ends, tr)
        if end < len(self._ends) and self._ends[end] < offset:
            return None  # the table closed before the offset
        first = bisect.bisect_left(self._cells, tr)
        last = bisect.bisect_right(self._cells, offset)
        if last <= first:
            return None
        return row, self._columns[last - 1] - self._columns[first], self._spans[last - 1]
