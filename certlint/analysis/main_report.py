"""The facts of a filing's main report, when it sits beside its exhibits: the inline XBRL `dei:`
cover facts (DocumentType, DocumentPeriodEndDate, AmendmentFlag, EntityRegistrantName,
CurrentFiscalYearEndDate, EntityFilerCategory), else what its cover page says.

Read with the standard library's HTML parser (inline XBRL is XHTML; only the `ix:nonNumeric`
elements of the `dei` namespace are read), and only for a document that is a main report.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.dates.extract import find_dates
from certlint.analysis.report import canonical_form

if TYPE_CHECKING:
    from certlint.document import Document

_DEI = re.compile(r"name\s*=\s*[\"']dei:DocumentType[\"']", re.I)
_COVER_FORM = re.compile(r"^\s*FORM\s(?P<form>10-?K(?:SB|T|405)?|10-?Q(?:SB|T)?|20-F|40-F)"
                         r"(?P<amended>\s?/\s?A)?\s*$", re.I | re.M)
_COVER_PERIOD = re.compile(r"for\sthe\s(?:fiscal\syear|quarterly\speriod|"
                           r"transition\speriod\sfrom\s.{5,30}?\sto)(?:\sended)?:?\s", re.I)
_EXACT_NAME = re.compile(r"\(\s?Exact\sname\sof\sregistrant\sas\sspecified\sin\sits\scharter\s?\)", re.I)
# The cover page's filer status check boxes: "Large accelerated filer ☒ Accelerated filer ☐" (or
# each box before its label); "þ" and "¨" are Wingdings' checked and empty boxes in older EDGAR HTML.
_CHECKED, _EMPTY = "☒☑✓✔þ", "☐□¨"
_FILER_LABEL = re.compile(r"(?<![\w-])(?:large\saccelerated|non-accelerated|accelerated)\sfiler\b", re.I)
_BOX_BEFORE = re.compile(r"([" + _CHECKED + _EMPTY + r"])[\s|*]{0,6}$")
_BOX_AFTER = re.compile(r"[\s|*]{0,6}([" + _CHECKED + _EMPTY + r"])")


def _checked_filer(text: str) -> re.Match[str] | None:
    """The one filer status label whose box is checked, or None. Whether boxes stand after or
    before their labels is read from the first label, so that a box between two labels is not
    taken for both."""
    labels = list(_FILER_LABEL.finditer(text))
    if not labels:
        return None
    before = _BOX_BEFORE.search(text, max(0, labels[0].start() - 8), labels[0].start()) is not None
    checked = []
    for label in labels:
        box = (_BOX_BEFORE.search(text, max(0, label.start() - 8), label.start()) if before
               else _BOX_AFTER.match(text, label.end()))
        if box is not None and box.group(1) in _CHECKED:
            checked.append(label)
    return checked[0] if len(checked) == 1 else None


_WANTED = {"DocumentType", "DocumentPeriodEndDate", "AmendmentFlag", "EntityRegistrantName",
           "CurrentFiscalYearEndDate", "EntityFilerCategory", "AmendmentDescription"}


class ReportFact(Struct, frozen=True):
    """A fact of the main report, its source ("XBRL dei:DocumentType", "cover page") and place."""

    value: str
    source: str
    path: str
    line: int
    column: int

    def origin(self) -> str:
        return f"{self.source}, {self.path}:{self.line}:{self.column}"


class ReportFacts(Struct, frozen=True):
    """What the main report says of itself; every fact optional."""

    path: str
    form: ReportFact | None = None
    period_end: ReportFact | None = None
    period_value: date | None = None
    registrant: ReportFact | None = None
    fiscal_year_end: ReportFact | None = None
    filer_category: ReportFact | None = None


class _Dei(HTMLParser):
    """Collects the text of each `ix:nonNumeric name="dei:..."` element, with its position."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, tuple[str, int, int]] = {}
        self._open: list[tuple[str, int, int, list[str]]] = []
        self._depth: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._depth:
            self._depth[-1] += 1
        if tag.endswith(":nonnumeric"):
            name = dict(attrs).get("name") or ""
            prefix, _, local = name.partition(":")
            if prefix.lower() == "dei" and local in _WANTED:
                line, column = self.getpos()
                self._open.append((local, line, column + 1, []))
                self._depth.append(0)

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if self._depth[-1] > 0:
            self._depth[-1] -= 1
            return
        self._depth.pop()
        local, line, column, parts = self._open.pop()
        self.found.setdefault(local, (" ".join("".join(parts).split()), line, column))

    def handle_data(self, data: str) -> None:
        for entry in self._open:
            entry[3].append(data)


def is_main_report(doc: Document) -> bool:
    """A periodic report itself (inline XBRL cover facts, or a cover page), not an exhibit."""
    head = doc.source[:200_000]
    # "documenttype" holds no i, s or k (whose case-insensitive matches reach past ASCII), so a
    # `_DEI` match has it in the lowercase text: the cheap test before the regex scan.
    if "documenttype" in head.lower() and _DEI.search(head):
        return True
    text = doc.prose.text[:6000]
    return _COVER_FORM.search(text) is not None and _EXACT_NAME.search(text) is not None


def _date(text: str) -> date | None:
    found = [m.value for m in find_dates(text) if m.value is not None]
    if found:
        return found[0]
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def read_main_report(doc: Document) -> ReportFacts:
    """The main report's facts: inline XBRL first, the cover page for what XBRL does not give."""
    parser = _Dei()
    parser.feed(doc.source)
    parser.close()
    dei = parser.found
    path = doc.path

    def fact(local: str, value: str | None = None) -> ReportFact | None:
        if local not in dei:
            return None
        text, line, column = dei[local]
        return ReportFact(value if value is not None else text, f"XBRL dei:{local}", path, line, column)

    form = None
    if "DocumentType" in dei:
        amended = dei.get("AmendmentFlag", ("",))[0].strip().lower() == "true"
        name = canonical_form(dei["DocumentType"][0])
        form = fact("DocumentType", name + ("/A" if amended and not name.endswith("/A") else ""))
    period = fact("DocumentPeriodEndDate")
    period_value = _date(period.value) if period is not None else None
    fiscal = fact("CurrentFiscalYearEndDate")
    if fiscal is not None:
        fiscal = ReportFact(fiscal.value.lstrip("-"), fiscal.source, path, fiscal.line, fiscal.column)
    facts = ReportFacts(path, form, period, period_value, fact("EntityRegistrantName"), fiscal,
                        fact("EntityFilerCategory"))
    return _with_cover(doc, facts)


def _with_cover(doc: Document, facts: ReportFacts) -> ReportFacts:
    """Fill the form, period, registrant and filer status XBRL left open from the cover page (a
    filer status only when exactly one of its boxes is checked)."""
    text = doc.prose.text[:8000]

    def at(offset: int, value: str) -> ReportFact:
        line, column = doc.lines.position(doc.prose.to_source(offset))
        return ReportFact(value, "cover page", doc.path, line, column)

    form, period, registrant = facts.form, facts.period_end, facts.registrant
    period_value = facts.period_value
    cover = _COVER_FORM.search(text)
    if form is None and cover is not None:
        form = at(cover.start("form"), canonical_form(cover.group("form") + (cover.group("amended") or "")))
    label = _COVER_PERIOD.search(text)
    if period is None and label is not None:
        dates = [m for m in find_dates(text[label.end():label.end() + 40]) if m.value is not None]
        if dates and dates[0].start == 0:
            period, period_value = at(label.end(), dates[0].text), dates[0].value
    exact = _EXACT_NAME.search(text)
    if registrant is None and exact is not None:
        block = doc.prose.block_at(max(0, exact.start() - 1))
        before = text[block.start if block else 0:exact.start()].strip(" |*_")
        if before and block is not None and block.start < exact.start():
            name = before.splitlines()[-1].strip(" |*_")
            registrant = at(text.index(name, block.start), name) if name else None
        elif block is not None:
            previous = [b for b in doc.prose.blocks if b.end <= exact.start()]
            if previous:
                name = text[previous[-1].start:previous[-1].end].strip(" |*_")
                registrant = at(previous[-1].start, name) if name else None
    filer = facts.filer_category
    if filer is None:
        label = _checked_filer(doc.prose.text[:20000])
        if label is not None:
            filer = at(label.start(), " ".join(label.group().split()).capitalize())
    return ReportFacts(facts.path, form, period, period_value, registrant, facts.fiscal_year_end, filer)
