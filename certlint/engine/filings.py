"""A filing as a unit: documents grouped into filings, and cross-document rules run per filing.

Grouping (first that applies): a `filing` fact naming the filing (front matter, or the config's
`facts` for the path); the file itself for a full EDGAR submission (its exhibits are one
filing); the config's `filing-id` regex over the path relative to the config (its first group,
or the whole match); otherwise the folder holding the document.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from msgspec.structs import replace

from certlint.analysis.dates.deadlines import filer_category
from certlint.analysis.main_report import ReportFacts, is_main_report, read_main_report
from certlint.analysis.parties import certification_kind
from certlint.checks import CheckContext
from certlint.checks.crossdoc.model import Filing, FilingChecker, Member
from certlint.diagnostic import Diagnostic
from certlint.document import Document
from certlint.document.facts import Facts
from certlint.engine.linter import Linter, LintResult, drop_passed_over, iter_files, read_or_record
from certlint.ruleset import Rule


def filing_id(doc: Document, facts: Facts, linter: Linter) -> str:
    if facts.filing:
        return facts.filing
    if doc.part is not None:
        return doc.path
    pattern = linter.config.filing_id
    if pattern is not None:
        match = pattern.search(linter.config.relative(doc.path))
        if match is not None:
            return match.group(1) if match.groups() else match.group()
    return str(Path(doc.path).parent)


def group(documents: Iterable[Document], linter: Linter) -> list[Filing]:
    """Documents grouped into filings, in path order; a main report gives its filing's facts,
    and other documents that are not certifications (press releases, notes) are left out."""
    grouping = Grouping(linter)
    for doc in documents:
        grouping.add(doc)
    return grouping.filings()


class Grouping:
    """Filings being put together document by document (`group`, and repository mode as it
    streams, which needs each document's filing as it comes)."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self.groups: dict[str, list[Member]] = {}
        self.reports: dict[str, ReportFacts] = {}

    def add(self, doc: Document) -> str:
        """Put `doc` in its filing (a main report gives the filing's facts; a document that is
        not a certification is left out); the filing's id."""
        linter = self.linter
        facts = doc.facts.merged_over(linter.config.facts_for(doc.path))
        key = filing_id(doc, facts, linter)
        if doc.part is None and is_main_report(doc):
            self.reports.setdefault(key, read_main_report(doc))
            self.groups.setdefault(key, [])
        elif linter.certifies(doc):
            self.groups.setdefault(key, []).append(Member(doc, facts))
        return key

    def filings(self) -> list[Filing]:
        """The filings, in the order of their ids."""
        return [Filing(key, tuple(members), self.reports.get(key))
                for key, members in sorted(self.groups.items())]


def read_all(paths: Sequence[str], linter: Linter, result: LintResult) -> Iterator[Document]:
    """Every document under `paths`; unreadable files are recorded in `result`, as in a normal run."""
    for path in iter_files(paths, linter.config, result.skipped):
        yield from read_or_record(path, result)


def touches(filing: Filing, changed: Iterable[str]) -> bool:
    """Whether a changed (or deleted) file belongs to the filing."""
    members = {os.path.abspath(m.document.path) for m in filing.members}
    folders = {os.path.dirname(path) for path in members}
    return any(os.path.abspath(path) in members or os.path.dirname(os.path.abspath(path)) in folders
               for path in changed)


def lint_filings(linter: Linter, paths: Sequence[str],
                 changed: Sequence[str] | None = None) -> tuple[LintResult, list[Filing]]:
    """Repository mode: per-document rules on every document, then cross-document rules on
    every filing. Each document is read once for both. With `changed`, only the filings that
    hold one of those files are linted (whole, unchanged exhibits included). Every document is
    held to the end (the HTML report shows them all); the lint command streams instead
    (`certlint.engine.filing_stream`)."""
    result = LintResult()
    documents = list(read_all(paths, linter, result))
    filings = group(documents, linter)
    if changed is not None:
        filings = [filing for filing in filings if touches(filing, changed)]
    rules, context = filing_rules(linter), CheckContext(Facts(), linter.today)
    for filing in filings:
        for diagnostics in lint_filing(linter, filing, rules, context).values():
            result.diagnostics.extend(diagnostics)
    result.errors.extend(linter.take_failures())
    result.not_certifications.extend(linter.take_not_certifications())
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return drop_passed_over(result), filings


def filing_rules(linter: Linter) -> list[Rule]:
    """The run's cross-document rules."""
    return [rule for _, active in linter.active_rules for rule in active
            if isinstance(rule.checker, FilingChecker)]


def lint_filing(linter: Linter, filing: Filing, rules: Sequence[Rule],
                context: CheckContext) -> dict[str, list[Diagnostic]]:
    """Each file of the filing with its diagnostics, finished (suppressions applied, sorted):
    the per-document rules on each member, then the cross-document `rules` on the whole.

    Filing by filing, so that what the per-document rules parsed (signatures, dates) is still
    in the parsers' small caches when the cross-document rules ask for it."""
    by_file: dict[str, list[Diagnostic]] = {}
    docs_of: dict[str, list[Document]] = {}
    for member in filing.members:
        doc = member.document
        docs_of.setdefault(doc.path, []).append(doc)
        facts = with_report_status(member, filing.report)
        # Members were recognised as certifications when grouped.
        by_file.setdefault(doc.path, []).extend(linter.lint_document(doc, facts, certified=True))
    for rule in rules:
        checker = rule.checker
        assert isinstance(checker, FilingChecker)
        for doc, finding in checker.check_filing(filing, context):
            by_file[doc.path].append(linter.diagnostic(doc, rule, finding))
    return {path: linter.finish_file(docs_of[path], diagnostics) for path, diagnostics in by_file.items()}


def with_report_status(member: Member, report: ReportFacts | None) -> Facts:
    """A member's facts, with the filer status its filing's main report gives (inline XBRL
    dei:EntityFilerCategory, else the cover page's one checked box) when its own facts give none:
    the deadline rule (CL403) then holds it to that status's days and names where it came from."""
    facts = member.facts
    status = report.filer_category if report is not None else None
    if status is None or filer_category(status.value) is None or facts.filer_category \
            or facts.accelerated_filer is not None:
        return facts
    return replace(facts, filer_category=status.value,
                   extra={**facts.extra, "origin.filer_category": status.origin()})


def describe(member: Member) -> dict[str, str]:
    """What a member contributes to its filing, for `certlint filings`: its facts (front matter,
    submission header, config) and what the cross-document rules read in it (the report it
    names, its period end and date, its signers)."""
    from certlint.analysis.dates.fiscal import fmt
    from certlint.analysis.dates.roles import analysis_of
    from certlint.analysis.signatures import signatures
    from certlint.checks.crossdoc.report import report_named

    doc, facts = member.document, member.facts
    kind = certification_kind(doc, facts.exhibit)
    described = {"kind": kind or "other"}
    if doc.part:
        described["part"] = doc.part
    for name in ("company", "form", "period_end", "fiscal_year_end", "filed", "exhibit"):
        value = getattr(facts, name)
        if value:
            described[name.replace("_", "-")] = str(value)
    if kind not in ("302", "906"):
        return described
    named = report_named(doc, kind)
    if named is not None:
        described["names"] = named.report
    analysis = analysis_of(doc.prose)
    ends = [p.mention.value for p in analysis.period_ends if p.mention.value is not None]
    if ends:
        described["period"] = fmt(ends[0])
    dates = [m.value for m in analysis.certification_dates if m.value is not None]
    if dates:
        described["dated"] = fmt(dates[0])
    signed = [sig.display_name + (f" ({sig.title_text})" if sig.title_text else "")
              for sig in signatures(doc)]
    if signed or facts.signers:
        described["signed-by"] = "; ".join(signed or facts.signers)
    return described
