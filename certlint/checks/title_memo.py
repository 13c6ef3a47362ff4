"""The `title` kind's answers per distinct text, kept for the whole run.

A title check reads the same few title texts in document after document ("Chief Executive
Officer", "(Principal Financial Officer)"), and each reading (corrected spelling, the roles a
title implies, its designations) is a pure function of the text and the rule's options: worked
out once per distinct text, not once per signature of every document. The memo is bounded like
the spelling kind's (a worker lints many thousands of documents: a text forgotten only costs
working it out again).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, TypeVar

#: Texts remembered per check at most; past this the memo starts again.
MOST_REMEMBERED = 20_000

T = TypeVar("T")
_MISSING = object()


class TextMemo:
    """Answers by (reading, text). Two memos are alike: they hold only what a check's options
    imply, so they never make two checks differ."""

    __slots__ = ("answers",)

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], Any] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextMemo)

    __hash__ = None  # type: ignore[assignment]


class _HasMemo(Protocol):
    @property
    def memo(self) -> TextMemo: ...


def remembered(copy: Callable[[T], T]) -> Callable[[Callable[[Any, str], T]], Callable[[Any, str], T]]:
    """A method of one text remembered in its check's `memo`; `copy` gives each caller its own
    answer (a set it may add to)."""

    def decorate(method: Callable[[Any, str], T]) -> Callable[[Any, str], T]:
        name = method.__name__

        @wraps(method)
        def answer(self: _HasMemo, text: str) -> T:
            answers = self.memo.answers
            found = answers.get((name, text), _MISSING)
            if found is _MISSING:
                if len(answers) >= MOST_REMEMBERED:
                    answers.clear()
                found = answers[(name, text)] = method(self, text)
            return copy(found)

        return answer

    return decorate


def same(value: T) -> T:
    """An answer nobody changes (a string), handed out as it is."""
    return value


def own_roles(value: tuple[str, set[str]]) -> tuple[str, set[str]]:
    """A text and its roles: the roles copied, the caller may add to them."""
    return value[0], set(value[1])
