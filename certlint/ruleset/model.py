"""Loaded rules and packs: frozen records built once, after validation."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from certlint.checks import Checker
from certlint.diagnostic import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of a pack; its checker is compiled from `build` the first time it is asked for."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    pack: str
    #: Compiles the checker: called once, on first use, so that a run imports and compiles only
    #: the kinds of the rules it runs (a built-in pack read from the cache is compiled lazily).
    build: Callable[[], Checker] = field(repr=False, compare=False)
    description: str = ""
    #: A document the rule reports and one it must not (a filing's files shown under their names).
    example: str = ""
    example_pass: str = ""
    source: str = ""
    enabled: bool = True
    _checker: Checker | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def checker(self) -> Checker:
        checker = self._checker
        if checker is None:
            checker = self.build()
            object.__setattr__(self, "_checker", checker)
        return checker


@dataclass(frozen=True, slots=True)
class AppliesTo:
    """Which documents a pack lints: file globs and/or content markers, minus `unless` markers.

    With both globs and markers, a document matching either applies; `unless` always excludes.
    """

    files: tuple[str, ...] = ()
    markers: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None

    def matches(self, path: str, prose: str) -> bool:
        if self.unless is not None and self.unless.search(prose):
            return False
        if not self.files and self.markers is None:
            return True
        if self.files and any(fnmatch.fnmatch(path, glob) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], glob)
                              for glob in self.files):
            return True
        return self.markers is not None and self.markers.search(prose) is not None


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    path: str
    applies_to: AppliesTo
    rules: tuple[Rule, ...]
    description: str = ""
    builtin: bool = False
