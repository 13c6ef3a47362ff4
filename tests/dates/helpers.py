"""Lint inline texts with only the date rules, under given facts and a fixed today."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from certlint.document.facts import facts_from_mapping
from certlint.engine.config import Config
from certlint.engine.linter import Linter
from certlint.ruleset import RuleSet, Selection, load_ruleset

TODAY = date(2026, 1, 1)


@lru_cache(maxsize=1)
def ruleset() -> RuleSet:
    return load_ruleset([])


def date_linter(facts: Mapping[str, Any] | None = None, today: date = TODAY) -> Linter:
    config = Config(facts=(("*", facts_from_mapping(facts)),) if facts else ())
    return Linter(ruleset(), config, Selection(("CL4",)), today)


def lint_dates(text: str, facts: Mapping[str, Any] | None = None, today: date = TODAY,
               name: str = "cert.txt") -> list[str]:
    """`line:col: CODE` of each date diagnostic."""
    return [f"{d.line}:{d.column}: {d.code}" for d in date_linter(facts, today).lint_file(name, text=text)]
