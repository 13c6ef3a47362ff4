"""Per-document memoisation: several rules of a run read the same parse of a document.

Entries are keyed by the identity of the object (a `Prose` or `Document`, both immutable) and the
object is kept in the entry, so an id cannot be reused while its entry lives. The cache is small:
it holds the few documents of the filing being linted.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def per_document(size: int = 16) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """Memoise a one-argument function of a document (or prose) by identity, LRU of `size`."""

    def decorate(function: Callable[[K], V]) -> Callable[[K], V]:
        entries: OrderedDict[int, tuple[K, V]] = OrderedDict()
        # The rules of a document ask for its analysis many times in a row (tens of thousands of
        # calls over a run): the last entry answers them without touching the table.
        last: list[tuple[K, V]] = []

        @wraps(function)
        def cached(key: K) -> V:
            if last and last[0][0] is key:
                return last[0][1]
            entry = entries.get(id(key))
            if entry is not None and entry[0] is key:
                entries.move_to_end(id(key))
            else:
                entry = (key, function(key))
                entries[id(key)] = entry
                if len(entries) > size:
                    entries.popitem(last=False)
            last[:] = [entry]
            return entry[1]

        return cached

    return decorate
