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
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from certlint.analysis.views import lowered, may_contain, odd_letters
from certlint.document.prose import Prose

#: More alternatives than this cost more to test than they save.
_MAX_ALTERNATIVES = 16
#: Characters besides printable ASCII a literal may hold: caseless, matched by themselves alone.
_CASELESS = frozenset("\u00a7")  # "§"
#: The letters a case-insensitive ASCII letter also matches are `views.ALSO_MATCHES`. ("İ"
#: lowercases to two characters, so its text has no lowercase view and is searched.)

Needed = tuple[str, ...]


def needed(source: str, flags: int = 0) -> Needed | None:
    """Lowercase ASCII strings of which each match of `source`, under any case flag, holds one
    (in the text it matches or a lookaround reads); None when no such set is known."""
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # a pattern the parser refuses gets no prefilter
        return None
    found = _sequence(list(parsed))
    return _fewest(found) if found else None


def leading(source: str, flags: int = 0) -> Needed | None:
    """Literals of which one ends right where each match of `source` starts (a pattern whose
    matches all start with a lookbehind of plain text, "(?<=Exchange Act of )"), lowercase;
    None for any other pattern, or one that can match an empty string."""
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # a pattern the parser refuses gets no prefilter
        return None
    if parsed.getwidth()[0] == 0:
        return None
    found = _lead(list(parsed))
    return _fewest(found, ending=True) if found else None


def _fewest(found: frozenset[str], ending: bool = False) -> Needed:
    """The literals without those holding another (a text holding the longer holds the shorter);
    `ending`: without those ending with another (which then ends at the same place)."""
    def covered(literal: str) -> bool:
        return any(other != literal and (literal.endswith(other) if ending else other in literal)
                   for other in found)
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
        return _capped(union, ending=True)
    if op is sre.ASSERT and av[0] == -1:
        chars = [_char(*item) for item in av[1]]
        if chars and None not in chars:
            return frozenset(["".join(c for c in chars if c is not None)])
    return None


def finditer_near(pattern: Any, prose: Prose, starts: Needed, pos: int,
                  endpos: int) -> Iterator[re.Match[str]] | None:
    """The matches `pattern.finditer(prose.text, pos, endpos)` gives, found by trying the pattern
    only where one of `starts` (`leading`) ends; None where that is not exact (the text has no
    lowercase view or holds a letter "i" or "s" also match)."""
    text = lowered(prose)
    if text is None or odd_letters(prose):
        return None
    places = set()
    for literal in starts:
        at = text.find(literal)
        while at >= 0:
            places.add(at + len(literal))
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
    """False only when the prose holds none of `literals` in any case (the regex cannot match)."""
    return literals is None or any(may_contain(prose, literal) for literal in literals)


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


def _capped(union: set[str], ending: bool = False) -> frozenset[str] | None:
    fewest = _fewest(frozenset(union), ending)
    return frozenset(fewest) if len(fewest) <= _MAX_ALTERNATIVES else None
