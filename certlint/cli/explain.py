"""`certlint explain CODE`: a rule's documentation, from its pack's YAML.

Prints the code, name, pack, kind and severity, the message template, then the rule's
`description:`, `example:` and `source:` -- the same text as SARIF's rule `help` and the
language server's hover. An unknown code exits 2 with a one-line error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from certlint.cli.rules import EXIT_ERROR, EXIT_OK, parse_and_load


def main(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    from certlint.output.support import rule_help

    loaded = parse_and_load("certlint explain", "Show a rule's description and example.", argv, stdout,
                            stderr, extra="code")
    if isinstance(loaded, int):
        return loaded
    args, ruleset = loaded
    code = args.code.strip().upper()
    rule = ruleset.get(code)
    if rule is None:
        prefixed = sorted(c for c in ruleset.codes() if c.startswith(code))
        hint = f" (codes starting with it: {', '.join(prefixed)})" if prefixed else " (see `certlint rules`)"
        stderr.write(f"certlint: error: unknown rule code '{args.code}'{hint}\n")
        return EXIT_ERROR
    off = "" if rule.enabled else ", off by default"
    stdout.write(f"{rule.code} {rule.name} (pack {rule.pack}, kind {rule.kind}, "
                 f"{rule.severity.value}{off})\n\n")
    stdout.write(f"Message: {rule.message}\n\n{rule_help(rule)}\n")
    return EXIT_OK
