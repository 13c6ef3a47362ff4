"""Recognition looks for each kind of statement until it is found, and each search only where
its first word stands: the same statements, at the same first places, as looking for every kind
at every use of the verb and searching the whole text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis import kind
from certlint.analysis.kind import (
    _COMMA_BEFORE,
    _FAIRLY_PRESENTS,
    _FULLY_COMPLIES,
    _HEREBY_BEFORE,
    _PRONOUN_BEFORE,
    _REVIEWED,
    _STATEMENT_AFTER,
    _SUBJECT,
    _THAT_AFTER,
    _TITLE,
    _UNDERSIGNED,
    _VERB,
    MAX_VERBS,
    REACH,
    TITLE_REACH,
    Recognition,
)

FRAGMENTS = ["I, Jane Doe, ", "We, ", "I ", "we each ", "hereby ", "do ", "the undersigned ", "certify",
             "certifies", " that", ", ", ":", " pursuant to", " to my knowledge", "\n", "Jane Doe, CEO, ",
             "\"I certify\" ", "nothing ", "Each of ", "officer "]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


def _every_use(text: str) -> dict[str, Recognition]:
    """The verb loop looking for every kind at every use (the first place of each kept)."""
    plain = kind.without_quotes(text)
    found: dict[str, Recognition] = {}

    def note(reason: str, start: int, end: int) -> None:
        found.setdefault(reason, Recognition(reason, start, end))

    for count, verb in enumerate(_VERB.finditer(plain)):
        if count == MAX_VERBS or len(found) == 4:
            break
        line = plain.rfind("\n", 0, verb.start()) + 1
        low = max(line, verb.start() - REACH)
        comma = _COMMA_BEFORE.search(plain, max(low, verb.start() - 30), verb.start())
        who = _SUBJECT.search(plain, low, comma.start()) if comma is not None else None
        if who is None and _STATEMENT_AFTER.match(plain, verb.end()) is not None:
            who = _PRONOUN_BEFORE.search(plain, max(low, verb.start() - 30), verb.start())
        if who is not None:
            note(kind.FIRST_PERSON, who.start(), verb.end())
        if (hereby := _HEREBY_BEFORE.search(plain, max(low, verb.start() - 20), verb.start())) is not None:
            note(kind.HEREBY, hereby.start(), verb.end())
        if (undersigned := _UNDERSIGNED.search(plain, low, verb.start())) is not None:
            note(kind.UNDERSIGNED, undersigned.start(), verb.end())
        if comma is not None and verb.group().lower() == "certifies" \
                and (that := _THAT_AFTER.match(plain, verb.end())) is not None:
            note(kind.THIRD_PERSON, comma.start(), that.end())
    return found


@settings(max_examples=1500, deadline=None)
@given(text=TEXTS)
def test_the_statements_are_those_of_looking_at_every_use(text: str) -> None:
    verb_reasons = (kind.FIRST_PERSON, kind.HEREBY, kind.UNDERSIGNED, kind.THIRD_PERSON)
    expected = _every_use(text)
    assert [r for r in kind.statements(text) if r.reason in verb_reasons] == \
        [expected[reason] for reason in kind.REASONS if reason in expected]


#: Besides the verb's fragments: the other statements, letters that match "i" and "s" beyond
#: their lowercase ("\u0131", "\u017f") or lowercase to two characters ("\u0130"), and filler
#: that pushes a title past its reach.
MORE = [*FRAGMENTS, "I have reviewed this annual report", "I have reviewed th", "fully complies", "Fully\n  Compl",
        "y", "ies", "fairly presents", "FAIRLY  present", "CERTIFICATION PURSUANT TO ", "Section 302",
        "section 906 ", "certifications", "cert\u0131fy", "\u0131", "\u0130", "\u017f", "x" * 120, "\n",
        "Undersigned ", "undersıgned "]
MORE_TEXTS = st.lists(st.sampled_from(MORE), max_size=30).map("".join)


def _scanned(text: str) -> list[Recognition]:
    """Every statement, the searches run over the whole text."""
    found = _every_use(text)
    plain = kind.without_quotes(text)

    def note(reason: str, match: re.Match[str] | None, end: int | None = None) -> None:
        if match is not None:
            found.setdefault(reason, Recognition(reason, match.start(), match.end() if end is None else end))

    note(kind.REVIEWED, _REVIEWED.search(plain))
    complies, presents = _FULLY_COMPLIES.search(plain), _FAIRLY_PRESENTS.search(plain)
    if complies is not None and presents is not None:
        found.setdefault(kind.STATEMENTS_906, Recognition(
            kind.STATEMENTS_906, min(complies.start(), presents.start()), max(complies.end(), presents.end())))
    note(kind.TITLE, _TITLE.search(plain, 0, TITLE_REACH))
    return [found[reason] for reason in kind.REASONS if reason in found]


@settings(max_examples=3000, deadline=None)
@given(text=MORE_TEXTS)
def test_the_statements_are_those_of_searching_the_whole_text(text: str) -> None:
    assert kind.statements(text) == _scanned(text)


@pytest.mark.parametrize("text", [
    "I, Jane Doe, cert\u0131fy that", "Fully compl\u0131es and fairly presents", "\u0130 have reviewed this report",
    "CERTIFICATION\nx\nCertification pursuant to Section 906", "x" * 1990 + "\nCertification pursuant to",
    "I have reviewed this report\nthe undersigned certifies that", "the unders\u0131gned hereby certifies that",
    "The undersigned, being the CEO, hereby certifies that"])
def test_each_search_finds_what_the_whole_text_does(text: str) -> None:
    assert kind.statements(text) == _scanned(text)


@settings(max_examples=3000, deadline=None)
@given(text=MORE_TEXTS)
def test_recognition_stops_at_the_statement_it_prefers(text: str) -> None:
    every = kind.statements(text)
    assert kind.recognise_text(text) == (every[0] if every else None)
    assert kind.statements(text, first_only=True) == every[:1]
