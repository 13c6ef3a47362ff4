"""One model of a certification's facts, each with where it came from.

The report (form, kind, amendment and its number), the period (end and length), the
registrant, the certifiers, the date and the exhibit number, read once per document from its
text (`report`, `dates`, `signatures`), then overlaid with the facts known from outside it:
the document's own metadata (front matter, an EDGAR header), the file's path
(`facts-from-path`), the main report of the filing (inline XBRL, cover page) and the config.

A fact from outside wins over the text's reading; the text's reading keeps its span, so a check
can report where the text says something else and name the fact it contradicts and its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from msgspec import Struct
from msgspec.structs import replace

from certlint.analysis.dates.roles import PeriodEnd, analysis_of, form_kind
from certlint.analysis.memo import per_document
from certlint.analysis.parties import certification_kind
from certlint.analysis.report import ReportReading, Words, canonical_form, normal_kind, report_of
from certlint.analysis.signatures import signatures

if TYPE_CHECKING:
    from certlint.document import Document
    from certlint.document.facts import Facts

T = TypeVar("T")

TEXT = "text"
#: The key in `Facts.extra` that names where an outside fact came from ("origin.form": "path").
ORIGIN_PREFIX = "origin."

_EXHIBIT = re.compile(r"\bExhibit\s(?P<number>\d{2}(?:\.\d{1,2})?)\b", re.I)
_LENGTH = re.compile(r"(?P<n>three|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|"
                     r"\d{1,2})\s(?P<unit>month|week)", re.I)
_NUMBERS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "thirteen": 13, "twenty-six": 26,
            "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53}


class Fact(Struct, Generic[T], frozen=True):
    """A value, where it came from, and (for the text) the prose span that states it."""

    value: T
    source: str
    span: Words | None = None

    def origin(self, doc: Document) -> str:
        """'text 12:5', 'front matter', 'path'...: what `certlint facts` and messages print."""
        if self.span is None:
            return self.source
        line, column = doc.lines.position(doc.prose.to_source(self.span.start))
        return f"{self.source} {line}:{column}"


class CertificationFacts(Struct, frozen=True):
    """What a certification says about its report, and what is known of it from outside."""

    kind: str | None
    form: Fact[str] | None
    report_kind: Fact[str] | None
    amendment: Fact[bool] | None
    amendment_number: Fact[int] | None
    period_end: Fact[date] | None
    period_length: Fact[str] | None
    fiscal_year_end: Fact[str] | None
    registrant: Fact[str] | None
    certifiers: tuple[Fact[str], ...]
    date: Fact[date] | None
    exhibit: Fact[str] | None
    #: The text's own reading, every mention with its span, for the checks.
    reading: ReportReading
    periods: tuple[PeriodEnd, ...]
    #: The form the text names (paragraph 1 first), whatever the outside facts say.
    text_form: Fact[str] | None


def outside_source(doc: Document, facts: Facts, name: str) -> str:
    """Where the fact `name` of `facts` (the document's own over the configured) came from."""
    own = getattr(doc.facts, name, None)
    if own:
        if doc.format == "markdown":
            return "front matter"
        return "EDGAR header" if doc.part is not None else "document metadata"
    return str(facts.extra.get(ORIGIN_PREFIX + name, "config"))


def _outside(doc: Document, facts: Facts, name: str) -> Fact[str] | None:
    value = getattr(facts, name, None)
    if not value:
        return None
    return Fact(str(value), outside_source(doc, facts, name))


def _length(label: str) -> str | None:
    lower = label.lower()
    match = _LENGTH.search(lower)
    if match is not None:
        number = _NUMBERS.get(match.group("n")) or int(match.group("n"))
        return f"{number} {match.group('unit')}s"
    if "quarter" in lower:
        return "3 months"
    if "year" in lower or "annual" in lower:
        return "12 months"
    return None


def _most_common(items: Iterable[str]) -> str:
    """The item seen most often, the first seen of those tied (`Counter.most_common(1)`'s choice):
    counted in a dict, since building a `Counter` (its ABC checks) costs more than a few items."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return max(counts, key=counts.__getitem__)


@per_document()
def _text_facts(doc: Document) -> CertificationFacts:
    """The facts the text alone gives, read once per document (no fiscal year end: only
    outside facts give one)."""
    prose = doc.prose
    text = prose.text
    reading = report_of(prose)
    named = [m for m in reading.mentions if m.form is not None]
    first = next((m for m in named if m.paragraph1), named[0] if named else None)
    if named and first is not None and not first.paragraph1:  # the form named most often
        usual = _most_common(canonical_form(m.form or "") for m in named)
        first = next(m for m in named if m.form == usual)
    form = Fact(first.form or "", TEXT, first.form_words) if first is not None else None
    kinded = [m for m in reading.mentions if m.kind is not None]
    kind_mention = next((m for m in kinded if m.paragraph1), kinded[0] if kinded else None)
    report_kind = None
    if kind_mention is not None and kind_mention.kind is not None:
        report_kind = Fact(normal_kind(kind_mention.kind.text), TEXT, kind_mention.kind)
    amended = next((m for m in reading.mentions if m.amendment is not None
                    or (m.form or "").endswith("/A")), None)
    amendment = amendment_number = None
    if amended is not None:
        amendment = Fact(True, TEXT, amended.amendment or amended.form_words)
        if amended.amendment_number is not None:
            amendment_number = Fact(amended.amendment_number, TEXT, amended.amendment)
    analysis = analysis_of(prose)
    periods = tuple(p for p in analysis.period_ends if p.mention.value is not None)
    explicit = [p for p in periods if p.explicit] or list(periods)
    period_end = length = None
    if explicit:
        p = explicit[0]
        assert p.mention.value is not None
        period_end = Fact(p.mention.value, TEXT, Words(p.mention.start, p.mention.end, p.mention.text))
        label = text[p.label.start:p.label.end]
        span = Words(p.label.start, p.label.end, label)
        stated = _length(label)
        length = Fact(stated, TEXT, span) if stated else None
    registrant = None
    if reading.registrant is not None:
        registrant = Fact(reading.registrant.text, TEXT, reading.registrant)
    certifiers = []
    for sig in signatures(doc):
        where = sig.name or (sig.conformed[0] if sig.conformed else sig.marker)
        title = sig.title_text  # a property that joins the title's lines: read it once
        title = f", {title}" if title else ""
        certifiers.append(Fact(sig.display_name + title, TEXT, Words(where.start, where.end, where.text)))
    dated = next((m for m in analysis.certification_dates if m.value is not None), None)
    cert_date = None
    if dated is not None and dated.value is not None:
        cert_date = Fact(dated.value, TEXT, Words(dated.start, dated.end, dated.text))
    exhibit = None
    heading = _EXHIBIT.search(text, 0, min(len(text), 400))
    if heading is not None:
        exhibit = Fact(heading.group("number"), TEXT,
                       Words(heading.start("number"), heading.end("number"), heading.group("number")))
    return CertificationFacts(certification_kind(doc), form, report_kind, amendment, amendment_number,
                              period_end, length, None, registrant, tuple(certifiers), cert_date, exhibit,
                              reading, periods, form)


@per_document()
def _overlaid(doc: Document) -> dict[int, tuple[Facts, CertificationFacts]]:
    """The facts of one document so far, by the identity of the outside facts they overlay."""
    return {}


def certification_facts(doc: Document, facts: Facts) -> CertificationFacts:
    """The document's facts: outside facts (`facts`, already merged) over the text's reading,
    once per document and facts (each `facts` rule asks; the facts are immutable)."""
    known = _overlaid(doc)
    entry = known.get(id(facts))
    if entry is not None and entry[0] is facts:
        return entry[1]
    found = _overlay(doc, facts)
    known[id(facts)] = (facts, found)  # the entry keeps `facts`, so its id is not reused
    return found


def _overlay(doc: Document, facts: Facts) -> CertificationFacts:
    own = _text_facts(doc)
    form = _outside(doc, facts, "form")
    report_kind = own.report_kind
    amendment = own.amendment
    if form is not None:
        canonical = canonical_form(form.value)
        form = Fact(canonical, form.source)
        kind = form_kind(canonical)
        if kind is not None:
            report_kind = Fact(kind, form.source)
        if canonical.endswith("/A"):
            amendment = Fact(True, form.source)
    period_end = own.period_end
    if facts.period_end is not None:
        period_end = Fact(facts.period_end, outside_source(doc, facts, "period_end"))
    registrant = _outside(doc, facts, "company") or own.registrant
    exhibit = _outside(doc, facts, "exhibit")
    if exhibit is None and doc.part is not None:
        exhibit = Fact(doc.part.removeprefix("EX-"), "EDGAR header")
    certifiers = own.certifiers
    if not certifiers and facts.signers:
        certifiers = tuple(Fact(name, outside_source(doc, facts, "signers")) for name in facts.signers)
    kind = certification_kind(doc, exhibit.value if exhibit else None)
    return replace(own, kind=kind, form=form or own.form, report_kind=report_kind, amendment=amendment,
                   period_end=period_end, fiscal_year_end=_outside(doc, facts, "fiscal_year_end"),
                   registrant=registrant, certifiers=certifiers, exhibit=exhibit or own.exhibit)
