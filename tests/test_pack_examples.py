"""Every rule of every built-in pack reports its `example` and not its `example_pass`.

Each example is linted on its own, as `example.txt`, with only its rule selected (which runs a
rule that is off by default too) and as a user's run lints a file: it must read as a
certification (an `example_pass` is linted with `--all-documents`); an example given as file names and texts is one filing, its
files linted together in repository mode. So an example is a document the rule really reports,
not a phrase that only reads like one, and its counterpart shows what the rule accepts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from certlint.ruleset.loader import builtin_pack_dir
from tests import harness

PACKS = sorted(builtin_pack_dir().glob("*.yaml"))
RULES: list[dict[str, Any]] = [rule for pack in PACKS
                               for rule in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]]
IDS = [rule["code"] for rule in RULES]


def codes(example: str | dict[str, str], code: str, all_documents: bool = False) -> list[str]:
    """The codes `example` gets. By default as a user's run lints it (`certlint explain` shows
    it as a document to lint): so an `example` must read as a certification; an `example_pass`
    is linted with `--all-documents`, so that it passes the rule, not only the recognition."""
    source: harness.Source = example if isinstance(example, str) else dict(example)
    return [problem.code for problem in harness.lint(source, code, name="example.txt",
                                                     all_documents=all_documents)]


def test_every_pack_is_covered() -> None:
    assert {"dates.yaml", "filing.yaml", "names.yaml", "officer-titles.yaml", "sox302.yaml",
            "sox906.yaml"} <= {p.name for p in PACKS}
    missing = [rule["code"] for rule in RULES if not (rule.get("example") and rule.get("example_pass"))]
    assert missing == []


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_example_is_reported(rule: dict[str, Any]) -> None:
    assert rule["code"] in codes(rule["example"], rule["code"])


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_example_pass_is_not_reported(rule: dict[str, Any]) -> None:
    assert codes(rule["example_pass"], rule["code"], all_documents=True) == []


@pytest.mark.parametrize("rule", [r for r in RULES if r["kind"] == "filing"],
                         ids=[r["code"] for r in RULES if r["kind"] == "filing"])
def test_a_cross_document_example_is_a_filing(rule: dict[str, Any]) -> None:
    """A filing rule finds nothing in one document: its examples are several files."""
    for key in ("example", "example_pass"):
        assert isinstance(rule[key], dict) and len(rule[key]) >= 2, key


def test_a_filing_example_is_shown_file_by_file(tmp_path: Path) -> None:
    """explain and SARIF show a filing example as its files, each under its name."""
    from certlint.ruleset.loader import load_pack

    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\nrules:\n  - code: PP601\n    kind: filing\n    check: same-date\n"
                    "    message: m\n    example:\n      a.txt: |\n        one\n        two\n"
                    "      b.md: three\n    example_pass: four\n", encoding="utf-8")
    rule = load_pack(pack).rules[0]
    assert (rule.example, rule.example_pass) == ("a.txt:\n  one\n  two\nb.md:\n  three", "four")
