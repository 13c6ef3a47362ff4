"""The CLI's adoption step, between linting and reporting: baseline and autofix.

Order matters: fixes first (files under a baseline entry are never fixed, so the baseline does
not need to see them), then the baseline filter, then stale entries. Writes only the one-line
notes to stderr ("fixed 3, 1 remaining"); stdout stays the report (or the diff with --diff).
The exit status stays the CLI's decision.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from certlint.engine.linter import Linter, LintResult


@dataclass(frozen=True, slots=True)
class Adoption:
    #: The run's output is complete (baseline written, diff printed): report nothing more.
    finished: bool = False
    #: With --diff: there is something to fix.
    pending: bool = False


def adopt(args: argparse.Namespace, paths: Sequence[str], linter: Linter, result: LintResult,
          out: TextIO, err: TextIO) -> Adoption:
    """Apply --write-baseline / --baseline / --fix / --diff to a lint result (in place)."""
    from certlint.adoption import baseline as baselines
    from certlint.engine.linter import iter_files

    if args.write_baseline is not None:
        count = baselines.write(args.write_baseline, result.diagnostics, linter)
        err.write(f"certlint: wrote {count} baseline entries ({len(result.diagnostics)} findings) "
                  f"to {args.write_baseline}\n")
        return Adoption(finished=True)
    base = baselines.Baseline.load(args.baseline) if args.baseline is not None else None
    fixed = 0
    if args.fix or args.diff:
        from certlint.adoption.fix import fix_files

        def frozen(path: str) -> bool:
            return base is not None and base.covers(linter.config.relative(path))

        outcome = fix_files(result.diagnostics, linter, frozen, diff=out if args.diff else None)
        for message in outcome.messages:
            err.write(f"certlint: {message}\n")
        fixed = outcome.fixed
        result.diagnostics = [d for d in result.diagnostics if d.path not in outcome.after]
        for diagnostics in outcome.after.values():
            result.diagnostics.extend(diagnostics)
    if base is not None:
        result.diagnostics = base.filter(result.diagnostics, linter)
        if args.report_stale_baseline:
            result.diagnostics.extend(base.stale(iter_files(paths, linter.config), linter))
    result.diagnostics.sort(key=lambda d: d.sort_key)
    if args.fix or args.diff:
        verb = "would fix" if args.diff else "fixed"
        err.write(f"certlint: {verb} {fixed}, {len(result.diagnostics)} remaining\n")
    if args.diff:
        return Adoption(finished=True, pending=fixed > 0)
    return Adoption()
