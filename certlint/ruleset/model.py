"""Loaded rules and packs: frozen records built once, after validation."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from msgspec import Struct

from certlint.analysis.views import odd_letters_in
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


class AppliesTo(Struct, frozen=True):
    """Which documents a pack lints: file globs and/or content markers, minus `unless` markers.

    With both globs and markers, a document matching either applies; `unless` always excludes.
    `marker_words` and `unless_words` are the phrases of `markers` and `unless` as folded
    lowercase literals: a phrase whose literal is not in the lowercase prose cannot match, so a
    substring test rules a document out before the case-insensitive look-behind regex runs.
    """

    files: tuple[str, ...] = ()
    markers: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    marker_words: tuple[str, ...] = ()
    unless_words: tuple[str, ...] = ()

    def matches(self, path: str, prose: str, lowered: str | None = None) -> bool:
        """Whether the pack lints the document at `path` with prose text `prose`; `lowered` is
        that text in lowercase offset for offset (None: unknown, the regexes decide alone)."""
        if self.unless is not None and _found(self.unless, self.unless_words, prose, lowered):
            return False
        if not self.files and self.markers is None:
            return True
        if self.files and any(fnmatch.fnmatch(path, glob) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], glob)
                              for glob in self.files):
            return True
        return self.markers is not None and _found(self.markers, self.marker_words, prose, lowered)


def _found(pattern: re.Pattern[str], words: tuple[str, ...], prose: str, lowered: str | None) -> bool:
    """`pattern.search(prose)` found something. Where exact, the regex runs only where one of
    `words` stands: a match of an ASCII phrase, case ignored, is its literal in the lowercase text
    (offset for offset), so each match starts at a place of a literal, and the phrases being
    literals, one `match` there, its end left room for the look-ahead, finds it."""
    if lowered is None or not words or not all(word.isascii() for word in words) \
            or odd_letters_in(lowered):
        return pattern.search(prose) is not None
    reach = max(map(len, words)) + 1  # the longest phrase and the character its look-ahead reads
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            if pattern.match(prose, at, at + reach) is not None:
                return True
            at = lowered.find(word, at + 1)
    return False


class Pack(Struct, frozen=True):
    name: str
    path: str
    applies_to: AppliesTo
    rules: tuple[Rule, ...]
    description: str = ""
    builtin: bool = False
