"""The options of the `title` kind: their JSON Schema and their validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from certlint.checks import spelling
from certlint.checks.base import OptionError

CHECKS = ("vocabulary", "casing", "role", "designation", "agreement")
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": list(CHECKS), "description": "Which title check the rule runs."},
        "vocabulary": {**_STRINGS, "description": "Words titles are built from."},
        "allow": {**_STRINGS, "description": "Other words accepted in a title."},
        "designations": {"type": "object", "additionalProperties": {"type": "string"},
                         "description": "Role designations (without parentheses) mapped to roles."},
        "role_titles": {"type": "object", "additionalProperties": _STRINGS,
                        "description": "Roles mapped to the title phrases that imply them."},
        "certifying_roles": {**_STRINGS, "description": "Roles that may sign a certification."},
        "homophones": {"type": "object", "additionalProperties": {"type": "string"},
                       "description": "Real words misused for a title word (principle: Principal), "
                                      "read as the title word when roles are identified."},
        "unknown_words": {"type": "boolean", "default": False,
                          "description": "vocabulary: report every word outside the vocabulary, "
                                         "not only near misses of a title word."},
    },
    "required": ["check"],
}


def read_options(options: Mapping[str, Any]) -> tuple[Any, ...]:
    """The fields of a TitleCheck from a rule's options, validated (OptionError names the key)."""
    check = str(options.get("check", ""))
    if check not in CHECKS:
        raise OptionError("check", f"unknown check '{check}'")
    vocabulary = [str(w) for w in options.get("vocabulary", ())]
    allow = [str(w) for w in options.get("allow", ())]
    if check in ("vocabulary", "casing", "designation", "agreement") and not vocabulary:
        raise OptionError("vocabulary", f"check '{check}' needs a 'vocabulary'")
    if check == "role" and not (options.get("role_titles") and options.get("certifying_roles")):
        raise OptionError("role_titles", "check 'role' needs 'role_titles' and 'certifying_roles'")
    if check == "designation" and not options.get("designations"):
        raise OptionError("designations", "check 'designation' needs 'designations'")
    speller = spelling.compile({"vocabulary": [w for w in vocabulary if w.isalpha()] or ["Officer"],
                                "max_distance": 2, "min_length": 4}) if vocabulary else None
    return (
        check,
        frozenset(w.lower() for w in [*vocabulary, *allow]),
        {str(k): str(v) for k, v in dict(options.get("designations", {})).items()},
        {str(k): tuple(str(p) for p in v) for k, v in dict(options.get("role_titles", {})).items()},
        frozenset(str(r) for r in options.get("certifying_roles", ())),
        speller,
        bool(options.get("unknown_words", False)),
        {str(k).lower(): str(v) for k, v in dict(options.get("homophones", {})).items()},
    )
