"""What suppressions, baselines and fixes need of a run, and nothing more.

They decide whether a finding of a rule is reported for a path, look a code up and place a path
under the project root. Handing them this instead of the whole linter keeps them testable alone
and keeps the adoption layer from depending on how the engine runs the checks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from msgspec import Struct

from certlint.ruleset import RuleSet
from certlint.ruleset.codes import META_RULES
from certlint.ruleset.model import Rule
from certlint.ruleset.selection import Selection

_META_BY_CODE = {rule.code: rule for rule in META_RULES}


class ReportPolicy(Struct, frozen=True):
    ruleset: RuleSet
    selection: Selection
    #: The code prefixes ignored for a path (the config's ignore-per-path entries).
    ignored_codes: Callable[[str], tuple[str, ...]]
    #: A path relative to the project root, as baselines and per-path ignores write it.
    relative: Callable[[str], str]
    root: Path
    suppress: bool = True
    report_unused_suppressions: bool = False

    def rule_for(self, code: str) -> Rule | None:
        """The rule of a code, certlint's own codes (CL0xx) included."""
        return self.ruleset.get(code) or _META_BY_CODE.get(code)

    def is_reported(self, rule: Rule, path: str) -> bool:
        """Whether a rule is selected (--select/--ignore) and not ignored for this path."""
        if not self.selection.is_selected(rule):
            return False
        return not any(rule.code.startswith(prefix) for prefix in self.ignored_codes(path))
