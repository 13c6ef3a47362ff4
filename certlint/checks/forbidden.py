"""`forbidden`: a phrase or regex must not occur; `suggest` names the replacement. `scope` and
`allow_for_forms` (see `certlint.checks.scope`) narrow where it is looked for and what is wrong.

    kind: forbidden
    phrase: results of operation
    suggest: results of operations
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from certlint.checks.branches import Branches, branches_of
from certlint.checks.literals import Needed, Starts, finditer_near, may_match
from certlint.checks.phrases import MATCH_PROPERTIES, Matcher, compile_match, literals_of
from certlint.checks.scope import (
    ALLOW_FOR_FORMS_PROPERTIES,
    SCOPE_PROPERTIES,
    FormAllowance,
    Scope,
    compile_allowance,
    compile_scope,
    region,
)
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "forbidden"
SCHEMA: Mapping[str, Any] = {
    "properties": {
        **MATCH_PROPERTIES,
        **SCOPE_PROPERTIES,
        **ALLOW_FOR_FORMS_PROPERTIES,
        "suggest": {"type": "string",
                    "description": "Replacement text, shown in the message and offered as a fix."},
    },
}


class ForbiddenPhrase(Struct, frozen=True):
    pattern: Matcher
    suggest: str | None
    scope: Scope | None = None
    allowance: FormAllowance | None = None
    #: One of these is in every document the pattern matches (None: no prefilter).
    literals: Needed | None = None
    #: One of these is where each match starts (None: the pattern is tried everywhere).
    starts: Starts | None = None
    #: The pattern's top-level alternatives, searched without those a document rules out.
    branches: Branches | None = None

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        if not may_match(doc.prose, self.literals):
            return
        pattern, starts = self.pattern, self.starts
        if self.branches is not None:
            variant = self.branches.for_prose(doc.prose)
            if variant is False:
                return
            if not isinstance(variant, bool):
                pattern, starts = variant.pattern, variant.starts
        text = doc.prose.text
        span = region(self.scope, doc.prose)
        if span is None:
            return
        near = None if starts is None else finditer_near(pattern, doc.prose, starts.literals, *span,
                                                         starts.at_end)
        for match in pattern.finditer(text, *span) if near is None else near:
            if match.end() == match.start():
                continue
            if self.allowance is not None and self.allowance.allowed(match.group(), text, context):
                continue
            args = {"match": match.group()}
            if self.suggest is not None:
                args["suggestion"] = self.suggest
            yield Finding(match.start(), match.end(), args, suggestion=self.suggest)


def compile(options: Mapping[str, Any]) -> ForbiddenPhrase:
    suggest = options.get("suggest")
    pattern = compile_match(options)
    return ForbiddenPhrase(pattern, None if suggest is None else str(suggest),
                           compile_scope(options), compile_allowance(options),
                           *literals_of(pattern), branches_of(pattern))
