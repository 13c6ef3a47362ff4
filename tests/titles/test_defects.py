"""Unsigned and undated certifications in every layout family and format: each defect is
reported once, at the signature block (the "/s/", the blank "Date:", or where the officer
would sign), and nothing else is reported beside it."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from hypothesis import given

from certlint.api import make_linter
from certlint.document import read_documents
from certlint.engine.linter import Linter
from tests.titles.layouts import DEFECTS, FAMILIES, FORMATS, Signer, render, render_docx
from tests.titles.test_layouts import _SETTINGS, CODES, _position, _signature_area, signers

DEFAULT = make_linter(today=date(2026, 11, 28))
CASES = [(family, fmt) for family in FAMILIES for fmt in FORMATS]
IDS = [f"{family}-{fmt}" for family, fmt in CASES]
#: The conformed mark as each family writes it ("By:" and the spaces after it belong to it).
_MARKS = re.compile(r"By:[ \t]*/|/s/|/S/|\\s\\|/ S /|/<font")


def _found(text: str, fmt: str, linter: Linter = DEFAULT) -> list[str]:
    return [f"{d.line}:{d.column}: {d.code}" for d in linter.lint_file(f"x.{fmt}", text=text)
            if d.code in CODES | {"CL512"}]


def _mark(text: str, kind: str = "302") -> str:
    """Where the conformed mark stands in the signature area."""
    found = _MARKS.search(text, _signature_area(text, kind))
    assert found is not None
    return _position(text, found.group(), found.start())


def _first(text: str, needles: tuple[str, ...], kind: str = "302") -> str:
    """Where the first of `needles` (HTML-escaped in HTML too) stands in the signature area."""
    area = _signature_area(text, kind)
    needles = (*needles, *(html.escape(n, quote=False) for n in needles))
    offsets = [text.index(n, area) for n in needles if n and n in text[area:]]
    return _position(text, text[min(offsets):min(offsets) + 1], min(offsets))


@pytest.mark.parametrize(("family", "fmt"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_no_signature_at_all_is_reported_where_it_would_be_signed(family: str, fmt: str,
                                                                  signer: Signer) -> None:
    """Neither "/s/" nor a typed name: CL502 at the title or date lines of the block."""
    text = render(family, fmt, signer, "302", defect="unsigned")
    expected = _first(text, ("Date:", "Dated:", "By:", "Name:", "Title:", signer.title[0], signer.date))
    assert _found(text, fmt) == [f"{expected}: CL502"]


@pytest.mark.parametrize(("family", "fmt"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_an_unsigned_906_names_the_officer_who_does_not_sign(family: str, fmt: str, signer: Signer) -> None:
    """No signature under a 906: CL505 at the block where the officer would sign, not at the body."""
    text = render(family, fmt, signer, "906", defect="unsigned")
    expected = _first(text, ("Date:", "Dated:", "By:", "Name:", "Title:", signer.title[0], signer.date), "906")
    assert _found(text, fmt) == [f"{expected}: CL505"]


@pytest.mark.parametrize(("family", "fmt", "kind"),
                         [(f, m, k) for f, m in CASES if f != "typed-only" for k in ("302", "906")],
                         ids=[f"{f}-{m}-{k}" for f, m in CASES if f != "typed-only" for k in ("302", "906")])
@_SETTINGS
@given(signer=signers())
def test_a_conformed_mark_with_no_name_is_reported_at_the_mark(family: str, fmt: str, kind: str,
                                                               signer: Signer) -> None:
    """ "/s/" and no name (a typed-only block with no name is unsigned: the test above)."""
    text = render(family, fmt, signer, kind, defect="no-name")
    assert _found(text, fmt) == [f"{_mark(text, kind)}: CL510"]


@pytest.mark.parametrize(("family", "fmt"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_no_date_anywhere_is_reported_at_the_signature(family: str, fmt: str, signer: Signer) -> None:
    text = render(family, fmt, signer, "302", defect="undated")
    typed = family == "typed-only"
    where = _first(text, (signer.name,)) if typed else _mark(text)
    assert _found(text, fmt) == [*([f"{where}: CL510"] if typed else []), f"{where}: CL512"]


@pytest.mark.parametrize(("family", "fmt"), CASES, ids=IDS)
@_SETTINGS
@given(signer=signers())
def test_a_blank_date_label_is_reported_at_the_label(family: str, fmt: str, signer: Signer) -> None:
    text = render(family, fmt, signer, "302", defect="blank-date")
    where = _first(text, ("Date:", "Dated:"))
    typed = [f"{_first(text, (signer.name,))}: CL510"] if family == "typed-only" else []
    assert _found(text, fmt) == [f"{where}: CL511", *typed]


@pytest.mark.parametrize("defect", DEFECTS)
@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "typed-only"])
def test_docx_defects_are_reported(family: str, defect: str) -> None:
    pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")
    signer = Signer("Jane", "Q.", "Doe", "", ("Executive Vice President and", "Chief Financial Officer"),
                    "(Principal Financial Officer)", "February 27, 2026")
    doc = read_documents("x.docx", data=render_docx(family, signer, defect=defect))[0]
    codes = [d.code for d in DEFAULT.lint_document(doc) if d.code in CODES | {"CL512"}]
    expected = {"unsigned": ["CL502"], "no-name": ["CL510"], "undated": ["CL512"],
                "blank-date": ["CL511"]}[defect]
    assert codes == expected


@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "typed-only"])
def test_a_date_written_elsewhere_keeps_no_date_silent(family: str) -> None:
    """A layout may date the certification far from the signature: any date other than the period
    end keeps CL512 silent (and CL511 has no blank label to report)."""
    signer = Signer("Jane", "Q.", "Doe", "", ("Chief Executive Officer",), "", "February 27, 2026")
    text = "Dated as of February 27, 2026\n\n" + render(family, "txt", signer, "302", defect="undated")
    assert "CL512" not in " ".join(_found(text, "txt"))
    assert _found(render(family, "txt", signer, "302", defect="undated"), "txt")[-1].endswith("CL512")
