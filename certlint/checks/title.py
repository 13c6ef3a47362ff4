"""`title`: officer titles in signature blocks, their role designations, and agreement with the body.
One kind, several checks, chosen by the rule's `check` key (all read `certlint.analysis.signatures`):

- `vocabulary`: the words of a signature's title lines are title words (`vocabulary`, plurals,
  `allow`, connectives). A word one or two edits from a title word is reported with the
  spelling kind's suggestion, unless it is one the spelling rules (CL301) already report; with
  `unknown_words: true` every other word is reported too (companies' titles hold many words).
- `casing`: the title words of a title line in Title Case, or the line in capitals.
- `role`: the signer's title or role designation identifies a certifying officer: a role from
  `designations` ("(Principal Executive Officer)") or a phrase of `role_titles` ("President",
  "Treasurer"; a phrase after "Vice", "Assistant" or "Deputy" names another office). Only
  roles listed in `certifying_roles` count. Asset-backed certifications are not checked.
- `designation`: an officer designation in parentheses must be one of `designations` (or
  several joined by "and"); a misspelling the spelling rules report is left to them.
- `agreement`: the title given to a person in the body ("I, X, President of the Company") or a
  heading ("CERTIFICATION BY X AS CHIEF EXECUTIVE OFFICER") agrees with that person's signature;
  a heading naming an office but no one ("CERTIFICATION OF CHIEF FINANCIAL OFFICER") names a
  role of each signer under it. `homophones` ("principle": "Principal") are read as the title
  word they stand for.

    kind: title
    check: role
    role_titles: {PEO: [Chief Executive Officer, President], PFO: [Chief Financial Officer]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from certlint.analysis.parties import certification_kind, statements
from certlint.analysis.signatures import CONNECTIVES, Signature, Span, signatures
from certlint.checks import spelling, title_support
from certlint.checks.title_headings import headings_by
from certlint.checks.title_memo import TextMemo, own_roles, remembered, same
from certlint.checks.title_options import SCHEMA as SCHEMA
from certlint.checks.title_options import read_options
from certlint.checks.title_support import (
    ABBREVIATIONS,
    WORD,
    designation_pattern,
    edits_within,
    one_edit,
    phrases_pattern,
    shared_prefix,
    signature_for,
    split_titles,
)
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "title"


class TitleCheck(Struct, frozen=True):
    check_name: str
    vocabulary: frozenset[str] = frozenset()
    designations: Mapping[str, str] = field(default_factory=dict)
    role_titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    certifying_roles: frozenset[str] = frozenset()
    speller: spelling.TitleSpelling | None = None
    unknown_words: bool = False
    homophones: Mapping[str, str] = field(default_factory=dict)
    memo: TextMemo = field(default_factory=TextMemo)

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        kind = certification_kind(doc, context.facts.exhibit)
        if self.check_name == "agreement":
            yield from self._agreement(doc)
            return
        for sig in signatures(doc):
            if self.check_name == "vocabulary":
                yield from self._vocabulary(sig)
            elif self.check_name == "casing":
                yield from self._casing(sig, kind)
            elif self.check_name == "designation":
                yield from self._designation(sig)
            elif kind in ("302", "906"):
                yield from self._role(doc, sig)

    # -- words ---------------------------------------------------------------------------
    def _known(self, word: str) -> bool:
        lower = word.lower().removesuffix("'s")
        return lower in CONNECTIVES or lower in self.vocabulary or lower.rstrip("s") in self.vocabulary

    def _typo(self, word: str) -> str | None:
        """The title word `word` misspells: one edit away (two for words of 7 letters or more)."""
        if self.speller is None or len(word) < 4:
            return None
        best = self.speller._closest(word.lower())  # the spelling kind's matcher, reused
        if best is None or (len(word) < 7 and not edits_within(word, best, 1)):
            return None
        if len(word) >= 7 and shared_prefix(word.lower(), best.lower()) >= len(word) - 3:
            return None  # another form of the word ("Administrative", "Operational"), not a typo
        return best

    def _vocabulary(self, sig: Signature) -> Iterator[Finding]:
        for line in (*sig.titles, *sig.roles):
            for match in WORD.finditer(line.text):
                word = match.group()
                if self._known(word):
                    continue
                suggestion = self._typo(word)
                if suggestion is not None and one_edit(word, suggestion):
                    continue  # CL301 (spelling) reports it
                if suggestion is None and not self.unknown_words:
                    continue  # a word of the company's own titles ("Chief Growth Officer")
                cased = spelling.match_case(word, suggestion) if suggestion else None
                args = {"word": word, "title": line.text, "suggestion": cased or ""}
                detail = None if cased else f"'{word}' in the title '{line.text}' is not a title word"
                yield Finding(line.start + match.start(), line.start + match.end(), args,
                              suggestion=cased, detail=detail)

    def _casing(self, sig: Signature, kind: str | None) -> Iterator[Finding]:
        # A role in parentheses is checked when it is a known designation: "(Senior officer in
        # charge of securitization)" is the asset-backed rule's own wording, not a title.
        # A designation wholly in lower case, "(principal executive officer)", is a common style.
        known_roles = [r for r in sig.roles if self._designation_roles(r.text) is not None
                       and kind != "abs" and not r.text.islower()]
        for line in (*sig.titles, *known_roles):
            letters = [c for c in line.text if c.isalpha()]
            if letters and all(c.isupper() for c in letters):
                continue
            for match in WORD.finditer(line.text):
                word = match.group()
                lower = word.lower()
                if lower in CONNECTIVES or (lower.upper() == word and len(word) <= 4):
                    continue
                if lower not in self.vocabulary:
                    continue  # a word of the company's own ("eCommerce"): its casing is its own
                expected = word[:1].upper() + word[1:].lower()
                if word != expected and not (word.isupper() and len(word) <= 4):
                    yield Finding(line.start + match.start(), line.start + match.end(),
                                  {"word": word, "title": line.text, "suggestion": expected},
                                  suggestion=expected)
                    break

    # -- roles ---------------------------------------------------------------------------
    @remembered(set)
    def roles_of(self, text: str) -> set[str]:
        """Roles a title implies (phrases of `role_titles`), "Chief Financial and Administrative
        Officer" read as "Chief Financial Officer and Chief Administrative Officer"."""
        text = title_support.DISTRIBUTED.sub(lambda m: f"{m[1]} {m[2]} {m[4]} and {m[1]} {m[3]} {m[4]}", text)
        found = set()
        for role, phrases in self.role_titles.items():
            for match in phrases_pattern(phrases).finditer(text):
                if not title_support.OTHER_OFFICE.search(text[:match.start()]):
                    found.add(role)
                    break
        return found

    def _designation_roles(self, text: str) -> set[str] | None:
        """Roles of a designation like "Principal Executive Officer and Principal Financial Officer"."""
        inner = " ".join(text.strip("() ").split()).lower()
        known = {key.lower(): role for key, role in self.designations.items()}
        if inner in known:
            return {known[inner]}
        parts = [p.strip() for p in title_support.DESIGNATION_PARTS.split(inner) if p.strip()]
        if len(parts) > 1 and all(p in known for p in parts):
            return {known[p] for p in parts}
        return None

    @remembered(same)
    def _corrected(self, text: str) -> str:
        """`text` with misspelled title words corrected (the spelling rules report those)."""
        if self.speller is None:
            return text
        return WORD.sub(lambda m: m.group() if self._known(m.group())
                         else (self.homophones.get(m.group().lower()) or self._typo(m.group())
                               or m.group()), text)

    def signer_roles(self, sig: Signature) -> set[str]:
        """The roles (PEO, PFO...) a signature's title and role designation say its signer has.

        Also used by the cross-document rules, which ask who certifies in which capacity."""
        roles = self.roles_of(self._corrected(sig.title_text))
        for span in sig.roles:
            corrected = self._corrected(span.text)
            # "(Principal Executive and Financial Officer)": both roles, whatever the table says.
            roles |= (self._designation_roles(corrected) or set()) | self.roles_of(corrected)
        return roles

    def _role(self, doc: Document, sig: Signature) -> Iterator[Finding]:
        if self.signer_roles(sig) & self.certifying_roles:
            return
        title = sig.title_text or " ".join(r.text for r in sig.roles)
        if not title:
            # The signature block gives only the name: the body may give the role ("I, Jane
            # Doe, Interim Chief Executive Officer"); with neither, the reading is unsure.
            given = title_support.body_title(doc, sig)
            if given is None or self.roles_of(self._corrected(given)) & self.certifying_roles:
                return
            title = given
        if not sig.display_name.strip():
            return
        where = sig.titles[0] if sig.titles else (sig.conformed[-1] if sig.conformed else sig.marker)
        end = sig.titles[-1].end if sig.titles else where.end
        yield Finding(where.start, end, {"title": title, "name": sig.display_name})

    def _designation(self, sig: Signature) -> Iterator[Finding]:
        for span in sig.roles:
            # Only a designation of an officer: "(Interim)" or "(Retired)" qualifies the title.
            if self._designation_roles(span.text) is not None \
                    or not title_support.OFFICER.search(self._corrected(span.text)):
                continue
            if self.roles_of(self._corrected(span.text)) & self.certifying_roles:
                continue  # a title in parentheses, "(Chief Executive Officer)"
            if self._designation_roles(self._corrected(span.text)) is not None:
                continue  # a misspelled word: the spelling rules report it
            suggestion = title_support.closest_designation(span.text, self.designations)
            yield Finding(span.start, span.end, {"designation": span.text,
                                                 "suggestion": suggestion or ""},
                          suggestion=suggestion)

    # -- agreement -----------------------------------------------------------------------
    def _agreement(self, doc: Document) -> Iterator[Finding]:
        sigs = signatures(doc)
        for st in statements(doc):
            for party in st.parties:
                sig = signature_for(party.name.text, st.signatures or sigs)
                if party.title is not None and sig is not None:
                    yield from self._compare(party.title, party.name.text, sig)
        text = doc.prose.text
        first = min((s.marker.start for s in sigs), default=len(text))
        for match in headings_by(doc.prose, first):
            names = [n.strip(" ,") for n in title_support.NAMES_AND.split(match.group("names"))]
            titles = split_titles(match.group("titles"), len(names), match.start("titles"))
            for name, title in zip(names, titles, strict=False):
                sig = signature_for(name, sigs)
                if sig is not None and title is not None:
                    yield from self._compare(title, name, sig)
        yield from self._heading_roles(doc)

    def _heading_roles(self, doc: Document) -> Iterator[Finding]:
        """A heading naming no one ("CERTIFICATION OF CHIEF FINANCIAL OFFICER") and a signer whose
        role it does not name (the chief executive officer signs)."""
        text = doc.prose.text
        first = statements(doc)[0]
        if first.intro is None:
            return
        # The heading above the first statement speaks for that statement's signers only
        # (an exhibit may hold the CEO's and then, under its own heading, the CFO's).
        for match in title_support.HEADING_OF.finditer(text, 0, first.intro.start):
            group = "title" if match.group("title") else "title2"
            title = match.group(group)
            said, roles = self._take_designations(self._corrected(title))
            roles |= self.roles_of(said)
            if not roles:
                continue
            for sig in first.signatures:
                signed_text, _, signed_roles = self._signed(sig)
                if signed_roles and not signed_roles & roles:
                    args = {"title": title, "name": sig.display_name, "expected": signed_text}
                    yield Finding(match.start(group), match.end(group), args)

    def _signed(self, sig: Signature) -> tuple[str, str, set[str]]:
        """A signature's title with its roles: as written, without designations, and its roles."""
        signed_text = " ".join([sig.title_text, *(r.text for r in sig.roles)])
        plain, roles = self._take_designations(self._corrected(signed_text))
        return signed_text, plain, roles | self.roles_of(plain)

    def _compare(self, title: Span, name: str, sig: Signature) -> Iterator[Finding]:
        signed_text, signed_plain, signed_roles = self._signed(sig)
        said_text, said_roles = self._take_designations(self._corrected(title.text))
        said = self._title_words(said_text)
        signed = self._title_words(signed_plain)
        if (said and signed and not said <= signed) or not said_roles <= signed_roles:
            args = {"title": title.text, "name": name, "expected": signed_text}
            yield Finding(title.start, title.end, args)

    @remembered(own_roles)
    def _take_designations(self, text: str) -> tuple[str, set[str]]:
        """A title without its role designations ("Principal Executive Officer"), and their roles."""
        roles = set()
        for phrase in sorted(self.designations, key=len, reverse=True):
            if (pattern := designation_pattern(phrase)).search(text):
                roles.add(self.designations[phrase])
                text = pattern.sub(" ", text)
        return text, roles

    @remembered(set)
    def _title_words(self, text: str) -> set[str]:
        text = " ".join(ABBREVIATIONS.get(w.lower(), w) for w in text.split())
        words = set()
        for word in WORD.findall(text):
            lower = word.lower()
            if lower in CONNECTIVES or lower in ("company", "registrant"):
                continue
            fixed = lower if self._known(lower) else (self._typo(lower) or lower).lower()
            words.add(fixed.rstrip("s") if fixed.endswith("s") and fixed[:-1] in self.vocabulary else fixed)
        return words


def compile(options: Mapping[str, Any]) -> TitleCheck:
    return TitleCheck(*read_options(options))
