"""Options shared by the lint command and its subcommands, declared once.

`certlint rules`, `explain`, `config` and `filings` take the same `--config`, `--isolated` and
`--rules` as a lint run, so that they show what that run would use.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from certlint.engine.linter import Linter, LintResult
    from certlint.engine.setup import SetupOptions

#: A bad config, pack or path: one line on stderr.
EXIT_ERROR = 2


def codes(value: str) -> list[str]:
    """A comma-separated list of code prefixes, as --select takes it."""
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def add_today_option(parser: argparse.ArgumentParser) -> None:
    """The date the date checks take as today: fixed in CI, so that a run is repeatable."""
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD",
                        help="the date date checks take as today (default: the system date)")


def add_setup_options(parser: argparse.ArgumentParser) -> None:
    """Where the configuration and the rule packs come from."""
    parser.add_argument("--rules", action="append", default=[], type=Path, metavar="PATH",
                        help="a rule pack file or folder of packs (repeatable)")
    parser.add_argument("--config", type=Path, metavar="PATH",
                        help="config file (default: nearest .certlint.yaml or pyproject.toml)")
    parser.add_argument("--isolated", action="store_true", help="ignore config files")


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """Which codes are reported."""
    parser.add_argument("--select", type=codes, metavar="CODES",
                        help="comma-separated code prefixes to report (replaces the default: all; "
                             "the last --select wins)")
    parser.add_argument("--extend-select", type=codes, action="extend", default=[], metavar="CODES",
                        help="code prefixes to add to the selection")
    parser.add_argument("--ignore", type=codes, action="extend", default=[], metavar="CODES",
                        help="code prefixes not to report")


def setup_options(args: argparse.Namespace, **overrides: Any) -> SetupOptions:
    """The set-up a parsed command line asks for (selection options only where it has them)."""
    from certlint.engine.setup import SetupOptions

    selection: dict[str, Any] = {}
    if hasattr(args, "select"):
        selection = {"select": tuple(args.select) if args.select else None,
                     "extend_select": tuple(args.extend_select), "ignore": tuple(args.ignore)}
    return SetupOptions(config=args.config, isolated=args.isolated, rules=tuple(args.rules),
                        **selection, **overrides)


def command_linter(args: argparse.Namespace, err: TextIO, **overrides: Any) -> tuple[Linter, list[str]] | int:
    """The linter and the paths (default: the current folder) of a command that reads documents;
    an int is the exit status, after one line on stderr naming the config, pack or path at fault."""
    from certlint.cli.faults import missing_reason
    from certlint.engine.config import ConfigError
    from certlint.engine.setup import build_linter
    from certlint.ruleset import PackError

    try:
        linter = build_linter(setup_options(args, **overrides))
    except (ConfigError, PackError) as exc:
        err.write(f"certlint: error: {exc}\n")
        return EXIT_ERROR
    paths = list(args.paths or ["."])
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        err.write(f"certlint: error: {missing[0]}: {missing_reason(missing[0])}\n")
        return EXIT_ERROR
    return linter, paths


def report_unread(result: LintResult, err: TextIO) -> None:
    """The files a command skipped (not text) and could not read, one line each on stderr."""
    for message in result.skipped:
        err.write(f"certlint: {message}\n")
    for message in result.errors:
        err.write(f"certlint: error: {message}\n")
