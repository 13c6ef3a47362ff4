"""No date diagnostic on the real corpus, with or without configured facts.

Without configuration the date rules use only what each certification says. With facts, each
file gets the period end and form INDEX.csv records for it, and the issuer's fiscal-year-end
rule where it is known (the 52-53-week issuers) or follows from an annual period end.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.dates.helpers import date_linter

TODAY = date(2026, 1, 1)

#: Fiscal-year-end rules of the corpus issuers whose years are 52-53 weeks, or whose corpus files
#: are all quarterly (so that no annual period end shows the rule).
FISCAL_YEAR_ENDS = {
    "apple": "last saturday of september",
    "intel": "last saturday of december",
    "target": "saturday nearest january 31",
    "goldman-sachs": "last friday of november",
    "innovo-group": "saturday nearest november 30",
    "costco": "sunday nearest august 31; quarters 12-12-12-16",
    "dxp-enterprises": "12-31",
}


def _index(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "INDEX.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _path(corpus: Path, name: str) -> Path:
    for folder in ("", "derived", "inbody"):
        if (corpus / folder / name).is_file():
            return corpus / folder / name
    raise FileNotFoundError(name)


def _facts(row: dict[str, str]) -> dict[str, str]:
    facts = {"form": row["form"]}
    if row["period_end"]:
        facts["period_end"] = row["period_end"]
    issuer = row["file"].split("_", 1)[0]
    if issuer in FISCAL_YEAR_ENDS:
        facts["fiscal_year_end"] = FISCAL_YEAR_ENDS[issuer]
    elif row["period_end"] and row["form"].startswith("10-K"):
        facts["fiscal_year_end"] = row["period_end"][5:]
    return facts


def test_corpus_clean_without_configuration(corpus: Path) -> None:
    code, out, err = run_cli(["--isolated", "--select", "CL4", "--today", TODAY.isoformat(), str(corpus)])
    assert (code, out, err) == (0, "", "")


def test_index_lists_every_file(corpus: Path) -> None:
    rows = _index(corpus)
    assert len(rows) == 101
    assert all(_path(corpus, row["file"]) for row in rows)


def test_corpus_clean_with_configured_facts(corpus: Path) -> None:
    dirty = {}
    for row in _index(corpus):
        facts = _facts(row)
        diagnostics = date_linter(facts, TODAY).lint_file(str(_path(corpus, row["file"])))
        if diagnostics:
            dirty[row["file"]] = [f"{d.line}:{d.column}: {d.code} {d.message}" for d in diagnostics]
    assert dirty == {}


@pytest.mark.parametrize(("issuer", "period_end"), [
    ("apple", "2002-09-28"), ("intel", "2002-12-28"), ("target", "2003-02-01"),
    ("goldman-sachs", "2002-11-29"), ("innovo-group", "2003-11-29")])
def test_52_53_week_rules_give_the_recorded_year_ends(issuer: str, period_end: str) -> None:
    from certlint.analysis.dates.fiscal import parse_fiscal_year_end

    rule = parse_fiscal_year_end(FISCAL_YEAR_ENDS[issuer])
    assert rule.is_end(date.fromisoformat(period_end))
