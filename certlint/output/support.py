"""Helpers several formats share: rule help text, stable fingerprints, severity words.

One place for the rule documentation text so that `certlint explain`, SARIF's `help` and the
language server's hover show the same words.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from certlint.diagnostic import Diagnostic
from certlint.output import RuleInfo

_SPACE = re.compile(r"\s+")


def rule_help(rule: RuleInfo) -> str:
    """The rule's documentation: its description, then its example and its source."""
    parts = [rule.description.strip() or rule.message]
    if rule.example.strip():
        parts.append(f"Example (reported): {rule.example.strip()}")
    if rule.source.strip():
        parts.append(f"Source: {rule.source.strip()}")
    return "\n\n".join(parts)


def docs_link(template: str | None, code: str) -> str | None:
    """The page documenting `code` under a `docs-url` template (None without one)."""
    return None if template is None else template.replace("{code}", code)


def docs_home(template: str) -> str:
    """The documentation's front page for a `docs-url` template: up to the folder holding `{code}`."""
    head = template.split("{code}", 1)[0]
    return head if head.endswith("/") else head.rsplit("/", 1)[0] + "/"


def summary(rule: RuleInfo) -> str:
    """One line about the rule: the first sentence of its description, else its message."""
    text = _SPACE.sub(" ", rule.description).strip()
    text = re.sub(r"^what it checks:\s*", "", text, flags=re.I)
    text = text[:1].upper() + text[1:]
    if not text:
        return rule.message
    match = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return match.group(1) if match else text


def matched_text(diagnostic: Diagnostic) -> str:
    """The reported text on the diagnostic's first line (the whole line for a document finding)."""
    d = diagnostic
    line = d.source_line
    if d.end_line == d.line and d.end_column > d.column:
        return line[d.column - 1 : d.end_column - 1]
    if d.end_line > d.line:
        return line[d.column - 1 :]
    return ""


def fingerprints(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """A stable fingerprint per diagnostic: path, code, matched text and its line's text.

    Line numbers are left out so that a finding keeps its fingerprint when lines are added above
    it; identical findings in one file are told apart by their order of occurrence.
    """
    seen: Counter[str] = Counter()
    result = []
    for d in diagnostics:
        context = _SPACE.sub(" ", d.source_line).strip()
        key = "\0".join((d.path.replace("\\", "/"), d.code, matched_text(d), context))
        seen[key] += 1
        # A file name that is not UTF-8 arrives surrogate-escaped: hash its bytes as on disk.
        digest = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogateescape")).hexdigest()
        result.append(digest[:32])
    return result
