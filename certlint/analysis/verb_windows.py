"""Where a pattern that ends with the verb "certify" can match: around each "certif" of the text.

The intros ("I, Jane Doe, certify") and the third-person verbs ("does hereby certify") of
`certlint.analysis.parties` end with the verb and start a bounded stretch before it; scanning
only the windows from that far before each "certif" to just after it finds what a scan of the
whole text finds, in the same order, without reading the rest of the certification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from certlint.analysis.dates.windows import Window, back, merge
from certlint.analysis.views import lowered, odd_letters

if TYPE_CHECKING:
    from certlint.document.prose import Prose

#: The longest end of the patterns from "certif" on ("certifies"), and the character `\b` reads.
_VERB_TAIL = len("certifies") + 1


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
