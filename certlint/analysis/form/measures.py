"""The LCS measures behind the word alignment: rapidfuzz's, or Python's for a process's first few.

Importing rapidfuzz costs about 13 ms, a tenth of a one-file run (an editor's save, a hook given
one file). Such a run compares only the few paragraphs that differ from the form (the filer's
fill-ins, a changed word). So the first `PYTHON_COMPARISONS` comparisons of a
process use the algorithm rapidfuzz uses (Hyyrö's bit-parallel LCS and its backtrace, as in
rapidfuzz's own pure-Python fallback, ties broken the same way), which the tests hold equal to
rapidfuzz. After those, rapidfuzz is imported and does the rest: it is many times faster per
comparison, and a run that lints many documents soon pays for its import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: One edit operation: (tag, source start, source end, destination start, destination end).
Edit = tuple[str, int, int, int, int]

#: Comparisons a process makes in Python before it imports rapidfuzz. Measured on the corpora: a
#: comparison takes about 17 us in Python, 0.6 in rapidfuzz, whose import costs about 13 ms (770
#: comparisons); one certification makes at most about 360 (a 2003 one, held to every version).
PYTHON_COMPARISONS = 600


class Measures:
    """LCS length, Indel distance and Indel opcodes of two strings, rapidfuzz's answers."""

    __slots__ = ("_distance", "_left", "_opcodes", "_similarity")

    def __init__(self, python_comparisons: int = PYTHON_COMPARISONS) -> None:
        self._left = python_comparisons
        self._similarity: Callable[..., int] = lcs_length
        self._distance: Callable[..., int] = indel_distance
        self._opcodes: Callable[[str, str], list[Edit]] = indel_opcodes

    def lcs_length(self, one: str, other: str) -> int:
        self._count()
        return self._similarity(one, other)

    def indel_distance(self, one: str, other: str, score_cutoff: int | None = None) -> int:
        """Insertions and deletions turning `one` into `other`; above the cutoff, cutoff + 1."""
        self._count()
        return self._distance(one, other, score_cutoff=score_cutoff)

    def indel_opcodes(self, one: str, other: str) -> list[Edit]:
        self._count()
        return self._opcodes(one, other)

    def _count(self) -> None:
        if self._left > 0:
            self._left -= 1
            if self._left == 0:
                from rapidfuzz.distance import Indel, LCSseq

                self._similarity, self._distance = LCSseq.similarity, Indel.distance
                self._opcodes = _rapidfuzz_opcodes(Indel.opcodes)


def _rapidfuzz_opcodes(opcodes: Callable[[str, str], Any]) -> Callable[[str, str], list[Edit]]:
    def edits(one: str, other: str) -> list[Edit]:
        return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in opcodes(one, other)]

    return edits


def lcs_length(one: str, other: str) -> int:
    """The length of the longest common subsequence (Hyyrö's bit-parallel algorithm)."""
    return _common(one, _rows(one, other)) if one and other else 0


def indel_distance(one: str, other: str, score_cutoff: int | None = None) -> int:
    distance = len(one) + len(other) - 2 * lcs_length(one, other)
    return distance if score_cutoff is None or distance <= score_cutoff else score_cutoff + 1


def _rows(one: str, other: str) -> list[int]:
    """Hyyrö's bit vector after each character of `other`, one bit per character of `one` (the
    backtrace reads them all, the LCS length only the last)."""
    positions: dict[str, int] = {}
    bit = 1
    for char in one:
        positions[char] = positions.get(char, 0) | bit
        bit <<= 1
    state = (1 << len(one)) - 1
    rows = []
    for char in other:
        matches = state & positions.get(char, 0)
        state = (state + matches) | (state - matches)
        rows.append(state)
    return rows


def _common(one: str, rows: list[int]) -> int:
    """The LCS length read from the last row: the bits of `one` that were cleared."""
    return len(one) - (rows[-1] & ((1 << len(one)) - 1)).bit_count()


def indel_opcodes(one: str, other: str) -> list[Edit]:
    """The edit blocks (equal, delete, insert) turning `one` into `other`, rapidfuzz's own."""
    prefix = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        prefix += 1
    suffix = 0
    for a, b in zip(reversed(one[prefix:]), reversed(other[prefix:]), strict=False):
        if a != b:
            break
        suffix += 1
    source, target = one[prefix:len(one) - suffix], other[prefix:len(other) - suffix]
    rows = _rows(source, target) if source else []
    count = len(source) + len(target) - 2 * (_common(source, rows) if source and target else 0)
    operations: list[tuple[str, int, int]] = [("", 0, 0)] * count
    column, row = len(source), len(target)
    while row and column:
        if rows[row - 1] & (1 << (column - 1)):
            count -= 1
            column -= 1
            operations[count] = ("delete", column + prefix, row + prefix)
        else:
            row -= 1
            if row and not rows[row - 1] & (1 << (column - 1)):
                count -= 1
                operations[count] = ("insert", column + prefix, row + prefix)
            else:
                column -= 1
    while column:
        count -= 1
        column -= 1
        operations[count] = ("delete", column + prefix, row + prefix)
    while row:
        count -= 1
        row -= 1
        operations[count] = ("insert", column + prefix, row + prefix)
    return _blocks(operations, len(one), len(other))


def _blocks(operations: list[tuple[str, int, int]], source_length: int, target_length: int) -> list[Edit]:
    """Single-character edits as blocks, with the equal stretches between them."""
    blocks: list[Edit] = []
    source = target = at = 0
    while at < len(operations):
        tag, source_at, target_at = operations[at]
        if source < source_at or target < target_at:
            blocks.append(("equal", source, source_at, target, target_at))
            source, target = source_at, target_at
        begin_source, begin_target = source, target
        while at < len(operations) and operations[at] == (tag, source, target):
            if tag == "insert":
                target += 1
            else:
                source += 1
            at += 1
        blocks.append((tag, begin_source, source, begin_target, target))
    if source < source_length or target < target_length:
        blocks.append(("equal", source, source_length, target, target_length))
    return blocks
