"""Comparing two spellings of a person's name, word by word, tolerantly.

Case, spacing, punctuation and honorifics never count; small capitals split by their markup
("J ANE Q. D OE") are joined back. What differs is classed as a lawyer reads it: another
person ("name"), a changed letter ("spelling"), a first initial ("initial"), and the variants
of one name: a middle initial only ("middle initial"), a suffix only ("suffix"), a nickname
("nickname": "Chris" for "Christopher", from the rule's table or a short form of the name).
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher

from certlint.analysis.signatures import HONORIFICS, SUFFIXES, Span, squash

Difference = tuple[Span, str, str, str]  # (where in `found`, part, found text, expected text)


def _norm(word: str) -> str:
    return word.lower().replace(".", "").strip(",")


def _join_small_caps(tokens: list[Span], words: set[str], nicknames: Mapping[str, str]) -> list[Span]:
    """Small capitals split by their markup ("J ANE Q. D OE"): a capital and the capitals after
    it are one word when together they are a word of the other name."""
    out: list[Span] = []
    for token in tokens:
        joined = _norm(out[-1].text + token.text) if out else ""
        if out and len(out[-1].text) == 1 and out[-1].text.isupper() and token.text.isupper() \
                and (joined in words or any(is_nickname(joined, word, nicknames) for word in words)):
            out[-1] = Span(out[-1].start, token.end, out[-1].text + token.text)
        else:
            out.append(token)
    return out


def is_nickname(one: str, other: str, nicknames: Mapping[str, str]) -> bool:
    """ "Chris" and "Christopher", "Bill" and "William": one given name in two forms."""
    one, other = _norm(one), _norm(other)
    if nicknames.get(one) == other or nicknames.get(other) == one:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= 3 and long.startswith(short) and len(long) > len(short)


def name_differences(reference: list[Span], found: list[Span],
                     nicknames: Mapping[str, str] | None = None) -> list[tuple[Difference, bool]]:
    """Every place where `found` differs from `reference`, in order (none when they agree), each
    with whether it is a variant of the same name (a middle initial or a suffix left out or
    added, a nickname, a first name cut to its initial) rather than a changed letter."""
    reference = [t for t in reference if _norm(t.text) not in HONORIFICS]
    found = [t for t in found if _norm(t.text) not in HONORIFICS]
    if not found or not reference:
        return []
    if squash(" ".join(t.text for t in reference)) == squash(" ".join(t.text for t in found)):
        return []
    ref = [_norm(t.text) for t in reference]
    found = _join_small_caps(found, set(ref), nicknames or {})
    got = [_norm(t.text) for t in found]
    if not set(ref) & set(got):  # another person altogether
        span = Span(found[0].start, found[-1].end, " ".join(t.text for t in found))
        return [((span, "name", span.text, " ".join(t.text for t in reference)), False)]
    out: list[tuple[Difference, bool]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ref, got, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        expected = " ".join(t.text for t in reference[i1:i2]) or "(none)"
        word = " ".join(t.text for t in found[j1:j2]) or "(none)"
        words = ref[i1:i2] + got[j1:j2]
        one_for_one = tag == "replace" and i2 - i1 == j2 - j1 == 1
        # A word left out or added between the first name and the surname (a middle initial).
        variant = tag != "replace" and i1 > 0 and i2 < len(ref)
        if any(w in SUFFIXES for w in words):
            part = "suffix"
            variant = all(w in SUFFIXES for w in words) and tag != "replace"
        elif all(len(w) == 1 for w in words):
            part = "middle initial" if min(i1, j1) > 0 else "initial"
        elif one_for_one and i1 == 0 and is_nickname(ref[i1], got[j1], nicknames or {}):
            part, variant = "nickname", True
        elif one_for_one and i1 == 0 and min(len(ref[i1]), len(got[j1])) == 1 \
                and ref[i1][0] == got[j1][0]:
            part, variant = "initial", True  # "J. Doe" for "Jane Doe"
        else:
            part, variant = "spelling", False
        anchor = found[j1] if j1 < len(found) else found[-1]
        span = Span(anchor.start, found[j2 - 1].end if j2 > j1 else anchor.end, word)
        out.append(((span, part, word, expected), variant))
    return out


def name_difference(reference: list[Span], found: list[Span],
                    nicknames: Mapping[str, str] | None = None) -> Difference | None:
    """The first place where `found` differs from `reference`: (span, part, found, expected)."""
    differences = name_differences(reference, found, nicknames)
    return differences[0][0] if differences else None
