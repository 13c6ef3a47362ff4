"""Options shared by the lint command and its subcommands, declared once.

`certlint rules`, `explain`, `config` and `filings` take the same `--config`, `--isolated` and
`--rules` as a lint run, so that they show what that run would use.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from certlint.engine.setup import SetupOptions


def codes(value: str) -> list[str]:
    """A comma-separated list of code prefixes, as --select takes it."""
    return [code.strip().upper() for code in value.split(",") if code.strip()]


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
