"""Documents that are not certifications get no diagnostics unless every document is linted.

What a document says decides (`certlint.analysis.kind`): every file of both real corpora is a
certification and is recognised by at least two of its statements; their README, certlint's own
README and generated press releases, 10-K bodies and notes are not. The command line, the
library API, repository mode and the pack examples `certlint explain` shows all agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import certlint
from certlint.analysis import kind
from certlint.document import read_documents
from tests import harness
from tests.conftest import ROOT, run_cli
from tests.output.helpers import shared_dir

CORPORA = [shared_dir() / "corpus" / "real", shared_dir() / "corpus" / "real2"]
SUFFIXES = {".txt", ".htm", ".html", ".md"}

PRESS_RELEASE = """\
<html><body><h1>Acme Corp. Reports Fourth Quarter and Fiscal 2024 Results</h1>
<p>SPRINGFIELD, Ill., February 6, 2025 -- Acme Corp. (NYSE: ACME) today announced financial
results for its fiscal 2024 fourth quarter ended December 31, 2024.</p>
<p>"We closed the year with record revenue," said Jane Doe, Chief Executive Officer. "I certify
nothing here but our confidence."</p>
<p>Forward-Looking Statements. This press release contains forward-looking statements within
the meaning of the Private Securities Litigation Reform Act of 1995.</p></body></html>
"""
TEN_K_BODY = """\
UNITED STATES SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

FORM 10-K

ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934
For the fiscal year ended December 31, 2024

ACME CORP.
(Exact name of registrant as specified in its charter)

Indicate by check mark whether the registrant (1) has filed all reports required to be filed by
Section 13 or 15(d) of the Securities Exchange Act of 1934 during the preceding 12 months.

Item 9A. Controls and Procedures
Our Chief Executive Officer and Chief Financial Officer evaluated our disclosure controls and
procedures and concluded that they were effective. The certifications required by Section 302
of the Sarbanes-Oxley Act are filed as Exhibits 31.1 and 31.2.
""" + "\nThe Company's results of operations are discussed in Item 7.\n" * 40 + """
Item 15. Exhibits
31.1 Certification of Chief Executive Officer pursuant to Section 302 of the Sarbanes-Oxley Act
32.1 Certifications pursuant to 18 U.S.C. Section 1350
"""
NOTES = """\
# Q4 close notes

- Ask the CFO to certify that the numbers tie out before we file.
- We still need Jane to sign the 906 statement; check "I, Jane Doe, certify" wording.
- Exhibit 32 goes with the 10-K.
"""
FRAGMENT_906 = "The Report fully complies with the requirements of Section 13(a) and fairly presents the results.\n"


def _corpus_files() -> list[Path]:
    files = [path for corpus in CORPORA if corpus.is_dir() for path in sorted(corpus.rglob("*"))
             if path.suffix in SUFFIXES and path.name != "README.md"]
    if not files:
        pytest.skip("the shared corpora are not beside this checkout")
    return files


def _signals(text: str) -> list[str]:
    """Every statement of the recognition a text makes (not only the first one found)."""
    return [found.reason for found in kind.statements(text)]


def test_every_corpus_certification_is_recognised_by_two_statements() -> None:
    files = _corpus_files()
    weak = []
    for path in files:
        for doc in read_documents(str(path)):
            assert kind.is_certification(doc), path
            if len(_signals(doc.prose.text)) < 2:
                weak.append(str(path))
    assert weak == []
    assert len(files) >= 150


@pytest.mark.parametrize("readme", [ROOT / "README.md", CORPORA[1] / "README.md"], ids=["certlint", "real2"])
def test_readmes_are_not_certifications(readme: Path) -> None:
    if not readme.is_file():
        pytest.skip(f"{readme} is not here")
    [doc] = read_documents(str(readme))
    assert kind.recognise(doc) is None


@pytest.mark.parametrize(("name", "text"), [("press.htm", PRESS_RELEASE), ("10-k.txt", TEN_K_BODY),
                                             ("notes.md", NOTES)])
def test_generated_non_certifications_are_not_recognised(name: str, text: str) -> None:
    [doc] = read_documents(name, text=text)
    assert kind.recognise(doc) is None
    assert harness.run(text, name=name, all_documents=False).lines == []


@pytest.mark.parametrize(("text", "reason"), [
    ("I, Jane Doe, certify that:\n", "first-person"),
    ("I JANE DOE, CERTIFY THAT:\n", "first-person"),
    ("<p>I, <b>Jane</b>&nbsp;Doe, certify that:</p>", "first-person"),
    ("We, Jane Doe and John Roe, hereby each certify, that\n", "first-person"),
    ("In connection with the Report, I certify that the Report fully complies\n", "first-person"),
    ("We hereby certify, pursuant to 18 U.S.C. Section 1350, that\n", "first-person"),
    ("The undersigned officer of Acme Corp. hereby certifies, to such officer's knowledge, that\n", "hereby"),
    ("Each of the undersigned, in his capacity as an officer, certifies that\n", "undersigned"),
    ("Jane Doe, Chief Executive Officer of Acme Corp., certifies, to her knowledge, that the Report\n",
     "third-person"),
    ("1. I have reviewed this annual report on Form 10-K of Acme Corp.;\n", "302's opening"),
    (FRAGMENT_906, "906 statements"),
    ("CERTIFICATION OF CHIEF EXECUTIVE OFFICER PURSUANT TO SECTION 302 OF THE SARBANES-OXLEY ACT\n", "title"),
    ("SECTION 1350 CERTIFICATIONS\n", "title"),
])
def test_each_statement_is_recognised(text: str, reason: str) -> None:
    name = "cert.htm" if text.startswith("<") else "cert.txt"
    [doc] = read_documents(name, text=text)
    found = kind.recognise(doc)
    assert found is not None and reason in found.reason


@pytest.mark.parametrize("text", [
    "Ask the CFO to certify that the numbers tie out.\n",
    "Asked about it, the CEO said: I certify nothing here but our confidence.\n",
    'The comma in "I Jane Doe, certify" is missing.\n',
    "Chief Executive Officer\n",
    "The certification is furnished, not filed.\n",
    # A title far from the top is an entry of a 10-K's exhibit index.
    "A sentence of the report body.\n\n" * 80 + "CERTIFICATION PURSUANT TO SECTION 302\n",
])
def test_talk_about_certifying_is_not_a_certification(text: str) -> None:
    [doc] = read_documents("x.txt", text=text)
    assert kind.recognise(doc) is None


def test_the_command_line_passes_over_a_readme_and_says_so_when_verbose(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("README.md").write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    Path("ex31.txt").write_text("I, Jane Doe, certify that:\nJane Doe\nCheif Executive Officer\n")
    assert run_cli(["--isolated", "--select", "CL3", "README.md"]) == (0, "", "")
    code, out, err = run_cli(["--isolated", "--select", "CL3", "-v", "."])
    assert (code, out) == (1, "ex31.txt:3:1: CL301 misspelled title word 'Cheif': did you mean 'Chief'?\n")
    assert err == ("certlint: README.md: skipped (not a certification: it makes no certification "
                   "statement; --all-documents lints it)\n")
    code, out, _ = run_cli(["--isolated", "--all-documents", "README.md"])
    assert code == 1 and out.startswith("README.md:")


@pytest.mark.parametrize(("name", "text"), [("pyproject.toml", "[tool.certlint]\nall-documents = true\n"),
                                             (".certlint.yaml", "all-documents: true\n")])
def test_the_config_switch_lints_every_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                name: str, text: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("Jane Doe\nCheif Executive Officer\n")
    assert run_cli(["--isolated", "notes.txt"]) == (0, "", "")
    Path(name).write_text(text)
    code, out, _ = run_cli(["--select", "CL301", "notes.txt"])
    assert (code, out) == (1, "notes.txt:2:1: CL301 misspelled title word 'Cheif': did you mean 'Chief'?\n")
    assert "all-documents = true" in run_cli(["config"])[1]


def test_the_config_switch_must_be_a_boolean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".certlint.yaml").write_text("all-documents: yes please\n")
    code, _, err = run_cli(["."])
    assert code == 2 and err.endswith(":1: 'all-documents' must be true or false\n")


def test_the_api_and_repository_mode_agree(tmp_path: Path) -> None:
    filing = tmp_path / "filing"
    filing.mkdir()
    (filing / "press.htm").write_text(PRESS_RELEASE.replace("Chief Executive", "Cheif Executive"))
    (filing / "ex31.txt").write_text("I, Jane Doe, certify that:\nJane Doe\nCheif Executive Officer\n")
    found = certlint.lint(filing, isolated=True, select=["CL301"])
    assert [Path(d.path).name for d in found] == ["ex31.txt"]
    assert certlint.lint(filing, isolated=True, select=["CL301"], filings=True) == found
    every = certlint.lint(filing, isolated=True, select=["CL301"], all_documents=True)
    assert sorted(Path(d.path).name for d in every) == ["ex31.txt", "press.htm"]
    assert certlint.lint_text("Cheif Executive Officer\n", "x.txt", isolated=True) == []
    assert [d.code for d in certlint.lint_text("Cheif Executive Officer\n", "x.txt", isolated=True,
                                               select=["CL301"], all_documents=True)] == ["CL301"]


def test_a_filing_of_other_documents_is_described_without_them(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f").mkdir()
    Path("f", "notes.md").write_text(NOTES)
    Path("f", "ex31.txt").write_text("I, Jane Doe, certify that:\n")
    code, out, err = run_cli(["--isolated", "--filings", "-v", "--select", "CL6", "f"])
    assert (code, out) == (0, "")
    assert "f/notes.md: skipped (not a certification" in err
    assert "notes.md" not in run_cli(["filings", "--isolated", "f"])[1]


def test_stdin_is_passed_over_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOTES.encode())))
    code, out, err = run_cli(["--isolated", "-v", "-", "--stdin-filename", "notes.md"])
    assert (code, out) == (0, "")
    assert err.startswith("certlint: notes.md: skipped (not a certification")


def test_sarif_of_a_run_that_passed_everything_over_is_empty(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes.md").write_text(NOTES)
    code, out, _ = run_cli(["--isolated", "--format", "sarif", "notes.md"])
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


@pytest.mark.parametrize("code", ["CL301", "CL303", "CL406", "CL410", "CL507"])
def test_an_example_explain_shows_is_reported_when_linted_as_a_file(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    code: str) -> None:
    """What a user does with `certlint explain`: paste the example into a file and lint it."""
    monkeypatch.chdir(tmp_path)
    out = run_cli(["explain", code, "--isolated"])[1]
    example = out.split("Example (reported): ", 1)[1].split("\n\nSource:", 1)[0]
    Path("example.txt").write_text(example + "\n", encoding="utf-8")
    status, report, _ = run_cli(["--isolated", "--today", harness.TODAY, "--select", code, "example.txt"])
    assert status == 1 and f": {code} " in report


@pytest.mark.parametrize("unit", ["I ", "we, ", ", certifies ", "undersigned ", "we, certify "])
def test_recognition_stays_linear_on_repetitive_text(unit: str) -> None:
    """Statements are found from the verb with bounded look-around: a megabyte of "we, " used
    to take half a minute with a pattern that scanned ahead from every "we"."""
    import time

    text = unit * (1_000_000 // len(unit))
    began = time.perf_counter()
    kind.recognise_text(text)
    assert time.perf_counter() - began < 8
