"""`required`: a phrase or regex must occur (optionally at least `min_count` times).

A missing phrase is reported where it belongs when the rule gives an `anchor`: a regex for the
place that should hold it (the words that open the clause, say), reported at the anchor's first
match; with no anchor, or no match for it, at the top of the document. With a `scope` (see
`certlint.checks.scope`) only the statement after another certification's text is read.

    kind: required
    phrase: fully complies with the requirements of
    anchor: the Report
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from certlint.checks.literals import Needed, Starts, finditer_near, may_match
from certlint.checks.phrases import MATCH_PROPERTIES, Matcher, compile_match, compile_regex, literals_of
from certlint.checks.scope import SCOPE_PROPERTIES, Scope, compile_scope, region
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "required"
SCHEMA: Mapping[str, Any] = {
    "properties": {
        **MATCH_PROPERTIES,
        **SCOPE_PROPERTIES,
        "min_count": {"type": "integer", "minimum": 1, "default": 1,
                      "description": "How many times the phrase must occur."},
        "anchor": {"type": "string", "minLength": 1,
                   "description": "Regex for where the phrase belongs; a missing phrase is "
                                  "reported at the anchor's first match."},
    },
}


class RequiredPhrase(Struct, frozen=True):
    pattern: Matcher
    min_count: int
    anchor: Matcher | None
    scope: Scope | None = None
    #: One of these is in every document the pattern matches (None: no prefilter).
    literals: Needed | None = None
    #: One of these is where each match starts (None: the pattern is tried everywhere).
    starts: Starts | None = None

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        span = region(self.scope, doc.prose)
        if span is None:
            return
        # A document holding none of the literals has no match: the search is not needed.
        matches = list(self._matches(doc, span)) if may_match(doc.prose, self.literals) else []
        found = sum(1 for m in matches if m.end() > m.start())
        if found >= self.min_count:
            return
        args = {"count": str(found), "min_count": str(self.min_count)}
        if matches:
            first = matches[0]
            yield Finding(first.start(), first.end(), args)
            return
        yield Finding(*self._expected_place(doc.prose.text, span), args)

    def _matches(self, doc: Document, span: tuple[int, int]) -> Iterator[re.Match[str]]:
        """The pattern's matches in the span: tried only where one may start, where that is exact."""
        starts = self.starts
        near = None if starts is None else finditer_near(self.pattern, doc.prose, starts.literals, *span,
                                                         starts.at_end)
        return self.pattern.finditer(doc.prose.text, *span) if near is None else near

    def _expected_place(self, text: str, span: tuple[int, int]) -> tuple[int, int]:
        if self.anchor is not None:
            match = self.anchor.search(text, *span)
            if match is not None:
                return match.start(), match.end()
        # A statement read after another certification is reported where it begins.
        return (-1, -1) if span[0] == 0 else (span[0], span[0])


def compile(options: Mapping[str, Any]) -> RequiredPhrase:
    anchor = options.get("anchor")
    case_sensitive = bool(options.get("case_sensitive", False))
    pattern = compile_match(options)
    return RequiredPhrase(
        pattern,
        int(options.get("min_count", 1)),
        compile_regex(anchor, "anchor", case_sensitive) if anchor else None,
        compile_scope(options),
        *literals_of(pattern),
    )
