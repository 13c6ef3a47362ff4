"""Signature blocks of a certification, read from a Document's prose view.

The name, title, date and filing checks all need the same facts: who signs (the conformed
"/s/ Name"), under which typed name and title, with which role designation and date. They are
read once per document and handed back as frozen records whose spans are prose offsets:
`layout` reads the block's lines and columns, `blocks` its fields, `words` tells names from
titles, `model` holds the records.

API:
- `signatures(doc) -> tuple[Signature, ...]`, in document order;
- `unsigned_area(doc, start, end)`: where an unsigned certification would be signed;
- `is_title_text(text)`: whether a line reads as an officer title;
- `name_tokens(spans)`, `squash(text)`: helpers for comparing names.
The parties named in the body ("I, [name], certify that", "we, X and Y, hereby certify"), and
the cut of a document into statements, are in `certlint.analysis.parties`.
"""

from __future__ import annotations

from certlint.analysis.signatures.blocks import signatures, unsigned_area
from certlint.analysis.signatures.model import Signature, Span
from certlint.analysis.signatures.words import (
    CONNECTIVES,
    HONORIFICS,
    SUFFIXES,
    TITLE_WORDS,
    is_title_text,
    lower_words,
    name_tokens,
    squash,
)

__all__ = ["CONNECTIVES", "HONORIFICS", "SUFFIXES", "TITLE_WORDS", "Signature", "Span", "is_title_text",
           "lower_words", "name_tokens", "signatures", "squash",
           "unsigned_area"]
