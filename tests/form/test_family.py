"""Which form a certification is held to, and the date a quarterly report's ICFR transition is
judged by."""

from __future__ import annotations

from datetime import date

import pytest

from certlint.analysis.form.family import family, icfr_reference, is_quarterly, named_forms, obsolete_form
from certlint.analysis.form.spec import Version, parse_units
from certlint.analysis.form.tokens import tokenize

UNITS = parse_units("I, {certifier}, certify that:\n1. I have reviewed this {report} of {registrant};")
GENERAL = Version("current", "current form", UNITS)
FOREIGN = Version("20-f", "Form 20-F form", UNITS, forms=("20-f",))
FUNDS = Version("n-csr", "Form N-CSR form", UNITS, forms=("n-csr", "n-csrs"))


@pytest.mark.parametrize(("paragraph1", "facts_form", "expected"), [
    ("I have reviewed this annual report on Form 20-F of Borealis plc;", None, [False, True, False]),
    ("I have reviewed this report on Form N-CSR of Northwind Funds;", None, [False, False, True]),
    ("I have reviewed this annual report on Form 10-K of Example Corp.;", None, [True, False, False]),
    ("I have reviewed this annual report of Example Corp.;", "N-CSRS", [False, False, True]),
    ("I have reviewed this annual report on Form10-K of Example Corp.;", None, [True, False, False]),
])
def test_family_by_the_form_named(paragraph1: str, facts_form: str | None, expected: list[bool]) -> None:
    named = named_forms(tokenize(paragraph1), facts_form)
    assert family([GENERAL, FOREIGN, FUNDS], named) == expected


def test_a_pack_of_special_forms_only_falls_back_to_all() -> None:
    assert family([FOREIGN, FUNDS], {"10-k"}) == [True, True]


@pytest.mark.parametrize(("paragraph1", "facts_form", "expected"), [
    ("this quarterly report on Form 10-Q of Example Corp.;", None, True),
    ("this annual report on Form 10-K of Example Corp.;", None, False),
    ("this report of Example Corp.;", "10-Q/A", True),
    ("this quarterly report of Example Corp.;", "10-K", False),
])
def test_is_quarterly(paragraph1: str, facts_form: str | None, expected: bool) -> None:
    assert is_quarterly(tokenize(paragraph1), facts_form) is expected


@pytest.mark.parametrize(("period", "fiscal_year_end", "expected"), [
    (date(2008, 3, 31), "06-30", date(2007, 6, 30)),
    (date(2008, 3, 31), "12-31", date(2007, 12, 31)),
    (date(2008, 3, 29), "last saturday of september", date(2007, 9, 29)),
    (date(2008, 3, 31), None, date(2007, 6, 29)),  # lenient: nine months back
    (date(2008, 3, 31), "not a rule", date(2007, 6, 29)),
])
def test_icfr_reference_is_the_fiscal_year_end_before(period: date, fiscal_year_end: str | None,
                                                      expected: date) -> None:
    assert icfr_reference(period, fiscal_year_end) == expected


LIMITS = {"10-KSB": {"filed_after": "2009-03-15", "instead": "10-K"},
          "10-QSB": {"period_after": "2008-10-31", "instead": "10-Q"}}


@pytest.mark.parametrize(("paragraph1", "period", "filed", "expected"), [
    ("this annual report on Form 10-KSB of X;", date(2008, 12, 31), date(2009, 3, 16), "after 2009-03-15"),
    ("this annual report on Form 10-KSB of X;", date(2008, 12, 31), date(2009, 3, 15), None),
    ("this quarterly report on Form 10-QSB of X;", date(2008, 12, 31), None, "for periods ending after"),
    ("this quarterly report on Form 10-QSB of X;", date(2008, 9, 30), date(2008, 11, 14), None),
    ("this quarterly report on Form 10-Q of X;", date(2012, 9, 30), date(2012, 11, 14), None),
])
def test_obsolete_form(paragraph1: str, period: date | None, filed: date | None, expected: str | None) -> None:
    found = obsolete_form(tokenize(paragraph1), None, period, filed, LIMITS)
    if expected is None:
        assert found is None
    else:
        assert found is not None and expected in found.what and found.kind == "substitution"
