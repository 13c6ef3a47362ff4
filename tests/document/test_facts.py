"""Facts are typed where they enter: dates as `date`, flags as bool, whatever the source wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from certlint.document.facts import FactError, Facts, facts_from_mapping, read_date, read_flag
from certlint.document.readers.submission import header_facts
from certlint.engine.config import ConfigError
from certlint.engine.config_file import load_config


@pytest.mark.parametrize("value", ["2003-12-31", dt.date(2003, 12, 31), dt.datetime(2003, 12, 31, 8, 0)])
def test_a_date_fact_is_a_date(value: object) -> None:
    assert read_date("period_end", value) == dt.date(2003, 12, 31)
    assert type(read_date("period_end", value)) is dt.date


def test_an_unreadable_date_names_its_key() -> None:
    with pytest.raises(FactError, match=r"^period-end must be a date YYYY-MM-DD, not '2003-13-01'$"):
        facts_from_mapping({"period-end": "2003-13-01"})


@pytest.mark.parametrize(("value", "expected"), [
    (True, True), ("yes", True), (" TRUE ", True), (1, True), ("1", True),
    (False, False), ("no", False), ("maybe", False), (0, False),
])
def test_a_flag_fact_is_a_bool(value: object, expected: bool) -> None:
    assert read_flag(value) is expected
    assert facts_from_mapping({"accelerated-filer": value}).accelerated_filer is expected


def test_facts_from_mapping_types_every_field() -> None:
    facts = facts_from_mapping({"company": "Acme", "period_end": "2024-06-30", "filed": dt.date(2024, 8, 1),
                                "fiscal-year-end": 1231, "signers": ["A", "B"], "icfr_transition": "yes",
                                "exhibit": None})
    assert facts == Facts(company="Acme", period_end=dt.date(2024, 6, 30), filed=dt.date(2024, 8, 1),
                          fiscal_year_end="1231", signers=("A", "B"), icfr_transition=True)


def test_merged_over_falls_back_field_by_field() -> None:
    document = Facts(period_end=dt.date(2024, 6, 30), accelerated_filer=False)
    configured = Facts(period_end=dt.date(2023, 6, 30), filed=dt.date(2024, 8, 1), accelerated_filer=True,
                       icfr_transition=True)
    merged = document.merged_over(configured)
    assert (merged.period_end, merged.filed) == (dt.date(2024, 6, 30), dt.date(2024, 8, 1))
    assert (merged.accelerated_filer, merged.icfr_transition) == (False, True)  # False is set, not missing


def test_header_dates_are_dates_and_a_nonexistent_one_is_no_fact() -> None:
    facts = header_facts("CONFORMED PERIOD OF REPORT:\t20031231\nFILED AS OF DATE:\t20040230\n")
    assert (facts.period_end, facts.filed) == (dt.date(2003, 12, 31), None)


@pytest.mark.parametrize(("name", "text"), [
    (".certlint.yaml", "facts:\n  '*':\n    period-end: 2024-06-30\n    filed: '2024-08-01'\n"
                       "    accelerated-filer: yes\n"),
    ("pyproject.toml", "[tool.certlint.facts.'*']\nperiod-end = 2024-06-30\nfiled = \"2024-08-01\"\n"
                       "accelerated-filer = true\n"),
])
def test_configured_facts_are_typed(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    facts = load_config(path).facts_for(str(tmp_path / "ex31.txt"))
    assert (facts.period_end, facts.filed, facts.accelerated_filer) == (
        dt.date(2024, 6, 30), dt.date(2024, 8, 1), True)


def test_an_unreadable_configured_date_is_an_error_at_its_glob(tmp_path: Path) -> None:
    path = tmp_path / ".certlint.yaml"
    path.write_text("facts:\n  '*':\n    filed: 'June 2024'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.certlint\.yaml:2: facts for '\*': filed must be a date YYYY-MM-DD, not 'June 2024'$"):
        load_config(path)
