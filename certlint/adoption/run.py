"""The CLI's adoption step, between linting and reporting: baseline and autofix.

Order matters: fixes first (files under a baseline entry are never fixed, so the baseline does
not need to see them), then the baseline filter, then stale entries. Writes only the one-line
notes to stderr ("fixed 3, 1 remaining"); stdout stays the report (or the diff with --diff).
The exit status stays the CLI's decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from msgspec import Struct

if TYPE_CHECKING:
    from certlint.adoption.fix import LintText
    from certlint.diagnostic import Diagnostic
    from certlint.ruleset.policy import ReportPolicy


class AdoptionOptions(Struct, frozen=True):
    """What the command line asks of the adoption step."""

    write_baseline: Path | None = None
    baseline: Path | None = None
    report_stale_baseline: bool = False
    fix: bool = False
    diff: bool = False

    @property
    def wanted(self) -> bool:
        return bool(self.write_baseline or self.baseline or self.fix or self.diff)


class Adoption(Struct, frozen=True):
    #: The run's output is complete (baseline written, diff printed): report nothing more.
    finished: bool = False
    #: With --diff: there is something to fix.
    pending: bool = False


def adopt(args: AdoptionOptions, found: list[Diagnostic], policy: ReportPolicy, lint: LintText,
          linted: Callable[[], Iterable[str]], out: TextIO, err: TextIO) -> tuple[Adoption, list[Diagnostic]]:
    """Apply --write-baseline / --baseline / --fix / --diff to a run's diagnostics: the outcome
    and the diagnostics left to report. `lint` re-lints a fixed file; `linted` lists the files
    the run covered (for stale baseline entries)."""
    from certlint.adoption import baseline as baselines

    if args.write_baseline is not None:
        count = baselines.write(args.write_baseline, found, policy)
        err.write(f"certlint: wrote {count} baseline entries ({len(found)} findings) "
                  f"to {args.write_baseline}\n")
        return Adoption(finished=True), found
    base = baselines.Baseline.load(args.baseline) if args.baseline is not None else None
    fixed = 0
    if args.fix or args.diff:
        from certlint.adoption.fix import fix_files

        def frozen(path: str) -> bool:
            return base is not None and base.covers(policy.relative(path))

        outcome = fix_files(found, policy, lint, frozen, diff=out if args.diff else None)
        for message in outcome.messages:
            err.write(f"certlint: {message}\n")
        fixed = outcome.fixed
        found = [d for d in found if d.path not in outcome.after]
        for diagnostics in outcome.after.values():
            found.extend(diagnostics)
    if base is not None:
        found = base.filter(found, policy)
        if args.report_stale_baseline:
            found.extend(base.stale(linted(), policy))
    found.sort(key=lambda d: d.sort_key)
    if args.fix or args.diff:
        verb = "would fix" if args.diff else "fixed"
        err.write(f"certlint: {verb} {fixed}, {len(found)} remaining\n")
    if args.diff:
        return Adoption(finished=True, pending=fixed > 0), found
    return Adoption(), found
