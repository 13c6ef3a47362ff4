"""Recognition looks for each kind of statement until it is found: the same statements, at the
same first places, as looking for every kind at every use of the verb."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis import kind
from certlint.analysis.kind import (
    _COMMA_BEFORE,
    _HEREBY_BEFORE,
    _PRONOUN_BEFORE,
    _STATEMENT_AFTER,
    _SUBJECT,
    _THAT_AFTER,
    _UNDERSIGNED,
    _VERB,
    MAX_VERBS,
    REACH,
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
