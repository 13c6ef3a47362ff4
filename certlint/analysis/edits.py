"""Edit-distance questions answered without rapidfuzz where a cheap test already says no.

rapidfuzz measures the distances (in C++), but importing it costs about 10 ms, a tenth of a
one-file run, and most words of a certification are nowhere near an officer title or a month.
The symmetric-deletion test (SymSpell's) tells those apart in Python: two words within k edits of
each other (optimal string alignment: a substitution, an insertion, a deletion or a transposition
of neighbours is one edit) both reach some common string by deleting at most k characters each,
and their lengths differ by at most k. A word that fails the test is more than k edits away; one
that passes is measured by rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

#: Beyond two edits a word's deletions grow too many to beat importing rapidfuzz.
MOST_TESTED_EDITS = 2


def deletions(word: str, count: int) -> set[str]:
    """`word` and every string reached from it by deleting at most `count` characters."""
    found = {word}
    frontier = {word}
    for _ in range(count):
        frontier = {text[:at] + text[at + 1:] for text in frontier for at in range(len(text))}
        found |= frontier
    return found


class Neighbourhood:
    """What lies within `edits` edits of a set of words, as far as deletions tell."""

    __slots__ = ("_deleted", "_edits", "_longest", "_shortest")

    def __init__(self, words: Iterable[str], edits: int) -> None:
        listed = list(words)
        self._edits = edits
        self._shortest = min(map(len, listed), default=0)
        self._longest = max(map(len, listed), default=-1)
        self._deleted: frozenset[str] | None = None
        if edits <= MOST_TESTED_EDITS:
            self._deleted = frozenset(text for word in listed for text in deletions(word, edits))

    def may_be_near(self, word: str) -> bool:
        """False only when `word` is more than `edits` edits from every word of the set."""
        if not self._shortest - self._edits <= len(word) <= self._longest + self._edits:
            return False
        if self._deleted is None:
            return True
        return not self._deleted.isdisjoint(deletions(word, self._edits))


@lru_cache(maxsize=32)
def neighbourhood(words: tuple[str, ...], edits: int) -> Neighbourhood:
    """The neighbourhood of a vocabulary, built when first asked for (a large one at two edits
    takes milliseconds) and shared by the rules that use the same vocabulary."""
    return Neighbourhood(words, edits)


def may_be_within(word: str, other: str, edits: int) -> bool:
    """False only when the two words are more than `edits` edits apart."""
    if abs(len(word) - len(other)) > edits:
        return False
    if edits > MOST_TESTED_EDITS:
        return True
    return not deletions(word, edits).isdisjoint(deletions(other, edits))
