"""Section 906 additions: report identification, and the statutory clauses' variants."""

from __future__ import annotations

import pytest

from certlint.api import lint_text

OPENING = ("EXHIBIT 32.1\n\nCERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350\n\n"
           "In connection with the Annual Report on Form 10-K of Example Corp. (the \"Company\")\n"
           "for the fiscal year ended December 31, 2024 (the \"Report\"), I, Jane Q. Doe, certify,\n"
           "pursuant to 18 U.S.C. Section 1350, as adopted pursuant to Section 906 of the\n"
           "Sarbanes-Oxley Act of 2002, that:\n\n")
COMPLIES = ("(1) The Report fully complies with the requirements of Section 13(a) or 15(d) of the\n"
            "Securities Exchange Act of 1934; and\n\n")
PRESENTS = ("(2) The information contained in the Report fairly presents, in all material respects,\n"
            "the financial condition and results of operations of the Company.\n\n"
            "Date: February 20, 2025\n/s/ Jane Q. Doe\nJane Q. Doe\nChief Executive Officer\n")


def codes(text: str) -> list[str]:
    return [f"{d.line}:{d.column}: {d.code} {d.message}" for d in lint_text(text, "ex32.txt")]


def test_clean_statement() -> None:
    assert codes(OPENING + COMPLIES + PRESENTS) == []


@pytest.mark.parametrize("clause", [
    "Section 13(a) or 15(d) of the Securities Exchange Act of 1934, as amended",
    "Section 13(a) or 15(d) of the Securities Exchange Act of 1934 (15 U.S.C. 78m or 78o(d))",
    "Section 13(a) or Section 15(d) of the Securities Exchange Act of 1934",
    "Section 13(a) or 15(d), as applicable, of the Securities Exchange Act of 1934",
    "section 13(a) or 15(d) of the Exchange Act",
])
def test_fully_complies_variants(clause: str) -> None:
    complies = COMPLIES.replace("Section 13(a) or 15(d) of the\nSecurities Exchange Act of 1934", clause)
    assert codes(OPENING + complies + PRESENTS) == []


def test_fully_complies_without_15d_is_a_warning() -> None:
    """The statute's "or" is disjunctive: a Section 13(a) filer certifying under 13(a) alone says
    what it must, in words that differ from the statute's."""
    complies = COMPLIES.replace(" or 15(d)", "")
    assert codes(OPENING + complies + PRESENTS) == [
        "10:56: CL105 'Section 13(a)' cites one section: 18 U.S.C. 1350(b) says 'section 13(a) or 15(d)'"]


def test_fully_complies_without_the_act() -> None:
    complies = COMPLIES.replace(" of the\nSecurities Exchange Act of 1934", "")
    assert [c.split(" ", 2)[1] for c in codes(OPENING + complies + PRESENTS)] == ["CL101"]


@pytest.mark.parametrize("identification", [
    "the Annual Report on Form 10-K of Example Corp. (the \"Company\")\n(the \"Report\")",  # no period
    "the Annual Report of Example Corp. (the \"Company\")\n"
    "for the fiscal year ended December 31, 2024 (the \"Report\")",  # no form
])
def test_report_not_identified(identification: str) -> None:
    opening = OPENING.replace("the Annual Report on Form 10-K of Example Corp. (the \"Company\")\n"
                              "for the fiscal year ended December 31, 2024 (the \"Report\")", identification)
    assert codes(opening + COMPLIES + PRESENTS) == [
        "5:1: CL104 report not identified: name its form and period ('the Annual Report on Form 10-K "
        "for the fiscal year ended ...')"]


def test_period_before_form_is_identified() -> None:
    opening = OPENING.replace("the Annual Report on Form 10-K of Example Corp. (the \"Company\")\n"
                              "for the fiscal year ended December 31, 2024",
                              "the report for the quarter ended March 31, 2025 on Form 10-Q")
    dated_after = PRESENTS.replace("February 20, 2025", "May 5, 2025")  # after the quarter's end
    assert codes(opening + COMPLIES + dated_after) == []
