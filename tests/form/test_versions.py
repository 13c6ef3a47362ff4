"""Which version of the form a certification is held to: facts, written dates, wording."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from certlint.analysis.dates.extract import find_dates
from certlint.analysis.form.tokens import tokenize
from certlint.analysis.form.versions import dates_in
from tests.conftest import FIXTURES, run_cli

OMITTED_2010 = FIXTURES / "form" / "icfr-intro-omitted-2010.txt"
ICFR_MISSING = ("21:26: CL210 paragraph 4: missing 'and internal control over financial reporting "
                "(as defined in Exchange Act Rules 13a-15(f) and 15d-15(f))' (current form: the "
                "transition form it follows is for periods ending before {cutoff})")


def lint_with_facts(tmp_path: Path, text: str, facts: str, ignore: str | None = "CL512") -> list[str]:
    """The diagnostics but `ignore`'s: by default CL512, which every undated fixture here gets."""
    doc = tmp_path / "ex31.txt"
    doc.write_text(text, encoding="utf-8")
    config = tmp_path / ".certlint.yaml"
    config.write_text(f'facts:\n  "*.txt":\n{facts}', encoding="utf-8")
    _, out, err = run_cli(["--config", str(config), *(["--ignore", ignore] if ignore else []), str(doc)])
    assert err == ""
    return [line.removeprefix(f"{doc}:") for line in out.splitlines()]


def undated(path: Path) -> str:
    """The fixture without its date line: only the facts can date it."""
    return path.read_text(encoding="utf-8").replace("Date: February 25, 2011\n", "")


@pytest.mark.parametrize(("facts", "expected"), [
    ("    period-end: 2005-06-30\n", []),                        # before 2007-12-15: transition form
    ("    period-end: 2008-06-30\n", [ICFR_MISSING.format(cutoff="2007-12-15")]),  # after it: current form
    ("    period-end: 2005-06-30\n    accelerated-filer: true\n",
     [ICFR_MISSING.format(cutoff="2004-11-15")]),                # accelerated filers: after 2004-11-15
    ("    period-end: 2004-06-30\n    accelerated-filer: true\n", []),
    ("    period-end: 2015-06-30\n    icfr-transition: true\n", []),  # newly public
    ("    filed: 2008-09-01\n", [ICFR_MISSING.format(cutoff="2007-12-15")]),  # period: 75 days before filing
    ("    filed: 2007-09-01\n", []),
])
def test_transition_form_by_facts(tmp_path: Path, facts: str, expected: list[str]) -> None:
    assert lint_with_facts(tmp_path, undated(OMITTED_2010), facts) == expected


def test_without_dates_the_current_form_and_told_so(tmp_path: Path) -> None:
    """Undated and no facts: nothing shows the transition form was allowed, so the certification is
    held to the current form, and the message says it follows the transition form."""
    found = lint_with_facts(tmp_path, undated(OMITTED_2010), "    company: Example Corp.\n", ignore=None)
    assert found[1:] == ["61:1: CL512 the certification is not dated: the form has a 'Date:' line above the signature"]
    assert found[:1] == [
        "21:26: CL210 paragraph 4: missing 'and internal control over financial reporting (as defined in "
        "Exchange Act Rules 13a-15(f) and 15d-15(f))' (current form: the certification is undated; it "
        "follows the transition form)"]


def test_2002_form_not_allowed_after_august_2003(tmp_path: Path) -> None:
    text = (FIXTURES / "form" / "clean-2002.txt").read_text(encoding="utf-8")
    found = lint_with_facts(tmp_path, text, "    filed: 2004-03-01\n")
    assert found, "a 2002-form certification filed in 2004 must deviate from the 2003 forms"
    assert all(line.endswith("(transition form: the August 2002 form it follows is for reports filed "
                             "before 2003-08-14)") for line in found)
    assert any("CL211 paragraph 6: not in the form" in line for line in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Date: May 2, 2025", date(2025, 5, 2)),
    ("Dated: 20 November 2018", date(2018, 11, 20)),
    ("dated 02/04/2022", date(2022, 2, 4)),
    ("for the fiscal year ended Sept. 30, 2018", date(2018, 9, 30)),
    ("on February 30, 2020", None),
])
def test_dates_in(text: str, expected: date | None) -> None:
    found = [value for _, value in dates_in(find_dates(text), tokenize(text))]
    assert found == ([expected] if expected else [])


def test_dates_in_gives_the_token_of_each_date_within_the_tokens() -> None:
    text = "for the year ended May 2, 2025. Date: March 3, 2025"
    tokens = tokenize(text)
    first = [t.key for t in tokens].index("date")
    assert dates_in(find_dates(text), tokens) == [(4, date(2025, 5, 2)), (first + 2, date(2025, 3, 3))]
    assert dates_in(find_dates(text), tokens[first:]) == [(2, date(2025, 3, 3))]
    assert dates_in(find_dates(text), tokens[:5]) == []  # "May 2, 2025" is cut


FIRST_ICFR_YEAR = FIXTURES / "form" / "10q-transition-first-icfr-year.txt"


@pytest.mark.parametrize(("facts", "expected"), [
    # A June year end: the quarter ended March 31, 2008 is in the first fiscal year ending after
    # 2007-12-15, whose 10-K brings the ICFR report; its 10-Qs may still use the transition form.
    ("    form: 10-Q\n    period-end: 2008-03-31\n    fiscal-year-end: 06-30\n", 0),
    # A calendar year: the 10-K for 2007 already had the ICFR report, so the 2008 10-Qs may not.
    ("    form: 10-Q\n    period-end: 2008-03-31\n    fiscal-year-end: 12-31\n", 2),
    # A 10-K for the same period end is judged by its own period.
    ("    form: 10-K\n    period-end: 2008-03-31\n", 2),
])
def test_quarterly_report_judged_by_its_fiscal_year(tmp_path: Path, facts: str, expected: int) -> None:
    found = [line for line in lint_with_facts(tmp_path, FIRST_ICFR_YEAR.read_text(encoding="utf-8"), facts)
             if " CL21" in line]
    assert len(found) == expected
    assert all(line.endswith("(current form: the transition form it follows is for periods ending "
                             "before 2007-12-15)") for line in found)


@pytest.mark.parametrize("filed", ["2003-07-30", "2003-08-01", "2003-08-13"])
def test_either_form_in_the_2003_changeover(tmp_path: Path, filed: str) -> None:
    """Between the publication of Release 33-8238 and its effective date both forms were in use."""
    old = (FIXTURES / "form" / "clean-2002.txt").read_text(encoding="utf-8")
    new = (FIXTURES / "form" / "changeover-2003-07-revised-form.txt").read_text(encoding="utf-8")
    for text in (old, new):
        assert [line for line in lint_with_facts(tmp_path, text, f"    filed: {filed}\n") if " CL21" in line] == []


def test_revised_form_not_before_its_publication(tmp_path: Path) -> None:
    new = (FIXTURES / "form" / "changeover-2003-07-revised-form.txt").read_text(encoding="utf-8")
    found = [line for line in lint_with_facts(tmp_path, new, "    filed: 2003-05-15\n") if " CL21" in line]
    assert found and all(line.startswith(tuple("0123456789")) and line.endswith(
        "form it follows is for reports filed from 2003-06-18)") and "(August 2002 form: the " in line
        for line in found)


def test_amendment_may_omit_3_to_5_only_without_financial_statements(tmp_path: Path) -> None:
    text = (FIXTURES / "form" / "amendment-omits-3-5.txt").read_text(encoding="utf-8")
    assert lint_with_facts(tmp_path, text, "    financial-statements: false\n") == []
    assert [line.split(" ", 2)[1] for line in
            lint_with_facts(tmp_path, text, "    financial-statements: true\n")] == ["CL211"]
