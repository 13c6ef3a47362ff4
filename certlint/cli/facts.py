"""`certlint facts PATH...`: what certlint knows of each certification, and where each fact came
from (text line:col, front matter, EDGAR header, config, path, XBRL, cover page).

The first thing to run when a diagnostic surprises: the checks compare exactly these facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from certlint.analysis.facts import CertificationFacts, Fact
    from certlint.analysis.main_report import ReportFact, ReportFacts
    from certlint.document import Document


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def rows(doc: Document, facts: CertificationFacts) -> list[tuple[str, str, str]]:
    """(label, value, origin) for every fact known, in a fixed order."""
    named: list[tuple[str, Fact[Any] | None]] = [
        ("form", facts.form), ("report kind", facts.report_kind), ("amendment", facts.amendment),
        ("amendment number", facts.amendment_number), ("period end", facts.period_end),
        ("period length", facts.period_length), ("fiscal year end", facts.fiscal_year_end),
        ("registrant", facts.registrant),
        *(("certifier", fact) for fact in facts.certifiers),
        ("date", facts.date), ("exhibit", facts.exhibit)]
    found = [("certification", facts.kind or "not recognised", "text")]
    for label, fact in named:
        if fact is not None:
            found.append((label, _show(fact.value), fact.origin(doc)))
    for mention in facts.reading.mentions:
        line, column = doc.lines.position(doc.prose.to_source(mention.phrase.start))
        found.append(("report named", f"'{mention.phrase.text}'", f"text {line}:{column}"))
    return found


def report_rows(report: ReportFacts) -> list[tuple[str, ReportFact]]:
    """(label, fact) for each fact the main report gives."""
    named = [("form", report.form), ("period end", report.period_end), ("registrant", report.registrant),
             ("fiscal year end", report.fiscal_year_end), ("filer category", report.filer_category)]
    return [(label, fact) for label, fact in named if fact is not None]


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.analysis.facts import certification_facts
    from certlint.cli.options import add_setup_options, command_linter, report_unread
    from certlint.cli.parsing import Parser, parse
    from certlint.engine.filings import group, read_all
    from certlint.engine.linter import LintResult

    parser = Parser(prog="certlint facts",
                    description="Show each certification's facts and where each came from.")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    add_setup_options(parser)
    args = parse(parser, argv, out, err)
    if isinstance(args, int):
        return args
    ready = command_linter(args, err)
    if isinstance(ready, int):
        return ready
    linter, paths = ready
    result = LintResult()
    for filing in group(read_all(paths, linter, result), linter):
        if filing.report is not None:
            out.write(f"{filing.report.path} (main report)\n")
            for label, fact in report_rows(filing.report):
                out.write(f"  {label.ljust(16)}  {fact.value}  ({fact.source} {fact.line}:{fact.column})\n")
        for member in filing.members:
            doc = member.document
            out.write(f"{doc.path}{f' ({doc.part})' if doc.part else ''}\n")
            table = rows(doc, certification_facts(doc, member.facts))
            if member.facts.extra.get("path_company"):  # shown, never compared: a slug
                table.insert(1, ("company in path", str(member.facts.extra["path_company"]), "path"))
            width = max(len(label) for label, _, _ in table)
            for label, value, origin in table:
                out.write(f"  {label.ljust(width)}  {value}  ({origin})\n")
    report_unread(result, err)
    return 2 if result.errors else 0
