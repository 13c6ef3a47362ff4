"""`certlint explain CODE`: the rule's description and example, for every built-in rule."""

from __future__ import annotations

import pytest

from certlint.ruleset import load_ruleset
from tests.conftest import run_cli

BUILTIN = sorted(load_ruleset().rules, key=lambda r: r.code)


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.code for r in BUILTIN])
def test_every_builtin_rule_has_a_description(rule: object) -> None:
    from certlint.ruleset import Rule

    assert isinstance(rule, Rule)
    assert rule.description.strip(), f"{rule.code} ({rule.pack}) has no description"


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.code for r in BUILTIN])
def test_explain_works_for_every_builtin_rule(rule: object) -> None:
    from certlint.ruleset import Rule

    assert isinstance(rule, Rule)
    code, out, err = run_cli(["explain", rule.code.lower(), "--isolated"])
    assert (code, err) == (0, "")
    assert out.startswith(f"{rule.code} {rule.name} (pack {rule.pack}, kind {rule.kind}, "
                          f"{rule.severity.value}")
    assert rule.description.strip() in out
    if rule.example.strip():
        assert f"Example (reported): {rule.example.strip()}" in out


def test_explain_cl301_exactly() -> None:
    code, out, _ = run_cli(["explain", "CL301", "--isolated"])
    assert code == 0
    assert out.splitlines()[:3] == [
        "CL301 title-misspelling (pack officer-titles, kind spelling, error)", "",
        "Message: misspelled title word '{word}': did you mean '{suggestion}'?"]
    assert out.endswith("Example (reported): I, Jane Doe, certify that:\n"
                        "AS CHIEF EXECUTIVE OFFICER (PRINCIPAL EXEUCTIVE OFFICER)\n\n"
                        "Source: Item 601(b)(31) and (32) of Regulation S-K; Rule 13a-14\n")


def test_unknown_code_is_exit_2_with_one_line() -> None:
    assert run_cli(["explain", "XX999", "--isolated"]) == (
        2, "", "certlint: error: unknown rule code 'XX999' (see `certlint rules`)\n")
    code, out, err = run_cli(["explain", "CL30", "--isolated"])
    assert (code, out) == (2, "")
    assert err.startswith("certlint: error: unknown rule code 'CL30' (codes starting with it: CL301")


def test_missing_code_is_a_usage_error() -> None:
    code, out, err = run_cli(["explain"])
    assert (code, out) == (2, "")
    assert err.endswith("certlint explain: error: the following arguments are required: CODE\n")
