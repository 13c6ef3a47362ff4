"""The `form` kind itself: user packs, option errors, markers, one analysis per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from certlint.analysis.form.segment import find_certifications
from certlint.analysis.form.tokens import columns
from certlint.api import lint_text
from certlint.checks.base import OptionError
from certlint.checks.form import compile as compile_form
from tests.conftest import run_cli

PACK = """\
pack: house
rules:
  - code: HS210
    kind: form
    message: "{where}: {what} ({version})"
    report: [wording, structure]
    versions:
      - name: house
        label: house form
        text: |
          I, {certifier}, certify that:
          1. I have reviewed this {report} of {registrant};
          2. The statements are true[[, to my knowledge]].
          3. [[I have read the footnotes.]]
"""


def lint_with_pack(tmp_path: Path, pack: str, text: str) -> tuple[int, list[str], str]:
    rules = tmp_path / "house.yaml"
    rules.write_text(pack, encoding="utf-8")
    doc = tmp_path / "cert.txt"
    doc.write_text(text, encoding="utf-8")
    code, out, err = run_cli(["--isolated", "--select", "HS", "--rules", str(rules), str(doc)])
    return code, [line.removeprefix(f"{doc}:") for line in out.splitlines()], err


@pytest.mark.parametrize(("text", "expected"), [
    ("I, Jo Roe, certify that:\n1. I have reviewed this report of Acme;\n2. The statements are true.\n", []),
    ("I, Jo Roe, certify that:\n1. I have reviewed this report of Acme;\n"
     "2. The statements are true, to my knowledge.\n3. I have read the footnotes.\n", []),
    ("I, Jo Roe, certify that:\n1. I have reviewed this report of Acme;\n2. The statement is true.\n",
     ["3:8: HS210 paragraph 2: expected 'statements are', found 'statement is' (house form)"]),
    ("I, Jo Roe, certify that:\n1. I have reviewed this report of Acme;\n",
     ["2:39: HS210 paragraph 2: missing: 'The statements are true, to my knowledge.' (house form)"]),
])
def test_user_pack(tmp_path: Path, text: str, expected: list[str]) -> None:
    code, found, err = lint_with_pack(tmp_path, PACK, text)
    assert (found, err) == (expected, "")
    assert code == (1 if expected else 0)


@pytest.mark.parametrize(("change", "message"), [
    (("I, {certifier}", "I, [[{certifier}"), "version 'house': [[ without ]] in a form text"),
    (("report: [wording, structure]", "report: [wording, typos]"),
     "unknown report 'typos' (expected one of: wording"),
    (("        label: house form\n", "        label: house form\n        filed_from: 2024\n"),
     "'filed_from' must be text, not a number"),
])
def test_bad_options_are_located(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    code, found, err = lint_with_pack(tmp_path, PACK.replace(*change), "I, Jo Roe, certify that:\n")
    assert code == 2 and found == []
    assert f"{tmp_path / 'house.yaml'}:" in err and message in err


def test_compile_rejects_a_date_that_is_not_one() -> None:
    with pytest.raises(OptionError, match="filed_from is not a date"):
        compile_form({"report": ["wording"], "versions": [
            {"name": "x", "text": "I, {certifier}, certify that:", "filed_from": "2024-13-01"}]})


@pytest.mark.parametrize(("marks", "expected"), [
    (("1.", "(a)", "(b)"), ["opening", "1", "a", "b"]),
    (("(1)", "a)", "b)"), ["opening", "1", "a", "b"]),
    (("1)", "4(a)", "4(b)"), ["opening", "1", "a", "b"]),
    (("1.", "(i)", "(ii)"), ["opening", "1", "a", "b"]),
    (("1.", "•", "•"), ["opening", "1", "", ""]),
])
def test_markers(marks: tuple[str, str, str], expected: list[str]) -> None:
    text = (f"I, Jo Roe, certify that:\n{marks[0]} I have reviewed this report of Acme Inc.; and have:\n"
            f"{marks[1]} Designed such controls;\n{marks[2]} Evaluated them.\nDate: May 1, 2020\n")
    certs = find_certifications(columns(text))
    assert [unit.marker for unit in certs[0].units] == expected
    assert [t.text for t in certs[0].tail][:2] == ["Date", ":"]


def test_markers_inside_one_line_text() -> None:
    text = ("I, Jo Roe, certify that: 1. I have reviewed this report of Acme Inc. No. 1; and have: "
            "a) designed such controls; and b) evaluated them. December 19, 2002 By: /s/ JO ROE")
    (cert,) = find_certifications(columns(text))
    assert [unit.marker for unit in cert.units] == ["opening", "1", "a", "b"]
    assert cert.tail[0].text == "December"


def test_two_certifications_in_one_file() -> None:
    one = "I, Jo Roe, certify that:\n1. I have reviewed this report of Acme;\nDate: May 1, 2020\n"
    certs = find_certifications(columns(one + one.replace("Jo Roe", "Al Poe")))
    assert len(certs) == 2


def test_section_906_opening_is_not_a_302_certification() -> None:
    text = "I, Jo Roe, certify that, to my knowledge, the Report fully complies with ...\n"
    assert find_certifications(columns(text)) == []


def test_one_deviation_one_diagnostic_across_packs() -> None:
    text = (Path(__file__).parents[1] / "fixtures" / "form" / "current-missing-4c.txt").read_text()
    found = [(d.line, d.column, d.code) for d in lint_text(text, "ex31.txt")]
    assert found == [(36, 6, "CL211")]


def test_variants_are_reported_when_selected(tmp_path: Path) -> None:
    """'officer' for 'officer(s)' is accepted by default; CL214 reports it, once, with a count."""
    text = (Path(__file__).parents[1] / "fixtures" / "form" / "current-clean.txt").read_text()
    doc = tmp_path / "ex31.txt"
    doc.write_text(text.replace("officer(s)", "officer"), encoding="utf-8")
    assert run_cli(["--isolated", str(doc)]) == (0, "", "")
    code, out, err = run_cli(["--isolated", "--extend-select", "CL214", str(doc)])
    assert (code, err) == (1, "")
    assert out == (f"{doc}:19:38: CL214 paragraph 4: expected 'officer(s)', found 'officer' (2 times) "
                   "(current form)\n")
