"""The `title` and `consistency` kinds: options, the shipped schema, and inline documents."""

from __future__ import annotations

import pytest

from certlint.analysis.signatures import Span
from certlint.api import lint_text
from certlint.checks import OptionError, consistency, title
from certlint.checks.name_compare import name_difference
from certlint.ruleset.schema import pack_schema_json
from tests import harness
from tests.conftest import ROOT


def test_shipped_pack_schema_is_current() -> None:
    assert (ROOT / "certlint" / "pack.schema.json").read_text() == pack_schema_json()


@pytest.mark.parametrize("options", [
    {"check": "nonsense"},
    {"check": "vocabulary"},
    {"check": "role", "vocabulary": ["Chief"]},
    {"check": "designation", "vocabulary": ["Chief"]},
])
def test_title_bad_options(options: dict[str, object]) -> None:
    with pytest.raises(OptionError):
        title.compile(options)


def test_consistency_bad_check() -> None:
    with pytest.raises(OptionError) as info:
        consistency.compile({"check": "spelling"})
    assert info.value.key == "check"


def _tokens(text: str) -> list[Span]:
    out, position = [], 0
    for word in text.split():
        start = text.index(word, position)
        out.append(Span(start, start + len(word), word))
        position = start + len(word)
    return out


@pytest.mark.parametrize(("reference", "found", "expected"), [
    ("Jane Q. Doe", "JANE Q. DOE", None),
    ("Jane Q. Doe", "John R. Roe", ("name", "John R. Roe")),
    ("Steven P. Jobs", "S TEVEN P. J OBS", None),
    ("Jane Q. Doe", "Jane R. Doe", ("middle initial", "R.")),
    ("Samuel J. Furrow, Jr.", "Samuel J. Furrow", ("suffix", "(none)")),
    ("Jane Q. Doe", "Jane Q. Dough", ("spelling", "Dough")),
])
def test_name_difference(reference: str, found: str, expected: tuple[str, str] | None) -> None:
    diff = name_difference(_tokens(reference), _tokens(found))
    assert (None if diff is None else (diff[1], diff[2])) == expected


def _codes(text: str, prefix: str = "CL") -> list[str]:
    return [f"{d.line}:{d.column}: {d.code}" for d in lint_text(text, "x.txt") if d.code.startswith(prefix)]


def test_caps_signature_and_suffix_are_the_same_name() -> None:
    text = ("I, Henry M. Paulson, Jr., certify that: I have reviewed this annual report.\n\n"
            "Date: February 27, 2026\n\n/s/ HENRY M. PAULSON, JR.\nName: Henry M. Paulson, Jr.\n"
            "Title: Chief Executive Officer\n")
    assert _codes(text, "CL5") == []


def test_302_with_we_intro() -> None:
    text = ("We, Jane Q. Doe and John R. Roe, certify that: I have reviewed this annual report.\n\n"
            "/s/ Jane Q. Doe\nJane Q. Doe\nChief Executive Officer\n")
    assert _codes(text, "CL502") == ["1:1: CL502"]


def test_abs_certification_is_not_held_to_officer_roles() -> None:
    text = ("I, Andrew J. McMonigle, certify that: I have reviewed this report on Form 10-K and all "
            "reports on Form 10-D.\n\n/s/ Andrew J. McMonigle\nName: Andrew J. McMonigle\n"
            "Title: Vice President and Treasurer\n(Senior officer in charge of securitization)\n"
            "Company: CarMax Auto Funding LLC\n")
    assert _codes(text, "CL3") == []


def test_misspelled_title_and_designation_reported_once_by_the_spelling_rules() -> None:
    path = ROOT / "examples" / "example-corp-10-K-ex31.2-defective.txt"
    found = [f"{d.line}:{d.column}: {d.code}" for d in lint_text(path.read_text(), path.name)
             if d.code.startswith(("CL3", "CL5"))]
    assert found == ["64:7: CL301", "65:2: CL302"]


@pytest.mark.parametrize(("word", "code"), [("Cheif", "CL301"), ("Chef", "CL303")])
def test_title_words_are_handed_to_the_spelling_rule_from_five_letters(word: str, code: str) -> None:
    """One edit from a title word: CL301 (spelling) reports words of five letters or more, CL303
    (vocabulary) the shorter ones; each typo is reported once, by one of them."""
    harness.check(f"/s/ Jane Doe\nJane Doe\n{word} Executive Officer\n", "CL3", (3, 1, code))


@pytest.mark.parametrize(("intro", "signed", "line"), [
    ("J. Smith", "K. Smith", "1:4: CL501 initial differs: 'J.' in the 'I, [name]' line, 'K.' in the signature"),
    ("John A. Smith", "John B. Smith",
     "1:9: CL501 middle initial differs: 'A.' in the 'I, [name]' line, 'B.' in the signature"),
])
def test_a_first_initial_is_not_called_a_middle_initial(intro: str, signed: str, line: str) -> None:
    text = (f"I, {intro}, certify that: 1. I have reviewed this annual report on Form 10-K of Example Corp.;\n"
            f"\n/s/ {signed}\n{signed}\nChief Executive Officer\n")
    assert harness.run(text, "CL501").lines == [line]
