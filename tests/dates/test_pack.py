"""The dates pack as data: codes in order, every rule documented, every example reported."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from certlint.checks.date import CHECKS
from certlint.ruleset.loader import load_pack
from tests.conftest import ROOT
from tests.dates.helpers import lint_dates

PACK = ROOT / "rules" / "dates.yaml"
RULES = yaml.safe_load(PACK.read_text(encoding="utf-8"))["rules"]
#: Facts an example needs: a quarter end can only be wrong against a configured calendar.
EXAMPLE_FACTS = {"CL402": {"fiscal_year_end": "last saturday of september"}}


def test_pack_validates_against_the_schema() -> None:
    pack = load_pack(Path(PACK), builtin=False)
    assert [rule.code for rule in pack.rules] == [f"CL4{n:02d}" for n in range(1, len(CHECKS) + 1)]
    assert sorted(raw["check"] for raw in RULES) == sorted(CHECKS)


@pytest.mark.parametrize("rule", RULES, ids=[raw["code"] for raw in RULES])
def test_rule_is_documented(rule: dict[str, str]) -> None:
    for key in ("name", "description", "example", "source", "message"):
        assert rule.get(key), key
    assert "What it checks" in rule["description"] and "Why it matters" in rule["description"]


@pytest.mark.parametrize("rule", RULES, ids=[raw["code"] for raw in RULES])
def test_example_is_reported(rule: dict[str, str]) -> None:
    found = lint_dates(rule["example"], EXAMPLE_FACTS.get(rule["code"]))
    assert any(line.endswith(f" {rule['code']}") for line in found), found
