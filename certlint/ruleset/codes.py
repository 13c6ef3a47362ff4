"""certlint's own diagnostics about its inputs (suppressions, baselines): codes CL0xx.

Each is reported with a message naming the code or entry at fault; `message` here is the
generic form, for listings.

They are declared here as a constant table of `Rule`s of the pack "certlint" rather than in a YAML
pack, because no check produces them: the runner and the CLI do, after the checks. As `Rule`s they
go through the same select / ignore / per-file-ignores and --fail-on as every other diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from certlint.diagnostic import Diagnostic, Severity
from certlint.ruleset.model import Rule

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.diagnostic import Finding
    from certlint.document import Document
    from certlint.document.lines import LineIndex

PACK = "certlint"


class _NoCheck:
    """Meta rules have no checker: the runner reports them itself."""

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        return iter(())


def _rule(code: str, name: str, severity: Severity, message: str, description: str) -> Rule:
    return Rule(code=code, name=name, kind="meta", severity=severity, message=message, pack=PACK,
                build=_NoCheck, description=description)


INVALID_SUPPRESSION = _rule(
    "CL001", "invalid-suppression", Severity.ERROR, "invalid suppression comment",
    "A `certlint:` comment names a code no loaded rule has, or is not a known directive: it "
    "silences nothing, and the finding it was meant for is still reported.")
UNUSED_SUPPRESSION = _rule(
    "CL002", "unused-suppression", Severity.WARNING, "unused suppression",
    "With --report-unused-suppressions: a suppression comment (or one of its codes) that "
    "silenced nothing; remove it so it cannot hide a future finding.")
STALE_BASELINE = _rule(
    "CL003", "stale-baseline-entry", Severity.WARNING, "stale baseline entry",
    "With --report-stale-baseline: a baseline entry that matches no finding any more (the "
    "finding was fixed, or its file removed); regenerate the baseline with --write-baseline.")

META_RULES: tuple[Rule, ...] = (INVALID_SUPPRESSION, UNUSED_SUPPRESSION, STALE_BASELINE)
META_CODES = frozenset(rule.code for rule in META_RULES)


def meta_diagnostic(rule: Rule, path: str, lines: LineIndex, start: int, end: int,
                    message: str) -> Diagnostic:
    """A diagnostic of a meta rule at [start, end) of a decoded source."""
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    return Diagnostic(path=path, line=line, column=column, end_line=end_line, end_column=end_column,
                      code=rule.code, severity=rule.severity, message=message, pack=rule.pack,
                      rule=rule.name, offset=start, end_offset=end, source_line=lines.line_text(line))
