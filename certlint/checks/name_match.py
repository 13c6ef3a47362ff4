"""The names the `name-match` consistency check compares: each signature's conformed and typed
names against the body's name for it (or the conformed signature), and which party of the body
a signature is. Read once per statement and nickname table: the rule that reports every
difference and the one that reports only the variants of one name read the same comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher
from functools import lru_cache

from certlint.analysis.memo import per_document
from certlint.analysis.parties import Party, Statement
from certlint.analysis.signatures import Signature, Span, name_tokens, squash
from certlint.checks.name_compare import Difference, name_differences


def _words(span: Span) -> list[Span]:
    return name_tokens([span])


#: A name compared with the reference name: what it is, what the reference is, and every
#: difference with whether it is a variant of one name.
_Comparison = tuple[str, str, list[tuple[Difference, bool]]]


@per_document()
def _compared(st: Statement) -> dict[frozenset[tuple[str, str]], list[_Comparison]]:
    """A statement's name comparisons by nickname table, each made once: the name-match rules
    (every difference, only the variants) read the same ones."""
    return {}


def name_comparisons(st: Statement, nicknames: Mapping[str, str],
                     key: frozenset[tuple[str, str]]) -> list[_Comparison]:
    """For each signature of the statement, in order, its names against the reference name: the
    body's (the "I, [name]" line's) when it names the signer, else the conformed signature."""
    known = _compared(st)
    found = known.get(key)
    if found is not None:
        return found
    found = known[key] = []
    for sig in st.signatures:
        party = party_for(st, sig)
        conformed = name_tokens(list(sig.conformed))
        typed = _words(sig.name) if sig.name else []
        body = "'I, [name]' line" if st.person == "I" else "body"
        if party is not None and typed and squash(sig.name.text if sig.name else "") == \
                squash(sig.conformed_text) != squash(party.name.text):
            # The signature and the typed name agree: the body's name is the odd one out.
            reference, where = typed, "signature"
            pairs = [(_words(party.name), body)]
        elif party is not None:
            reference, where = _words(party.name), body
            pairs = [(conformed, "conformed signature"), (typed, "typed name")]
        else:
            reference, where = conformed, "conformed signature"
            pairs = [(typed, "typed name")]
        found.extend((what, where, name_differences(reference, tokens, nicknames)) for tokens, what in pairs)
    return found


def party_for(st: Statement, sig: Signature) -> Party | None:
    """The body's party for a signature: same surname, or the closest name."""
    if not st.parties:
        return None
    if st.person == "I" and sig is st.signatures[0]:
        return st.parties[0]  # "I, [name]": the first signature is that officer's, whatever its spelling
    name = squash(sig.display_name)
    best, score = None, 0.0
    for party in st.parties:
        ratio = _similarity(squash(party.name.text), name)
        if ratio > score:
            best, score = party, ratio
    return best if score >= 0.6 else None


@lru_cache(maxsize=4096)
def _similarity(one: str, other: str) -> float:
    """difflib's ratio of two squashed names, once per distinct pair (a filing repeats its
    officers' names in every block); equal names are 1.0 without the comparison."""
    # (difflib junks popular characters of a string of 200 or more: there equal may score less.)
    if one == other and len(one) < 200:
        return 1.0
    return SequenceMatcher(None, one, other).ratio()
