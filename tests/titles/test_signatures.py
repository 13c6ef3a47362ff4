"""certlint.analysis.signatures and certlint.analysis.parties: signature blocks and parties from inline documents."""

from __future__ import annotations

from certlint.analysis.parties import certification_kind, statements
from certlint.analysis.signatures import Signature, signatures
from certlint.document import read_documents


def _sigs(text: str, name: str = "x.txt") -> tuple[Signature, ...]:
    return signatures(read_documents(name, text=text)[0])


def test_conformed_typed_name_title_role_and_date() -> None:
    (sig,) = _sigs("Date: February 19, 2008\n\n/S/ ARNOLD P. KLING\n-------------------\n"
                   "Arnold P. Kling,\nPresident\n(Principal Executive Officer)\n")
    assert sig.conformed_text == "ARNOLD P. KLING"
    assert sig.name is not None and sig.name.text == "Arnold P. Kling"
    assert [t.text for t in sig.titles] == ["President"]
    assert [r.text for r in sig.roles] == ["(Principal Executive Officer)"]
    assert sig.date is not None and sig.date.text == "Date: February 19, 2008"


def test_by_line_name_on_next_line_and_title_over_two_lines() -> None:
    (sig,) = _sigs("December 19,\n2002\nBy:\n/s/\nFRED D. ANDERSON\nFred D. Anderson\n"
                   "Executive Vice President and\nChief Financial Officer\n")
    assert sig.conformed_text == "FRED D. ANDERSON"
    assert sig.title_text == "Executive Vice President and Chief Financial Officer"
    assert sig.date is not None and sig.date.text == "December 19, 2002"


def test_small_caps_split_by_tag_stripping_joins_the_typed_name() -> None:
    (sig,) = _sigs("By:\n/s/ S\nTEVEN\nP. J\nOBS\nSteven P. Jobs\nChief Executive Officer\n")
    assert sig.conformed_text == "S TEVEN P. J OBS"
    assert sig.name is not None and sig.name.text == "Steven P. Jobs"


def test_name_and_title_labels_and_role_on_the_title_line() -> None:
    (sig,) = _sigs("/s/ HENRY M. PAULSON, JR.\nName: Henry M. Paulson, Jr.\n"
                   "Title: Chief Executive Officer (Principal Executive Officer)\n")
    assert sig.name is not None and sig.name.text == "Henry M. Paulson, Jr."
    assert [t.text for t in sig.titles] == ["Chief Executive Officer"]
    assert [r.text for r in sig.roles] == ["(Principal Executive Officer)"]


def test_markdown_table_with_markup_and_date_beside() -> None:
    text = ("I, Gary Millerchip, certify that:\n\n| | |\n|---|---|\n"
            "| /s/&nbsp;GARY MILLERCHIP | Date: December 18, 2024 |\n| Gary Millerchip | |\n"
            "| *Executive Vice President and Chief Financial Officer* | |\n")
    (sig,) = _sigs(text, "x.md")
    assert sig.conformed_text == "GARY MILLERCHIP"
    assert sig.title_text == "Executive Vice President and Chief Financial Officer"
    assert sig.date is not None and sig.date.text == "Date: December 18, 2024"


def test_two_statements_in_one_exhibit_each_with_its_signer() -> None:
    text = ("I, Elon Musk, certify, pursuant to 18 U.S.C. Section 1350, that the Report complies.\n\n"
            "/s/ Elon Musk\nElon Musk\nChief Executive Officer\n\n"
            "I, Zachary J. Kirkhorn, certify, pursuant to 18 U.S.C. Section 1350, that it complies.\n\n"
            "/s/ Zachary J. Kirkhorn\nZachary J. Kirkhorn\nChief Financial Officer\n")
    doc = read_documents("x.txt", text=text)[0]
    first, second = statements(doc)
    assert [p.name.text for p in first.parties] == ["Elon Musk"]
    assert [s.conformed_text for s in first.signatures] == ["Elon Musk"]
    assert [s.conformed_text for s in second.signatures] == ["Zachary J. Kirkhorn"]
    assert certification_kind(doc) == "906"


def test_joint_we_intro_names_each_party_with_title() -> None:
    text = ("In connection with the Report, we, Samuel J. Furrow, Jr., Chief Executive Officer "
            "(Principal Executive Officer) of Innovo Group Inc., and Marc B. Crossman, Chief "
            "Financial Officer of Innovo Group Inc., hereby certify pursuant to 18 U.S.C. Section 1350.\n")
    (st,) = statements(read_documents("x.txt", text=text)[0])
    assert st.person == "we"
    assert [(p.name.text, p.title.text if p.title else None) for p in st.parties] == [
        ("Samuel J. Furrow, Jr.", "Chief Executive Officer (Principal Executive Officer)"),
        ("Marc B. Crossman", "Chief Financial Officer"),
    ]


def test_undersigned_statement_names_nobody() -> None:
    text = "Each of the undersigned hereby certifies, for the purposes of section 1350, that ...\n"
    (st,) = statements(read_documents("x.txt", text=text)[0])
    assert st.person == "undersigned" and st.parties == ()


def test_kind_from_exhibit_fact_then_content() -> None:
    abs_text = "I have reviewed this report on Form 10-K and all reports on Form 10-D"
    doc = read_documents("x.txt", text=abs_text)[0]
    assert certification_kind(doc) == "abs"
    doc = read_documents("x.txt", text="pursuant to 18 U.S.C. Section 1350")[0]
    assert certification_kind(doc) == "906"
    assert certification_kind(doc, "EX-31.2") == "302"


def test_joint_block_shares_the_date_above_and_its_label() -> None:
    first, second = _sigs("Date: 20 November 2018\n\n/s/ Seifi Ghasemi\nSeifi Ghasemi\nChairman, "
                          "President and Chief Executive Officer\n\n/s/ M. Scott Crocco\nM. Scott Crocco\n"
                          "Executive Vice President and Chief Financial Officer\n")
    assert first.date is not None and second.date == first.date
    (sig,) = _sigs("By: /s/ Jane Doe\nName: Jane Doe\nIts: Chief Executive Officer\n")
    assert sig.title_text == "Chief Executive Officer"


def test_side_by_side_text_columns() -> None:
    text = ("/s/ Jane Q. Doe                          /s/ John R. Roe\n"
            "- ---------------------------             - ---------------------------\n"
            "Jane Q. Doe                              John R. Roe\n"
            "Chief Executive Officer                  Chief Financial Officer\n")
    first, second = _sigs(text)
    assert (first.display_name, first.title_text) == ("Jane Q. Doe", "Chief Executive Officer")
    assert (second.display_name, second.title_text) == ("John R. Roe", "Chief Financial Officer")


def test_third_person_body_names_officers_with_titles() -> None:
    text = ("Pursuant to Section 906 of the Sarbanes-Oxley Act of 2002 (18 U.S.C. Section 1350), "
            "Daniel P. O'Day, the Chairman and Chief Executive Officer of Gilead Sciences, Inc. (the "
            "Company), and Andrew D. Dickinson, the Chief Financial Officer of the Company, each "
            "hereby certifies that, to the best of his knowledge: ...\n\n"
            "/s/ DANIEL P. O'DAY\nDaniel P. O'Day\nChairman and Chief Executive Officer\n")
    (st,) = statements(read_documents("x.txt", text=text)[0])
    assert st.person == "third"
    assert [(p.name.text, p.title.text if p.title else None) for p in st.parties] == [
        ("Daniel P. O'Day", "Chairman and Chief Executive Officer"),
        ("Andrew D. Dickinson", "Chief Financial Officer"),
    ]
