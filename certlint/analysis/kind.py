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
from collections.abc import Iterator

from msgspec import Struct

from certlint.analysis.dates.windows import around, matches_in
from certlint.analysis.memo import per_document
from certlint.analysis.views import odd_letters_in
from certlint.document import Document

#: A quoted passage inside one block; long ones are left alone (an unpaired quote would
#: otherwise swallow the text up to the next one).
_QUOTED = re.compile(r'"[^"\n]{0,200}"')

#: The verb every certifying statement has; the statements are found from it, looking back
#: (who certifies) and forward ("... that") a bounded stretch of its line, so that recognition
#: stays linear in the document however many "I" or "we" it holds.
_VERB = re.compile(r"\bcertif(?:y|ies)\b", re.IGNORECASE)
REACH = 300
#: A certification says "certify" a few times; a document is judged by its first MAX_VERBS
#: uses of the verb, so that one repeating it a million times is judged in milliseconds.
MAX_VERBS = 200
#: "I, NAME, certify" / "We, NAMES, hereby each certify": the subject, then a comma right
#: before the verb (prose about certifying, "ask the CFO to certify that", has neither).
_SUBJECT = re.compile(r"(?<![\w'])(?:I|We)\b,?\s", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",\s*(?:(?:do|does)\s+)?(?:hereby\s+)?(?:each\s+)?\Z", re.IGNORECASE)
_HEREBY_BEFORE = re.compile(r"\bhereby\s+(?:each\s+)?\Z", re.IGNORECASE)
#: "I certify that" / "We each hereby certify": the pronoun right before the verb.
_PRONOUN_BEFORE = re.compile(r"(?<![\w'])(?:I|we)\s+(?:(?:do|each)\s+)?(?:hereby\s+)?(?:each\s+)?\Z",
                             re.IGNORECASE)
#: ... and what a certifying verb goes on with ("I certify that", "I certify, pursuant to", "I
#: hereby certify:"), unlike a quip ("I certify nothing here").
_STATEMENT_AFTER = re.compile(r"\s*(?:[,:]|that\b|pursuant\b|to\s+(?:the\s+best\s+of\s+)?my\b)",
                              re.IGNORECASE)
_UNDERSIGNED = re.compile(r"\bundersigned\b", re.IGNORECASE)
#: "Jane Doe, Chief Executive Officer, certifies, to her knowledge, that": after "certifies".
_THAT_AFTER = re.compile(r",?\s+(?:[^\n]{0,250}?,\s*)?that\b", re.IGNORECASE)
_REVIEWED = re.compile(r"\bI\s+have\s+reviewed\s+th(?:is|e)\b[^\n]{0,200}?\breport\b", re.IGNORECASE)
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


FIRST_PERSON = "a first-person certification (I, NAME, certify)"
HEREBY = "a statement that the signer hereby certifies"
UNDERSIGNED = "a statement that the undersigned certifies"
THIRD_PERSON = "a third-person certification (NAME, TITLE, certifies ... that)"
REVIEWED = "the 302's opening (I have reviewed this ... report)"
STATEMENTS_906 = "the 906 statements (fully complies, fairly presents)"
TITLE = "a certification's title"
REASONS = (FIRST_PERSON, HEREBY, UNDERSIGNED, THIRD_PERSON, REVIEWED, STATEMENTS_906, TITLE)


class Recognition(Struct, frozen=True):
    """Why a document counts as a certification: what it says and where (prose offsets)."""

    reason: str
    start: int
    end: int


def without_quotes(text: str) -> str:
    """`text` with each quoted passage blanked out (same length, so offsets still hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


class _Lowercase:
    """The lowercase text, to tell where a case-insensitive match of a literal can first start."""

    def __init__(self, plain: str) -> None:
        self.text = plain.lower()
        self._size = len(plain)
        #: Offsets of the lowercase text are the text's (lowercasing may lengthen a text).
        self.aligned = len(self.text) == len(plain)
        self._odd = odd_letters_in(plain)

    def first(self, literal: str) -> int:
        """Where a match that starts with `literal` can first start: the literal's first place
        in the lowercase text, -1 when it is not there. When offsets moved, or the text holds a
        letter that matches one of the literal's beyond its lowercase (`views.ALSO_MATCHES`),
        anywhere (0)."""
        if not self.aligned or any(letter in literal for letter in self._odd):
            return 0
        return self.text.find(literal)

    def verbs(self, plain: str) -> Iterator[re.Match[str]]:
        """The uses of the verb, looked for only where "certif" stands."""
        if not self.aligned or "i" in self._odd:
            return _VERB.finditer(plain)
        return matches_in(_VERB, plain, around(self.text, "certif", len("certifies"), self._size))


def statements(text: str, first_only: bool = False) -> list[Recognition]:
    """Every kind of certification statement a prose text makes, each at its first place, in
    the order `recognise_text` prefers them (a certifier's own words first). The searches over
    the whole text start where their first word first stands, or do not run without it.

    With `first_only`, only the first of that order is wanted (`recognise_text`): the search
    stops once it is known, as the kinds found are final at their first place. Most
    certifications say "I, NAME, certify" at the top, and need nothing else looked for."""
    plain = without_quotes(text)
    found: dict[str, Recognition] = {}
    lowercase = _Lowercase(plain)
    first = lowercase.first
    undersigned_at = first("undersigned")

    def note(reason: str, start: int, end: int) -> None:
        found.setdefault(reason, Recognition(reason, start, end))

    for count, verb in enumerate(lowercase.verbs(plain)):
        if count == MAX_VERBS or len(found) == 4 or (first_only and FIRST_PERSON in found):
            break
        line = plain.rfind("\n", 0, verb.start()) + 1
        low = max(line, verb.start() - REACH)
        # Each reason is kept at its first place: what is found already is not looked for again.
        comma = _COMMA_BEFORE.search(plain, max(low, verb.start() - 30), verb.start())
        if FIRST_PERSON not in found:
            who = _SUBJECT.search(plain, low, comma.start()) if comma is not None else None
            if who is None and _STATEMENT_AFTER.match(plain, verb.end()) is not None:  # "I certify that"
                who = _PRONOUN_BEFORE.search(plain, max(low, verb.start() - 30), verb.start())
            if who is not None:
                note(FIRST_PERSON, who.start(), verb.end())
        if HEREBY not in found and (hereby := _HEREBY_BEFORE.search(
                plain, max(low, verb.start() - 20), verb.start())) is not None:
            note(HEREBY, hereby.start(), verb.end())
        if UNDERSIGNED not in found and undersigned_at >= 0 and (undersigned := _UNDERSIGNED.search(
                plain, low, verb.start())) is not None:
            note(UNDERSIGNED, undersigned.start(), verb.end())
        if THIRD_PERSON not in found and comma is not None and verb.group().lower() == "certifies" \
                and (that := _THAT_AFTER.match(plain, verb.end())) is not None:
            note(THIRD_PERSON, comma.start(), that.end())
    if first_only and found:  # the verb's kinds come first: the one found first of them
        return [found[reason] for reason in REASONS if reason in found][:1]
    if first("reviewed") >= 0 and (match := _REVIEWED.search(plain)) is not None:
        note(REVIEWED, match.start(), match.end())
        if first_only:
            return [found[REVIEWED]]
    fully, fairly = first("fully"), first("fairly")
    complies = _FULLY_COMPLIES.search(plain, fully) if fully >= 0 else None
    presents = _FAIRLY_PRESENTS.search(plain, fairly) if fairly >= 0 and complies is not None else None
    if complies is not None and presents is not None:
        note(STATEMENTS_906, min(complies.start(), presents.start()), max(complies.end(), presents.end()))
        if first_only:
            return [found[STATEMENTS_906]]
    # A title is a line of its own: the first that can be one holds the first "certification".
    title_at = first("certification")
    if title_at >= 0 and (match := _TITLE.search(plain, plain.rfind("\n", 0, title_at) + 1,
                                                 TITLE_REACH)) is not None:
        note(TITLE, match.start(), match.end())
    return [found[reason] for reason in REASONS if reason in found]


def recognise_text(text: str) -> Recognition | None:
    """The certification statement a prose text makes (None: it makes none)."""
    found = statements(text, first_only=True)
    return found[0] if found else None


@per_document()
def recognise(doc: Document) -> Recognition | None:
    """The certification statement `doc` makes (None: it is not a certification)."""
    return recognise_text(doc.prose.text)


def is_certification(doc: Document) -> bool:
    """Whether `doc` makes a certification statement (see the module's docstring)."""
    return recognise(doc) is not None
