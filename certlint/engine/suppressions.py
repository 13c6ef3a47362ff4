"""Inline suppressions: `<!-- certlint: disable=CL301 -->` comments, applied once after the checks.

Directives (codes comma-separated; no codes means every code):

    <!-- certlint: disable=CL301,CL302 -->     from here to a matching enable (or the end of the file)
    <!-- certlint: enable=CL301 -->            ends a disable from here on
    <!-- certlint: disable-next-line=CL301 --> only the line after the one the comment ends on

They are read from the file's source (a position in the source, so one comment serves every
document of a submission) in Markdown and HTML, whose comments never reach the filed text's
prose. Plain text has no comment syntax: anything written there is filed text, so plain-text
exhibits take per-file-ignores or a baseline instead. A finding about a document as a whole
(reported at its first character) is covered by a `disable` that is never re-enabled.
Like flake8's noqa, the runner applies them after every check, never inside a check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.ruleset.codes import INVALID_SUPPRESSION, META_CODES, UNUSED_SUPPRESSION, meta_diagnostic

if TYPE_CHECKING:
    from certlint.diagnostic import Diagnostic
    from certlint.document import Document
    from certlint.document.lines import LineIndex
    from certlint.ruleset.model import Rule
    from certlint.ruleset.policy import ReportPolicy

#: Formats whose comments hold directives.
COMMENT_FORMATS = frozenset({"markdown", "html", "submission"})

DIRECTIVE = re.compile(
    r"<!--\s*certlint:\s*(?P<action>[A-Za-z][\w-]*)(?:\s*=\s*(?P<codes>[^>]*?))?\s*-->")
ACTIONS = ("disable", "enable", "disable-next-line")
_ALL = "*"


class Directive(Struct, frozen=True):
    action: str
    #: None: every code.
    codes: tuple[str, ...] | None
    start: int
    end: int
    #: The 1-based line the comment ends on (disable-next-line covers the line after it).
    end_line: int


def parse(source: str, lines: LineIndex) -> list[Directive]:
    """Every `certlint:` comment of a source, in order (unknown actions kept as written)."""
    found = []
    for match in DIRECTIVE.finditer(source):
        raw = match.group("codes")
        codes = None if raw is None else tuple(c.strip().upper() for c in raw.split(",") if c.strip())
        end_line = lines.position(match.end() - 1)[0]
        found.append(Directive(match.group("action"), codes or None, match.start(), match.end(),
                               end_line))
    return found


def suppress(docs: Sequence[Document], diagnostics: list[Diagnostic],
             policy: ReportPolicy) -> list[Diagnostic]:
    """The diagnostics of one file minus the suppressed ones, plus CL001/CL002 about directives."""
    if not docs or not any(doc.format in COMMENT_FORMATS for doc in docs):
        return diagnostics
    doc = docs[0]
    directives = parse(doc.source, doc.lines)
    if directives and doc.format == "markdown":
        directives = _outside_code(directives, doc.source, doc.lines)
    if not directives:
        return diagnostics
    starts = {0 if d.part is None else d.prose.to_source(0) for d in docs}
    used: set[tuple[int, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        whole = diagnostic.offset == diagnostic.end_offset and diagnostic.offset in starts
        by = _suppressed_by(diagnostic, directives, whole)
        if by is None:
            kept.append(diagnostic)
        else:
            used.add(by)
    known = policy.ruleset.codes() | META_CODES
    path = doc.path
    # A code whose rule does not run here (not selected, ignored for the path) is not "unused".
    ignored = policy.ignored_codes(path)
    active = frozenset(rule.code for rule in policy.ruleset.rules if policy.selection.is_selected(rule)
                       and not any(rule.code.startswith(prefix) for prefix in ignored))
    meta: list[tuple[Rule, Directive, str]] = []
    for index, directive in enumerate(directives):
        meta.extend(_check(directive, index, known, active, used, policy.report_unused_suppressions))
    for rule, directive, message in meta:
        if policy.is_reported(rule, path):
            kept.append(meta_diagnostic(rule, path, doc.lines, directive.start, directive.end, message))
    return kept


def _outside_code(directives: list[Directive], source: str, lines: LineIndex) -> list[Directive]:
    """Drop directives shown as code in Markdown (a fence, an indented block, `backticks`)."""
    from markdown_it import MarkdownIt

    code_lines: set[int] = set()
    for token in MarkdownIt("commonmark").parse(source):
        if token.type in ("fence", "code_block") and token.map is not None:
            code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
    return [d for d in directives if lines.position(d.start)[0] not in code_lines
            and source[d.start - 1 : d.start] != "`"]


def _suppressed_by(diagnostic: Diagnostic, directives: list[Directive],
                   whole: bool) -> tuple[int, str] | None:
    """(directive index, code or '*') of the directive silencing a diagnostic, or None."""
    code = diagnostic.code
    all_by: int | None = None
    disabled: dict[str, int] = {}
    excepted: set[str] = set()
    for index, d in enumerate(directives):
        if d.action == "disable-next-line":
            if d.end_line + 1 == diagnostic.line and (d.codes is None or code in d.codes):
                return index, _ALL if d.codes is None else code
            continue
        if d.end > diagnostic.offset and not whole:
            break
        if d.action == "disable" and d.codes is None:
            all_by, disabled, excepted = index, {}, set()
        elif d.action == "disable" and d.codes is not None:
            if all_by is not None:
                excepted.difference_update(d.codes)
            else:
                disabled.update(dict.fromkeys(d.codes, index))
        elif d.action == "enable" and d.codes is None:
            all_by, disabled, excepted = None, {}, set()
        elif d.action == "enable" and d.codes is not None:
            if all_by is not None:
                excepted.update(d.codes)
            for c in d.codes:
                disabled.pop(c, None)
    if code in disabled:
        return disabled[code], code
    if all_by is not None and code not in excepted:
        return all_by, _ALL
    return None


def _check(directive: Directive, index: int, known: frozenset[str], active: frozenset[str],
           used: set[tuple[int, str]], report_unused: bool) -> Iterable[tuple[Rule, Directive, str]]:
    if directive.action not in ACTIONS:
        yield (INVALID_SUPPRESSION, directive, f"unknown suppression directive '{directive.action}' "
               f"(expected one of: {', '.join(ACTIONS)})")
        return
    unknown = [c for c in directive.codes or () if c not in known]
    for code in unknown:
        yield INVALID_SUPPRESSION, directive, f"unknown code '{code}' in suppression"
    if not report_unused or directive.action == "enable":
        return
    if directive.codes is None:
        if (index, _ALL) not in used:
            yield UNUSED_SUPPRESSION, directive, "unused suppression: every code (nothing to suppress)"
        return
    idle = [c for c in directive.codes if c in active and (index, c) not in used]
    if idle:
        yield UNUSED_SUPPRESSION, directive, f"unused suppression: {', '.join(idle)}"
