"""The dates pack as data: codes in order, every rule documented (its examples are linted by
tests/test_pack_examples.py, with every other pack's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from certlint.checks.date import CHECKS
from certlint.ruleset.loader import load_pack
from tests.conftest import ROOT

PACK = ROOT / "rules" / "dates.yaml"
RULES = yaml.safe_load(PACK.read_text(encoding="utf-8"))["rules"]


def test_pack_validates_against_the_schema() -> None:
    pack = load_pack(Path(PACK), builtin=False)
    assert [rule.code for rule in pack.rules] == [f"CL4{n:02d}" for n in range(1, len(CHECKS) + 1)]
    assert sorted(raw["check"] for raw in RULES) == sorted(CHECKS)


@pytest.mark.parametrize("rule", RULES, ids=[raw["code"] for raw in RULES])
def test_rule_is_documented(rule: dict[str, Any]) -> None:
    for key in ("name", "description", "example", "source", "message"):
        assert rule.get(key), key
    assert "What it checks" in rule["description"] and "Why it matters" in rule["description"]
