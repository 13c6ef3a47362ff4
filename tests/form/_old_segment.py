"""The segmentation as it was, over a list of `Token` objects: the reference the columns-based
`certlint.analysis.form.segment` is checked against (tests/form/test_segment_columns.py)."""

from __future__ import annotations

from msgspec import Struct, field

from certlint.analysis.form.segment import (
    _BULLETS,
    _LABELS,
    _LETTERS,
    _MARKER_STARTS,
    _MONTHS,
    _NUMBERED_LETTER,
    _ROMAN,
    _TAIL_WORDS,
)
from certlint.analysis.form.tokens import Token


class DocUnit(Struct):
    """One paragraph of a certification as written."""

    #: "opening", the marker's number or letter ("4", "c"), "" for a bullet, None for no marker.
    marker: str | None
    #: The content tokens (without the marker).
    tokens: list[Token]
    #: The marker's first token (or the first content token when there is no marker).
    first: Token
    #: The paragraph number a lettered sub-paragraph belongs to ("4" for "(c)").
    number: str = ""
    #: The tokens' keys, set once the unit is complete.
    keys: tuple[str, ...] = ()


class Certification(Struct):
    units: list[DocUnit] = field(default_factory=list)
    #: Tokens after the last paragraph (date, signature, title).
    tail: list[Token] = field(default_factory=list)
    #: True when the opening line was found.
    has_opening: bool = True


def find_certifications(tokens: list[Token]) -> list[Certification]:
    """The certifications in a document's tokens, each cut into units."""
    starts = _opening_starts(tokens)
    if not starts:
        reviewed = _find_reviewed(tokens, 0)
        if reviewed is None:
            return []
        begin = reviewed
        for length in (3, 2):
            if begin >= length and _marker_at(tokens, begin - length, begin - length) == (
                    tokens[begin - length + (length == 3)].key, length):
                begin -= length
                break
        cert = _cut(tokens[begin:], None)
        cert.has_opening = False
        return [cert]
    certs = []
    for index, (start, colon) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(tokens)
        certs.append(_cut(tokens[start:end], colon - start))
    return certs


def _opening_starts(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, index just past the opening) for each "I, [name], certify that:"."""
    found: list[tuple[int, int]] = []
    for i in [i for i, token in enumerate(tokens) if token.key in ("certify", "certifies")]:
        j = i + 1
        if j < len(tokens) and tokens[j].key == ",":
            j += 1
        if j >= len(tokens) or tokens[j].key != "that":
            continue
        start = next((k for k in range(i - 1, max(i - 30, -1), -1) if tokens[k].text == "I"), None)
        if start is None or (found and start < found[-1][1]):
            continue
        end = j + 1
        if end < len(tokens) and tokens[end].key in (":", ",", ";"):
            end += 1
        if _find_reviewed(tokens, end, limit=12) is None:
            continue  # "I certify that, to my knowledge" in a Section 906 statement
        found.append((start, end))
    return found


def _find_reviewed(tokens: list[Token], start: int, limit: int | None = None) -> int | None:
    stop = len(tokens) - 2 if limit is None else min(len(tokens) - 2, start + limit)
    for i in range(start, max(stop, start)):
        if tokens[i].text == "I" and tokens[i + 1].key == "have" and tokens[i + 2].key == "reviewed":
            return i
    return None


def _marker_at(tokens: list[Token], begin: int, i: int) -> tuple[str, int] | None:
    """(label, length) of a paragraph marker starting at tokens[i], if one is there."""
    if i < 0 or i >= len(tokens):
        return None
    first = tokens[i]
    if first.text in _BULLETS and first.line_start:
        return "", 1
    if _NUMBERED_LETTER.match(first.key) and (first.line_start or i == begin):
        return first.key[2], 1  # "4(a)": the sub-paragraph with its paragraph's number
    if first.key == "(" and i + 2 < len(tokens) and tokens[i + 2].key == ")":
        label, length = tokens[i + 1].key, 3
    elif i + 1 < len(tokens) and tokens[i + 1].key in (".", ")") and not tokens[i + 1].spaced:
        label, length = first.key, 2
    else:
        return None
    if not (label in _LETTERS or label in _ROMAN or (label.isdigit() and len(label) == 1 and label != "0")):
        return None
    after = i + length
    if after >= len(tokens) or not tokens[after].is_word:
        return None
    if first.line_start or i == begin:
        return label, length
    previous = tokens[i - 1].key if i > 0 else ""
    if previous in (";", ":"):
        return label, length
    if previous == "." and i > 1 and tokens[i - 2].key not in ("no", "nos"):
        return label, length
    if previous in ("and", "or") and i > 1 and tokens[i - 2].key in (";", ","):
        return label, length
    return None


def _cut(tokens: list[Token], opening_end: int | None) -> Certification:
    cert = Certification()
    position = 0
    if opening_end is not None:
        cert.units.append(DocUnit("opening", tokens[:opening_end], tokens[0]))
        position = opening_end
    tail = position + _tail_start(tokens[position:])
    body, cert.tail = tokens[:tail], tokens[tail:]
    current: DocUnit | None = None
    number = ""
    i = position
    while i < tail:
        token = body[i]
        marker = _marker_at(body, position, i) if token.key in _MARKER_STARTS else None
        if marker is not None:
            label, length = marker
            if label.isdigit():
                number = label
            elif length == 1 and token.key[:1].isdigit():
                number = token.key[0]
            current = DocUnit(_ROMAN.get(label, label), [], token, number)
            cert.units.append(current)
            i += length
            continue
        if current is None or (token.line_start and _ends_paragraph(current.tokens)):
            # A paragraph without a marker (an HTML list, say): it starts a new unit when the
            # one before it ended a sentence; otherwise it continues it (a page break).
            current = DocUnit(None, [], token, number)
            cert.units.append(current)
        current.tokens.append(token)
        i += 1
    for unit in cert.units:
        unit.keys = tuple([t.key for t in unit.tokens])
    return cert


def _ends_paragraph(tokens: list[Token]) -> bool:
    """The words end like a paragraph of the form: ";", ":", "." or "; and"."""
    if not tokens:
        return False
    last = tokens[-1].key
    return last in (";", ":", ".") or (last in ("and", "or") and len(tokens) > 1 and tokens[-2].key == ";")


def _tail_start(tokens: list[Token]) -> int:
    """Where the date and signature block starts: "Date:", "By:", "Name:", a conformed "/s/",
    or a date right after the closing period. Line starts alone decide nothing: some EDGAR
    HTML puts every printed line in its own block."""
    count = len(tokens)
    keys = [t.key for t in tokens]
    for i in [i for i, key in enumerate(keys) if key in _TAIL_WORDS]:
        key = keys[i]
        following = keys[i + 1] if i + 1 < count else ""
        if key in _LABELS and following == ":":
            return i
        if key == "/" and following == "s" and i + 2 < count and keys[i + 2] == "/":
            return i
        if (key in _MONTHS and following.isdigit() and i > 0 and keys[i - 1] in (".", ";", ":")
                and (i < 2 or keys[i - 2] not in ("no", "nos"))):
            return i
    return len(tokens)
