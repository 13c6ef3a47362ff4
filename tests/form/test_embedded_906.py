"""A Section 906 statement in the document of a Section 302 certification, and the 11-K's 906.

The statement is checked as a 906 (its elements, its spelling) whether it follows the 302's
signature or is combined with it; the 302's own paragraphs stay the form rules' alone. The
fixtures of tests/fixtures/form (`embedded-906-*`, `combined-302-906-*`, `906-11k-*`) give the
exact diagnostics; these tests add the facts and the reasons."""

from __future__ import annotations

from tests import harness
from tests.conftest import FIXTURES

FORM = FIXTURES / "form"
PLAN_906 = (FORM / "906-11k-cites-15d-alone.txt").read_text(encoding="utf-8")


def test_a_misspelling_in_the_302_part_is_reported_by_the_form_rules_only() -> None:
    """"materail" in the 302's paragraph 3 is CL210's; the 906's spelling rule (CL108) reads only
    the statement after the 302's signature, where it finds "financcial"."""
    found = harness.lint(FORM / "embedded-906-misspellings-reported-once.txt", "CL1,CL2")
    assert found == [harness.Problem(11, 132, "CL210"), harness.Problem(41, 92, "CL108")]


def test_a_302_with_a_footnote_citing_1350_is_not_a_906() -> None:
    """A citation alone after the 302 makes no statement: the 906 rules say nothing."""
    harness.check(FORM / "302-footnote-citing-1350.txt", "CL1")


def test_the_906_after_the_302_is_held_to_its_elements() -> None:
    found = {p.code for p in harness.lint(FORM / "embedded-906-after-302-signature-defective.txt", "CL1")}
    assert found == {"CL101", "CL103", "CL107"}


def test_an_11k_known_by_its_facts_may_cite_15d_alone() -> None:
    """Without "Form 11-K" in its text, the plan's report is known by the facts' form."""
    text = PLAN_906.replace(" on Form 11-K", "")
    harness.check(text, "CL105", config={"facts": {"*": {"form": "11-K"}}})
    harness.check(text, "CL105", (5, 56, "CL105"), config={"facts": {"*": {"form": "10-K"}}})


def test_an_11k_citing_13a_alone_is_still_reported() -> None:
    """Rule 15d-21 files an 11-K under Section 15(d): 13(a) alone is not its section."""
    harness.check(FORM / "906-11k-cites-13a-alone.txt", "CL105", (5, 56, "CL105"))
