"""Whether a document is a certification at all: it makes a certification statement.

A repository of filings also holds what is not a certification (the 10-K body, press releases,
notes, a README). Linting those as certifications reports a missing form on every one, so a run
lints only documents that say what a certification says: a certifying statement ("I, NAME,
certify", "hereby certifies", "the undersigned ... certifies that"), the 302's "I have reviewed
this ... report", the 906's two statements ("fully complies" and "fairly presents"), or a
certification's title near the top ("CERTIFICATION PURSUANT TO SECTION 302").

The prose view is read (markup gone, whitespace and quotes folded), after dropping quoted
passages: a document that quotes a certification ("the comma in "I Jane Doe, certify"") talks
about one and is not one. What is found is a span of the prose, so callers can say why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from certlint.analysis.memo import per_document
from certlint.document import Document

#: A quoted passage inside one block; long ones are left alone (an unpaired quote would
#: otherwise swallow the text up to the next one).
_QUOTED = re.compile(r'"[^"\n]{0,200}"')

#: "hereby"/"do"/"each" between the certifier and the verb ("We ... do hereby each certify").
_VERB = r"(?:(?:do|does)\s+)?(?:hereby\s+)?(?:each\s+)?certif(?:y|ies)\b"

#: Each pattern names who certifies, so that prose about certifying ("ask the CFO to certify
#: that the numbers are right") is not taken for a certification.
_STATEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a first-person certification (I, NAME, certify)", re.compile(
        r"(?<![\w'])(?:I|We)\b,?\s+[^\n]{1,300}?,\s*" + _VERB, re.IGNORECASE)),
    ("a statement that the signer hereby certifies", re.compile(
        r"\bhereby\s+(?:each\s+)?certif(?:y|ies)\b", re.IGNORECASE)),
    ("a statement that the undersigned certifies", re.compile(
        r"\bundersigned\b[^\n]{0,300}?\b" + _VERB, re.IGNORECASE)),
    ("a third-person certification (NAME, TITLE, certifies ... that)", re.compile(
        r",\s*(?:each\s+)?certifies\b,?\s+(?:[^\n]{0,250}?,\s*)?that\b", re.IGNORECASE)),
    ("the 302's opening (I have reviewed this ... report)", re.compile(
        r"\bI\s+have\s+reviewed\s+th(?:is|e)\b[^\n]{0,200}?\breport\b", re.IGNORECASE)),
)
_FULLY_COMPLIES = re.compile(r"\bfully\s+compl(?:ies|y)\b", re.IGNORECASE)
_FAIRLY_PRESENTS = re.compile(r"\bfairly\s+presents?\b", re.IGNORECASE)
#: A title a block holds on its own, near the top of the document.
_TITLE = re.compile(
    r"^[^\n]{0,120}(?:\bcertifications?\b[^\n]{0,80}\bpursuant\s+to\b|"
    r"\bcertifications?\b[^\n]{0,120}\bsection\s+(?:302|906|1350)\b|"
    r"\bsection\s+(?:302|906|1350)\b[^\n]{0,120}\bcertifications?\b)[^\n]{0,160}$",
    re.IGNORECASE | re.MULTILINE)
#: How far into the prose a title counts: an exhibit index at the end of a 10-K lists the same
#: titles, but only as entries, long after the cover page.
TITLE_REACH = 2000


@dataclass(frozen=True, slots=True)
class Recognition:
    """Why a document counts as a certification: what it says and where (prose offsets)."""

    reason: str
    start: int
    end: int


def without_quotes(text: str) -> str:
    """`text` with each quoted passage blanked out (same length, so offsets still hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def recognise_text(text: str) -> Recognition | None:
    """The certification statement a prose text makes (None: it makes none)."""
    plain = without_quotes(text)
    for reason, pattern in _STATEMENTS:
        if (match := pattern.search(plain)) is not None:
            return Recognition(reason, match.start(), match.end())
    complies = _FULLY_COMPLIES.search(plain)
    presents = _FAIRLY_PRESENTS.search(plain)
    if complies is not None and presents is not None:
        return Recognition("the 906 statements (fully complies, fairly presents)",
                           min(complies.start(), presents.start()), max(complies.end(), presents.end()))
    if (match := _TITLE.search(plain, 0, TITLE_REACH)) is not None:
        return Recognition("a certification's title", match.start(), match.end())
    return None


@per_document()
def recognise(doc: Document) -> Recognition | None:
    """The certification statement `doc` makes (None: it is not a certification)."""
    return recognise_text(doc.prose.text)


def is_certification(doc: Document) -> bool:
    """Whether `doc` makes a certification statement (see the module's docstring)."""
    return recognise(doc) is not None
