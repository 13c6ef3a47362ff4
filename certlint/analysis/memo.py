"""Per-document memoisation: several rules of a run read the same parse of a document.

Entries are keyed by the identity of the object (a `Prose` or `Document`, both immutable) and the
object is kept in the entry, so an id cannot be reused while its entry lives. The cache is small:
it holds the few documents of the filing being linted.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import TypeVar, cast

K = TypeVar("K")
V = TypeVar("V")

_NOTHING = object()  # what no key is


def per_document(size: int = 16) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """Memoise a one-argument function of a document (or prose) by identity, LRU of `size`."""

    def decorate(function: Callable[[K], V]) -> Callable[[K], V]:
        entries: OrderedDict[int, tuple[K, V]] = OrderedDict()
        # The rules of a document ask for its analysis many times in a row (tens of thousands of
        # calls over a run): the last key and answer, in two cells of their own, answer them
        # without touching the table (the cheapest test Python has, an identity).
        last_key: object = _NOTHING
        last_value = cast(V, None)

        @wraps(function)
        def cached(key: K) -> V:
            nonlocal last_key, last_value
            if key is last_key:
                return last_value
            entry = entries.get(id(key))
            if entry is not None and entry[0] is key:
                entries.move_to_end(id(key))
            else:
                entry = (key, function(key))
                entries[id(key)] = entry
                if len(entries) > size:
                    entries.popitem(last=False)
            last_key, last_value = key, entry[1]
            return entry[1]

        return cached

    return decorate
