"""Phrase and regex matching on the prose view, shared by the phrase kinds."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from certlint.checks.base import OptionError
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


def compile_regex(source: str, key: str, case_sensitive: bool) -> re.Pattern[str]:
    try:
        return re.compile(source, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise OptionError(key, f"bad regex in '{key}': {exc}") from None


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def compile_match(options: Mapping[str, Any]) -> re.Pattern[str]:
    """One regex for the rule's `phrase`/`pattern` options (exactly one of them is required)."""
    has_phrase, has_pattern = "phrase" in options, "pattern" in options
    if has_phrase == has_pattern:
        raise OptionError("phrase", "give exactly one of 'phrase' or 'pattern'")
    case_sensitive = bool(options.get("case_sensitive", False))
    if has_phrase:
        sources = [phrase_regex(p) for p in _as_list(options["phrase"])]
        key = "phrase"
    else:
        sources = _as_list(options["pattern"])
        key = "pattern"
        for source in sources:
            compile_regex(source, key, case_sensitive)
    joined = sources[0] if len(sources) == 1 else "|".join(f"(?:{s})" for s in sources)
    return compile_regex(joined, key, case_sensitive)
