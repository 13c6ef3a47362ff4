"""Where a pattern that ends with the verb "certify" can match: around each "certif" of the text.

The intros ("I, Jane Doe, certify") and the third-person verbs ("does hereby certify") of
`certlint.analysis.parties` end with the verb and start a bounded stretch before it; scanning
only the windows from that far before each "certif" to just after it finds what a scan of the
whole text finds, in the same order, without reading the rest of the certification.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from certlint.analysis.dates.windows import Window, merge
from certlint.analysis.views import lowered, odd_letters

if TYPE_CHECKING:
    from certlint.document.prose import Prose

#: The longest end of the patterns from "certif" on ("certifies"), and the character `\b` reads.
_VERB_TAIL = len("certifies") + 1
_SPACE_RUN = re.compile(r"\s\s")


def verb_windows(prose: Prose, reach: int) -> list[Window]:
    """Where a case-insensitive pattern that ends with "certify" or "certifies" and starts at
    most `reach` characters before it (a run of whitespace counting as one) can match: from
    each "certif" of the lowercase text back that far, to the character after "certifies".
    Scanning only these finds what a scan of the whole text finds, in the same order; without a
    lowercase view with the same offsets, or with a letter that matches "i" beyond "i", the
    window is the whole text."""
    text = prose.text
    lower = lowered(prose)
    if lower is None or "i" in odd_letters(prose):
        return [(0, len(text))]
    windows: list[Window] = []
    at = lower.find("certif")
    while at >= 0:
        windows.append((back(text, at, reach), at + _VERB_TAIL))
        at = lower.find("certif", at + 1)
    return merge(windows, len(text))


def back(text: str, end: int, units: int) -> int:
    """Where the `units` characters before `end` start, a run of whitespace counting as one (and
    taken whole): a match of a pattern whose `\\s` may take a run starts there at the earliest."""
    start = max(0, end - units)
    if _SPACE_RUN.search(text, max(0, start - 1), end) is None:
        return start  # no run of whitespace: one character is one unit
    start = end
    while units and start:
        start -= 1
        while start and text[start].isspace() and text[start - 1].isspace():
            start -= 1
        units -= 1
    return start
