"""`consistency`: names and parties agree between the body and the signatures of a certification.

One kind, several checks, chosen by the rule's `check` key (each needs the same parse of the
signature blocks and intro lines, `certlint.analysis.signatures` and `certlint.analysis.parties`):

- `name-match`: the name in "I, [name], certify" (or "we, X and Y") equals the conformed
  signature and the typed name, case and whitespace aside; the first differing word is reported
  (`checks.name_compare`). `variants: only` reports only the variants of one name (a middle
  initial or suffix left out, a nickname from `nicknames`), `exclude` (the default) all else.
  Without an intro, the typed name is compared with "/s/".
- `signer-count`: a 302 certification (not asset-backed) is signed by exactly one officer, who
  speaks as "I" (Item 601(b)(31)(i): "a separate certification for each ... officer").
- `intro-title`: a title in a 302 intro line ("I, Jane Doe, Chief Executive Officer, certify").
- `intro-comma`: "I Jane Doe, certify" (the form is "I, [name], certify").
- `parties`: a 906 statement names in its body exactly the people who sign it. A third-person
  statement naming nobody ("Each of the undersigned", "the undersigned officer") is left alone:
  the signatures are its only names, deliberately.
- `person`: an "undersigned" statement that slips into the first person ("the undersigned
  officer ... certifies that, to my knowledge").
- `conformed-mark`: a signature typed without "/s/" (Regulation S-T Rule 302(a) accepts a typed
  name, a reviewer asks for the conformed form), or a "/s/" with no name.
- `dated`: a 302 certification whose signature block has a blank "Date:"; with `missing: true`,
  instead one with no date at all (silent when any other date is written: it may be the date).
- `registrant-name`: the registrant's name is spelled the same everywhere in a document, and as
  `context.facts.company` when that is configured ("Innovo Group Inc." vs "Innovo Group, Inc.").

    kind: consistency
    check: name-match
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from certlint.analysis.dates.roles import analysis_of
from certlint.analysis.dates.windows import Window, matches_in, merge
from certlint.analysis.parties import Statement, certification_kind, statements
from certlint.analysis.signatures import squash, unsigned_area
from certlint.checks.base import OptionError
from certlint.checks.name_match import name_comparisons, party_for
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "consistency"
CHECKS = ("name-match", "signer-count", "intro-title", "intro-comma", "parties", "person",
          "registrant-name", "conformed-mark", "dated")
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": list(CHECKS), "description": "Which consistency check the rule runs."},
        "variants": {"enum": ["exclude", "only"], "default": "exclude",
                     "description": "name-match: leave out (exclude) or report only (only) the "
                                    "variants of one name: a middle initial or suffix left out, "
                                    "a nickname, a first name cut to its initial."},
        "missing": {"type": "boolean", "default": False,
                    "description": "dated: report a certification with no date at all, not only "
                                   "a blank 'Date:'."},
        "nicknames": {"type": "object", "additionalProperties": {"type": "string"},
                      "description": "name-match: nicknames mapped to the given name (chris: "
                                     "christopher), besides short forms of the name itself."},
    },
    "required": ["check"],
}

#: A company name: up to twelve capitalised words before a corporate suffix. The bound keeps the
#: search linear on a long run of capitalised words with no suffix (unbounded, every start
#: position scanned to the run's end: quadratic).
_COMPANY = re.compile(
    r"(?<![\w-])(?:[A-Z0-9][\w&'.-]*,? (?:and )?){1,12}?"
    r"(?:Inc|Incorporated|Corporation|Corp|Company|Co|LLC|L\.L\.C|L\.P|Ltd|plc|N\.A|Trust(?: \d{4}-\w+)?)"
    r"(?![\w-])\.?")
#: Where a `_COMPANY` match can end: a suffix its lookahead allows ("Trust 2004-A" starts as "Trust").
_SUFFIX = re.compile(r"(?:Inc|Incorporated|Corporation|Corp|Company|Co|LLC|L\.L\.C|L\.P|Ltd|plc|N\.A|Trust)"
                     r"(?![\w-])")
#: A character no `_COMPANY` match holds.
_NOT_IN_NAME = re.compile(r"[^\w&'., -]")
#: A word between spaces that can be a whole word of a `_COMPANY` name (or its "and").
_NAME_WORD = re.compile(r"[A-Z0-9][\w&'.-]*,?|and")
#: The most words before a `_COMPANY` suffix: twelve, each perhaps with its "and".
_NAME_WORDS = 24
_UNDERSIGNED_LINE = re.compile(r"\bundersigned\b[^\n]*")
_SPACES = re.compile(r"\s+")
_FIRST_PERSON = re.compile(r"\b(?:my|me)\b|(?<![\w'(])I(?![\w')])")


class Consistency(Struct, frozen=True):
    check_name: str
    variants: str = "exclude"
    nicknames: Mapping[str, str] = field(default_factory=dict)
    missing: bool = False
    #: `nicknames` as a key: rules with the same table share their name comparisons.
    nickname_key: frozenset[tuple[str, str]] = frozenset()

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        if self.check_name == "registrant-name":
            yield from _registrant(doc, context.facts.company)
            return
        kind = certification_kind(doc, context.facts.exhibit)
        if kind in (None, "abs") and self.check_name != "name-match":
            return
        run = _RUNS[self.check_name]
        for statement in statements(doc):
            yield from run(self, doc, statement, kind)

    def _name_match(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        for what, where, differences in name_comparisons(st, self.nicknames, self.nickname_key):
            wanted = [diff for diff, variant in differences if variant == (self.variants == "only")]
            if wanted:
                span, part, found, expected = wanted[0]
                yield Finding(span.start, span.end, {"part": part, "found": found,
                              "expected": expected, "where": what, "reference": where})

    def _signer_count(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        if kind != "302":
            return
        if not st.signatures:
            # At the title or date the officer would sign above; at the intro without one.
            area = unsigned_area(doc, st.intro.end if st.intro else st.start, st.end)
            where = area or st.intro
            start, end = (where.start, where.end) if where else (-1, -1)
            yield Finding(start, end, {"count": "0"},
                          detail="no conformed signature ('/s/ Name') for this certification")
        for sig in st.signatures[1:]:
            yield Finding(sig.marker.start, sig.conformed[-1].end if sig.conformed else sig.marker.end,
                          {"count": str(len(st.signatures))})
        if st.person == "we" and st.intro is not None:
            yield Finding(st.intro.start, st.intro.start + 2, {"count": str(len(st.parties))},
                          detail="a 302 certification is made by one officer speaking as 'I', not 'we'")

    def _intro_title(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        if kind == "302" and st.person == "I" and st.parties and st.parties[0].title is not None:
            title = st.parties[0].title
            yield Finding(title.start, title.end, {"title": title.text})

    def _intro_comma(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        if st.intro is not None and not st.comma_after_pronoun:
            pronoun = st.intro.text.split(None, 1)[0]
            yield Finding(st.intro.start, st.intro.start + len(pronoun), {"pronoun": pronoun},
                          suggestion=pronoun + ",")

    def _parties(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        if kind != "906" or st.person == "undersigned" or (st.person == "" and not st.parties):
            return  # a body that names no one ("Each of the undersigned", "We, the CEO and CFO")
        area = None if st.signatures else unsigned_area(doc, st.intro.end if st.intro else st.start, st.end)
        if area is not None and st.parties and st.person in ("I", "we", "third"):
            names = " and ".join(f"'{party.name.text}'" for party in st.parties)
            yield Finding(area.start, area.end, {"name": st.parties[0].name.text},
                          detail=f"not signed: no conformed signature ('/s/ Name') where {names} would sign")
            return
        matched = set()
        for sig in st.signatures:
            party = party_for(st, sig)
            if party is None and not sig.display_name.strip():
                continue  # a "/s/" whose name the reading did not find: CL510 says so
            if party is None:
                end = sig.conformed[-1].end if sig.conformed else sig.marker.end
                yield Finding(sig.marker.start, end, {"name": sig.display_name},
                              detail=f"'{sig.display_name}' signs but is not named in the certification")
            else:
                matched.add(party.name.start)
        for party in st.parties:
            if party.name.start not in matched and st.person in ("I", "we", "third"):
                detail = f"'{party.name.text}' is named in the certification but does not sign it"
                yield Finding(party.name.start, party.name.end, {"name": party.name.text}, detail=detail)

    def _person(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        if st.person != "undersigned":
            return
        # Only the statement's own paragraph: "the undersigned ... certifies that, to my knowledge".
        text = doc.prose.text
        for match in _UNDERSIGNED_LINE.finditer(text[st.start:st.end]):
            word = _FIRST_PERSON.search(match.group())
            if word is not None:
                start = st.start + match.start() + word.start()
                yield Finding(start, start + len(word.group()), {"word": word.group()})
                return

    def _conformed_mark(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        """A signature typed without "/s/", or a "/s/" with no name (the reading found none)."""
        for sig in st.signatures:
            if sig.typed and sig.conformed:
                span = sig.conformed[0]
                yield Finding(span.start, sig.conformed[-1].end, {"name": sig.display_name},
                              detail=f"'{sig.display_name}' is typed without '/s/': a conformed "
                                     f"signature reads '/s/ {sig.display_name}'")
            elif not sig.typed and not sig.conformed and sig.name is None:
                yield Finding(sig.marker.start, sig.marker.end, {"name": ""},
                              detail="'/s/' with no name: the conformed signature names the officer")

    def _dated(self, doc: Document, st: Statement, kind: str | None) -> Iterator[Finding]:
        """A 302 certification whose signature has no date: a "Date:" left blank beside it, or
        (with `missing`) no date at all. `missing` stays silent when any date other than a period
        end is written anywhere in the document: a layout may date the certification far from the
        signature, and a false "not dated" costs more than a missed one."""
        if kind != "302" or not st.signatures or any(sig.date is not None for sig in st.signatures):
            return
        blank = next((s.blank_date for s in st.signatures if s.blank_date is not None), None)
        if not self.missing:
            if blank is not None:
                yield Finding(blank.start, blank.end, {})
            return
        if blank is None and not _other_dates(doc):
            sig = st.signatures[0]
            end = sig.conformed[-1].end if sig.conformed else sig.marker.end
            yield Finding(sig.marker.start, end, {})


#: Each check's method, in a table built once: eleven rules run on each document, and a table of
#: bound methods built at each call was a cost of its own.
_RUNS: dict[str, Callable[[Consistency, Document, Statement, str | None], Iterator[Finding]]] = {
    "name-match": Consistency._name_match, "signer-count": Consistency._signer_count,
    "intro-title": Consistency._intro_title, "intro-comma": Consistency._intro_comma,
    "parties": Consistency._parties, "person": Consistency._person,
    "conformed-mark": Consistency._conformed_mark, "dated": Consistency._dated}


def _other_dates(doc: Document) -> bool:
    """Whether the document writes a date that is not a period end (a date of signing, perhaps)."""
    found = analysis_of(doc.prose)
    period_ends = {id(end.mention) for end in found.period_ends}
    return any(m.value is not None and id(m) not in period_ends for m in found.dates)


def _companies(text: str) -> Iterator[re.Match[str]]:
    """The `_COMPANY` matches of a text, looked for only around its suffixes: from the first
    word before a suffix that cannot be a whole word of a name (a name may start inside it,
    after a quote, say), or the line's start, to the first character after the suffix that no
    name holds (where the lookahead reads what it reads in the whole text). Most of a
    certification is prose without a company suffix, where no search runs."""
    windows: list[Window] = []
    for suffix in _SUFFIX.finditer(text):
        line = text.rfind("\n", 0, suffix.start()) + 1
        start = end = suffix.start() - 1  # the space before the suffix, if any
        for _ in range(_NAME_WORDS + 1):
            start = text.rfind(" ", line, end) + 1 or line
            if start == line or _NAME_WORD.fullmatch(text, start, end) is None:
                break
            end = start - 1
        stop = _NOT_IN_NAME.search(text, suffix.end())
        windows.append((start, stop.start() if stop else len(text)))
    return matches_in(_COMPANY, text, merge(windows, len(text)))


def _registrant(doc: Document, company: str | None) -> Iterator[Finding]:
    text = doc.prose.text
    groups: dict[str, list[re.Match[str]]] = {}
    for match in _companies(text):
        groups.setdefault(squash(match.group()), []).append(match)
    target = squash(company) if company else None
    for key, group in groups.items():
        forms = [_form(m.group()) for m in group]
        if target is not None and key == target:
            canonical = _form(company or "")
            expected = company or ""
        else:
            if forms.count(forms[0]) == len(forms):
                continue  # one spelling (most groups): nothing to count
            counts = Counter(forms)
            canonical = max(counts, key=lambda f: (counts[f], -forms.index(f)))
            expected = group[forms.index(canonical)].group()
        for match, form in zip(group, forms, strict=True):
            if form != canonical:
                yield Finding(match.start(), match.end(), {"found": match.group(), "expected": expected},
                              suggestion=expected)
    if target is not None and target not in groups and groups:
        key = max(groups, key=lambda k: len(groups[k]))
        first = groups[key][0]
        yield Finding(first.start(), first.end(), {"found": first.group(), "expected": company or ""})


def _form(name: str) -> str:
    return _SPACES.sub(" ", name.lower().rstrip("."))


def compile(options: Mapping[str, Any]) -> Consistency:
    check = str(options.get("check", ""))
    if check not in CHECKS:
        raise OptionError("check", f"unknown check '{check}'")
    variants = str(options.get("variants", "exclude"))
    if variants not in ("exclude", "only"):
        raise OptionError("variants", f"unknown value '{variants}' (exclude or only)")
    nicknames = {str(k).lower(): str(v).lower() for k, v in dict(options.get("nicknames", {})).items()}
    return Consistency(check, variants, nicknames, bool(options.get("missing", False)),
                       frozenset(nicknames.items()))
