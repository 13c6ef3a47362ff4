"""SARIF links to rule documentation only where the user says it is (`docs-url`): certlint has
no public site, so without it no URL is written, and with it the log still validates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.output.helpers import run_format
from tests.output.test_sarif import _validate, sarif_schema

__all__ = ["sarif_schema"]  # the fixture, used by name below

TEMPLATE = "https://docs.example.org/certlint/rules/{code}.html"


def _driver(out: str) -> dict[str, Any]:
    driver: dict[str, Any] = json.loads(out)["runs"][0]["tool"]["driver"]
    return driver


def test_without_docs_url_no_link_is_made_up(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_format("sarif", monkeypatch=monkeypatch)
    driver = _driver(out)
    assert code == 1 and "informationUri" not in driver
    assert all("helpUri" not in rule and set(rule["help"]) == {"text"} for rule in driver["rules"])


def test_docs_url_gives_information_and_help_uris(sarif_schema: dict[str, Any],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_format("sarif", "--docs-url", TEMPLATE, monkeypatch=monkeypatch)
    assert (code, err) == (1, "")
    log = json.loads(out)
    _validate(log, sarif_schema)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://docs.example.org/certlint/rules/"
    cl301 = next(rule for rule in driver["rules"] if rule["id"] == "CL301")
    assert cl301["helpUri"] == "https://docs.example.org/certlint/rules/CL301.html"
    assert cl301["help"]["markdown"].endswith(
        "\n\n[CL301 title-misspelling](https://docs.example.org/certlint/rules/CL301.html)")
    assert cl301["help"]["markdown"].startswith(cl301["help"]["text"])


def test_docs_url_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(f'[tool.certlint]\ndocs-url = "{TEMPLATE}"\nselect = ["CL301"]\n')
    Path("ex31.txt").write_text("I, Jane Doe, certify that:\nJane Doe\nCheif Executive Officer\n")
    code, out, _ = run_cli(["--format", "sarif", "ex31.txt"])
    rule = next(rule for rule in _driver(out)["rules"] if rule["id"] == "CL301")
    assert code == 1 and rule["helpUri"] == "https://docs.example.org/certlint/rules/CL301.html"


@pytest.mark.parametrize(("value", "problem"), [
    ("docs.example.org/{code}", "is not an absolute URL"),
    ("https://docs.example.org/rules", "put {code} in it"),
])
def test_a_bad_docs_url_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            value: str, problem: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["--isolated", "--docs-url", value, "."])
    assert (code, out) == (2, "") and problem in err and err.count("\n") == 1
    Path(".certlint.yaml").write_text(f"docs-url: '{value}'\n")
    code, _, err = run_cli(["."])
    assert code == 2 and err.startswith(f"certlint: error: {Path('.certlint.yaml').resolve()}:1: 'docs-url'")
    assert problem in err
