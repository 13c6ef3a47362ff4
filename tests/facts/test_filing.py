"""Repository mode with the facts model: a main 10-K with inline XBRL `dei:` facts beside its
exhibits, a 906 naming another registrant, a 10-K filing without Exhibit 32."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
import yaml

from certlint.analysis.main_report import is_main_report, read_main_report
from certlint.document import read_documents
from tests import harness
from tests.conftest import FIXTURES, run_cli
from tests.facts.certs import cert_302, cert_906

FOLDER = FIXTURES / "facts-filing"


def lint(folder: str, select: str = "CL7,CL6") -> list[str]:
    code, out, err = run_cli(["--isolated", "--filings", "--select", select, "--today", "2026-01-01",
                              str(FOLDER / folder)])
    assert err == ""
    assert code == (1 if out else 0)
    return [line.replace(str(FOLDER / folder) + os.sep, "") for line in out.splitlines()]


def test_the_inline_xbrl_cover_facts_are_read_with_their_places() -> None:
    [doc] = read_documents(str(FOLDER / "with-main-report" / "acme-20241231.htm"))
    assert is_main_report(doc)
    report = read_main_report(doc)
    assert report.form is not None and report.form.value == "10-K"
    assert (report.form.line, report.form.column) == (10, 9)
    assert report.period_value == dt.date(2024, 12, 31)
    assert report.registrant is not None and report.registrant.value == "Acme Corporation"
    assert report.fiscal_year_end is not None and report.fiscal_year_end.value == "12-31"
    assert report.filer_category is not None and report.filer_category.value == "Large Accelerated Filer"


def test_an_exhibit_is_not_a_main_report() -> None:
    [doc] = read_documents(str(FOLDER / "with-main-report" / "acme-ex31-1.htm"))
    assert not is_main_report(doc)


@pytest.mark.parametrize(("name", "main"), [("dei:DocumentType", True), ("DEI:DOCUMENTTYPE", True),
                                            ("dei:DocumentTypes", False), ("dei:DocumentPeriod", False)])
def test_the_dei_document_type_is_found_in_any_case(name: str, main: bool) -> None:
    source = f'<html><body><ix:nonNumeric name = "{name}" contextRef="c">10-K</ix:nonNumeric></body></html>'
    [doc] = read_documents("report.htm", text=source)
    assert is_main_report(doc) is main


def test_a_302_naming_another_period_or_registrant_is_reported_naming_the_xbrl_fact() -> None:
    main = "acme-20241231.htm"
    assert lint("with-main-report") == [
        "acme-ex31-1.htm:5:81: CL602 period differs between the exhibits of this filing: December 31, "
        f"2023 here, December 31, 2024 in the main report (XBRL dei:DocumentPeriodEndDate, {main}:12:30)",
        "acme-ex31-2.htm:5:58: CL601 registrant differs between the certifications of this filing: "
        "'Acme Crop.' here, 'Acme Corp.' in acme-ex31-1.htm",
        "acme-ex31-2.htm:5:58: CL711 'Acme Crop.' names the registrant, but the main report says Acme "
        f"Corporation (XBRL dei:EntityRegistrantName, {main}:13:4)"]


def test_without_the_main_report_the_same_exhibits_give_no_fact_level_diagnostic() -> None:
    assert lint("without-main-report", "CL7") == []
    # and the period disagreement is a tie again, reported at the first-stated of the two
    assert any("CL602" in line for line in lint("without-main-report"))


def test_a_correct_filing_with_its_main_report_is_clean() -> None:
    assert lint("correct") == []


def test_an_amendment_main_report_makes_the_original_form_wrong() -> None:
    out = lint("amendment-main-report")
    assert len(out) == 1
    assert out[0].startswith("acme-ex31-1.htm:5:45: CL711 'Form 10-K' names the report, but the main "
                             "report says 10-K/A (XBRL dei:DocumentType, ")


def test_a_906_naming_another_registrant_than_the_302s() -> None:
    assert [line for line in lint("registrant-906") if "CL712" in line] == [
        "ex32-1.txt:5:54: CL712 registrant named 'Gidget, Inc.' here, but 'Gadget, Inc.' in the 302 "
        "certification (text 7:55 of ex31-1.txt)"]


def test_a_10_k_filing_with_no_exhibit_32() -> None:
    assert lint("no-exhibit-32") == [
        "ex31-1.md:1:1: CL713 a Form 10-K filing with Section 302 certifications and no Exhibit 32 "
        "(Section 906 statement); the form is from front matter"]


def test_certlint_facts_shows_the_main_report_and_each_source() -> None:
    code, out, err = run_cli(["facts", "--isolated", str(FOLDER / "with-main-report")])
    assert (code, err) == (0, "")
    assert "(main report)\n  form              10-K  (XBRL dei:DocumentType 10:9)\n" in out
    assert "  period end        December 31, 2024  (XBRL dei:DocumentPeriodEndDate 12:30)\n" in out
    assert "  period end     2023-12-31  (text 5:81)\n" in out


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Acme Corp.", "Acme Corporation", True), ("The Widget Company", "Widget Co.", True),
    ("Gadget, Inc.", "Gadget Incorporated", True), ("Acme Corp.", "Acme Crop.", False),
    ("Apple Inc.", "Apple Computer, Inc.", False)])
def test_registrant_variants(a: str, b: str, same: bool) -> None:
    from certlint.checks.crossdoc.facts import registrant_key

    assert (registrant_key(a) == registrant_key(b)) is same


def test_a_main_report_without_xbrl_gives_its_cover_page_facts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.facts.certs import as_html, cert_302

    cover = ("<html><body><p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 10-Q</p>"
             "<p>QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d)</p>"
             "<p>For the quarterly period ended March 29, 2025</p><p>Apple Inc.</p>"
             "<p>(Exact name of registrant as specified in its charter)</p></body></html>\n")
    (tmp_path / "aapl-20250329.htm").write_text(cover, encoding="utf-8")
    [doc] = read_documents(str(tmp_path / "aapl-20250329.htm"))
    assert is_main_report(doc)
    report = read_main_report(doc)
    assert report.form is not None and (report.form.value, report.form.source) == ("10-Q", "cover page")
    assert report.period_value == dt.date(2025, 3, 29)
    assert report.registrant is not None and report.registrant.value == "Apple Inc."
    (tmp_path / "ex31-1.htm").write_text(as_html(cert_302("annual report on Form 10-K", "Apple Inc.",
                                                          dated="May 2, 2025")), encoding="utf-8")
    code, out, _ = run_cli(["--isolated", "--filings", "--select", "CL711", str(tmp_path)])
    assert code == 1
    assert "ex31-1.htm:5:45: CL711 'Form 10-K' names the report, but the main report says 10-Q (cover page, " in out


def test_a_302_dated_weeks_after_the_906_is_reported_at_its_date_naming_the_906() -> None:
    result = harness.run(FOLDER / "late-302", "CL714", ["--today", "2026-01-01"])
    assert result.lines == [
        "ex31-2.htm:16:10: CL714 certification dated March 20, 2025, 28 days after the Section 906 "
        "statement dated February 20, 2025 (late-302/ex32-1.md)"]
    assert result.status == 1


def test_a_302_dated_within_two_weeks_of_the_906_is_not_late() -> None:
    harness.check(FOLDER / "late-302-within-days", "CL714", options=["--today", "2026-01-01"])


def test_a_302_late_by_more_than_the_configured_days_is_reported() -> None:
    pack = {"pack": "late", "rules": [{"code": "CL990", "name": "late-302-week", "kind": "filing",
                                       "check": "late-302", "max_days": 7, "severity": "warning",
                                       "message": "{found} {days} {expected}"}]}
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder) / "late.yaml"
        rules.write_text(yaml.safe_dump(pack), encoding="utf-8")
        result = harness.run(FOLDER / "late-302-within-days", "CL990",
                             ["--today", "2026-01-01", "--rules", str(rules)])
    assert result.lines == ["ex31-2.htm:16:10: CL990 March 6, 2025 14 February 20, 2025"]


def test_a_302_of_another_registrant_in_the_folder_is_not_held_to_this_906() -> None:
    late = cert_302(registrant="Other Holdings Inc.", dated="April 14, 2025")
    filing = {"ex31-1.txt": cert_302(dated="February 20, 2025"), "other-ex31-1.txt": late,
              "ex32-1.txt": cert_906(dated="February 20, 2025")}
    harness.check(filing, "CL714")
    harness.check({**filing, "other-ex31-1.txt": cert_302(dated="April 14, 2025")}, "CL714", (29, 7, "CL714"))


def _correct_filing(**dated: str) -> dict[str, str]:
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted((FOLDER / "correct").iterdir())}
    for name, day in dated.items():
        files[name] = files[name].replace("February 20, 2025", day)
    return files


def test_a_certification_after_the_large_accelerated_filers_deadline_is_reported_naming_the_xbrl_fact() -> None:
    result = harness.run(_correct_filing(**{"acme-ex31-2.htm": "March 20, 2025"}), "CL715")
    assert [line.split(": CL715 ")[1] for line in result.lines] == [
        "certification date March 20, 2025 is after the filing deadline March 18, 2025 (Form 10-K, a large "
        "accelerated filer: 60 days after the period end December 31, 2024 plus 15 days under Rule 12b-25; "
        "the filer status is from XBRL dei:EntityFilerCategory, filing/acme-20241231.htm:15:28)"]
    assert result.lines[0].startswith("acme-ex31-2.htm:")
    harness.check(_correct_filing(), "CL715")


def test_an_exhibit_stating_its_period_is_held_to_the_report_status_once_by_cl403() -> None:
    """The 906 names its period: CL403, given the main report's filer status, reports it as an error
    naming the XBRL fact, and CL715 leaves it alone (one finding, not a warning and an error)."""
    result = harness.run(_correct_filing(**{"acme-ex32-1.htm": "April 20, 2025"}), "CL403,CL715")
    assert [line.split(": ", 1)[1] for line in result.lines] == [
        "CL403 certification date April 20, 2025 is after the filing deadline March 18, 2025 (Form 10-K, "
        "a large accelerated filer (XBRL dei:EntityFilerCategory, filing/acme-20241231.htm:15:28): 60 days "
        "after the period end December 31, 2024 plus 15 days under Rule 12b-25)"]


def test_without_the_main_report_the_filer_status_is_unknown_and_cl715_is_silent() -> None:
    files = _correct_filing(**{"acme-ex31-2.htm": "March 20, 2025"})
    del files["acme-20241231.htm"]
    harness.check(files, "CL715")


COVER = ("<html><body><p>FORM 10-K</p><p>For the fiscal year ended December 31, 2024</p><p>ACME CORP.</p>"
         "<p>(Exact name of registrant as specified in its charter)</p>\n{boxes}</body></html>")
ON, OFF = "&#9746;", "&#9744;"


@pytest.mark.parametrize(("boxes", "status"), [
    (f"<table><tr><td>Large accelerated filer</td><td>{ON}</td><td>Accelerated filer</td><td>{OFF}</td></tr>"
     f"<tr><td>Non-accelerated filer</td><td>{OFF}</td><td>Smaller reporting company</td><td>{OFF}</td></tr></table>",
     "Large accelerated filer"),
    (f"<table><tr><td>Large accelerated filer</td><td>{OFF}</td><td>Accelerated filer</td><td>{ON}</td></tr></table>",
     "Accelerated filer"),
    (f"<p>{OFF} Large accelerated filer {OFF} Accelerated filer {ON} Non-accelerated filer {ON} Smaller reporting "
     "company</p>", "Non-accelerated filer"),
    (f"<p>{OFF} Large accelerated filer {OFF} Accelerated filer {OFF} Non-accelerated filer</p>", None),
    (f"<p>{ON} Large accelerated filer {ON} Accelerated filer {OFF} Non-accelerated filer</p>", None)])
def test_the_cover_pages_checked_filer_box_is_the_filer_status(boxes: str, status: str | None) -> None:
    [doc] = read_documents("acme-10k.htm", text=COVER.format(boxes=boxes))
    found = read_main_report(doc).filer_category
    assert (found.value if found else None) == status
    assert found is None or found.source == "cover page"
