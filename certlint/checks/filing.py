"""`filing`: cross-document rules, run on a whole filing in repository mode (`--filings`).

A filing rule finds nothing in a single document; `check_filing` compares the members of a
filing and reports at the place in the document that disagrees, naming the other document.
`check:` chooses the comparison:

- `same-report`: every Section 302 certification names the same report (form and amendment)
  and the same registrant in paragraph 1 ("I have reviewed this annual report on Form 10-K of
  Example Corp.").

    kind: filing
    check: same-report
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document
    from certlint.filings import Filing

NAME = "filing"
CHECKS = ("same-report",)
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": list(CHECKS), "description": "Which cross-document comparison to run."},
    },
    "required": ["check"],
}

_REVIEWED = re.compile(
    r"I have reviewed this (?P<report>.{3,160}?) of (?P<registrant>.{2,160}?)(?: \(the \"[^\"]+\"\))?"
    r"(?:, (?:as filed|for the|which)|;|:|\.(?: |$)|\n)", re.IGNORECASE)
_FORM = re.compile(r"\bForm (?P<form>10-?K(?:SB|T)?|10-?Q(?:SB)?|20-F|40-F|11-K)(?P<amended>/A)?", re.I)
_ASSET_BACKED = re.compile(r"Form 10-D|1[35]d?a?-14\(d\)", re.I)
_AMENDMENT = re.compile(r"\bAmendment No\. ?(?P<number>\d+)", re.I)


@dataclass(frozen=True, slots=True)
class ReportNamed:
    """What paragraph 1 of a 302 certification names."""

    document: Document
    start: int
    end: int
    report: str
    registrant: str
    registrant_start: int


def report_named(doc: Document) -> ReportNamed | None:
    match = _REVIEWED.search(doc.prose.text)
    if match is None:
        return None
    report = match.group("report")
    form = _FORM.search(report)
    amendment = _AMENDMENT.search(report)
    name = form.group("form").upper() if form else "?"
    key = "Form " + name.replace("10K", "10-K").replace("10Q", "10-Q")
    if (form and form.group("amended")) or amendment:
        key += f"/A (Amendment No. {amendment.group('number')})" if amendment else "/A"
    return ReportNamed(doc, match.start("report"), match.end("report"), key,
                       " ".join(match.group("registrant").split()), match.start("registrant"))


def _normal(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.").casefold()


@dataclass(frozen=True, slots=True)
class FilingRule:
    check_name: str

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        return iter(())

    def check_filing(self, filing: Filing, context: CheckContext) -> Iterator[tuple[Document, Finding]]:
        if self.check_name == "same-report":
            yield from self._same_report(filing)

    def _same_report(self, filing: Filing) -> Iterator[tuple[Document, Finding]]:
        from certlint.filings import certification_kind

        named = [report_named(m.document) for m in filing.members
                 if certification_kind(m.document) == "302"
                 and not _ASSET_BACKED.search(m.document.prose.text)]
        found = [n for n in named if n is not None]
        if len(found) < 2:
            return
        usual_report = Counter(n.report for n in found).most_common(1)[0][0]
        usual_registrant = Counter(_normal(n.registrant) for n in found).most_common(1)[0][0]
        for item in found:
            if item.report != usual_report:
                other = next(n for n in found if n.report == usual_report)
                yield item.document, Finding(item.start, item.end, {
                    "found": item.report, "expected": usual_report, "other": other.document.path,
                    "what": "report"})
            elif _normal(item.registrant) != usual_registrant:
                other = next(n for n in found if _normal(n.registrant) == usual_registrant)
                yield item.document, Finding(
                    item.registrant_start, item.registrant_start + len(item.registrant), {
                        "found": item.registrant, "expected": other.registrant,
                        "other": other.document.path, "what": "registrant"})


def compile(options: Mapping[str, Any]) -> FilingRule:
    return FilingRule(str(options["check"]))
