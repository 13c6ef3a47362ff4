"""The report: one self-contained HTML page, each certification as a redline against its form.

For the filings of a repository-mode run: per filing a summary (each exhibit's kind, report,
period, registrant, signers, date and counts, each fact labelled with where it came from),
then each document's text with its diagnostics beside their place; a certification held to a
prescribed form is drawn as a legal redline from the alignment its form rules used
(`redline_text`). Built with Jinja2 with autoescaping on: nothing from a document is markup.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from msgspec import Struct, field

from certlint.checks import CheckContext
from certlint.checks.form import FormAlignment, FormChecker
from certlint.diagnostic import Diagnostic
from certlint.output.redline_facts import Element, Value, elements, summary
from certlint.output.redline_text import Block, Certification, document_body
from certlint.output.support import rule_help

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Filing, Member
    from certlint.document import Document
    from certlint.engine.linter import Linter, LintResult

#: How the page names each kind of document (`certlint filings` kinds).
KIND_NAMES = {"302": "Section 302 (Exhibit 31)", "906": "Section 906 (Exhibit 32)",
              "abs": "Section 302, asset-backed issuer", "other": "other"}


class Note(Struct, frozen=True):
    """A diagnostic as the page shows it: its number (its place's id), and its rule's text."""

    number: int
    diagnostic: Diagnostic
    explain: str


class DocumentView(Struct):
    """One document's section: its summary values, its text (redlined certifications and plain
    paragraphs), its diagnostics and, for a 906 statement, its statutory elements."""

    anchor: str
    path: str
    part: str | None
    kind: str
    facts: dict[str, list[Value]]
    notes: list[Note] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    #: Where the prescribed form is set out (the form rule's source), for the redline's heading.
    form_source: str = ""
    elements: list[Element] = field(default_factory=list)
    #: Diagnostics that fall on no word of the text (shown at the top of the document).
    unplaced: list[int] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for note in self.notes if note.diagnostic.severity.value == severity)


class FilingView(Struct, frozen=True):
    """A filing's documents, grouped as repository mode groups them."""

    id: str
    documents: list[DocumentView]


class ReportView(Struct):
    """Everything the page shows; the template only lays it out."""

    title: str
    today: str
    version: str
    filings: list[FilingView]
    notes: dict[int, Note]
    #: Files that could not be read or were skipped, as the lint run words them.
    problems: list[str]

    def count(self, severity: str) -> int:
        return sum(1 for note in self.notes.values() if note.diagnostic.severity.value == severity)


def build(linter: Linter, filings: Sequence[Filing], result: LintResult, title: str) -> ReportView:
    """The page's content for the filings of a run and its diagnostics."""
    from certlint import __version__

    rules = {rule.code: rule for rule in linter.ruleset.rules}
    numbered = list(enumerate(sorted(result.diagnostics, key=lambda d: d.sort_key), 1))
    notes: dict[int, Note] = {}
    views = []
    counter = 0
    for filing in filings:
        documents = []
        for member in filing.members:
            counter += 1
            mine = _belonging(member, filing, numbered)
            view = _document(linter, member, f"doc-{counter}", mine)
            for number, diagnostic in mine:
                rule = rules.get(diagnostic.code)
                note = Note(number, diagnostic, rule_help(rule) if rule is not None else "")
                notes[number] = note
                view.notes.append(note)
            documents.append(view)
        views.append(FilingView(filing.id, documents))
    problems = [*result.errors, *result.skipped]
    return ReportView(title, linter.today.isoformat(), __version__, views, notes, problems)


def _belonging(member: Member, filing: Filing, numbered: list[tuple[int, Diagnostic]]
               ) -> list[tuple[int, Diagnostic]]:
    """The diagnostics of a member: those of its file, and for an exhibit of a submission
    (several documents in one file) those within its part of the file."""
    doc = member.document
    mine = [(n, d) for n, d in numbered if d.path == doc.path]
    siblings = [m.document for m in filing.members if m.document.path == doc.path]
    if len(siblings) < 2:
        return mine
    spans = [_source_span(sibling) for sibling in siblings]
    own = spans[siblings.index(doc)]
    inside = [(n, d) for n, d in mine if own[0] <= d.offset < own[1]]
    if doc is siblings[0]:  # what falls in no part (the submission's header) goes to the first
        inside += [(n, d) for n, d in mine if not any(s <= d.offset < e for s, e in spans)]
    return sorted(inside, key=lambda item: item[0])


def _source_span(doc: Document) -> tuple[int, int]:
    prose = doc.prose
    return prose.to_source(0), prose.to_source_end(len(prose.text))


def _document(linter: Linter, member: Member, anchor: str,
              diagnostics: list[tuple[int, Diagnostic]]) -> DocumentView:
    from certlint.engine.filings import describe

    doc = member.document
    described = describe(member)
    kind = described.get("kind", "other")
    alignments, source = form_alignments(linter, member)
    body = document_body(doc, alignments)
    view = DocumentView(anchor, doc.path, doc.part, KIND_NAMES.get(kind, kind),
                        summary(doc, member.facts, described, body), body=body, form_source=source,
                        unplaced=place(diagnostics, body))
    if kind == "906":
        view.elements = elements(linter, member, diagnostics)
    return view


def form_alignments(linter: Linter, member: Member) -> tuple[list[FormAlignment], str]:
    """The certifications of a member as the form rules of the packs applying to it align them
    (one computation: the checker's own), and where the form is set out."""
    doc = member.document
    relative = linter.config.relative(doc.path)
    for pack in linter.ruleset.packs:
        if not pack.applies_to.matches(relative, doc.prose.text):
            continue
        for rule in pack.rules:
            if isinstance(rule.checker, FormChecker):
                context = CheckContext(member.facts, linter.today)
                return rule.checker.alignments(doc, context), rule.source.split(";")[0].strip()
    return [], ""


def place(diagnostics: Sequence[tuple[int, Diagnostic]], blocks: Sequence[Block]) -> list[int]:
    """Put each diagnostic on the words its span covers (a zero-width one on the word at its
    offset), in source offsets: those the default output's line and column come from, so that
    the page and the terminal point at the same words. Returns the numbers of those that fall
    on no word."""
    atoms = [atom for block in blocks
             for paragraph in (block.paragraphs if isinstance(block, Certification) else [block])
             for atom in paragraph.atoms if atom.start >= 0]
    ends = [atom.end for atom in atoms]
    unplaced = []
    for number, diagnostic in diagnostics:
        at = bisect.bisect_right(ends, diagnostic.offset)
        if at >= len(atoms):
            unplaced.append(number)
            continue
        atoms[at].anchors.append(number)
        atoms[at].notes.append(number)
        for atom in atoms[at + 1 :]:
            if atom.start >= diagnostic.end_offset:
                break
            atom.notes.append(number)
    return unplaced


def render(view: ReportView) -> str:
    """The page as HTML text."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("certlint.output", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    return template.render(report=view)
