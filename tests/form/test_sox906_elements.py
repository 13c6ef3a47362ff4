"""Section 906 statements judged element by element: citations by number and year, the two
statutory statements, qualifiers, and the variants real statements use.

The statement is built from parts and laid out by a small generator (hypothesis picks the line
width), so each case is checked in more than the one layout it was written in."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.api import lint_text
from tests.conftest import run_cli

TITLE = "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350"
INTRO = ("In connection with the Annual Report on Form 10-K of Example Corp. (the \"Company\") for the "
         "fiscal year ended December 31, 2024 (the \"Report\"), I, Jane Q. Doe, Chief Executive Officer "
         "of the Company, certify, pursuant to 18 U.S.C. Section 1350, as adopted pursuant to Section "
         "906 of the Sarbanes-Oxley Act of 2002, that, to my knowledge:")
COMPLIES = ("(1) The Report fully complies with the requirements of Section 13(a) or 15(d) of the "
            "Securities Exchange Act of 1934; and")
PRESENTS = ("(2) The information contained in the Report fairly presents, in all material respects, the "
            "financial condition and results of operations of the Company.")
SIGNATURE = "Date: February 20, 2025\n/s/ Jane Q. Doe\nJane Q. Doe\nChief Executive Officer"


def statement(width: int = 100, **parts: str) -> str:
    """The exhibit with its paragraphs wrapped at `width` (a part given replaces the default)."""
    blocks = [parts.get("title", TITLE), parts.get("intro", INTRO), parts.get("complies", COMPLIES),
              parts.get("presents", PRESENTS)]
    body = "\n\n".join(textwrap.fill(b, width, break_on_hyphens=False) for b in blocks if b)
    return f"EXHIBIT 32.1\n\n{body}\n\n{parts.get('signature', SIGNATURE)}\n"


def found(text: str) -> list[str]:
    return [f"{d.line}:{d.column}: {d.code}" for d in lint_text(text, "ex32.txt")]


ACCEPTED = {
    "section sign": {"complies": COMPLIES.replace("Section 13(a) or 15(d)", "§ 13(a) or §15(d)")},
    "spaced": {"complies": COMPLIES.replace("Section 13(a) or 15(d)", "Section 13 (a) or 15 (d)")},
    "as applicable": {"complies": COMPLIES.replace("15(d) of the", "15(d), as applicable, of the")},
    "both sections": {"complies": COMPLIES.replace("or 15(d)", "or Section 15(d)")},
    "as amended": {"complies": COMPLIES.replace("of 1934;", "of 1934, as amended;")},
    "its fiscal year": {"intro": INTRO.replace("for the fiscal year", "for its fiscal year")},
    "fifty-two weeks": {"intro": INTRO.replace("for the fiscal year ended", "for the fifty-two weeks ended")},
    "transition period": {"intro": INTRO.replace("Annual Report on Form 10-K", "Transition Report on Form 10-KT")
                          .replace("for the fiscal year ended December 31, 2024",
                                   "for the transition period from July 1, 2024 to December 31, 2024")},
    "third person": {"intro": "In connection with the Quarterly Report on Form 10-Q of Example Corp. (the "
                              "\"Company\") for the quarter ended March 31, 2025, Jane Q. Doe, Chief Executive "
                              "Officer of the Company, hereby certifies, pursuant to 18 U.S.C. Section 1350, "
                              "that, to her knowledge:",
                     "signature": SIGNATURE.replace("February 20", "May 5")},
    "joint": {"intro": INTRO.replace("I, Jane Q. Doe, Chief Executive Officer of the Company, certify",
                                     "we, Jane Q. Doe, Chief Executive Officer, and John R. Roe, Chief "
                                     "Financial Officer, of the Company, certify").replace("my", "our"),
              "signature": SIGNATURE + "\n\n/s/ John R. Roe\nJohn R. Roe\nChief Financial Officer"},
    "employee plan's 11-K": {
        "intro": INTRO.replace("Annual Report on Form 10-K of Example Corp. (the \"Company\")",
                               "Annual Report on Form 11-K of the Example Corp. 401(k) Plan (the \"Plan\")")
        .replace("Chief Executive Officer of the Company", "Plan Administrator"),
        "presents": "(2) The information contained in the Report fairly presents, in all material respects, "
                    "the net assets available for benefits and changes in net assets available for benefits "
                    "of the Plan.",
        "signature": SIGNATURE.replace("Chief Executive Officer", "Plan Administrator")},
    "906 only in the title": {
        "title": "CERTIFICATION PURSUANT TO SECTION 906 OF THE SARBANES-OXLEY ACT OF 2002",
        "intro": INTRO.replace(", pursuant to 18 U.S.C. Section 1350, as adopted pursuant to Section 906 of "
                               "the Sarbanes-Oxley Act of 2002,", "")},
}


@pytest.mark.parametrize("name", ACCEPTED)
@settings(max_examples=6, deadline=None)
@given(width=st.integers(min_value=60, max_value=140))
def test_accepted_variant_is_clean(name: str, width: int) -> None:
    assert found(statement(width, **ACCEPTED[name])) == []


# Each defect at its place in the 100-column layout: (the part, its words, the diagnostic).
DEFECTS: dict[str, tuple[str, str, list[str]]] = {
    "Sarbanes-Oxley Act of 2003": ("intro", INTRO.replace("Act of 2002", "Act of 2003"), ["8:23: CL801"]),
    "Section 1530": ("intro", INTRO.replace("Section 1350", "Section 1530"), ["7:40: CL803"]),
    "title 1530": ("title", TITLE.replace("1350", "1530"), ["3:45: CL803"]),
    "Section 960": ("intro", INTRO.replace("Section\n906", "Section 960").replace("Section 906", "Section 960"),
                    ["7:77: CL804"]),
    "Sarbanes-Oxely": ("intro", INTRO.replace("Sarbanes-Oxley", "Sarbanes-Oxely"), ["8:10: CL807"]),
    "Exchange Act of 1933": ("complies", COMPLIES.replace("of 1934", "of 1933"), ["11:17: CL802"]),
    "Securities and Exchange Act": ("complies", COMPLIES.replace("Securities Exchange", "Securities and Exchange"),
                                   ["10:86: CL806"]),
    "no year": ("complies", COMPLIES.replace(" of 1934", ""), ["10:16: CL101"]),
    "fully dropped": ("complies", COMPLIES.replace("fully complies", "complies"), ["10:16: CL101"]),
    "13(a) alone": ("complies", COMPLIES.replace(" or 15(d)", ""), ["10:56: CL105"]),
    "in all material respects dropped": ("presents", PRESENTS.replace(" in all material respects,", ""),
                                         ["13:9: CL102"]),
    "financcial": ("presents", PRESENTS.replace("financial condition", "financcial condition"),
                   ["14:1: CL108"]),
    "fairy": ("presents", PRESENTS.replace("fairly", "fairy"), ["13:45: CL108"]),
    "requirments": ("complies", COMPLIES.replace("requirements", "requirments"), ["10:40: CL108"]),
    "financial position": ("presents", PRESENTS.replace("financial condition", "financial position"),
                           ["13:9: CL102"]),
    "result of operations": ("presents", PRESENTS.replace("results of", "result of"), ["14:15: CL103"]),
    "reliance qualifier": ("intro", INTRO.replace("to my knowledge", "based on representations of others"),
                           ["8:35: CL107"]),
}


@pytest.mark.parametrize("name", DEFECTS)
def test_defect_is_reported_at_its_place(name: str) -> None:
    part, words, expected = DEFECTS[name]
    assert found(statement(100, **{part: words})) == expected


def test_a_906_without_any_citation_is_still_a_906() -> None:
    intro = INTRO.replace(", pursuant to 18 U.S.C. Section 1350, as adopted pursuant to Section 906 of the "
                          "Sarbanes-Oxley Act of 2002,", "")
    text = statement(title="CERTIFICATION", intro=intro, presents=PRESENTS.replace("results of", "result of"))
    assert found(text) == ["5:1: CL106", "13:15: CL103"]


def test_a_wrong_section_in_a_302_is_reported_too() -> None:
    text = ("I, Jane Q. Doe, certify that:\n\n1. I have reviewed this annual report on Form 10-K of "
            "Example Corp.;\n\nThis certification is made under Section 302 of the Sarbanes-Oxley Act of "
            "2020.\n")
    assert [c for c in found(text) if c.endswith("CL801")] == ["5:75: CL801"]


@pytest.mark.parametrize(("wrong", "right"), [
    ("Sarbanes-Oxley Act of 2003", "Sarbanes-Oxley Act of 2002"),
    ("18 U.S.C. Section 1530", "18 U.S.C. Section 1350"),
    ("Securities Exchange Act of 1933", "Securities Exchange Act of 1934"),
    ("Section 609 of the", "Section 906 of the"),
    ("Securities and Exchange Act of 1934", "Securities Exchange Act of 1934"),
    ("the financcial condition", "the financial condition"),
    ("Sarbanes-Oxely Act", "Sarbanes-Oxley Act"),
])
def test_citation_autofix_is_byte_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        wrong: str, right: str) -> None:
    monkeypatch.chdir(tmp_path)
    good = statement(200).replace("\n", "\r\n").encode("cp1252")
    assert right.encode() in good
    Path("ex32.txt").write_bytes(good.replace(right.encode(), wrong.encode(), 1))
    assert run_cli(["--isolated", "--fix", "ex32.txt"]) == (0, "", "certlint: fixed 1, 0 remaining\n")
    assert Path("ex32.txt").read_bytes() == good
