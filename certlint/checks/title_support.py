"""Helpers of the `title` kind: phrase patterns, edit distances, the headings that name
officers, and finding the signature a name in the body or a heading belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from certlint.analysis.edits import may_be_within
from certlint.analysis.parties import statements
from certlint.analysis.signatures import Signature, Span, is_title_text, squash

if TYPE_CHECKING:
    from certlint.document import Document

WORD = re.compile(r"[^\W\d_]+(?:'s)?")
# "Vice President", "Assistant Treasurer" name other offices; a "Former" officer no longer holds it.
OTHER_OFFICE = re.compile(r"(?:\bvice|\bassistant|\bdeputy|\bformer)[- ]$", re.IGNORECASE)
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


@lru_cache(maxsize=256)
def designation_pattern(phrase: str) -> re.Pattern[str]:
    """A role designation, in parentheses or not, as whole words (compiled once per phrase)."""
    return re.compile(r"\(?\b" + re.escape(phrase) + r"\b\)?", re.IGNORECASE)


def shared_prefix(one: str, other: str) -> int:
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        count += 1
    return count


def edits_within(word: str, right: str, edits: int) -> bool:
    if not may_be_within(word.lower(), right.lower(), edits):
        return False
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


def body_title(doc: Document, sig: Signature) -> str | None:
    """The title the body gives the signer ("I, Jane Doe, Chief Executive Officer of ...")."""
    for st in statements(doc):
        if sig in st.signatures:
            for party in st.parties:
                if party.title is not None and signature_for(party.name.text, [sig]) is sig:
                    return party.title.text
    return None


def signature_for(name: str, sigs: Iterable[Signature]) -> Signature | None:
    """The signature whose name shares the surname with `name`."""
    words = [w for w in _LETTERS.findall(name) if w.lower() not in ("jr", "sr", "ii", "iii")]
    if not words:
        return None
    surname = squash(words[-1])
    for sig in sigs:
        if surname and surname in squash(sig.display_name):
            return sig
    return None


#: Longer than this, a run of text is not one title (is_title_text allows 16 title words).
MAX_TITLE_CHARS = 400
#: The "and" between names ("JANE DOE AND JOHN ROE"); the cuts between the parts of a
#: designation ("principal executive and principal financial officer"); the word "officer".
NAMES_AND = re.compile(r"\s+AND\s+", re.IGNORECASE)
DESIGNATION_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
OFFICER = re.compile(r"\bofficer\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
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
    for m in NAMES_AND.finditer(text):
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
