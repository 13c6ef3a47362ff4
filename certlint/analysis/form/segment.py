"""Certifications in a document, cut into units at their paragraph markers ("1.", "(a)", "b)").

A certification starts at its opening ("I, Jane Doe, certify that:"), or at "I have reviewed
this" when the opening is missing, and runs to the next one. Markers are recognised where a
paragraph can start: at the start of a line, or after ";", ":" or "." (one-line derived text,
"...; and c) presented"). The signature block after the last paragraph is cut off as the tail.
"""

from __future__ import annotations

import itertools
import operator
import re

from certlint.analysis.form.tokens import Tokens
from certlint.analysis.form.written import Certification, DocUnit

_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december")
)
_LABELS = frozenset({"date", "dated", "by", "name", "title", "signature"})
#: The keys a signature block can start with (a label, the "/" of "/s/", a month).
_TAIL_WORDS = _MONTHS | _LABELS | {"/"}
_LETTERS = frozenset("abcdefgh")
_BULLETS = frozenset("•·▪")
_MARKER_STARTS = frozenset({"(", *_BULLETS, *_LETTERS, *"123456789", "i", "ii", "iii", "iv", "v", "vi",
                            *(f"{n}({c})" for n in "123456789" for c in _LETTERS)})
#: Sub-paragraphs numbered (i), (ii) ... are read as (a), (b) ...
_ROMAN = {"i": "a", "ii": "b", "iii": "c", "iv": "d", "v": "e", "vi": "f"}
_NUMBERED_LETTER = re.compile(r"^[1-9]\([a-h]\)$")


_CERTIFY = frozenset({"certify", "certifies"})


def find_certifications(tokens: Tokens) -> list[Certification]:
    """The certifications in a document's tokens, each cut into units."""
    keys = tokens.keys
    starts = _opening_starts(tokens)
    if not starts:
        reviewed = _find_reviewed(tokens, 0)
        if reviewed is None:
            return []
        begin = reviewed
        for length in (3, 2):
            if begin >= length and _marker_at(tokens, 0, len(keys), begin - length, begin - length) == (
                    keys[begin - length + (length == 3)], length):
                begin -= length
                break
        cert = _cut(tokens, begin, len(keys), None)
        cert.has_opening = False
        return [cert]
    certs = []
    for index, (start, colon) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(keys)
        certs.append(_cut(tokens, start, end, colon))
    return certs


def _opening_starts(tokens: Tokens) -> list[tuple[int, int]]:
    """(start, index just past the opening) for each "I, [name], certify that:"."""
    keys, texts = tokens.keys, tokens.texts
    count = len(keys)
    found: list[tuple[int, int]] = []
    for i in itertools.compress(range(count), map(_CERTIFY.__contains__, keys)):
        j = i + 1
        if j < count and keys[j] == ",":
            j += 1
        if j >= count or keys[j] != "that":
            continue
        start = next((k for k in range(i - 1, max(i - 30, -1), -1) if texts[k] == "I"), None)
        if start is None or (found and start < found[-1][1]):
            continue
        end = j + 1
        if end < count and keys[end] in (":", ",", ";"):
            end += 1
        if _find_reviewed(tokens, end, limit=12) is None:
            continue  # "I certify that, to my knowledge" in a Section 906 statement
        found.append((start, end))
    return found


def _find_reviewed(tokens: Tokens, start: int, limit: int | None = None) -> int | None:
    """The first "I have reviewed" from `start` (within `limit` tokens)."""
    keys, texts = tokens.keys, tokens.texts
    stop = len(keys) - 2 if limit is None else min(len(keys) - 2, start + limit)
    i = start
    while i < stop:
        try:
            i = texts.index("I", i, stop)
        except ValueError:
            return None
        if keys[i + 1] == "have" and keys[i + 2] == "reviewed":
            return i
        i += 1
    return None


def _marker_at(tokens: Tokens, low: int, high: int, begin: int, i: int) -> tuple[str, int] | None:
    """(label, length) of a paragraph marker starting at token i, if one is there, among the
    tokens from `low` to `high` (those of one certification's paragraphs)."""
    if i < low or i >= high:
        return None
    keys = tokens.keys
    key, line_start = keys[i], tokens.line_starts[i]
    if tokens.texts[i] in _BULLETS and line_start:
        return "", 1
    if _NUMBERED_LETTER.match(key) and (line_start or i == begin):
        return key[2], 1  # "4(a)": the sub-paragraph with its paragraph's number
    if key == "(" and i + 2 < high and keys[i + 2] == ")":
        label, length = keys[i + 1], 3
    elif i + 1 < high and keys[i + 1] in (".", ")") and not tokens.spaced[i + 1]:
        label, length = key, 2
    else:
        return None
    if not (label in _LETTERS or label in _ROMAN or (label.isdigit() and len(label) == 1 and label != "0")):
        return None
    after = i + length
    if after >= high or not tokens.is_word(after):
        return None
    if line_start or i == begin:
        return label, length
    previous = keys[i - 1] if i > low else ""
    if previous in (";", ":"):
        return label, length
    if previous == "." and i > low + 1 and keys[i - 2] not in ("no", "nos"):
        return label, length
    if previous in ("and", "or") and i > low + 1 and keys[i - 2] in (";", ","):
        return label, length
    return None


def _cut(tokens: Tokens, low: int, high: int, opening_end: int | None) -> Certification:
    """The certification of tokens `low` to `high`, its opening (if found) ending at `opening_end`.

    Only the tokens that can start a unit (a line start, a marker's first token) are looked
    at one by one: every other token continues the unit before it.
    """
    keys, line_starts = tokens.keys, tokens.line_starts
    position = low if opening_end is None else opening_end
    tail = _tail_start(keys, position, high)
    cert = Certification(tokens, tail, high)
    units = cert.units
    if opening_end is not None:
        units.append(DocUnit("opening", tokens, low, low, opening_end))
    current: DocUnit | None = None
    number = ""
    starts = itertools.compress(range(position, tail), map(
        operator.or_, line_starts[position:tail], map(_MARKER_STARTS.__contains__, keys[position:tail])))
    following = position  # the first token not yet in a unit
    for i in itertools.chain((position,) if position < tail else (), starts):
        if i < following:
            continue  # the first token, again, or inside a marker
        key = keys[i]
        marker = _marker_at(tokens, low, tail, position, i) if key in _MARKER_STARTS else None
        if marker is not None:
            label, length = marker
            if label.isdigit():
                number = label
            elif length == 1 and key[:1].isdigit():
                number = key[0]
            if current is not None:
                current.end = i
            current = DocUnit(_ROMAN.get(label, label), tokens, i, i + length, i + length, number)
            units.append(current)
            following = i + length
            continue
        if current is None or (line_starts[i] and _ends_paragraph(keys, current.begin, i)):
            # A paragraph without a marker (an HTML list, say): it starts a new unit when the
            # one before it ended a sentence; otherwise it continues it (a page break).
            if current is not None:
                current.end = i
            current = DocUnit(None, tokens, i, i, i, number)
            units.append(current)
        following = i + 1
    if current is not None:
        current.end = tail
    return cert


def _ends_paragraph(keys: list[str], begin: int, end: int) -> bool:
    """The words from `begin` to `end` end like a paragraph of the form: ";", ":", "." or "; and"."""
    if end <= begin:
        return False
    last = keys[end - 1]
    return last in (";", ":", ".") or (last in ("and", "or") and end - begin > 1 and keys[end - 2] == ";")


def _tail_start(keys: list[str], begin: int, end: int) -> int:
    """Where the date and signature block starts among the tokens from `begin` to `end`:
    "Date:", "By:", "Name:", a conformed "/s/", or a date right after the closing period. Line
    starts alone decide nothing: some EDGAR HTML puts every printed line in its own block."""
    for i in itertools.compress(range(begin, end), map(_TAIL_WORDS.__contains__, keys[begin:end])):
        key = keys[i]
        following = keys[i + 1] if i + 1 < end else ""
        if key in _LABELS and following == ":":
            return i
        if key == "/" and following == "s" and i + 2 < end and keys[i + 2] == "/":
            return i
        if (key in _MONTHS and following.isdigit() and i > begin and keys[i - 1] in (".", ";", ":")
                and (i < begin + 2 or keys[i - 2] not in ("no", "nos"))):
            return i
    return end
