"""The prescribed forms other than Item 601(b)(31)(i): each certification is held to the form of
the report it names (Form 20-F Exhibit 12, Form 40-F, Form N-CSR, the asset-backed 10-K).

Every version's own text, filled in and laid out at a width hypothesis picks, must be clean;
the same text with a paragraph of another form's is reported against its own form, by name."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.api import lint_text
from tests.conftest import ROOT

RULES = yaml.safe_load((ROOT / "rules" / "sox302.yaml").read_text(encoding="utf-8"))["rules"]
VERSIONS: dict[str, dict[str, Any]] = {v["name"]: v for v in
                                       next(r for r in RULES if r["code"] == "CL210")["versions"]}
FILL = {"certifier": "Maria L. Santos", "report": "annual report on Form 10-K", "kind": "annual",
        "registrant": "Northwind Holdings, Inc.", "company": "Borealis Mining plc",
        "issuer": "Laurentian Power Corporation", "issuing_entity": "Harbor Auto Receivables Trust 2022-1",
        "servicers": "servicer", "reviews": "review", "statements": "statement", "has": "has", "its": "its",
        "agreements": "agreement"}
#: The report paragraph 1 names, which decides the form.
REPORT = {"20-f": "annual report on Form 20-F", "20-f-transition": "annual report on Form 20-F",
          "40-f": "annual report on Form 40-F", "40-f-transition": "annual report on Form 40-F", "n-csr": "report on Form N-CSR",
          "n-csr-2003": "report on Form N-CSR"}
#: A signing date inside each version's window.
SIGNED = {"current": "February 20, 2025", "transition": "June 20, 2005", "aug-2002": "March 20, 2003",
          "20-f": "April 14, 2025", "20-f-transition": "June 20, 2005", "40-f": "March 3, 2025", "40-f-transition": "March 20, 2006",
          "n-csr": "March 6, 2025", "n-csr-2003": "January 8, 2004", "asset-backed": "March 27, 2025"}


def render(name: str, width: int, edits: tuple[tuple[str, str], ...] = ()) -> str:
    """A certification in a version's words: placeholders filled, every optional passage kept."""
    text = re.sub(r"\[\[|\]\]", "", VERSIONS[name]["text"])
    fill = FILL | {"report": REPORT.get(name, FILL["report"])}
    text = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], text)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    paragraphs = [textwrap.fill(line, width, break_on_hyphens=False) for line in text.splitlines() if line]
    return ("Exhibit 31.1\n\nCERTIFICATION\n\n" + "\n\n".join(paragraphs)
            + f"\n\nDate: {SIGNED[name]}\n\n/s/ Maria L. Santos\nMaria L. Santos\nChief Executive Officer\n")


def form_findings(text: str) -> list[str]:
    return [f"{d.line}:{d.column}: {d.code} {d.message}" for d in lint_text(text, "ex31.txt")
            if d.code.startswith(("CL1", "CL2"))]


def test_every_version_is_tested() -> None:
    assert set(SIGNED) == set(VERSIONS)


@pytest.mark.parametrize("name", sorted(SIGNED))
@settings(max_examples=5, deadline=None)
@given(width=st.integers(min_value=50, max_value=160))
def test_each_form_in_its_own_words_is_clean(name: str, width: int) -> None:
    assert form_findings(render(name, width)) == []


# The 10-K's words in another form's certification: reported against that form, by its name.
TEN_K_QUARTER = ("that occurred during the registrant's most recent fiscal quarter (the registrant's fourth "
                 "fiscal quarter in the case of an annual report) that has")
FOREIGN_WORDS = {
    "20-f": ("that occurred during the period covered by the annual report that has",
             TEN_K_QUARTER.replace("registrant", "company"), "Form 20-F Exhibit 12 form"),
    "40-f": ("that occurred during the period covered by the annual report that has",
             TEN_K_QUARTER.replace("registrant", "issuer"), "Form 40-F form"),
    "n-csr": ("results of operations, changes in net assets, and cash flows (if the financial statements are "
              "required to include a statement of cash flows) of", "results of operations and cash flows of",
              "Form N-CSR form"),
    "asset-backed": ("all of the distribution, servicing and other information required to be provided under "
                     "Form 10-D", "the financial statements", "asset-backed form, Item 601(b)(31)(ii)"),
}


@pytest.mark.parametrize("name", sorted(FOREIGN_WORDS))
def test_another_forms_words_are_reported_against_its_own_form(name: str) -> None:
    old, new, label = FOREIGN_WORDS[name]
    found = form_findings(render(name, 100, ((old, new),)))
    assert len(found) == 1
    assert " CL210 " in found[0] and found[0].endswith(f"({label})")


@pytest.mark.parametrize(("name", "old", "new"), [
    ("20-f", "annual report on Form 20-F of", "annual report on Form 20-F for the fiscal year ended December 31, 2024 of"),
    ("20-f", "this annual report on Form 20-F", "this Amendment No. 1 to the annual report on Form 20-F/A"),
    ("n-csr", "Form N-CSR of Northwind Holdings, Inc.;", "Form N-CSR of Northwind Funds Trust (the \"Registrant\");"),
    ("40-f", "of the issuer as of", "of the Issuer as of"),
])
def test_unusual_but_correct_is_clean(name: str, old: str, new: str) -> None:
    assert form_findings(render(name, 100, ((old, new),))) == []


def test_a_10k_certification_is_not_held_to_the_other_forms() -> None:
    text = render("current", 100, (("the registrant's auditors", "the company's auditors"),))
    assert form_findings(text) == [
        "43:65: CL213 paragraph 5: expected 'registrant's', found 'company's' (current form)"]


def test_the_real_asset_backed_certification_is_checked_against_its_form(corpus: Path) -> None:
    """CarMax's EX-31.1 is clean against Item 601(b)(31)(ii); with paragraph 3 taken out, the
    missing paragraph is reported naming the asset-backed form."""
    source = (corpus / "carmax-auto-owner-trust-2019-3_10-K_2023-02-28_31.1.htm").read_text(encoding="utf-8")
    assert [d.code for d in lint_text(source, "carmax.htm")] == []
    cut = re.sub(r">3\.</font>.{0,400}?Based on my knowledge, all of the distribution.*?periodic reports&#59;",
                 "></font>", source, count=1, flags=re.DOTALL)
    assert cut != source
    found = [f"{d.code} {d.message}" for d in lint_text(cut, "carmax.htm")]
    assert found == ["CL211 paragraph 3: missing: 'Based on my knowledge, all of the distribution, servicing "
                     "and ...' (asset-backed form, Item 601(b)(31)(ii))"]
