"""The signature area of one certification in every layout family, text, HTML and Markdown:
the reading (name, title, role, date) is the same in each, a clean rendering draws nothing from
the signature, title and name rules, and an injected defect is reported at the signature."""

from __future__ import annotations

import html
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from certlint.analysis.parties import statements
from certlint.analysis.signatures import Signature, squash
from certlint.api import make_linter
from certlint.document import read_documents
from tests.titles.joint import INTROS, JOINT, render_joint, render_joint_docx
from tests.titles.layouts import FAMILIES, FORMATS, Signer, render, render_docx

LINTER = make_linter(today=date(2026, 11, 28))
#: The rules of signatures, names and titles (CL211, the 302's missing paragraphs, is not one).
CODES = frozenset({"CL301", "CL302", "CL303", "CL304", "CL305", "CL306", "CL307", "CL501", "CL502",
                   "CL503", "CL505", "CL507", "CL509", "CL510", "CL511"})
CASES = [(family, fmt, kind) for family in FAMILIES for fmt in FORMATS for kind in ("302", "906")]
IDS = [f"{family}-{fmt}-{kind}" for family, fmt, kind in CASES]

_FIRST = st.sampled_from(["Jane", "Rafael", "Mary-Kate", "Kenji", "O'Neil", "Pieter", "Siobhan", "Li",
                          "J. Michael", "Mary Ann"])
_LAST = st.sampled_from(["Doe", "de la Cruz", "Van Houten", "Smith-Jones", "McAllister", "Watanabe",
                         "von Trapp", "Nguyen"])
_TITLES = st.sampled_from([
    (("Chief Executive Officer",), "(Principal Executive Officer)"),
    (("President and Chief Executive Officer",), ""),
    (("Executive Vice President and", "Chief Financial Officer"), "(Principal Financial Officer)"),
    (("Interim Chief Financial Officer",), ""),
    (("Senior Vice President, Chief Financial Officer",), ""),
    (("Chairman of the Board and", "Chief Executive Officer"), ""),
    (("Vice President, Controller",), "(Principal Financial Officer)"),
    (("Acting Chief Executive Officer",), "(Principal Executive Officer)"),
    (("President & CEO",), ""),
    (("Chairman, President and Chief Executive Officer",), ""),
    (("EVP and CFO",), "(Principal Financial and Accounting Officer)"),
    (("Chief Executive Officer and Director",), ""),
    (("Co-Chief Executive Officer",), ""),
    (("Vice President, Finance and Treasurer",), ""),
])
_DATES = st.sampled_from(["February 27, 2026", "March 3, 2025", "May 2, 2024", "November 14, 2003",
                          "Feb. 27, 2026", "27 February 2026", "2/27/2026"])


@st.composite
def signers(draw: st.DrawFn, middle: bool | None = None) -> Signer:
    initial = draw(st.sampled_from("ABCDJKQRT")) + "."
    has_middle = draw(st.booleans()) if middle is None else middle
    title, role = draw(_TITLES)
    suffix = draw(st.sampled_from(["", "", "Jr.", "III"]))
    return Signer(draw(_FIRST), initial if has_middle else "", draw(_LAST), suffix, title, role,
                  draw(_DATES))


def _diagnostics(text: str, fmt: str) -> list[str]:
    return [f"{d.line}:{d.column}: {d.code}" for d in LINTER.lint_file(f"x.{fmt}", text=text)
            if d.code in CODES]


def _in_order(*found: str) -> list[str]:
    """Diagnostics as the linter orders them: by line, then column."""
    return sorted(found, key=lambda item: tuple(int(n) for n in item.split(":")[:2]))


def _position(text: str, needle: str, after: int) -> str:
    """ "line:col" (1-based) of `needle`, first found after offset `after`."""
    offset = text.index(needle, after)
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _signature_area(text: str, kind: str) -> int:
    return text.index("covered by this report;" if kind == "302" else "operations of the Company.")


_SETTINGS = settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("family", "fmt", "kind"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_reading_is_the_same_and_clean(family: str, fmt: str, kind: str, signer: Signer) -> None:
    text = render(family, fmt, signer, kind)
    doc = read_documents(f"x.{fmt}", text=text)[0]
    (statement,) = statements(doc)
    (sig,) = statement.signatures
    assert squash(sig.display_name) == squash(signer.name)
    assert squash(sig.title_text) == squash(signer.title_text)
    assert [squash(r.text) for r in sig.roles] == ([squash(signer.role)] if signer.role else [])
    assert sig.date is not None and signer.date in " ".join(sig.date.text.split())
    # A typed name with no "/s/" is a signature (Regulation S-T Rule 302(a)): a warning at most.
    typed = [f"{_position(text, signer.name, _signature_area(text, kind))}: CL510"]
    assert _diagnostics(text, fmt) == (typed if family == "typed-only" else [])


@pytest.mark.parametrize(("family", "fmt", "kind"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers(middle=True))
def test_a_changed_middle_initial_is_reported_where_it_is_signed(family: str, fmt: str, kind: str,
                                                                 signer: Signer) -> None:
    wrong = "Z." if signer.middle != "Z." else "Y."
    changed = Signer(**{**signer.__dict__, "signed": signer.name.replace(f" {signer.middle} ", f" {wrong} ")})
    text = render(family, fmt, changed, kind)
    expected = _position(text, wrong, _signature_area(text, kind))
    assert _diagnostics(text, fmt) == _in_order(f"{expected}: CL501", *_typed_warning(family, text, kind, changed))


def _typed_warning(family: str, text: str, kind: str, signer: Signer) -> list[str]:
    if family != "typed-only":
        return []
    return [f"{_position(text, signer.conformed, _signature_area(text, kind))}: CL510"]


@pytest.mark.parametrize(("family", "fmt", "kind"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_a_variant_of_the_name_is_a_warning(family: str, fmt: str, kind: str, signer: Signer) -> None:
    """ "Chris" for "Christopher": the same officer, a warning (CL509), never CL501."""
    named = Signer(**{**signer.__dict__, "first": "Christopher"})
    changed = Signer(**{**named.__dict__, "signed": named.name.replace("Christopher", "Chris", 1)})
    text = render(family, fmt, changed, kind)
    needle = {"by-line": "CHRIS", "source-breaks": "CHRIS",
              "small-caps": "C<font" if fmt == "htm" else "C HRIS"}.get(family, "Chris")
    expected = _position(text, needle, _signature_area(text, kind))
    assert _diagnostics(text, fmt) == _in_order(f"{expected}: CL509", *_typed_warning(family, text, kind, changed))


@pytest.mark.parametrize(("family", "fmt", "kind"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_a_misspelled_title_word_is_reported(family: str, fmt: str, kind: str, signer: Signer) -> None:
    word = next((w for w in ("Officer", "President", "Financial", "Executive", "Controller")
                 if w in signer.title_text), None)
    assume(word is not None)
    assert word is not None
    typo = word[:2] + word[3:]  # "Officer" -> "Oficer", "Controller" -> "Cotroller"
    title = tuple(line.replace(word, typo, 1) for line in signer.title)
    if sum(line.count(word) for line in signer.title) > 1:
        title = (*signer.title[:-1], signer.title[-1])  # keep one changed word: the first
        first = next(i for i, line in enumerate(signer.title) if word in line)
        title = tuple(line.replace(word, typo, 1) if i == first else line for i, line in enumerate(title))
    misspelled = Signer(**{**signer.__dict__, "title": title})
    text = render(family, fmt, misspelled, kind)
    expected = _position(text, typo, _signature_area(text, kind))
    assert _diagnostics(text, fmt) == _in_order(f"{expected}: CL301", *_typed_warning(family, text, kind, misspelled))


@pytest.mark.parametrize(("family", "fmt", "kind"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_a_non_officer_is_reported_at_the_title(family: str, fmt: str, kind: str, signer: Signer) -> None:
    other = Signer(**{**signer.__dict__, "title": ("Senior Vice President, Corporate Services",), "role": ""})
    text = render(family, fmt, other, kind)
    expected = _position(text, "Senior Vice President", _signature_area(text, kind))
    assert _diagnostics(text, fmt) == _in_order(f"{expected}: CL305", *_typed_warning(family, text, kind, other))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["302", "906"])
def test_a_certification_with_no_signature_is_reported(fmt: str, kind: str) -> None:
    signer = Signer("Jane", "Q.", "Doe", "", ("Chief Executive Officer",), "", "February 27, 2026")
    text = render("stacked", fmt, signer, kind)
    cut = text.index("Date: February")
    text = text[:cut] + ("</body></html>\n" if fmt == "htm" else "")
    got = [line.split(": ")[1] for line in _diagnostics(text, fmt)]
    assert got == (["CL502"] if kind == "302" else ["CL505"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_blank_date_is_reported_at_the_label(fmt: str) -> None:
    signer = Signer("Jane", "Q.", "Doe", "", ("Chief Executive Officer",), "", "February 27, 2026")
    text = render("labels-next-row", fmt, signer).replace("Date: February 27, 2026", "Date:")
    expected = _position(text, "Date:", _signature_area(text, "302"))
    assert _diagnostics(text, fmt) == [f"{expected}: CL511"]


@pytest.mark.parametrize(("family", "fmt", "kind"), CASES, ids=IDS)
def test_attorney_in_fact_is_reported(family: str, fmt: str, kind: str) -> None:
    signer = Signer("Jane", "Q.", "Doe", "", ("Chief Executive Officer",), "", "February 27, 2026",
                    signed="John R. Roe, as attorney-in-fact for Jane Q. Doe")
    text = render(family, fmt, signer, kind)
    found = [d for d in _diagnostics(text, fmt) if d.endswith("CL507")]
    if family == "small-caps" and fmt == "htm":  # "<font>AS</font> ATTORNEY-IN-FACT": on its line
        line = _position(text, "ATTORNEY-IN-FACT", _signature_area(text, kind)).split(":")[0]
        assert [d.split(":")[0] for d in found] == [line]
        return
    where = text.lower().index("as attorney-in-fact", _signature_area(text, kind))
    assert found == [f"{_position(text, text[where:where + 19], where)}: CL507"]


@pytest.mark.parametrize(("family", "kind"), [(f, k) for f in FAMILIES for k in ("302", "906")],
                         ids=[f"{f}-pre-{k}" for f in FAMILIES for k in ("302", "906")])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signer=signers())
def test_text_inside_html_pre_reads_as_text(family: str, kind: str, signer: Signer) -> None:
    """Old EDGAR HTML wraps the text filing in <pre>: its source lines are lines."""
    text = render(family, "txt", signer, kind)
    wrapped = f"<html><body><pre>\n{html.escape(text, quote=False)}</pre></body></html>\n"
    as_text = [_reading(s) for st in statements(read_documents("x.txt", text=text)[0]) for s in st.signatures]
    in_pre = [_reading(s) for st in statements(read_documents("x.htm", text=wrapped)[0])
              for s in st.signatures]
    assert in_pre == as_text
    assert len(in_pre) == 1 and squash(in_pre[0][0]) == squash(signer.name)


@pytest.mark.parametrize(("family", "kind"), [(f, k) for f in FAMILIES for k in ("302", "906")],
                         ids=[f"{f}-grid-{k}" for f in FAMILIES for k in ("302", "906")])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signer=signers())
def test_html_grid_tables_read_the_same(family: str, kind: str, signer: Signer) -> None:
    """Workiva's tables: padding cells, colspans, every line in a table."""
    text = render(family, "htm", signer, kind, grid=True)
    plain = render(family, "htm", signer, kind)
    readings = [[_reading(s) for st in statements(read_documents("x.htm", text=t)[0]) for s in st.signatures]
                for t in (text, plain)]
    assert readings[0] == readings[1]
    typed = ["CL510"] if family == "typed-only" else []
    assert [d.split(": ")[1] for d in _diagnostics(text, "htm")] == typed


def _reading(sig: Signature) -> tuple[str, str, str, str | None]:
    return (sig.display_name, sig.title_text, " ".join(r.text for r in sig.roles),
            sig.date.text if sig.date else None)


JOINT_CASES = [(layout, fmt, intro) for layout in JOINT for fmt in FORMATS for intro in INTROS]


@pytest.mark.parametrize(("layout", "fmt", "intro"), JOINT_CASES,
                         ids=[f"{layout}-{fmt}-{intro}" for layout, fmt, intro in JOINT_CASES])
@_SETTINGS
@given(first=signers(), second=signers())
def test_joint_906_reads_both_signers(layout: str, fmt: str, intro: str, first: Signer,
                                      second: Signer) -> None:
    second = Signer(**{**second.__dict__, "first": "Robert", "last": "Oyelaran", "date": first.date})
    text = render_joint(layout, fmt, intro, first, second)
    (statement,) = statements(read_documents(f"x.{fmt}", text=text)[0])
    assert [squash(s.display_name) for s in statement.signatures] == [squash(first.name), squash(second.name)]
    assert [squash(s.title_text) for s in statement.signatures] == [squash(first.title_text),
                                                                     squash(second.title_text)]
    assert all(s.date is not None for s in statement.signatures)
    assert _diagnostics(text, fmt) == []


DOCX_CASES = [(family, kind) for family in FAMILIES for kind in ("302", "906")]


@pytest.mark.parametrize(("family", "kind"), DOCX_CASES, ids=[f"{f}-docx-{k}" for f, k in DOCX_CASES])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signer=signers())
def test_docx_reads_the_same(family: str, kind: str, signer: Signer) -> None:
    pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")
    data = render_docx(family, signer, kind)
    doc = read_documents("x.docx", data=data)[0]
    (statement,) = statements(doc)
    (sig,) = statement.signatures
    assert squash(sig.display_name) == squash(signer.name)
    assert squash(sig.title_text) == squash(signer.title_text)
    assert [squash(r.text) for r in sig.roles] == ([squash(signer.role)] if signer.role else [])
    assert sig.date is not None and signer.date in " ".join(sig.date.text.split())
    found = [d.code for d in LINTER.lint_document(doc) if d.code in CODES]
    assert found == (["CL510"] if family == "typed-only" else [])


@pytest.mark.parametrize(("layout", "intro"), [(layout, intro) for layout in JOINT for intro in INTROS],
                         ids=[f"{layout}-docx-{intro}" for layout in JOINT for intro in INTROS])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=signers(), second=signers())
def test_joint_906_in_docx_reads_both_signers(layout: str, intro: str, first: Signer, second: Signer) -> None:
    """A Word table of two columns, one signer each (or the two stacked): both read, nothing said."""
    pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")
    second = Signer(**{**second.__dict__, "first": "Robert", "last": "Oyelaran", "date": first.date})
    doc = read_documents("x.docx", data=render_joint_docx(layout, intro, first, second))[0]
    (statement,) = statements(doc)
    assert [squash(s.display_name) for s in statement.signatures] == [squash(first.name), squash(second.name)]
    assert [squash(s.title_text) for s in statement.signatures] == [squash(first.title_text),
                                                                     squash(second.title_text)]
    assert all(s.date is not None for s in statement.signatures)
    assert [d.code for d in LINTER.lint_document(doc) if d.code in CODES] == []
