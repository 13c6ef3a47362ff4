"""`certlint filings PATH...`: which documents form which filing, and what each contributes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO


def main(argv: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.api import make_linter
    from certlint.engine.config import ConfigError, discover, load_config
    from certlint.engine.filings import describe, group, read_all
    from certlint.ruleset import PackError
    from certlint.engine.linter import LintResult

    parser = argparse.ArgumentParser(prog="certlint filings",
                                     description="Show how documents are grouped into filings.")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--config", type=Path, metavar="PATH")
    parser.add_argument("--isolated", action="store_true", help="ignore config files")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        config = load_config(args.config or (None if args.isolated else discover()))
        linter = make_linter(config)
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
