"""Words as characters: each word of the forms is one character, so that a paragraph and a unit
of the form are compared as strings.

rapidfuzz scores and aligns strings several times faster than lists of words, and a paragraph
copied word for word is found by one string comparison. An alignment depends only on which
words of the form equal which words of the paragraph, so every word of a document that no form
has becomes one character that no form holds: it matches nothing, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

#: The character of each word of the forms compiled so far (it only grows).
_CODES: dict[str, str] = {}
#: A document's word that no form has.
UNKNOWN = "\x00"
_SURROGATES = range(0xD800, 0xE000)


def form_codes(keys: Iterable[str]) -> str:
    """A form's words as characters, a new word taking the next free one."""
    out = []
    for key in keys:
        code = _CODES.get(key)
        if code is None:
            number = len(_CODES) + 1
            code = _CODES[key] = chr(number + len(_SURROGATES) if number >= _SURROGATES.start else number)
        out.append(code)
    return "".join(out)


def written_codes(keys: Iterable[str]) -> str:
    """A document's words as characters (valid for the forms compiled so far)."""
    return "".join(map(_CODES.get, keys, repeat(UNKNOWN)))


def vocabulary() -> int:
    """How many words the forms compiled so far have: codes of a document's words are valid
    while it stays the same."""
    return len(_CODES)
