"""The literals a regex needs: a document holding none of them cannot match it.

A phrase rule's case-insensitive regex costs a scan of the whole document; a substring test on
the shared lowercase text (`certlint.analysis.views.lowered`) costs a fraction of that. The
literals are read from the parsed pattern (Python's own parser, which also checks a pack's
regexes), so they are exact: every match of the pattern, lookarounds included, holds one of them
in the text, in any case. Where that cannot be shown (an optional part, a character class), no
literal is derived and the regex always runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from certlint.analysis.views import lowered, odd_letters
from certlint.document.prose import Prose

#: More alternatives than this cost more to test than they save.
_MAX_ALTERNATIVES = 16
#: Characters besides printable ASCII a literal may hold: caseless, matched by themselves alone.
_CASELESS = frozenset("\u00a7")  # "§"
#: The letters a case-insensitive ASCII letter also matches are `views.ALSO_MATCHES`. ("İ"
#: lowercases to two characters, so its text has no lowercase view and is searched.)

Needed = tuple[str, ...]
#: Whether the second literal occurs wherever the first does (in it, at its end, at its start).
_Covers = Callable[[str, str], bool]
_HOLDS, _ENDS, _BEGINS = str.__contains__, str.endswith, str.startswith
#: A literal each match starts with is worth looking for from this rarity (`_rarity`) on: a
#: shorter one is in too many places to try the pattern at each.
_RARE_START = 4


class Starts(NamedTuple):
    """Literals one of which is where each match of a pattern starts: ending there (a
    lookbehind's text, `leading`) or beginning there (the match's first characters)."""

    literals: Needed
    at_end: bool


@lru_cache(maxsize=256)
def _parsed(source: str, flags: int) -> Any:
    """The parsed pattern (None: refused), once for the three questions asked of each."""
    try:
        return _parser.parse(source, flags)
    except Exception:  # a pattern the parser refuses gets no prefilter
        return None


def needed(source: str, flags: int = 0) -> Needed | None:
    """Lowercase ASCII strings of which each match of `source`, under any case flag, holds one
    (in the text it matches or a lookaround reads); None when no such set is known."""
    parsed = _parsed(source, flags)
    found = None if parsed is None else _sequence(list(parsed))
    return _fewest(found) if found else None


def leading(source: str, flags: int = 0) -> Needed | None:
    """Literals of which one ends right where each match of `source` starts (a pattern whose
    matches all start with a lookbehind of plain text, "(?<=Exchange Act of )"), lowercase;
    None for any other pattern, or one that can match an empty string."""
    parsed = _parsed(source, flags)
    if parsed is None or parsed.getwidth()[0] == 0:
        return None
    found = _lead(list(parsed))
    return _fewest(found, _ENDS) if found else None


def starting(source: str, flags: int = 0, least: int = _RARE_START) -> Needed | None:
    """Literals of which one begins right where each match of `source` begins (after a
    boundary such as `\b`), lowercase, each at least `least` rare; None for any other pattern,
    or one that can match an empty string."""
    parsed = _parsed(source, flags)
    if parsed is None or parsed.getwidth()[0] == 0:
        return None
    found = _first(list(parsed))
    if not found or min(map(_rarity, found)) < least:
        return None
    return _fewest(found, _BEGINS)


def starts(source: str, flags: int = 0) -> Starts | None:
    """Where each match of `source` starts, if known: after a lookbehind's text or at the text
    it begins with, the rarer (`_rarity`): "(?<=Section )609" is tried at "609"s, not "Section "s."""
    before = leading(source, flags)
    first = starting(source, flags)
    if first is not None and (before is None or min(map(_rarity, first)) > min(map(_rarity, before))):
        return Starts(first, False)
    return None if before is None else Starts(before, True)


def _fewest(found: frozenset[str], covers: _Covers = _HOLDS) -> Needed:
    """The literals without those another covers: a text holding the longer holds the shorter
    (`_HOLDS`); with `_ENDS` or `_BEGINS`, at the same place."""
    def covered(literal: str) -> bool:
        return any(other != literal and covers(literal, other) for other in found)
    return tuple(sorted(literal for literal in found if not covered(literal)))


def _lead(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    if not items:
        return None
    op, av = items[0]
    if op is sre.SUBPATTERN:
        return _lead([*av[-1], *items[1:]])
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _lead([*branch, *items[1:]])
            if found is None:
                return None
            union |= found
        return _capped(union, _ENDS)
    if op is sre.ASSERT and av[0] == -1:
        chars = [_char(*item) for item in av[1]]
        if chars and None not in chars:
            return frozenset(["".join(c for c in chars if c is not None)])
    return None


def _first(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The literals one of which each match of the items begins with (None: not known)."""
    if not items:
        return None
    op, av = items[0]
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:  # a boundary or lookaround
        return _first(items[1:])  # reads no character of the match: it begins with what follows
    if op is sre.SUBPATTERN:
        return _first([*av[-1], *items[1:]])
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _first([*branch, *items[1:]])
            if found is None:
                return None
            union |= found
        return _capped(union, _BEGINS)
    run = ""
    for op, av in items:
        char = _char(op, av)
        if char is None:
            break
        run += char
    return frozenset([run]) if run else None


def finditer_near(pattern: Any, prose: Prose, starts: Needed, pos: int, endpos: int,
                  at_end: bool = True) -> Iterator[re.Match[str]] | None:
    """The matches `pattern.finditer(prose.text, pos, endpos)` gives, found by trying the pattern
    only where one of `starts` ends (`leading`), or with `at_end` false, begins (`starting`);
    None where that is not exact (the text has no lowercase view or holds a letter "i" or "s"
    also match)."""
    text = lowered(prose)
    if text is None or odd_letters(prose):
        return None
    places = set()
    for literal in starts:
        at = text.find(literal)
        while at >= 0:
            places.add(at + len(literal) if at_end else at)
            at = text.find(literal, at + 1)
    return _match_at(pattern, prose.text, sorted(places), pos, endpos)


def _match_at(pattern: Any, text: str, places: list[int], pos: int,
              endpos: int) -> Iterator[re.Match[str]]:
    """finditer's matches where they may start: left to right, none overlapping the one before
    (the pattern matches no empty string, so finditer resumes at a match's end)."""
    resume = pos
    for place in places:
        if place < resume or place > endpos:
            continue
        match = pattern.match(text, place, endpos)
        if match is not None:
            yield match
            resume = match.end()


def may_match(prose: Prose, literals: Needed | None) -> bool:
    """False only when the prose holds none of `literals` in any case (the regex cannot match):
    `views.may_contain` of each, with the document's views looked up once for all of them."""
    if literals is None:
        return True
    text = lowered(prose)
    if text is None:
        return bool(literals)
    if any(literal in text for literal in literals):
        return True
    odd = odd_letters(prose)  # asked only here: most documents hold a literal or are ASCII
    return bool(odd) and any(letter in literal for literal in literals for letter in odd)


def _better(one: frozenset[str] | None, other: frozenset[str] | None) -> frozenset[str] | None:
    """The set likelier to rule a document out: its weakest literal the rarer (`_rarity`), then
    fewer alternatives. (Either is exact; this only picks the more useful.)"""
    if one is None or other is None:
        return one or other
    key_one = (min(map(_rarity, one)), -len(one))
    key_other = (min(map(_rarity, other)), -len(other))
    return one if key_one >= key_other else other


def _rarity(literal: str) -> int:
    """How rarely a literal occurs in prose, roughly: its length, a mark or digit counting as
    four letters ("[" is rarer than "name")."""
    return len(literal) + 3 * sum(1 for char in literal if not (char.isalpha() or char == " "))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """A set of which a match of the items in a row holds one: the best of its literal runs
    and of what each item needs."""
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        char = _char(op, av)
        if char is not None:
            run += char
            continue
        repeated = _repeated(op, av)
        if repeated is not None:  # "_{3}" goes on the run; "_{3,}" ends it, and starts the next
            char, low, high = repeated
            run += char * low
            if low == high:
                continue
            best = _better(best, frozenset([run]))
            run = char * low
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset([run]))
    return best


def _char(op: Any, av: Any) -> str | None:
    """The lowercase printable ASCII character an item matches (in any case), if it is one."""
    if op is sre.LITERAL:
        return _ascii(av)
    if op is sre.IN and av and all(kind is sre.LITERAL for kind, _ in av):
        chars = {_ascii(code) for _, code in av}
        if len(chars) == 1 and None not in chars:  # "[Ss]"
            return chars.pop()
    return None


def _ascii(code: int) -> str | None:
    char = chr(code)
    return char.lower() if 0x20 <= code <= 0x7E or char in _CASELESS else None


def _repeated(op: Any, av: Any) -> tuple[str, int, int] | None:
    """A character repeated at least once: (character, fewest, most), the fewest capped."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) or av[0] < 1:
        return None
    body = list(av[2])
    char = _char(*body[0]) if len(body) == 1 else None
    if char is None:
        return None
    low = min(av[0], 64)
    return char, low, av[1] if av[1] == av[0] else -1


def _item(op: Any, av: Any) -> frozenset[str] | None:
    """What one item that is not a character needs (None: nothing known)."""
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.ASSERT:  # a lookahead or lookbehind reads the text it needs
        return _sequence(list(av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        if av[0] < 1:
            return None
        repeated = _repeated(op, av)
        if repeated is not None:
            return frozenset([repeated[0] * repeated[1]])
        return _sequence(list(av[2]))
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            union |= found
        return _capped(union)
    return None


def _capped(union: set[str], covers: _Covers = _HOLDS) -> frozenset[str] | None:
    fewest = _fewest(frozenset(union), covers)
    return frozenset(fewest) if len(fewest) <= _MAX_ALTERNATIVES else None
