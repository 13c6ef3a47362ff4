"""Filing-level checks on the facts model: each exhibit against the main report's own facts
(inline XBRL, cover page), the registrant of the 906 statements against the 302s', and the
exhibits a report needs.

- `report-facts`: the report, period and registrant an exhibit names against the main report
  beside it; silent when the filing holds no main report;
- `same-registrant`: a 906 statement names the registrant as the 302 certifications do, up to
  the usual variants (Inc./Incorporated, Corp./Corporation, punctuation, a leading "The");
- `exhibits-complete`: a 10-K or 10-Q filing (the form known from the main report or a fact
  from outside the text) with Section 302 certifications has a Section 906 statement too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from certlint.analysis.facts import TEXT, CertificationFacts, certification_facts
from certlint.analysis.report import ReportMention, canonical_form
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document

_VARIANTS = {"incorporated": "inc", "corporation": "corp", "company": "co", "limited": "ltd",
             "&": "and"}


def registrant_key(name: str) -> str:
    """A registrant's name with the usual variants folded: 'The Acme Corporation' = 'Acme Corp'."""
    words = re.sub(r"[.,'\"()]", " ", name.casefold()).replace("&", " & ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_VARIANTS.get(word, word) for word in words)


def _family(form: str) -> str:
    base = canonical_form(form).removesuffix("/A")
    return "10-K" if base.startswith("10-K") else "10-Q" if base.startswith("10-Q") else base


def _certifications(filing: Filing) -> Iterator[tuple[Document, CertificationFacts]]:
    for member in filing.members:
        facts = certification_facts(member.document, member.facts)
        if facts.kind in ("302", "906"):
            yield member.document, facts


def _primary(facts: CertificationFacts) -> ReportMention | None:
    mentions = facts.reading.mentions
    if facts.kind == "302":
        return next((m for m in mentions if m.paragraph1 and m.form is not None), None)
    return next((m for m in mentions if m.form is not None
                 and (m.kind is not None or m.registrant is not None)), None)


def check_report(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """Each exhibit's report and registrant against the main report's facts (its period is
    CL602's, which takes the main report's period as the period of record)."""
    report = filing.report
    if report is None:
        return
    for doc, facts in _certifications(filing):
        primary = _primary(facts)
        if report.form is not None and primary is not None and primary.form_words is not None \
                and primary.form is not None:
            expected = report.form.value
            wrong_form = _family(primary.form) != _family(expected)
            unamended = expected.endswith("/A") and not primary.form.endswith("/A") \
                and primary.amendment is None
            if wrong_form or unamended:
                yield doc, Finding(primary.form_words.start, primary.form_words.end, {
                    "found": primary.form_words.text, "what": "names the report",
                    "expected": expected, "other": report.form.origin()})
        registrant = facts.registrant
        if report.registrant is not None and registrant is not None and registrant.source == TEXT \
                and registrant.span is not None \
                and registrant_key(registrant.value) != registrant_key(report.registrant.value):
            yield doc, Finding(registrant.span.start, registrant.span.end, {
                "found": registrant.value, "what": "names the registrant",
                "expected": report.registrant.value, "other": report.registrant.origin()})


def check_registrant(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """The 906 statements name the registrant as the 302 certifications, which agree, do."""
    named = [(doc, facts) for doc, facts in _certifications(filing)
             if facts.registrant is not None and facts.registrant.source == TEXT]
    certifications = [(doc, f) for doc, f in named if f.kind == "302"]
    if not certifications:
        return
    keys = Counter(registrant_key(f.registrant.value) for _, f in certifications)  # type: ignore[union-attr]
    if len(keys) > 1:
        return  # the 302s disagree among themselves (CL601's): no registrant to hold the 906 to
    usual = next(iter(keys))
    reference_doc, reference = next((d, f) for d, f in certifications
                                    if registrant_key(f.registrant.value) == usual)  # type: ignore[union-attr]
    assert reference.registrant is not None
    for doc, facts in named:
        registrant = facts.registrant
        assert registrant is not None and registrant.span is not None
        if facts.kind == "906" and registrant_key(registrant.value) != usual:
            yield doc, Finding(registrant.span.start, registrant.span.end, {
                "found": registrant.value, "what": "names the registrant",
                "expected": reference.registrant.value, "other": reference.registrant.origin(reference_doc)
                + f" of {reference_doc.path}"})


def check_complete(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    """A 10-K or 10-Q filing with 302 certifications and no 906 statement."""
    found = list(_certifications(filing))
    certifications = [(doc, f) for doc, f in found if f.kind == "302"]
    if not certifications or any(f.kind == "906" for _, f in found):
        return
    form, origin = None, ""
    if filing.report is not None and filing.report.form is not None:
        form, origin = filing.report.form.value, filing.report.form.origin()
    else:
        outside = [(doc, f.form) for doc, f in certifications if f.form is not None and f.form.source != TEXT]
        if outside:
            doc, fact = outside[0]
            assert fact is not None
            form, origin = fact.value, fact.origin(doc)
    if form is None or form.endswith("/A") or _family(form) not in ("10-K", "10-Q"):
        return  # an amendment without financial statements needs no 906 statement
    doc = certifications[0][0]
    yield doc, Finding(-1, -1, {"found": form, "what": "filing", "expected": "Exhibit 32",
                                "other": origin})
