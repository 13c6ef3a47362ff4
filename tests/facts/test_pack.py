"""The facts pack's own examples: each per-document rule reports its `example`, linted alone as
example.txt with only that rule selected, and the corrected text is not reported."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from certlint.api import lint_text
from tests.facts.certs import ROOT

RULES: list[dict[str, Any]] = yaml.safe_load((ROOT / "rules" / "facts.yaml").read_text(encoding="utf-8"))["rules"]
DOCUMENT_RULES = [rule for rule in RULES if rule["kind"] != "filing"]
CORRECTED = {
    "CL701": ("annual report on Form 10-Q", "quarterly report on Form 10-Q"),
    "CL702": ("annual report on Form 10-K of", "annual report on Form 10-K/A of"),
    "CL703": ("Form 10-K;", "Form 10-K of Example Corp.;"),
    "CL704": ("[Name]", "Jane Doe"),
}


def codes(text: str, code: str) -> list[str]:
    return [d.code for d in lint_text(text, "example.txt") if d.code == code]


@pytest.mark.parametrize("rule", DOCUMENT_RULES, ids=[r["code"] for r in DOCUMENT_RULES])
def test_example_is_reported(rule: dict[str, Any]) -> None:
    assert codes(rule["example"], rule["code"])


@pytest.mark.parametrize("rule", DOCUMENT_RULES, ids=[r["code"] for r in DOCUMENT_RULES])
def test_corrected_example_is_not(rule: dict[str, Any]) -> None:
    wrong, right = CORRECTED[rule["code"]]
    text = rule["example"].replace(wrong, right)
    if rule["code"] == "CL704":
        text = text.replace("[Name of Registrant]", "Example Corp.").replace("March XX, 20XX", "March 2, 2026")
    assert text != rule["example"]
    assert codes(text, rule["code"]) == []


def test_every_rule_is_documented() -> None:
    assert [r["code"] for r in RULES] == ["CL701", "CL702", "CL703", "CL704", "CL711", "CL712", "CL713", "CL714", "CL715"]
    assert all(r.get("description") and r.get("example") and r.get("source") for r in RULES)
