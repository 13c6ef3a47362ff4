"""`certlint filings PATH...`: which documents form which filing, and what each contributes."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.cli.options import add_setup_options, setup_options
    from certlint.cli.parsing import Parser, parse
    from certlint.engine.config import ConfigError
    from certlint.engine.filings import describe, group, read_all
    from certlint.engine.linter import LintResult
    from certlint.engine.setup import build_linter
    from certlint.ruleset import PackError

    parser = Parser(prog="certlint filings", description="Show how documents are grouped into filings.")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    add_setup_options(parser)
    args = parse(parser, argv, out, err)
    if isinstance(args, int):
        return args
    try:
        linter = build_linter(setup_options(args))
    except (ConfigError, PackError) as exc:
        err.write(f"certlint: error: {exc}\n")
        return 2
    paths = args.paths or ["."]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        err.write(f"certlint: error: {missing[0]}: no such file or folder\n")
        return 2
    result = LintResult()
    filings = group(read_all(paths, linter, result), linter)
    for message in result.skipped:
        err.write(f"certlint: {message}\n")
    for message in result.errors:
        err.write(f"certlint: error: {message}\n")
    for filing in filings:
        out.write(f"{filing.id}: {len(filing.members)} document(s)\n")
        for member in filing.members:
            details = " ".join(f"{key}={value}" if " " not in value else f'{key}="{value}"'
                               for key, value in describe(member).items())
            out.write(f"  {member.document.path} {details}\n")
    return 2 if result.errors else 0
