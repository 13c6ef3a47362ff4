"""`certlint report PATH... -o report.html`: one HTML page a reviewer can read and forward.

The run is repository mode's (per-document and cross-document rules, documents grouped into
filings); the page shows each filing's summary and each certification as a redline against
its prescribed form, with every diagnostic beside its place (`certlint.output.redline`).
Exit status: 0 when the page is written, 2 for a usage or configuration error or a file that
could not be read (the page is still written, and lists it).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_ERROR = 0, 2


def build_parser() -> argparse.ArgumentParser:
    from certlint.cli.options import add_selection_options, add_setup_options
    from certlint.cli.parsing import Parser

    parser = Parser(
        prog="certlint report",
        description="Write an HTML report: each certification as a redline against its form, "
                    "with its diagnostics.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="where to write the page (default: standard output)")
    parser.add_argument("--title", help="the page's title (default: 'certlint report: PATH...')")
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                        help="the date date checks take as today (default: the system date)")
    add_selection_options(parser)
    add_setup_options(parser)
    return parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.cli.options import setup_options
    from certlint.cli.parsing import parse
    from certlint.engine.config import ConfigError
    from certlint.engine.filings import lint_filings
    from certlint.engine.setup import build_linter
    from certlint.output import redline
    from certlint.ruleset import PackError

    args = parse(build_parser(), argv, out, err)
    if isinstance(args, int):
        return args
    try:
        linter = build_linter(setup_options(args, today=args.today))
    except (ConfigError, PackError) as exc:
        err.write(f"certlint: error: {exc}\n")
        return EXIT_ERROR
    paths = args.paths or ["."]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        err.write(f"certlint: error: {missing[0]}: no such file or folder\n")
        return EXIT_ERROR
    result, filings = lint_filings(linter, paths)
    for message in result.skipped:
        err.write(f"certlint: {message}\n")
    for message in result.errors:
        err.write(f"certlint: error: {message}\n")
    title = args.title or f"certlint report: {' '.join(paths)}"
    page = redline.render(redline.build(linter, filings, result, title))
    if args.output == "-":
        out.write(page)
    else:
        try:
            Path(args.output).write_text(page, encoding="utf-8")
        except OSError as exc:
            err.write(f"certlint: error: {args.output}: cannot write: {exc.strerror or exc}\n")
            return EXIT_ERROR
    return EXIT_ERROR if result.errors else EXIT_OK
