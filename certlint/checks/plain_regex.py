r"""When Python's `re` may run an author-written pattern in place of the `regex` module.

`regex` bounds a pattern's search in time (`certlint.checks.phrases`), but importing it costs a
one-file run about 10 ms, most of it for the one pattern nearly every certification reaches
("13a-15(e) and 15d-15(e)"). `re` gives the same matches, and needs no bound, for a pattern that
passes both tests here, searched in an ASCII text:

- the same matches: the pattern is built only of constructs whose meaning on ASCII text the two
  engines share (ASCII literals and ranges, `\w \d \b`, groups, alternatives, greedy and lazy
  repeats, lookarounds, backreferences), with no flag but IGNORECASE, DOTALL and MULTILINE; it
  matches no empty string (where finditer's rules could differ); and it holds none of the text
  `re` reads as plain characters where `regex` reads syntax (a "{" that `regex` may read as a
  fuzzy constraint, a "[" in a set that may open a POSIX class). tests/test_plain_regex.py checks
  every such construct on every ASCII character, and whole patterns against `regex` on generated
  texts;
- no backtracking without end: every repeat has a most, and the ways the pattern can match at
  one place (`_ways`) are few, so the search costs at most a constant per character.

Anything else (a non-ASCII text, whose `\w` and case the engines read by different Unicode
tables) stays on `regex`.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

#: The ways a pattern may match at one place, at most: its search then stays linear in the text.
MOST_WAYS = 512
#: Characters besides ASCII a literal may be: caseless, so in an ASCII text they match nothing.
_CASELESS = frozenset(map(ord, "\u00a7"))  # "§"
_FLAGS = re.IGNORECASE | re.DOTALL | re.MULTILINE | re.UNICODE
#: Not `\s`: `re` counts the ASCII separators "\x1c"-"\x1f" as space, `regex` does not.
_CATEGORIES = frozenset([sre.CATEGORY_WORD, sre.CATEGORY_NOT_WORD, sre.CATEGORY_DIGIT,
                         sre.CATEGORY_NOT_DIGIT])
_AT = frozenset([sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING,
                 sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY])
_ONE = frozenset([sre.ANY, sre.AT, sre.GROUPREF])
_REPEATS = frozenset([sre.MAX_REPEAT, sre.MIN_REPEAT])
_ASSERTS = frozenset([sre.ASSERT, sre.ASSERT_NOT])


def re_twin(source: str, ignore_case: bool) -> re.Pattern[str] | None:
    """`source` compiled by `re` when, on an ASCII text, it finds what `regex` finds and cannot
    backtrack without end; else None."""
    flags = re.IGNORECASE if ignore_case else 0
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # a pattern the parser refuses stays on `regex`
        return None
    if parsed.state.flags & ~_FLAGS or parsed.getwidth()[0] == 0:
        return None
    if _ways(list(parsed)) is None:
        return None
    return re.compile(source, flags)


def _ways(items: list[tuple[Any, Any]]) -> int | None:
    """How many ways the items in a row may match at one place, at most (None: too many, or a
    construct outside the shared ones)."""
    ways = 1
    for op, av in items:
        one = _item_ways(op, av)
        if one is None:
            return None
        ways *= one
        if ways > MOST_WAYS:
            return None
    return ways


def _item_ways(op: Any, av: Any) -> int | None:
    if op is sre.LITERAL or op is sre.NOT_LITERAL:
        return 1 if _plain_char(av) else None
    if op is sre.IN:
        return 1 if all(_plain_set_item(kind, value) for kind, value in av) else None
    if op in _ONE:
        return 1 if op is not sre.AT or av in _AT else None
    if op is sre.SUBPATTERN:
        _group, add, remove, body = av
        return _ways(list(body)) if not (add | remove) & ~_FLAGS else None
    if op is sre.BRANCH:
        total = 0
        for branch in av[1]:
            ways = _ways(list(branch))
            if ways is None:
                return None
            total += ways
        return total
    if op in _REPEATS:
        low, high, body = av
        ways = _ways(list(body))
        if ways is None or high == sre.MAXREPEAT or high > MOST_WAYS:
            return None
        total, power = 0, 1  # the ways of `count` repeats: ways ** count
        for count in range(high + 1):
            if count >= low:
                total += power
            power *= ways
            if total > MOST_WAYS:
                return None
        return total
    if op in _ASSERTS:  # tried at every place the rest reaches it: its ways multiply
        return _ways(list(av[1]))
    return None


def _plain_char(code: int) -> bool:
    """An ASCII character `regex` reads as `re` does ("{" may open a fuzzy constraint)."""
    return (code < 0x80 and code != ord("{")) or code in _CASELESS


def _plain_set_item(kind: Any, value: Any) -> bool:
    if kind is sre.LITERAL:
        return _plain_char(value) and value != ord("[")  # "[:alpha:]" is a POSIX class to `regex`
    if kind is sre.RANGE:
        return value[1] < 0x80 and not value[0] <= ord("[") <= value[1]
    if kind is sre.CATEGORY:
        return value in _CATEGORIES
    return kind is sre.NEGATE
