"""`same-report`: every Section 302 certification of a filing names the same report (form and
amendment) and registrant in paragraph 1, and every Section 906 statement names that report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.parties import certification_kind
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing
    from certlint.document import Document

_REVIEWED = re.compile(
    r"I have reviewed this (?P<report>.{3,160}?) of (?P<registrant>.{2,160}?)(?: \(the \"[^\"]+\"\))?"
    r"(?:, (?:as filed|for the|which)|;|:|\.(?: |$)|\n)", re.IGNORECASE)
_FORM = re.compile(r"\bForm (?P<form>10-?K(?:SB|T)?|10-?Q(?:SB)?|20-F|40-F|11-K)(?P<amended>/A)?", re.I)
_AMENDMENT = re.compile(r"\bAmendment No\. ?(?P<number>\d+)", re.I)


class ReportNamed(Struct, frozen=True):
    """The report a certification names: paragraph 1 of a 302, the first form named in a 906."""

    document: Document
    start: int
    end: int
    report: str
    registrant: str | None = None
    registrant_start: int = 0


def report_key(text: str) -> str | None:
    """'Form 10-K', 'Form 10-Q/A (Amendment No. 2)'... for a passage naming a report."""
    form = _FORM.search(text)
    if form is None:
        return None
    name = form.group("form").upper().replace("10K", "10-K").replace("10Q", "10-Q")
    amendment = _AMENDMENT.search(text)
    if form.group("amended") or amendment:
        return f"Form {name}/A" + (f" (Amendment No. {amendment.group('number')})" if amendment else "")
    return f"Form {name}"


def report_named(doc: Document, kind: str) -> ReportNamed | None:
    text = doc.prose.text
    if kind == "302":
        match = _REVIEWED.search(text)
        if match is None:
            return None
        key = report_key(match.group("report")) or "an unnamed report"
        return ReportNamed(doc, match.start("report"), match.end("report"), key,
                           " ".join(match.group("registrant").split()), match.start("registrant"))
    form = _FORM.search(text)
    if form is None:
        return None
    sentence_start = max(text.rfind(".", 0, form.start()), text.rfind("\n", 0, form.start())) + 1
    sentence = text[sentence_start:form.end() + 40]  # "... Form 10-K/A (Amendment No. 1)"
    return ReportNamed(doc, form.start(), form.end(), report_key(sentence) or "?")


def _normal(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.").casefold()


def check(filing: Filing) -> Iterator[tuple[Document, Finding]]:
    certifications: list[ReportNamed] = []
    statements: list[ReportNamed] = []
    for member in filing.members:
        doc = member.document
        kind = certification_kind(doc, member.facts.exhibit)
        if kind not in ("302", "906"):
            continue  # not a certification, or the asset-backed form
        named = report_named(doc, kind)
        if named is not None:
            (certifications if kind == "302" else statements).append(named)
    everything = certifications + statements
    if len(everything) < 2:
        return
    # The 302 certifications, whose paragraph 1 is prescribed, set the report when they agree.
    usual = Counter(n.report for n in certifications or everything).most_common(1)[0][0]
    other = next(n for n in certifications or everything if n.report == usual)
    # With the main report beside them, CL711 compares each exhibit with its cover facts instead.
    judged = [] if filing.report is not None and filing.report.form is not None else everything
    for item in judged:
        if item.report != usual:
            yield item.document, Finding(item.start, item.end, {
                "what": "report", "found": item.report, "expected": usual,
                "other": other.document.path})
    registrants = [n for n in certifications if n.registrant]
    if len(registrants) < 2:
        return
    usual_name = Counter(_normal(n.registrant or "") for n in registrants).most_common(1)[0][0]
    reference = next(n for n in registrants if _normal(n.registrant or "") == usual_name)
    for item in registrants:
        if item.report == usual and _normal(item.registrant or "") != usual_name:
            yield item.document, Finding(
                item.registrant_start, item.registrant_start + len(item.registrant or ""), {
                    "what": "registrant", "found": item.registrant or "",
                    "expected": reference.registrant or "", "other": reference.document.path})
