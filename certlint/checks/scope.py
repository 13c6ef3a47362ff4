r"""Where in a document a phrase rule looks, and the reports a match is right for.

`scope`: a Section 906 statement is often in the same document as the Section 302 certification
(after its signature, or as a combined "Certification pursuant to Section 302 and 906"). Its
rules must read the 906 statement, not the 302's paragraphs, which the form rules already judge:

    scope:
      after: 'I have reviewed this'          # the other certification's text
      start: '\b1350\b|In connection with'  # where this rule's statement may begin
      requires: 'fully compl(?:ies|y)'       # what makes it the statement, not a footnote

A document without `after` is read whole. One with it is read from the line of the first `start`
match after the last `after` match to its end, if `requires` matches there; else the rule says
nothing in it. With `whole: true` such a document is read whole (a citation in its title counts),
but still only when it holds the statement.

`allow_for_forms`: matches that are right in a report on a given form (by the facts' `form`, else
by "Form 11-K" in the text): `{"11-K": '15 ?\(d\)'}` lets an 11-K's 906 cite Section 15(d) alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from certlint.checks.base import OptionError
from certlint.checks.literals import Needed, may_match, needed
from certlint.checks.phrases import BoundedPattern, compile_regex

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document.prose import Prose

#: JSON Schema for the keys, shared by the phrase and spelling kinds.
SCOPE_PROPERTIES: dict[str, Any] = {
    "scope": {
        "type": "object",
        "description": "Read only the statement after another certification's text: from the "
                       "line of the first `start` match after the last `after` match.",
        "properties": {
            "after": {"type": "string", "minLength": 1,
                      "description": "Regex for the other certification's text."},
            "start": {"type": "string", "minLength": 1,
                      "description": "Regex for where this rule's statement begins."},
            "requires": {"type": "string", "minLength": 1,
                         "description": "Regex the statement must match to be one."},
            "whole": {"type": "boolean", "default": False,
                      "description": "Read the whole document once it holds the statement."},
        },
        "required": ["after", "start", "requires"],
        "additionalProperties": False,
    },
}

ALLOW_FOR_FORMS_PROPERTIES: dict[str, Any] = {
    "allow_for_forms": {
        "type": "object",
        "description": "Report form -> regex of matches that are right in a report on that form.",
        "additionalProperties": {"type": "string", "minLength": 1},
    },
}


@dataclass(frozen=True, slots=True)
class Scope:
    after: BoundedPattern
    start: BoundedPattern
    requires: BoundedPattern
    whole: bool = False
    #: One of these is in every document `after` matches (None: no prefilter).
    after_literals: Needed | None = None
    #: The last prose read and its region: the rules of a pack share one scope (`compile_scope`).
    _last: list[tuple[Prose, tuple[int, int] | None]] = field(default_factory=list, compare=False)

    def region(self, prose: Prose) -> tuple[int, int] | None:
        """The span a rule reads: all of the text, the statement after the other certification,
        or None when the document holds the other certification and no statement after it."""
        for read, found in self._last[-1:]:  # one copy read: another thread may replace it
            if read is prose:
                return found
        found = self._region(prose)
        self._last[:] = [(prose, found)]
        return found

    def _region(self, prose: Prose) -> tuple[int, int] | None:
        text = prose.text
        if not may_match(prose, self.after_literals):
            return 0, len(text)
        last = None
        for last in self.after.finditer(text):  # noqa: B007 - the last match is wanted
            pass
        if last is None:
            return 0, len(text)
        found = self.start.search(text, last.end())
        if found is None or self.requires.search(text, found.start()) is None:
            return None
        return (0, len(text)) if self.whole else (text.rfind("\n", 0, found.start()) + 1, len(text))


#: Scopes compiled, by their options: rules with the same scope share one, and its region.
_SCOPES: dict[tuple[str, str, str, bool, bool], Scope] = {}


def compile_scope(options: Mapping[str, Any]) -> Scope | None:
    raw = options.get("scope")
    if raw is None:
        return None
    case_sensitive = bool(options.get("case_sensitive", False))
    key = (str(raw["after"]), str(raw["start"]), str(raw["requires"]), bool(raw.get("whole", False)),
           case_sensitive)
    if key not in _SCOPES:
        after, start, requires = (compile_regex(source, "scope", case_sensitive) for source in key[:3])
        _SCOPES[key] = Scope(after, start, requires, key[3], needed(key[0], after.flags & re.VERBOSE))
    return _SCOPES[key]


def region(scope: Scope | None, prose: Prose) -> tuple[int, int] | None:
    return (0, len(prose.text)) if scope is None else scope.region(prose)


class FormAllowance(Struct, frozen=True):
    """Matches right for a report form: the form's own regex, and how the text names it."""

    forms: Mapping[str, tuple[re.Pattern[str], re.Pattern[str]]]

    def allowed(self, matched: str, text: str, context: CheckContext) -> bool:
        form = (context.facts.form or "").upper().removesuffix("/A")
        for name, (named, right) in self.forms.items():
            on_form = form == name if form else named.search(text) is not None
            if on_form and right.search(matched):
                return True
        return False


def compile_allowance(options: Mapping[str, Any]) -> FormAllowance | None:
    raw = options.get("allow_for_forms")
    if not raw:
        return None
    forms = {}
    for name, source in raw.items():
        try:
            right = re.compile(str(source), re.IGNORECASE)
        except re.error as exc:
            raise OptionError("allow_for_forms", f"bad regex for {name!r}: {exc}") from None
        named = re.compile(r"\bForm ?" + re.escape(str(name)) + r"(?![\w-])", re.IGNORECASE)
        forms[str(name).upper()] = (named, right)
    return FormAllowance(forms)
