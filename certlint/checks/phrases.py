r"""Phrase and regex matching on the prose view, shared by the phrase kinds.

A regex a rule author writes (`pattern`, `anchor`) runs on the `regex` module, under a time
bound: Python's `re` backtracks without limit, so one careless `(\w|\w\w)+$` in a user pack
would hang a pre-commit hook on a long line. `regex` defuses the common catastrophic shapes
itself and stops the rest after `PATTERN_SECONDS`; the engine reports the rule that ran over.
A `phrase` is escaped text and runs on `re`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from certlint.analysis.views import ascii_but_sections
from certlint.checks.base import OptionError
from certlint.checks.literals import Needed, Starts, needed, starts
from certlint.checks.plain_regex import re_twin
from certlint.document.prose import fold_text

#: JSON Schema for the keys that say what to match.
MATCH_PROPERTIES: dict[str, Any] = {
    "phrase": {
        "description": "Text to find: case and whitespace tolerant; a list means any of them.",
        "oneOf": [{"type": "string", "minLength": 1},
                  {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}],
    },
    "pattern": {
        "description": "A Python regular expression matched on the prose view; a list means any.",
        "oneOf": [{"type": "string", "minLength": 1},
                  {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}],
    },
    "case_sensitive": {"type": "boolean", "default": False,
                       "description": "Match case exactly (default: ignore case)."},
}


def phrase_regex(phrase: str) -> str:
    """A regex source for a phrase: folded like prose, words at word boundaries."""
    folded = fold_text(phrase)
    body = " ".join(re.escape(word) for word in folded.split(" "))
    start = r"(?<!\w)" if folded[:1].isalnum() else ""
    end = r"(?!\w)" if folded[-1:].isalnum() else ""
    return start + body + end


#: How long one author-written pattern may search one document: a certification is matched in
#: milliseconds, a 5 MB submission in well under a second.
PATTERN_SECONDS = 5.0


class PatternTimeout(Exception):
    """An author-written pattern ran past PATTERN_SECONDS on a document and was stopped."""


class Matcher(Protocol):
    """What the phrase kinds ask of a compiled pattern (an `re` or a bounded `regex` one)."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...

    def finditer(self, string: str, pos: int = ..., endpos: int = ...) -> Iterator[re.Match[str]]: ...

    def search(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...

    def match(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...


class BoundedPattern:
    """A `regex` pattern whose searches stop after PATTERN_SECONDS (raising PatternTimeout).

    `regex` compiles in Python, several times slower than `re`, and the packs hold dozens of
    patterns, most of which a document's literal prefilter rules out: each is compiled (and the
    module imported) the first time it is searched. `compile_regex` has checked its syntax.
    A match at one place in an ASCII text (`literals.finditer_near`'s; "§" aside) is tried by `re` where
    that finds the same and cannot run long (`certlint.checks.plain_regex`): a clean one-file
    run then needs no `regex` at all. A search stays on `regex`, which scans faster for most of
    the packs' patterns than `re` (which has no prefix scan for a pattern led by `\b`)."""

    __slots__ = ("_compiled", "_ignore_case", "_twin", "pattern")

    def __init__(self, source: str, ignore_case: bool) -> None:
        self.pattern = source
        self._ignore_case = ignore_case
        self._compiled: Any = None
        #: The `re` twin (`plain_regex.re_twin`), None where there is none; False: not yet asked.
        self._twin: re.Pattern[str] | bool | None = False

    def _plain(self, string: str) -> re.Pattern[str] | None:
        """The `re` pattern that searches `string` as `regex` would, if there is one."""
        if not string.isascii() and not ascii_but_sections(string):
            return None
        twin = self._twin
        if twin is False:
            twin = self._twin = re_twin(self.pattern, self._ignore_case)
        return twin if isinstance(twin, re.Pattern) else None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.pattern, regex.IGNORECASE if self._ignore_case else 0)
        return self._compiled

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        matches = self.compiled.finditer(string, pos, endpos, timeout=PATTERN_SECONDS)
        try:
            yield from matches
        except TimeoutError:
            raise PatternTimeout(self._message()) from None

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        try:
            found: re.Match[str] | None = self.compiled.search(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise PatternTimeout(self._message()) from None
        return found

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        plain = self._plain(string)
        if plain is not None:
            return plain.match(string, pos, len(string) if endpos is None else endpos)
        try:
            found: re.Match[str] | None = self.compiled.match(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise PatternTimeout(self._message()) from None
        return found

    @property
    def ignore_case(self) -> bool:
        """Whether the pattern was compiled to ignore case (its inline flags aside)."""
        return self._ignore_case

    @property
    def flags(self) -> int:
        """The flags `regex` gives the pattern (its inline flags too), read without compiling it
        with `regex`: `re` reads the same inline flags, and both set UNICODE for a text pattern."""
        return int(re.compile(self.pattern, re.IGNORECASE if self._ignore_case else 0).flags)

    def _message(self) -> str:
        return (f"its pattern ran over {PATTERN_SECONDS:g} s on this document and was stopped (a "
                f"pattern that backtracks without end?): {self.pattern[:80]!r}")


def literals_of(pattern: Matcher) -> tuple[Needed | None, Starts | None]:
    """The literals one of which is in every text the pattern matches, and those one of which
    is where each match starts (`certlint.checks.literals`)."""
    flags = pattern.flags & re.VERBOSE
    return needed(pattern.pattern, flags), starts(pattern.pattern, flags)


def compile_regex(source: str, key: str, case_sensitive: bool) -> BoundedPattern:
    """An author-written regex, time-bounded. Its syntax is Python's, checked (and an error
    worded) by `re`, which the pack schema documents."""
    try:
        re.compile(source, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise OptionError(key, f"bad regex in '{key}': {exc}") from None
    return BoundedPattern(source, not case_sensitive)


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def compile_match(options: Mapping[str, Any]) -> Matcher:
    """One regex for the rule's `phrase`/`pattern` options (exactly one of them is required)."""
    has_phrase, has_pattern = "phrase" in options, "pattern" in options
    if has_phrase == has_pattern:
        raise OptionError("phrase", "give exactly one of 'phrase' or 'pattern'")
    case_sensitive = bool(options.get("case_sensitive", False))
    if has_phrase:
        sources = [phrase_regex(p) for p in _as_list(options["phrase"])]
        joined = sources[0] if len(sources) == 1 else "|".join(f"(?:{s})" for s in sources)
        return re.compile(joined, 0 if case_sensitive else re.IGNORECASE)
    sources = _as_list(options["pattern"])
    for source in sources:
        compile_regex(source, "pattern", case_sensitive)
    joined = sources[0] if len(sources) == 1 else "|".join(f"(?:{s})" for s in sources)
    return compile_regex(joined, "pattern", case_sensitive)
