"""Held-out certifications, generated: the accepted variants of a Section 906 statement that the
issue lists, combined as real statements combine them, laid out as text, Markdown or HTML, alone
or after the Section 302 certification in one document; and each defect on top of any of them.

A correct statement must be clean of every form, 906 and citation rule; a defective one must be
reported by the rule for its defect, whatever else it varies in."""

from __future__ import annotations

import html
import textwrap

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from certlint.api import lint_text
from tests.form.test_other_forms import render

TITLE = "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350, AS ADOPTED PURSUANT TO SECTION 906 OF THE " \
        "SARBANES-OXLEY ACT OF 2002"
FIRST = ("In connection with the Annual Report on Form 10-K of Example Corp. (the \"Company\") for the fiscal "
         "year ended December 31, 2024 (the \"Report\"), I, Jane Q. Doe, Chief Executive Officer of the "
         "Company, certify, pursuant to 18 U.S.C. Section 1350, as adopted pursuant to Section 906 of the "
         "Sarbanes-Oxley Act of 2002, that, to my knowledge:")
INTROS = {
    "first person": FIRST,
    "third person": FIRST.replace("I, Jane Q. Doe", "Jane Q. Doe").replace("Company, certify", "Company, "
                                  "hereby certifies").replace("my knowledge", "her knowledge"),
    "joint": FIRST.replace("I, Jane Q. Doe, Chief Executive Officer of the Company, certify",
                           "we, Jane Q. Doe, Chief Executive Officer, and John R. Roe, Chief Financial Officer, "
                           "of the Company, certify").replace("my knowledge", "our knowledge"),
}
COMPLIES = ("(1) The Report fully complies with the requirements of Section 13(a) or 15(d) of the Securities "
            "Exchange Act of 1934; and")
PRESENTS = ("(2) The information contained in the Report fairly presents, in all material respects, the "
            "financial condition and results of operations of the Company.")
SIGNATURE = "Date: February 20, 2025\n\n/s/ Jane Q. Doe\nJane Q. Doe\nChief Executive Officer"
JOINT_SIGNATURE = SIGNATURE + "\n\n/s/ John R. Roe\nJohn R. Roe\nChief Financial Officer"

#: The accepted variants the issue lists, as edits that combine: (part, old, new).
VARIANTS: dict[str, tuple[str, str, str]] = {
    "section signs": ("complies", "Section 13(a) or 15(d)", "§ 13(a) or §15(d)"),
    "spaced sections": ("complies", "Section 13(a) or 15(d)", "Section 13 (a) or 15 (d)"),
    "both sections named": ("complies", "or 15(d)", "or Section 15(d)"),
    "as applicable": ("complies", "15(d) of the", "15(d), as applicable, of the"),
    "as amended": ("complies", "of 1934;", "of 1934, as amended;"),
    "its fiscal year": ("intro", "for the fiscal year ended", "for its fiscal year ended"),
    "fifty-two weeks": ("intro", "for the fiscal year ended", "for the fifty-two weeks ended"),
    "transition period": ("intro", "Annual Report on Form 10-K of Example Corp. (the \"Company\") for the "
                          "fiscal year ended December 31, 2024", "Transition Report on Form 10-KT of Example "
                          "Corp. (the \"Company\") for the transition period from July 1, 2024 to December 31, "
                          "2024"),
    "906 only in the title": ("intro", ", pursuant to 18 U.S.C. Section 1350, as adopted pursuant to Section "
                              "906 of the Sarbanes-Oxley Act of 2002,", ""),
    "no knowledge qualifier": ("intro", ", to my knowledge:", ":"),
}

#: The defects, each with the rule that must report it: (part, old, new, code).
DEFECTS: dict[str, tuple[str, str, str, str]] = {
    "fully dropped": ("complies", "fully complies", "complies", "CL101"),
    "Exchange Act of 1933": ("complies", "Act of 1934", "Act of 1933", "CL802"),
    "Sarbanes-Oxley Act of 2003": ("title", "ACT OF 2002", "ACT OF 2003", "CL801"),
    "Section 1530": ("title", "SECTION 1350", "SECTION 1530", "CL803"),
    "in all material respects dropped": ("presents", " in all material respects,", "", "CL102"),
    "financcial": ("presents", "financial condition", "financcial condition", "CL108"),
    "result of operations": ("presents", "results of operations", "result of operations", "CL103"),
    "reliance qualifier": ("intro", "knowledge:", "knowledge and based on representations of others:", "CL107"),
    "report not identified": ("intro", " for the fiscal year ended December 31, 2024", "", "CL104"),
}


def layout(blocks: list[str], width: int, kind: str) -> tuple[str, str]:
    """The document and its file name, in the format the draw picked."""
    if kind == "htm":
        paragraphs = "".join(f"<p>{html.escape(b).replace(chr(10), '<br/>').replace('  ', ' &nbsp;')}</p>\n"
                             for b in blocks)
        return f"<html><body>\n{paragraphs}</body></html>\n", "ex.htm"
    wrapped = [b if "\n" in b else textwrap.fill(b, width, break_on_hyphens=False) for b in blocks]
    return "\n\n".join(wrapped) + "\n", f"ex.{'md' if kind == 'md' else 'txt'}"


@st.composite
def statements(draw: st.DrawFn, defect: str | None = None) -> tuple[str, str]:
    style = draw(st.sampled_from(sorted(INTROS)))
    parts = {"title": TITLE, "intro": INTROS[style], "complies": COMPLIES, "presents": PRESENTS}
    names = draw(st.lists(st.sampled_from(sorted(VARIANTS)), max_size=4, unique=True))
    for name in names:
        part, old, new = VARIANTS[name]
        old = old.replace("my knowledge", {"third person": "her knowledge", "joint": "our knowledge"}.get(
            style, "my knowledge"))
        parts[part] = parts[part].replace(old, new, 1)
    if defect is not None:
        part, old, new, _ = DEFECTS[defect]
        assume(old in parts[part])
        parts[part] = parts[part].replace(old, new, 1)
    blocks = [parts["title"], parts["intro"], parts["complies"], parts["presents"],
              JOINT_SIGNATURE if style == "joint" else SIGNATURE]
    if draw(st.booleans()):  # after the 302 certification, in its document
        blocks = [render("current", 100), *blocks]
    return layout(blocks, draw(st.integers(60, 140)), draw(st.sampled_from(["txt", "md", "htm"])))


def codes(document: tuple[str, str]) -> list[str]:
    text, name = document
    return [d.code for d in lint_text(text, name, isolated=True) if d.code.startswith(("CL1", "CL2", "CL8"))]


@settings(max_examples=120, deadline=None)
@given(document=statements())
def test_correct_but_unusual_statements_are_clean(document: tuple[str, str]) -> None:
    assert codes(document) == [], document[0]


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_each_defect_is_reported_whatever_else_varies(data: st.DataObject) -> None:
    for defect, (_, _, _, code) in DEFECTS.items():
        document = data.draw(statements(defect), label=defect)
        assert code in codes(document), (defect, document[0])
