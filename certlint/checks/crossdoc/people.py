"""`same-person`, `same-title` and `roles`: who signs the exhibits of a filing.

A person is recognised across exhibits by surname and first initial; their name is compared
case- and whitespace-insensitively (the "/S/ ARNOLD P. KLING" of one exhibit is the "Arnold P.
Kling" of another), their title as written. Roles (PEO, PFO) come from the title and the role
designation, read by the `title` kind's table (`TitleCheck.signer_roles`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.parties import certification_kind
from certlint.analysis.signatures import SUFFIXES, Signature, Span, name_tokens, signatures
from certlint.checks.name_compare import name_differences
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing
    from certlint.checks.title import TitleCheck
    from certlint.document import Document

_WORDS = re.compile(r"[^\W\d_]+")


class Signer(Struct, frozen=True):
    document: Document
    kind: str
    signature: Signature

    @property
    def name_span(self) -> Span | None:
        sig = self.signature
        return sig.name or (sig.conformed[-1] if sig.conformed else None)

    @property
    def name(self) -> str:
        return self.signature.display_name

    @property
    def key(self) -> tuple[str, str] | None:
        """(surname, first initial), lower case: the same person in every exhibit."""
        words = [w.lower() for w in _WORDS.findall(self.name) if w.lower() not in SUFFIXES]
        words = [w for w in words if len(w) > 1] or words
        return (words[-1], words[0][0]) if words else None


def signers(filing: Filing) -> list[Signer]:
    """Every signature of the filing's certifications, with the kind of its document."""
    found: list[Signer] = []
    for member in filing.members:
        kind = certification_kind(member.document, member.facts.exhibit)
        if kind not in ("302", "906"):
            continue
        found.extend(Signer(member.document, kind, sig) for sig in signatures(member.document))
    return found


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def _disagreeing(group: list[Signer], value: str) -> Iterator[tuple[Signer, Signer]]:
    """(signer whose `value` differs from the usual one, a signer with the usual one)."""
    values = [_normal(getattr(s.signature, value) if value != "name" else s.name) for s in group]
    usual = Counter(values).most_common(1)[0][0]
    reference = group[values.index(usual)]
    for signer, normal in zip(group, values, strict=True):
        if normal != usual:
            yield signer, reference


def check_person(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """The same person's name is spelled alike in every exhibit."""
    for group in _people(filing).values():
        for signer, reference in _disagreeing(group, "name"):
            span = signer.name_span
            if _variant(reference, signer):
                continue  # a middle initial, suffix or short first name: `officer-variant` warns
            if span is not None:
                yield signer.document, Finding(span.start, span.end, {
                    "found": signer.name, "expected": reference.name,
                    "other": reference.document.path})


def _variant(reference: Signer, signer: Signer) -> bool:
    """Whether the two names differ only as variants of one name ("Arnold Kling", "Arnold P.
    Kling"), which is a warning of its own, not a misspelling."""
    words = [name_tokens([s.name_span]) if s.name_span else [] for s in (reference, signer)]
    differences = name_differences(words[0], words[1])
    return bool(differences) and all(variant for _, variant in differences)


def check_title(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """The same person's title is written alike in every exhibit."""
    for group in _people(filing).values():
        titled = [s for s in group if s.signature.titles]
        if len(titled) < 2:
            continue
        for signer, reference in _disagreeing(titled, "title_text"):
            titles = signer.signature.titles
            yield signer.document, Finding(titles[0].start, titles[-1].end, {
                "name": reference.name, "found": signer.signature.title_text,
                "expected": reference.signature.title_text, "other": reference.document.path})


def _people(filing: Filing) -> dict[tuple[str, str], list[Signer]]:
    people: dict[tuple[str, str], list[Signer]] = defaultdict(list)
    for signer in signers(filing):
        if signer.key is not None:
            people[signer.key].append(signer)
    return {key: group for key, group in people.items()
            if len({id(s.document) for s in group}) > 1}


def check_roles(filing: Filing, roles: TitleCheck) -> Iterator[tuple[Document, Finding]]:
    """The principal executive and principal financial officers each have a 302 certification,
    and the 906 statements of the filing are signed by both roles."""
    everyone = signers(filing)
    for kind, what in (("302", "a Section 302 certification"), ("906", "a Section 906 statement")):
        of_kind = [s for s in everyone if s.kind == kind]
        if not of_kind:
            continue  # the filing holds no exhibit of this kind to judge
        covered = set().union(*(roles.signer_roles(s.signature) for s in of_kind))
        for role, officer in (("PEO", "principal executive officer"),
                              ("PFO", "principal financial officer")):
            if role in covered:
                continue
            elsewhere = next((s for s in everyone if s.kind != kind
                              and role in roles.signer_roles(s.signature)), None)
            if elsewhere is not None and elsewhere.name_span is not None:
                span = elsewhere.name_span
                yield elsewhere.document, Finding(span.start, span.end, {
                    "officer": officer, "what": what,
                    "detail": f"{elsewhere.name} signs this exhibit as {officer} but no "
                              f"{what[2:]} of the filing is signed by them"})
            else:
                first = of_kind[0]
                where = first.signature.marker
                yield first.document, Finding(where.start, where.end, {
                    "officer": officer, "what": what,
                    "detail": f"no {what[2:]} of this filing is signed by the {officer}"})
