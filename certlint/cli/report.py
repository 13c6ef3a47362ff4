"""`certlint report PATH... -o report.html`: one HTML page a reviewer can read and forward.

The run is repository mode's (per-document and cross-document rules, documents grouped into
filings); the page shows each filing's summary and each certification as a redline against
its prescribed form, with every diagnostic beside its place (`certlint.output.redline`).
Exit status: 0 when the page is written, 2 for a usage or configuration error or a file that
could not be read (the page is still written, and lists it).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_ERROR = 0, 2


def build_parser() -> argparse.ArgumentParser:
    from certlint.cli.options import add_selection_options, add_setup_options, add_today_option
    from certlint.cli.parsing import Parser

    parser = Parser(
        prog="certlint report",
        description="Write an HTML report: each certification as a redline against its form, "
                    "with its diagnostics.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="where to write the page (default: standard output)")
    parser.add_argument("--title", help="the page's title (default: 'certlint report: PATH...')")
    add_today_option(parser)
    add_selection_options(parser)
    add_setup_options(parser)
    return parser


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.cli.options import command_linter, report_unread
    from certlint.cli.parsing import parse
    from certlint.engine.filings import lint_filings
    from certlint.output import redline

    args = parse(build_parser(), argv, out, err)
    if isinstance(args, int):
        return args
    ready = command_linter(args, err, today=args.today)
    if isinstance(ready, int):
        return ready
    linter, paths = ready
    result, filings = lint_filings(linter, paths)
    report_unread(result, err)
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
