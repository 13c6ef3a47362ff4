"""`certlint filings PATH...`: which documents form which filing, and what each contributes."""

from __future__ import annotations

from typing import TextIO


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.cli.options import add_setup_options, command_linter, report_unread
    from certlint.cli.parsing import Parser, parse
    from certlint.engine.filings import describe, group, read_all
    from certlint.engine.linter import LintResult

    parser = Parser(prog="certlint filings", description="Show how documents are grouped into filings.")
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
    filings = group(read_all(paths, linter, result), linter)
    report_unread(result, err)
    for filing in filings:
        out.write(f"{filing.id}: {len(filing.members)} document(s)\n")
        for member in filing.members:
            details = " ".join(f"{key}={value}" if " " not in value else f'{key}="{value}"'
                               for key, value in describe(member).items())
            out.write(f"  {member.document.path} {details}\n")
    return 2 if result.errors else 0
