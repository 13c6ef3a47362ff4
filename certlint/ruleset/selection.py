"""Which rules a run reports: flake8's select / extend-select / ignore by code prefix."""

from __future__ import annotations

from msgspec import Struct

from certlint.ruleset.model import Rule


class Selection(Struct, frozen=True):
    """flake8's select/ignore by code prefix: the longest matching prefix decides, ignore wins ties.

    A rule with `enabled: false` runs only when select/extend-select names its full code: a
    prefix ("CL2") selects the enabled rules it covers, not the ones kept off on purpose.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def is_selected(self, rule: Rule) -> bool:
        explicit = [p for p in (*(self.select or ()), *self.extend_select)
                    if rule.code.startswith(p) and (rule.enabled or p == rule.code)]
        implicit = [""] if self.select is None and rule.enabled else []
        chosen = max((len(p) for p in explicit + implicit), default=-1)
        if chosen < 0:
            return False
        ignored = max((len(p) for p in self.ignore if rule.code.startswith(p)), default=-1)
        return ignored < chosen
