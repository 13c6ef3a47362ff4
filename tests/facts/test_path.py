"""`facts-from-path`: a regex with named groups gives each document form, period, exhibit and
filing facts from its name, and the facts checks name the path as their source."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from certlint.document.facts import facts_from_path
from certlint.engine.config import ConfigError
from certlint.engine.config_file import load_config
from tests.conftest import FIXTURES, run_cli

FOLDER = FIXTURES / "facts-path"


def test_a_repository_named_company_form_period_exhibit_gets_form_and_period(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(FOLDER)
    code, out, err = run_cli(["--today", "2026-01-01", "."])
    assert (code, err) == (1, "")
    assert out.splitlines() == [line.replace("/", os.sep) for line in [
        "acme/acme_10-Q_2025-03-31_ex31-2.htm:5:28: CL701 'annual report on Form 10-K' in paragraph 1, "
        "but the form is 10-Q (path)",
        "acme/acme_10-Q_2025-03-31_ex32-1.txt:5:106: CL404 period end March 30, 2025 disagrees with the "
        "period end March 31, 2025 from the file's path"]]


def test_without_the_setting_the_same_files_give_no_fact_diagnostic(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(FOLDER)
    code, out, _ = run_cli(["--isolated", "--select", "CL7,CL404", "--today", "2026-01-01", "."])
    assert (code, out) == (0, "")


def test_certlint_facts_names_the_path_as_the_source(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(FOLDER)
    code, out, err = run_cli(["facts", os.path.join("acme", "acme_10-Q_2025-03-31_ex31-2.htm")])
    assert (code, err) == (0, "")
    assert "  company in path  acme  (path)\n" in out
    assert "  form             10-Q  (path)\n" in out
    assert "  period end       2025-03-31  (path)\n" in out
    assert "  exhibit          31.2  (path)\n" in out
    assert "  report named     'annual report on Form 10-K'  (text 5:28)\n" in out


@pytest.mark.parametrize(("groups", "expected"), [
    ({"form": "10-K-A"}, {"form": "10-K/A"}),
    ({"form": "10-QA"}, {"form": "10-Q/A"}),
    ({"form": "10-KSB"}, {"form": "10-KSB"}),
    ({"period": "20241231"}, {"period_end": dt.date(2024, 12, 31)}),
    ({"exhibit": "ex31-1"}, {"exhibit": "31.1"}),
    ({"exhibit": "32"}, {"exhibit": "32"}),
    ({"exhibit": "31.01"}, {"exhibit": "31.01"}),
    ({"filing": "0000320193-25-000057"}, {"filing": "0000320193-25-000057"}),
])
def test_path_groups_are_read(groups: dict[str, str], expected: dict[str, object]) -> None:
    facts = facts_from_path(groups)
    for name, value in expected.items():
        assert getattr(facts, name) == value
        assert facts.extra[f"origin.{name}"] == "path"


def test_a_company_slug_is_never_the_company_fact() -> None:
    facts = facts_from_path({"company": "air-products"})
    assert facts.company is None
    assert facts.extra["path_company"] == "air-products"


def test_configured_facts_win_over_the_path(tmp_path: Path) -> None:
    (tmp_path / ".certlint.yaml").write_text(
        "facts-from-path: '(?P<form>10-[KQ])_'\nfacts:\n  'x/*': {form: 10-K/A}\n", encoding="utf-8")
    config = load_config(tmp_path / ".certlint.yaml")
    assert config.facts_for(str(tmp_path / "x" / "10-K_a.txt")).form == "10-K/A"
    assert "origin.form" not in config.facts_for(str(tmp_path / "x" / "10-K_a.txt")).extra
    assert config.facts_for(str(tmp_path / "y" / "10-Q_a.txt")).form == "10-Q"


@pytest.mark.parametrize(("value", "message"), [
    ("'(?P<colour>x)'", "needs named groups among company, form, period, exhibit, filing (unknown: colour)"),
    ("'(x)'", "needs named groups among"),
    ("'(?P<form>'", "bad regex in 'facts-from-path'"),
])
def test_a_bad_pattern_is_a_config_error_at_its_line(tmp_path: Path, value: str, message: str) -> None:
    (tmp_path / ".certlint.yaml").write_text(f"select: [CL]\nfacts-from-path: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.certlint\.yaml:2: ") as info:
        load_config(tmp_path / ".certlint.yaml")
    assert message in str(info.value)


def test_a_name_that_only_looks_like_the_pattern_gives_no_facts(tmp_path: Path) -> None:
    (tmp_path / ".certlint.yaml").write_text("facts-from-path: '_(?P<period>\\d{4}-\\d\\d-\\d\\d)'\n",
                                             encoding="utf-8")
    config = load_config(tmp_path / ".certlint.yaml")
    assert config.facts_for(str(tmp_path / "a_2024-02-30.txt")).period_end is None
    assert config.facts_for(str(tmp_path / "a_2024-02-29.txt")).period_end == dt.date(2024, 2, 29)
