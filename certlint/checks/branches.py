"""A phrase rule's regex searched without the alternatives a document rules out.

A pattern that is an alternation at its top level ("A|B|C") matches at a place with its first
alternative that matches there. An alternative that cannot match anywhere in a document (none
of the literals it needs is in it: `certlint.checks.literals.needed`) never takes part, so the
pattern of the other alternatives, in the same order, finds the same matches at the same places.
That pattern is often far cheaper: its literals may be rarer (a match tried only after "18
U.S.C.", not after every "Section"), and an alternative a `regex` scan is slow on (a capitalised
word before "XX, 20XX", tried at every word) is dropped wherever its literals are absent.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import NamedTuple

from certlint.checks.literals import Needed, Starts, may_match, needed
from certlint.checks.phrases import BoundedPattern, literals_of
from certlint.document.prose import Prose

#: More alternatives than this are not split: each costs a literal test per document.
MOST_BRANCHES = 8


class Variant(NamedTuple):
    """The pattern of some of the alternatives, with its own literals and starts."""

    pattern: BoundedPattern
    literals: Needed | None
    starts: Starts | None


def split_top(source: str) -> list[str] | None:
    """The alternatives of `source` at its top level, as sources ("A|B" -> ["A", "B"]); None
    when it has one, or its text cannot be cut without reading it another way (a group or
    backreference an alternative alone would number or name otherwise, a verbose pattern)."""
    pieces: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":  # a "]" first in a class ("[]a]", "[^]a]") is one of its characters
            index += 2 if source.startswith("^", index + 1) else 1
            index += 1 if source.startswith("]", index) else 0
            in_class = True
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(source[start:index])
            start = index + 1
        index += 1
    pieces.append(source[start:])
    if len(pieces) < 2 or len(pieces) > MOST_BRANCHES or depth != 0 or in_class:
        return None
    return pieces if _alone_alike(source, pieces) else None


def _alone_alike(source: str, pieces: list[str]) -> bool:
    """Whether each alternative read alone means what it means in the whole: no groups (their
    numbers would move), no backreferences, no global flags, each parsed as it stands."""
    try:
        whole = _parser.parse(source, 0)
        parts = [_parser.parse(piece, 0) for piece in pieces]
    except Exception:  # an alternative that does not parse alone is not split
        return False
    if whole.state.groups != 1 or whole.state.flags & re.VERBOSE:
        return False
    return all(part.state.groups == 1 and part.state.flags == whole.state.flags for part in parts)


class Branches:
    """The alternatives of one pattern and the literals each needs; `for_prose` gives the
    pattern of those a document leaves possible."""

    __slots__ = ("_ignore_case", "_needs", "_pieces", "_variants")

    def __init__(self, pieces: list[str], ignore_case: bool) -> None:
        self._pieces = pieces
        self._ignore_case = ignore_case
        self._needs = [needed(piece) for piece in pieces]
        #: The variant for each set of live alternatives (at most 2 ** MOST_BRANCHES).
        self._variants: dict[tuple[int, ...], Variant] = {}

    def for_prose(self, prose: Prose) -> Variant | bool:
        """The variant of the alternatives that may match in `prose`; True: all may (search the
        pattern itself); False: none may (nothing to search)."""
        live = tuple(i for i, literals in enumerate(self._needs) if may_match(prose, literals))
        if len(live) == len(self._pieces):
            return True
        if not live:
            return False
        variant = self._variants.get(live)
        if variant is None:
            pattern = BoundedPattern("|".join(self._pieces[i] for i in live), self._ignore_case)
            variant = self._variants[live] = Variant(pattern, *literals_of(pattern))
        return variant


def branches_of(pattern: object) -> Branches | None:
    """The alternatives of an author-written pattern (a `BoundedPattern`), if worth splitting."""
    if not isinstance(pattern, BoundedPattern):
        return None
    pieces = split_top(pattern.pattern)
    if pieces is None:
        return None
    branches = Branches(pieces, pattern.ignore_case)
    return branches if any(literals is not None for literals in branches._needs) else None
