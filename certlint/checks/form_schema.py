"""The options of the `form` kind, as JSON Schema: what a pack may say of a prescribed form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from certlint.analysis.form.spec import CLASSES

_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "report": {
            "type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": list(CLASSES)},
            "description": "Deviation classes this rule reports: wording (changed, missing or added "
                           "words), structure (paragraphs missing, added, moved, mis-lettered), "
                           "punctuation (punctuation, spacing, an article), substitution (the "
                           "registrant's name for 'registrant', a title in the opening), variant "
                           "(officer/officer(s), capitalisation).",
        },
        "versions": {
            "type": "array", "minItems": 1,
            "description": "The versions of the form, preferred first.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "text"],
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "label": {"type": "string", "description": "How messages name the version."},
                    "source": {"type": "string", "description": "Where this version is set out."},
                    "text": {"type": "string", "minLength": 1,
                             "description": "One unit per line; {placeholder}; [[optional]]."},
                    "filed_from": {**_DATE, "description": "Valid for reports filed on or after."},
                    "filed_before": {**_DATE, "description": "Valid for reports filed before."},
                    "period_before": {**_DATE, "description": "Valid for periods ending before "
                                                              "(the ICFR compliance date)."},
                    "period_before_accelerated": {**_DATE, "description": "period_before for "
                                                  "accelerated filers (facts: accelerated-filer)."},
                    "after": {"type": "array", "items": {"type": "string", "minLength": 1},
                              "description": "Unnumbered passages allowed after the last "
                                             "paragraph (form text syntax)."},
                    "forms": {"type": "array", "items": {"type": "string", "minLength": 1},
                              "description": "Report forms this version is prescribed for "
                                             "('20-F', 'N-CSR'); without it, any other report."},
                },
            },
        },
        "no_financial_statements": {
            "type": "array", "items": {"type": "string", "minLength": 1},
            "description": "Phrases by which an amendment says it has no financial statements, so "
                           "that its certification may leave out paragraphs 3-5.",
        },
        "obsolete_forms": {
            "type": "object",
            "description": "Forms withdrawn after a date (a warning when used later): form -> "
                           "{period_after | filed_after: YYYY-MM-DD, instead: the form to use}.",
            "additionalProperties": {
                "type": "object", "additionalProperties": False,
                "properties": {"period_after": _DATE, "filed_after": _DATE,
                               "instead": {"type": "string", "minLength": 1}},
            },
        },
        "small_business_forms": {
            "type": "array", "items": {"type": "string", "minLength": 1},
            "description": "Forms whose certifications say 'small business issuer' for "
                           "'registrant' (default 10-KSB, 10-QSB).",
        },
    },
    "required": ["report", "versions"],
}
