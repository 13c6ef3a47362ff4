"""`situation` combines a document's prose with its typed facts, without the checks' context."""

from __future__ import annotations

from datetime import date

from certlint.analysis.dates.situation import situation
from certlint.document import read_documents
from certlint.document.facts import Facts
from certlint.document.prose import Prose

TEXT = ("I, Jane Doe, certify that I have reviewed this annual report on Form 10-K for the fiscal "
        "year ended December 31, 2003 of Example Corp.\n\nDate: March 1, 2004\n")
TODAY = date(2026, 1, 1)


def prose() -> Prose:
    return read_documents("cert.txt", text=TEXT)[0].prose


def test_without_facts_the_document_says() -> None:
    s = situation(prose(), Facts(), TODAY)
    assert (s.period_end, s.configured_period_end, s.filed, s.kind, s.today) == (
        date(2003, 12, 31), None, None, "annual", TODAY)


def test_typed_facts_win_over_the_document() -> None:
    facts = Facts(form="10-Q", period_end=date(2003, 9, 30), filed=date(2003, 11, 10),
                  fiscal_year_end="12-31", fiscal_year_naming=" End ")
    s = situation(prose(), facts, TODAY)
    assert (s.period_end, s.configured_period_end, s.filed, s.kind, s.naming) == (
        date(2003, 9, 30), date(2003, 9, 30), date(2003, 11, 10), "quarterly", "end")
    assert s.rule is not None and s.rule.describe() == "December 31"


def test_unreadable_fiscal_facts_are_errors_for_the_rules_not_exceptions() -> None:
    s = situation(prose(), Facts(fiscal_year_end="lunar", fiscal_year_naming="middle"), TODAY)
    assert s.rule is None and s.naming is None
    assert s.rule_error is not None and s.rule_error.startswith("fact fiscal_year_end: cannot read")
    assert s.naming_error == "fact fiscal_year_naming must be one of end, start, not 'middle'"


def test_a_nominal_year_end_is_dropped() -> None:
    """09-30 with a period end of record two days short of it: a 52-53-week filer's nominal end."""
    s = situation(prose(), Facts(fiscal_year_end="09-30", period_end=date(2013, 9, 28)), TODAY)
    assert s.rule is None and s.period_end == date(2013, 9, 28)
    assert situation(prose(), Facts(fiscal_year_end="09-30", period_end=date(2013, 9, 30)), TODAY).rule


def test_once_per_document_facts_and_day() -> None:
    """Every date rule of a run asks: the same prose, facts and day give the same situation;
    other facts (even equal ones: facts are told apart by identity) or another day, a new one."""
    text, facts = prose(), Facts(form="10-Q")
    first = situation(text, facts, TODAY)
    assert situation(text, facts, TODAY) is first
    assert situation(text, Facts(form="10-Q"), TODAY) is not first
    assert situation(text, Facts(), TODAY).kind == "annual" and first.kind == "quarterly"
    assert situation(text, facts, date(2027, 1, 1)).today == date(2027, 1, 1)
    assert situation(prose(), facts, TODAY) is not first
