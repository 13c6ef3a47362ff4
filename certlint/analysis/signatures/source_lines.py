"""Where the lines of a signature block's source fall in its prose: an HTML block's lines are
parted only by `<br>` (or inside `<pre>`), a Markdown table's cells by pipes.

A line of an HTML source is not a line of the block: the prose builder folds a source line
break into a space. `certlint.analysis.signatures.layout` reads the block lines these give.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certlint.document import Document
    from certlint.document.prose import Block

BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def pipe_cell(doc: Document, source: int) -> tuple[int, int, int] | None:
    """Where a source offset sits in a Markdown pipe table: (source line, cell index, 1)."""
    line, column = doc.lines.position(source)
    before = doc.source[source - column + 1:source]
    if not before.lstrip().startswith("|"):
        return None
    return line, before.count("|") - before.count("\\|"), 1


def within(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether an offset is inside one of disjoint ranges sorted by start (one bisection)."""
    index = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return index >= 0 and ranges[index][0] <= offset < ranges[index][1]


def whole_block(text: str, block: Block) -> list[tuple[int, int]]:
    """The one line `html_lines` makes of a block's lines when no `<br>` stands between them:
    from the block's first character to its last that is not a space (`block_lines` cuts a
    block into lines and strips each of spaces)."""
    raw = text[block.start:block.end]
    left, right = len(raw) - len(raw.lstrip(" ")), len(raw.rstrip(" "))
    return [(block.start + left, block.start + right)] if left < right else []


def html_lines(doc: Document, spans: list[tuple[int, int]],
               pre: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In HTML a line break of the source is a space: lines end only at a `<br>` (or inside
    `<pre>`, whose lines are lines)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            left, right = doc.prose.to_source_end(out[-1][1]), doc.prose.to_source(start)
            between = doc.source[left:right]
            if not BR.search(between) and not (pre and within(pre, right)):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out
