"""`certlint rules`: list every rule of the active packs (built-in, configured and --rules).

One line per rule: code, kind, severity, pack and the one-line message template, in columns;
a rule that is off unless selected (`enabled: false`) is marked "(off by default)".
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

from certlint.cli.options import add_setup_options, setup_options
from certlint.ruleset import RuleSet

EXIT_OK, EXIT_ERROR = 0, 2


class CommandError(Exception):
    """A bad argument, config or pack: one line on stderr, exit 2."""


def active_ruleset(args: argparse.Namespace) -> RuleSet:
    """The packs a lint run with the same options would use (config discovery included)."""
    from certlint.engine.config import ConfigError
    from certlint.engine.setup import build_linter
    from certlint.ruleset import PackError

    try:
        ruleset = build_linter(setup_options(args)).ruleset
    except (ConfigError, PackError) as exc:
        raise CommandError(str(exc)) from None
    # certlint's own codes (suppressions, baselines) are listed and explained like any rule.
    from certlint.ruleset import AppliesTo, Pack
    from certlint.ruleset.codes import META_RULES, PACK

    return RuleSet((*ruleset.packs, Pack(PACK, "<builtin>", AppliesTo(), META_RULES, builtin=True)))


def parse(prog: str, description: str, argv: Sequence[str], stdout: TextIO, stderr: TextIO,
          extra: str | None = None) -> argparse.Namespace | int:
    """Parse a subcommand's arguments; an int is the exit status argparse chose (help, error)."""
    from certlint.cli.parsing import Parser
    from certlint.cli.parsing import parse as parse_with

    parser = Parser(prog=prog, description=description)
    if extra:
        parser.add_argument(extra, metavar=extra.upper())
    add_setup_options(parser)
    return parse_with(parser, argv, stdout, stderr)


def parse_and_load(prog: str, description: str, argv: Sequence[str], stdout: TextIO, stderr: TextIO,
                   extra: str | None = None) -> tuple[argparse.Namespace, RuleSet] | int:
    """A subcommand's arguments and the packs they make active; an int is the exit status when
    that fails (help, a usage error, or a bad config or pack, reported on stderr)."""
    args = parse(prog, description, argv, stdout, stderr, extra)
    if isinstance(args, int):
        return args
    try:
        return args, active_ruleset(args)
    except CommandError as exc:
        stderr.write(f"certlint: error: {exc}\n")
        return EXIT_ERROR


def main(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    loaded = parse_and_load("certlint rules", "List the rules of the active packs.", argv, stdout, stderr)
    if isinstance(loaded, int):
        return loaded
    _, ruleset = loaded
    rows = [(r.code, r.kind, r.severity.value, r.pack,
             r.message + ("" if r.enabled else " (off by default)")) for r in ruleset.rules]
    rows.sort(key=lambda row: row[0])
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        stdout.write("  ".join([*cells, row[4]]) + "\n")
    return EXIT_OK
