"""Check kinds: the literal registry. One module per kind; see `checks.base` for the contract.

A kind module exposes `NAME`, `SCHEMA` (JSON Schema `properties` and `required` for its own
rule keys) and `compile(options) -> Checker`, which validates and compiles the options once
(raising `OptionError` naming the offending key) and returns an object whose `check` yields
`Finding`s in the document's prose view. A kind knows nothing of codes, severities, positions
or output: the runner adds those. Adding a kind = one module + one line here.

The registry names the modules rather than importing them: a kind's module (and the analysis
it pulls in) is imported the first time a rule of that kind is compiled, so a run pays only for
the kinds its selected rules use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import cast

from certlint.checks.base import CheckContext, Checker, CheckKind, OptionError

__all__ = ["KINDS", "CheckContext", "CheckKind", "Checker", "OptionError"]

#: Kind name -> the module implementing it (its `NAME` is the key).
_MODULES = {
    "required": "certlint.checks.required",
    "forbidden": "certlint.checks.forbidden",
    "spelling": "certlint.checks.spelling",
    "date": "certlint.checks.date",
    "filing": "certlint.checks.filing",
    "title": "certlint.checks.title",
    "consistency": "certlint.checks.consistency",
    "form": "certlint.checks.form",
    "facts": "certlint.checks.facts",
}


class _Registry(Mapping[str, CheckKind]):
    """A read-only mapping of kind names to kind modules, importing a module on first lookup."""

    def __init__(self, modules: Mapping[str, str]) -> None:
        self._modules = dict(modules)

    def __getitem__(self, name: str) -> CheckKind:
        return cast(CheckKind, importlib.import_module(self._modules[name]))

    def __contains__(self, name: object) -> bool:
        return name in self._modules

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


KINDS: Mapping[str, CheckKind] = _Registry(_MODULES)
