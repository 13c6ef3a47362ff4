"""Lint inline texts with only the date rules, under given facts and a fixed today (through
tests.harness); `date_linter` for the tests that call the engine itself."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from certlint.document.facts import facts_from_mapping
from certlint.engine.config import Config
from certlint.engine.linter import Linter
from certlint.engine.setup import SetupOptions, build_linter
from tests import harness

TODAY = date(2026, 1, 1)


def date_linter(facts: Mapping[str, Any] | None = None, today: date = TODAY) -> Linter:
    config = Config(facts=(("*", facts_from_mapping(facts)),) if facts else (), all_documents=True)
    return build_linter(SetupOptions(config=config, select=("CL4",), today=today))


def _config(facts: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return {"facts": {"*": dict(facts)}} if facts else None


def lint_dates(text: str, facts: Mapping[str, Any] | None = None, today: date = TODAY,
               name: str = "cert.txt") -> list[str]:
    """`line:col: CODE` of each date diagnostic."""
    found = harness.lint(text, "CL4", ["--today", today.isoformat()], name=name, config=_config(facts))
    return [str(problem) for problem in found]
