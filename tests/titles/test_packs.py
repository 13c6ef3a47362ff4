"""The names pack and the title rules of officer-titles: codes unique and in their blocks (the
examples are linted by tests/test_pack_examples.py)."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT

RULES = [rule for pack in ("officer-titles", "names")
         for rule in yaml.safe_load((ROOT / "rules" / f"{pack}.yaml").read_text())["rules"]]


def test_codes_unique_and_in_their_blocks() -> None:
    codes = [rule["code"] for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(code.startswith(("CL3", "CL5")) for code in codes)
