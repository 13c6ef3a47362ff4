"""What the `title` kind is made of besides its checks: its option schema, the patterns it reads
titles and headings with, and pure text helpers (near misses of a title word, joint titles,
designations), kept apart from the checks that use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from certlint.analysis.signatures import Signature, Span, is_title_text, squash

CHECKS = ("vocabulary", "casing", "role", "designation", "agreement")
STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": list(CHECKS), "description": "Which title check the rule runs."},
        "vocabulary": {**STRINGS, "description": "Words titles are built from."},
        "allow": {**STRINGS, "description": "Other words accepted in a title."},
        "designations": {"type": "object", "additionalProperties": {"type": "string"},
                         "description": "Role designations (without parentheses) mapped to roles."},
        "role_titles": {"type": "object", "additionalProperties": STRINGS,
                        "description": "Roles mapped to the title phrases that imply them."},
        "certifying_roles": {**STRINGS, "description": "Roles that may sign a certification."},
        "homophones": {"type": "object", "additionalProperties": {"type": "string"},
                       "description": "Real words misused for a title word (principle: Principal), "
                                      "read as the title word when roles are identified."},
        "unknown_words": {"type": "boolean", "default": False,
                          "description": "vocabulary: report every word outside the vocabulary, "
                                         "not only near misses of a title word."},
    },
    "required": ["check"],
}

WORD = re.compile(r"[^\W\d_]+(?:'s)?")
OTHER_OFFICE = re.compile(r"(?:\bvice|\bassistant|\bdeputy)[- ]$", re.IGNORECASE)
ABBREVIATIONS = {"ceo": "Chief Executive Officer", "cfo": "Chief Financial Officer",
                  "coo": "Chief Operating Officer", "cao": "Chief Accounting Officer",
                  "evp": "Executive Vice President", "svp": "Senior Vice President",
                  "vp": "Vice President", "chairwoman": "Chairman", "chair": "Chairman",
                  "chairperson": "Chairman"}
DISTRIBUTED = re.compile(r"\b(Chief|Principal) (\w+) and (\w+) (Officer)\b", re.IGNORECASE)
OFFICE = r"(?:[A-Z][A-Za-z]* )*?(?:OFFICER|CEO|CFO)"
HEADING_OF = re.compile(
    rf"\bCERTIFICATIONS? OF (?:THE )?(?P<title>{OFFICE}(?:\s*(?:,|/|&|,? AND)\s*(?:THE )?{OFFICE})*)\b"
    r"|(?P<title2>PRINCIPAL (?:EXECUTIVE|FINANCIAL) OFFICER)'S CERTIFICATION", re.IGNORECASE)
HEADING_BY = re.compile(r"\bBY (?P<names>[^\n]+?) AS (?P<titles>[^\n]+?)(?:,? RESPECTIVELY)?(?=\n|$)",
                         re.IGNORECASE)


@lru_cache(maxsize=64)
def phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases, as whole words; the longest first where several start alike."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def shared_prefix(one: str, other: str) -> int:
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        count += 1
    return count


def edits_within(word: str, right: str, edits: int) -> bool:
    from rapidfuzz.distance import OSA

    return bool(OSA.distance(word.lower(), right.lower()) <= edits)


def one_edit(word: str, right: str) -> bool:
    """What the spelling rule (CL301: one edit, five letters or more) already reports."""
    return len(word) >= 5 and edits_within(word, right, 1)


def closest_designation(text: str, designations: Mapping[str, str]) -> str | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(text.strip("() "), list(designations), scorer=fuzz.ratio,
                              processor=str.lower, score_cutoff=75)
    return None if best is None else f"({best[0]})"


def signature_for(name: str, sigs: Iterable[Signature]) -> Signature | None:
    """The signature whose name shares the surname with `name`."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in ("jr", "sr", "ii", "iii")]
    if not words:
        return None
    surname = squash(words[-1])
    for sig in sigs:
        if surname and surname in squash(sig.display_name):
            return sig
    return None


#: Longer than this, a run of text is not one title (is_title_text allows 16 title words).
MAX_TITLE_CHARS = 400
_AND = re.compile(r"\s+AND\s+", re.IGNORECASE)
_TITLE_END = re.compile(r"(?:officer|president|treasurer|controller|chairman|secretary|\))\Z", re.IGNORECASE)


def split_titles(text: str, count: int, offset: int) -> list[Span | None]:
    """Split "T1 AND T2" into `count` titles where the split is unambiguous.

    Linear in the text: a cut is tried only after a title's last word (read in a window of
    the ten characters before it), on halves short enough to be titles, and the search stops
    at a second cut (ambiguous). Each is_title_text call, and its cache entry, stays small.
    """
    if count == 1:
        return [Span(offset, offset + len(text), text)]
    if count != 2:
        return [None] * count
    cuts: list[re.Match[str]] = []
    for m in _AND.finditer(text):
        if m.start() > MAX_TITLE_CHARS:
            break
        before = text[max(0, m.start() - 10):m.start()]  # "controller", the longest title end
        if len(text) - m.end() > MAX_TITLE_CHARS or not _TITLE_END.search(before):
            continue
        if is_title_text(text[:m.start()]) and is_title_text(text[m.end():]):
            cuts.append(m)
            if len(cuts) > 1:
                break
    if len(cuts) != 1:
        return [None] * count
    cut = cuts[0]
    return [Span(offset, offset + cut.start(), text[:cut.start()]),
            Span(offset + cut.end(), offset + len(text), text[cut.end():])]
