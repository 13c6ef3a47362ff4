"""The headings that give a title by name ("CERTIFICATION BY JANE DOE AS CHIEF EXECUTIVE
OFFICER"), looked for only in the lines that can hold one.

`HEADING_BY` tries, at every "by" of the text, each way its lazy parts can reach an " AS "
and the end of the line: a certification says "by" in most paragraphs, and a paragraph is one
long line, so the search costs the sum of those lines' lengths at each "by". No part of the
pattern reads a newline but its end, which reads the one ending the line: a match lies within
one line, so searching each line that holds a "by " with an " as " after it (the line and its
newline, nothing before it hidden from `\\b`) finds what the search of the whole text finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from certlint.analysis.views import lowered, odd_letters
from certlint.checks.title_support import HEADING_BY
from certlint.document.prose import Prose


def headings_by(prose: Prose, end: int) -> Iterator[re.Match[str]]:
    """`HEADING_BY.finditer(prose.text, 0, end)`, searched in the lines that may hold a match."""
    text, lower = prose.text, lowered(prose)
    if lower is None or "s" in odd_letters(prose):  # "\u017f" is an "s" to the pattern
        return HEADING_BY.finditer(text, 0, end)
    return _in_lines(text, lower, end)


def _in_lines(text: str, lower: str, end: int) -> Iterator[re.Match[str]]:
    searched = -1  # where the last line searched ends
    at = lower.find("by ", 0, end)
    while at >= 0:
        line_end = lower.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        if at >= searched and " as " in lower[at:line_end]:
            searched = min(line_end + 1, end)
            yield from HEADING_BY.finditer(text, lower.rfind("\n", 0, at) + 1, searched)
        at = lower.find("by ", at + 1, end)
