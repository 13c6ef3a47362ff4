"""`facts`: what a certification says about its report contradicts itself or a known fact.

Reads the model of `certlint.analysis.facts` (the text's mentions of the report, overlaid with
the facts from front matter, an EDGAR header, the path or the config) and reports at the wrong
mention, naming the fact it contradicts and where that one came from. `check:` chooses:

- `report-kind`: the kind words against the form ("annual report on Form 10-Q", "Annual Report
  on Form N-CSRS"), and the report named against the form known from outside the text ("this
  annual report on Form 10-K" in a 10-Q's certification). `kinds` maps each kind to the forms
  it may name; `families` lists forms that are one form for this comparison (10-K, 10-K405);
- `amendment`: an amendment's certification naming the original report ("Form 10-K" where the
  form is 10-K/A and the certification says nothing of the amendment);
- `registrant-named`: paragraph 1 of a 302 certification names no registrant.

    kind: facts
    check: report-kind
    kinds: {annual: [10-K, 20-F], quarterly: [10-Q]}
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from certlint.analysis.facts import TEXT, CertificationFacts, certification_facts
from certlint.analysis.report import ReportMention, canonical_form, normal_kind
from certlint.checks.base import OptionError
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "facts"
CHECKS = ("report-kind", "amendment", "registrant-named")
_FORMS = {"type": "array", "items": {"type": "string"}}
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": list(CHECKS), "description": "Which contradiction the rule looks for."},
        "kinds": {"type": "object", "additionalProperties": _FORMS,
                  "description": "report-kind: the forms each kind of report ('annual') may name."},
        "families": {"type": "array", "items": _FORMS,
                     "description": "report-kind: forms that count as one form ('10-K', '10-K405')."},
    },
    "required": ["check"],
}


class FactsCheck(Struct, frozen=True):
    check_name: str
    kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)
    families: Mapping[str, str] = field(default_factory=dict)

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        facts = certification_facts(doc, context.facts)
        if facts.kind not in ("302", "906"):
            return
        run = {"report-kind": self._report_kind, "amendment": self._amendment,
               "registrant-named": self._registrant_named}[self.check_name]
        yield from run(doc, facts)

    def _family(self, form: str) -> str:
        base = canonical_form(form).removesuffix("/A")
        return self.families.get(base, base)

    def _fits(self, kind: str, form: str) -> bool | None:
        """Whether a report of `kind` may be on `form`; None when the table does not know the form."""
        base = canonical_form(form).removesuffix("/A")
        known = any(base in forms for forms in self.kinds.values())
        if not known or kind not in self.kinds:
            return None
        return base in self.kinds[kind]

    def _report_kind(self, doc: Document, facts: CertificationFacts) -> Iterator[Finding]:
        outside = facts.form if facts.form is not None and facts.form.source != TEXT else None
        for mention in facts.reading.mentions:
            where = "in paragraph 1" if mention.paragraph1 else "in the statement"
            kind = normal_kind(mention.kind.text) if mention.kind is not None else None
            if outside is not None:
                wrong = []
                if mention.form is not None and self._family(mention.form) != self._family(outside.value):
                    wrong.append(mention.form_words)
                if kind is not None and self._fits(kind, outside.value) is False:
                    wrong.append(mention.kind)
                spans = [w for w in wrong if w is not None]
                if spans:
                    start, end = min(s.start for s in spans), max(s.end for s in spans)
                    yield Finding(start, end, {
                        "found": doc.prose.text[start:end], "where": where,
                        "reason": f"the form is {outside.value} ({outside.origin(doc)})"})
                continue
            if kind is not None and mention.form is not None and mention.kind is not None \
                    and mention.form_words is not None and self._fits(kind, mention.form) is False:
                yield Finding(mention.kind.start, mention.form_words.end, {
                    "found": doc.prose.text[mention.kind.start:mention.form_words.end], "where": where,
                    "reason": f"Form {mention.form} is not {_article(kind)} {kind} report"})

    def _amendment(self, doc: Document, facts: CertificationFacts) -> Iterator[Finding]:
        if facts.amendment is None or not facts.amendment.value:
            return
        primary = _primary(facts.reading.mentions, facts.kind)
        if primary is None or primary.form is None or primary.form_words is None:
            return
        if primary.amendment is not None or primary.form.endswith("/A"):
            return
        if _AMENDED.search(_sentence(doc.prose.text, primary.phrase.start)):
            return  # "the Annual Report on Form 10-K ..., as amended by Amendment No. 1"
        evidence = facts.form.value if facts.form is not None and facts.form.source != TEXT else None
        evidence = evidence or (facts.amendment.span.text if facts.amendment.span else "amendment")
        words = primary.form_words
        yield Finding(words.start, words.end, {
            "found": words.text, "where": "in paragraph 1" if primary.paragraph1 else "in the statement",
            "reason": f"the report is an amendment ({evidence}, {facts.amendment.origin(doc)})"})

    def _registrant_named(self, doc: Document, facts: CertificationFacts) -> Iterator[Finding]:
        gap = facts.reading.paragraph1_without_registrant
        if facts.kind == "302" and gap is not None:
            yield Finding(gap.start, gap.end, {"found": "", "where": "in paragraph 1",
                                               "reason": "no registrant named"})


# A full stop that ends a sentence, not one of "Inc.", "Corp.", "No.", "U.S.C.".
_SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bNo)(?<!\bLtd)(?<![A-Z])\.\s(?=[A-Z(])|\n")
_AMENDED = re.compile(r"\bAmendment\sNo\b|/\s?A\b|\bas\samended\sby\b", re.I)


def _sentence(text: str, start: int) -> str:
    """From `start` to the end of its sentence (or line), at most 300 characters."""
    stop = min(len(text), start + 300)
    end = _SENTENCE_END.search(text, start, stop)
    return text[start:end.start()] if end else text[start:stop]


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _primary(mentions: Sequence[ReportMention], kind: str | None) -> ReportMention | None:
    """The mention that identifies the report: paragraph 1 of a 302, else the first that names
    a kind of report or the registrant ("the Annual Report of Acme on Form 10-K")."""
    if kind == "302":
        return next((m for m in mentions if m.paragraph1 and m.form is not None), None)
    return next((m for m in mentions if m.form is not None
                 and (m.kind is not None or m.registrant is not None)), None)


def compile(options: Mapping[str, Any]) -> FactsCheck:
    check = str(options["check"])
    kinds = {normal_kind(str(k)): frozenset(canonical_form(str(f)) for f in forms)
             for k, forms in (options.get("kinds") or {}).items()}
    if check == "report-kind" and not kinds:
        raise OptionError("kinds", "check 'report-kind' needs 'kinds'")
    families: dict[str, str] = {}
    for group in options.get("families") or ():
        names = [canonical_form(str(f)) for f in group]
        families.update({name: names[0] for name in names})
    return FactsCheck(check, kinds, families)
