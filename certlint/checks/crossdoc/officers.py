"""`same-officer` and `officer-variant`: one officer, spelled one way across a filing's exhibits.

`same-person` (CL604) knows a person by surname and first initial, so "Rafael T. Quint" in 31.2
and "Rafael T. Quinn" in 32.1 are two people to it and neither is reported. Here an officer is
known by role and a close name: two signers who share a role (the principal executive or
financial officer, read from the title and role designation) and a word of their name, the
other words a letter or two apart, are one officer. The odd spelling (the rarer one; on a tie
the one not in a 302 certification, whose form is prescribed, then the later exhibit) is
reported at its first differing word, naming the exhibit with the usual spelling:

- `same-officer`: a changed letter or initial (an error; CL604's when the surname and first
  initial agree, so not repeated here);
- `officer-variant`: only a middle initial, a suffix or a short form of the first name left out
  or added ("Chris" for "Christopher"): the same officer, a warning.

Signers with no role read, roles that differ, or names that share no word or differ by more
than a slip of the pen are different officers: nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from certlint.analysis.signatures import name_tokens, squash
from certlint.checks.crossdoc.people import Signer, signers
from certlint.checks.name_compare import name_differences
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.analysis.signatures import Span
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document

_PEO = re.compile(r"\b(?:chief|principal) executive\b|\bceo\b|\bpeo\b|(?<!vice )(?<!vice-)\bpresident\b",
                  re.IGNORECASE)
_PFO = re.compile(r"\b(?:chief|principal) (?:financial|accounting)\b|\b(?:cfo|cao|pfo|pao)\b|"
                  r"\btreasurer\b|\bc(?:on|omp)troller\b", re.IGNORECASE)
_OFFICERS = {"PEO": "principal executive officer", "PFO": "principal financial officer"}
#: How alike two spellings of one word must be to be one word misspelt (difflib's ratio):
#: "Quint"/"Quinn" 0.8, "Smith"/"Smyth" 0.8; "Quint"/"Smith" 0.2 is another person.
_CLOSE = 0.7


def roles(signer: Signer) -> frozenset[str]:
    """The roles a signer's title and role designation name (PEO, PFO), none if unsure."""
    sig = signer.signature
    text = " ".join([sig.title_text, *(role.text for role in sig.roles)])
    return frozenset(role for role, pattern in (("PEO", _PEO), ("PFO", _PFO)) if pattern.search(text))


def _tokens(signer: Signer) -> list[Span]:
    sig = signer.signature
    return name_tokens([sig.name] if sig.name is not None else list(sig.conformed))


def _close(one: str, other: str) -> bool:
    return SequenceMatcher(None, squash(one), squash(other)).ratio() >= _CLOSE


def _compare(reference: Signer, signer: Signer,
             nicknames: Mapping[str, str]) -> tuple[Span, str, bool] | None:
    """(where, what part, variant) of the first difference when `signer` reads as
    `reference`'s officer misspelt or varied; None when alike or another person."""
    differences = name_differences(_tokens(reference), _tokens(signer), nicknames)
    if not differences or any(part == "name" for (_, part, _, _), _ in differences):
        return None
    for (_, part, found, expected), variant in differences:
        if not variant and part == "spelling" and not _close(found, expected):
            return None  # a word of the name replaced by another: another person
    (span, part, _, _), _ = differences[0]
    return span, part, all(variant for _, variant in differences)


def _officers(filing: Filing, nicknames: Mapping[str, str]) -> Iterator[tuple[str, list[Signer]]]:
    """Each role with its signers, grouped into officers by close names (document order)."""
    everyone = [(s, roles(s)) for s in signers(filing) if s.name.strip()]
    for role in ("PEO", "PFO"):
        groups: list[list[Signer]] = []
        for signer in (s for s, found in everyone if role in found):
            group = next((g for g in groups if any(squash(o.name) == squash(signer.name)
                                                   or _compare(o, signer, nicknames) for o in g)), None)
            if group is None:
                groups.append([signer])
            else:
                group.append(signer)
        for group in groups:
            if len({id(s.document) for s in group}) > 1:
                yield role, group


def _usual(group: list[Signer]) -> Signer:
    """The signer with the usual spelling: the most frequent, then one in a 302, then the first."""
    counts: dict[str, int] = {}
    for signer in group:
        counts[squash(signer.name)] = counts.get(squash(signer.name), 0) + 1
    return max(group, key=lambda s: (counts[squash(s.name)], s.kind == "302", -group.index(s)))


def _findings(filing: Filing, variants: bool,
              nicknames: Mapping[str, str]) -> Iterator[tuple[Document, Finding]]:
    seen: set[tuple[int, int]] = set()  # one finding per signature, though it may hold two roles
    for role, group in _officers(filing, nicknames):
        reference = _usual(group)
        for signer in group:
            if squash(signer.name) == squash(reference.name):
                continue
            compared = _compare(reference, signer, nicknames)
            if compared is None or compared[2] != variants:
                continue
            if not variants and signer.key == reference.key:
                continue  # same surname and first initial: CL604 reports it
            span, part, _ = compared
            if (id(signer.document), span.start) in seen:
                continue
            seen.add((id(signer.document), span.start))
            yield signer.document, Finding(span.start, span.end, {
                "found": signer.name, "expected": reference.name, "part": part,
                "officer": _OFFICERS[role], "other": reference.document.path})


def check_officer(filing: Filing,
                  nicknames: Mapping[str, str] | None = None) -> Iterator[tuple[Document, Finding]]:
    """The same officer's name misspelt in one exhibit."""
    yield from _findings(filing, False, nicknames or {})


def check_variant(filing: Filing,
                  nicknames: Mapping[str, str] | None = None) -> Iterator[tuple[Document, Finding]]:
    """The same officer's name varied (middle initial, suffix, a short first name or a nickname
    from `nicknames`: Bill for William) in one exhibit."""
    yield from _findings(filing, True, nicknames or {})
