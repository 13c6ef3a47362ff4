"""The JSON Schema of a rule pack, composed from the common keys and each kind's own keys.

`pack_schema()` is what ships as `certlint/pack.schema.json` (for editors); `rule_schema(kind)`
is what the loader validates one rule against, so that an unknown key is an error naming it.
"""

from __future__ import annotations

import json
from typing import Any

from certlint.checks import KINDS

SCHEMA_ID = "https://certlint.invalid/pack.schema.json"

CODE_PATTERN = r"^[A-Z]{1,5}[0-9]{2,4}$"

#: An example is one document's text, or the files of one filing by name (a cross-document rule
#: needs several); the test suite lints every built-in rule's examples.
_EXAMPLE: dict[str, Any] = {"oneOf": [
    {"type": "string", "minLength": 1},
    {"type": "object", "minProperties": 1,
     "propertyNames": {"pattern": r"^[^/\\]+\.(?:txt|md|markdown|htm|html)$"},
     "additionalProperties": {"type": "string", "minLength": 1}},
]}

COMMON_RULE_PROPERTIES: dict[str, Any] = {
    "code": {"type": "string", "pattern": CODE_PATTERN,
             "description": "Stable code, flake8 style: capital letters then digits (CL101)."},
    "name": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
             "description": "Kebab-case name for humans."},
    "kind": {"enum": sorted(KINDS), "description": "The check kind."},
    "severity": {"enum": ["error", "warning", "info"], "default": "error"},
    "message": {"type": "string", "minLength": 1,
                "description": "Message template; {placeholders} are filled by the check."},
    "description": {"type": "string", "description": "What the rule checks and why it matters."},
    "example": {**_EXAMPLE, "description": "A document the rule reports, linted on its own with only "
                "this rule selected; or the files of one filing (file name: text), linted together "
                "in repository mode."},
    "example_pass": {**_EXAMPLE, "description": "A document (or filing) the rule must not report: "
                     "the example put right."},
    "source": {"type": "string", "description": "The regulation or statute behind the rule."},
    "enabled": {"type": "boolean", "default": True,
                "description": "false: the rule runs only when selected explicitly."},
}
COMMON_REQUIRED = ["code", "kind", "message"]

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}

PACK_PROPERTIES: dict[str, Any] = {
    "pack": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Pack name."},
    "description": {"type": "string"},
    "applies_to": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "files": {**_STRINGS, "description": "Globs on the path or file name."},
            "markers": {**_STRINGS, "description": "Phrases, any of which marks a document."},
            "unless": {**_STRINGS, "description": "Phrases that exclude a document."},
        },
    },
    "rules": {"type": "array", "items": {"type": "object"}},
}


def rule_schema(kind: str) -> dict[str, Any]:
    """The strict schema of one rule of a known kind."""
    own = KINDS[kind].SCHEMA
    return {
        "type": "object",
        "properties": {**COMMON_RULE_PROPERTIES, **own.get("properties", {})},
        "required": COMMON_REQUIRED + list(own.get("required", [])),
        "additionalProperties": False,
    }


def header_schema() -> dict[str, Any]:
    """The pack's own keys, with rules checked only for being mappings with a known kind."""
    return {
        "type": "object",
        "properties": {
            **PACK_PROPERTIES,
            "rules": {"type": "array", "items": {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": COMMON_RULE_PROPERTIES["kind"]},
            }},
        },
        "required": ["pack", "rules"],
        "additionalProperties": False,
    }


def pack_schema() -> dict[str, Any]:
    """The full pack schema for editors: one if/then branch per kind."""
    branches = []
    for kind in sorted(KINDS):
        own = KINDS[kind].SCHEMA
        branches.append({
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": dict(own.get("properties", {})),
                     "required": list(own.get("required", []))},
        })
    rule = {
        "type": "object",
        "properties": COMMON_RULE_PROPERTIES,
        "required": COMMON_REQUIRED,
        "allOf": branches,
        "unevaluatedProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "certlint rule pack",
        "type": "object",
        "properties": {**PACK_PROPERTIES, "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}}},
        "required": ["pack", "rules"],
        "additionalProperties": False,
        "$defs": {"rule": rule},
    }


def pack_schema_json() -> str:
    return json.dumps(pack_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":  # python -m certlint.ruleset.schema > certlint/pack.schema.json
    print(pack_schema_json(), end="")
