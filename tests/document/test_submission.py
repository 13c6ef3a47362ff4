"""A full EDGAR submission, one Document per certification exhibit, each
exhibit's defects at the lines of the submission file, the header's facts on every exhibit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from certlint.document import detect_format, read_documents
from certlint.document.readers.submission import header_facts
from tests.conftest import FIXTURES, run_cli

FORMATS = FIXTURES / "formats"
SUBMISSION = FORMATS / "24holdings-10-KSB-2007.txt"


def test_exhibits_and_header_facts() -> None:
    docs = read_documents(str(SUBMISSION))
    assert [(doc.part, doc.format) for doc in docs] == [
        ("EX-31.1", "text"), ("EX-31.2", "text"), ("EX-32.1", "text"), ("EX-32.2", "text")]
    for doc in docs:
        assert doc.facts.period_end == date(2007, 12, 31)
        assert doc.facts.fiscal_year_end == "12-31"
        assert doc.facts.company == "24HOLDINGS INC"
        assert doc.facts.form == "10-KSB"
        assert doc.facts.filed == date(2008, 2, 20)
        assert doc.part is not None
        assert doc.facts.exhibit == doc.part.removeprefix("EX-")
        assert doc.facts.extra["accession"] == "0000930413-08-001093"
        # The envelope, the header and the main 10-KSB document are not in any exhibit's prose.
        assert "PRIVACY-ENHANCED" not in doc.prose.text
        assert "FORM 10-KSB" not in doc.prose.text
        assert "<TEXT>" not in doc.prose.text and "</DOCUMENT>" not in doc.prose.text


def test_defects_at_the_lines_of_the_submission(corpus: Path) -> None:
    """Each exhibit's diagnostics are those of the corpus file, shifted to the exhibit's lines."""
    code, out, _ = run_cli(["--isolated", str(SUBMISSION)])
    assert code == 1
    lines = SUBMISSION.read_text("ascii").splitlines()
    shifted = []
    for exhibit in ("31.1", "31.2", "32.1", "32.2"):
        single = corpus / f"24holdings_10-KSB_2007-12-31_{exhibit}.txt"
        first = lines.index(f"<FILENAME>c52419_ex{exhibit.replace('.', '-')}.txt") + 2  # after <TEXT>
        _, single_out, _ = run_cli(["--isolated", str(single)])
        for line in single_out.splitlines():
            _, row, rest = line.split(":", 2)
            shifted.append(f"{SUBMISSION}:{first + int(row)}:{rest}")
    assert out.splitlines() == shifted
    assert len(shifted) == 7  # 31.x: CL212, CL213 (and CL504 in 31.2); CL103 in 32.1 and 32.2


def test_html_exhibit_in_a_submission() -> None:
    docs = read_documents(str(FORMATS / "example-corp-10-K-2025.txt"))
    assert [(doc.part, doc.format) for doc in docs] == [("EX-32.1", "html")]
    assert docs[0].facts.period_end == date(2025, 12, 31)
    assert "not linted" not in docs[0].prose.text  # the main 10-K document


def test_pem_dash_stuffing_is_undone() -> None:
    doc = read_documents(str(SUBMISSION))[2]
    assert "- ----" not in doc.prose.text
    assert "/s/ Arnold P. Kling -------------------" in doc.prose.text


def test_corpus_html_exhibits_in_an_assembled_submission(corpus: Path, tmp_path: Path) -> None:
    """Apple's 10-Q exhibits as filed in one submission: clean, facts from the header."""
    parts = ["<SEC-DOCUMENT>0000320193-25-000057.txt : 20250502\n<SEC-HEADER>\n"
             "CONFORMED SUBMISSION TYPE:\t10-Q\nCONFORMED PERIOD OF REPORT:\t20250329\n"
             "FILED AS OF DATE:\t\t20250502\nFILER:\n\tCOMPANY DATA:\n"
             "\t\tCOMPANY CONFORMED NAME:\t\t\tApple Inc.\n\t\tFISCAL YEAR END:\t\t\t0927\n</SEC-HEADER>\n"]
    for sequence, exhibit in enumerate(("31.1", "31.2", "32.1"), start=2):
        text = (corpus / f"apple_10-Q_2025-03-29_{exhibit}.htm").read_text("utf-8")
        parts.append(f"<DOCUMENT>\n<TYPE>EX-{exhibit}\n<SEQUENCE>{sequence}\n<FILENAME>ex{exhibit}.htm\n"
                     f"<TEXT>\n{text}</TEXT>\n</DOCUMENT>\n")
    path = tmp_path / "0000320193-25-000057.txt"
    path.write_text("".join(parts) + "</SEC-DOCUMENT>\n", "utf-8")
    docs = read_documents(str(path))
    assert [doc.part for doc in docs] == ["EX-31.1", "EX-31.2", "EX-32.1"]
    assert {(doc.facts.period_end, doc.facts.fiscal_year_end) for doc in docs} == {(date(2025, 3, 29), "09-27")}
    assert run_cli(["--isolated", str(path)]) == (0, "", "")


def test_header_facts_tagged_form_and_missing_fields() -> None:
    facts = header_facts("<SUBMISSION>\n<TYPE>10-Q\n<PERIOD>20240630\n<FILING-DATE>20240801\n"
                         "<FILER>\n<COMPANY-DATA>\n<CONFORMED-NAME>ACME CORP\n<FISCAL-YEAR-END>0630\n")
    assert (facts.form, facts.period_end, facts.filed, facts.company, facts.fiscal_year_end) == (
        "10-Q", date(2024, 6, 30), date(2024, 8, 1), "ACME CORP", "06-30")
    assert header_facts("<SEC-HEADER>\nFILED AS OF DATE: 2024\n").filed is None


def test_detection_by_content() -> None:
    assert detect_format("filing.txt", "<SEC-DOCUMENT>x") == "submission"
    assert detect_format("anything", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: x\n\n"
                         "<SEC-DOCUMENT>x") == "submission"
    assert detect_format("ex31.txt", "CERTIFICATION") == "text"


def test_text_exhibit_markup_lines_are_not_prose() -> None:
    text = ("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-31.1\n<TEXT>\nI, Jane Doe, certify that\n<PAGE>\n"
            "1. I have reviewed\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<HTML><BODY>"
            "<P>Press release</P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    docs = read_documents("sub.txt", text=text)
    assert [doc.prose.text for doc in docs] == ["I, Jane Doe, certify that\n1. I have reviewed\n",
                                                "Press release\n"]
    assert [doc.format for doc in docs] == ["text", "html"]


def test_large_submission_reads_only_its_exhibits() -> None:
    """A 20 MB uuencoded graphic before the exhibits costs a scan, not a parse."""
    import time

    text = SUBMISSION.read_text("ascii")
    head, rest = text.split("<DOCUMENT>", 1)
    graphic = ("<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>9\n<FILENAME>g.jpg\n<TEXT>\nbegin 644 g.jpg\n"
               + "M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``@&!@<&!0@'!P<)0@*#!0-#`L+\n" * 330_000
               + "end\n</TEXT>\n</DOCUMENT>\n")
    data = (head + graphic + "<DOCUMENT>" + rest).replace("issuer's", "issuer\x92s", 1).encode("latin-1")
    start = time.perf_counter()
    docs = read_documents("big.txt", data=data)
    assert time.perf_counter() - start < 5.0
    assert [doc.part for doc in docs] == ["EX-31.1", "EX-31.2", "EX-32.1", "EX-32.2"]
    assert docs[0].encoding == "cp1252"
    assert "issuer's" in docs[0].prose.text
