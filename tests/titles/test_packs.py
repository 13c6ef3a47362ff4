"""The names pack and the title rules of officer-titles: each rule's `example` is reported by it."""

from __future__ import annotations

import pytest
import yaml

from certlint.api import lint_text
from certlint.engine.config import Config
from tests.conftest import ROOT

RULES = [rule for pack in ("officer-titles", "names")
         for rule in yaml.safe_load((ROOT / "rules" / f"{pack}.yaml").read_text())["rules"]]


@pytest.mark.parametrize("rule", RULES, ids=[rule["code"] for rule in RULES])
def test_example_is_reported(rule: dict[str, str]) -> None:
    # A rule kept off by default runs when selected by its full code.
    config = Config(extend_select=(rule["code"],)) if rule.get("enabled") is False else None
    codes = [d.code for d in lint_text(rule["example"], "example.txt", config=config)]
    assert rule["code"] in codes


def test_codes_unique_and_in_their_blocks() -> None:
    codes = [rule["code"] for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(code.startswith(("CL3", "CL5")) for code in codes)
