"""The redline's paragraphs where the structure differs from the form: added, moved, left out
as the version or an amendment allows; and diagnostics of a submission kept to their exhibit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.output.page import Node, report

FORM = "tests/fixtures/form"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _paragraphs(page: Node, kind: str) -> list[str]:
    """The text (without the notes beside it) of each paragraph of a kind."""
    return [_squash(p.find_all("div", class_="text")[0].text) for p in page.find_all("div", class_=kind)]


def test_an_added_paragraph_is_underlined_and_carries_its_diagnostic() -> None:
    _, page = report(f"{FORM}/paragraph-6-added.txt")
    added = page.find_all("div", class_="added")
    assert len(added) == 1
    assert _squash(added[0].find_all("span", class_="caption")[0].text) == "Not in the form (paragraph 6)"
    # The CL211 diagnostic's number, then the paragraph's marker, then its words, underlined.
    assert _paragraphs(page, "added")[0].startswith("Not in the form (paragraph 6)16. The registrant's other")
    words = _squash("".join(n.text for n in added[0].find_all("ins")))
    assert words.startswith("The registrant's other certifying officers and I have indicated")
    assert [n.text for n in added[0].find_all("code")] == ["CL211"]


def test_a_moved_paragraph_is_struck_where_the_form_puts_it_and_added_where_it_is() -> None:
    _, page = report(f"{FORM}/out-of-order.txt")
    texts = _paragraphs(page, "para")
    struck = next(i for i, t in enumerate(texts) if t.startswith("Paragraph 4(c) of the form"))
    moved = next(i for i, t in enumerate(texts) if t.startswith("Not in the form (paragraph 4(c))"))
    assert texts[struck + 1].startswith("(d) Disclosed") and texts[moved - 1].startswith("(d) Disclosed")
    assert struck < moved


def test_paragraphs_an_amendment_may_leave_out_are_not_struck() -> None:
    _, page = report(f"{FORM}/amendment-part-iii.txt")
    excused = page.find_all("div", class_="excused")
    summaries = [_squash(p.find_all("summary")[0].text) for p in excused]
    assert summaries[0] == "Paragraph 3: left out, as an amendment may"
    assert len(summaries) == 9  # 3, 4, 4(a)-(d), 5, 5(a)-(b)
    assert not any(p.find_all("del") for p in excused)
    assert not page.find_all("div", class_="deleted")
    assert not [n for n in page.find_all("li", class_="note") if n.find_all("code")[0].text.startswith("CL21")]


def test_a_passage_optional_in_the_version_is_shown_as_optional() -> None:
    _, page = report(f"{FORM}/transition-relettered-2005.txt")
    optional = page.find_all("div", class_="optional")
    assert [_squash(p.find_all("summary")[0].text) for p in optional] == [
        "Paragraph 4(b): optional in this version of the form"]
    heading = _squash(page.find_all("section", class_="certification")[0].find_all("h4")[0].text)
    assert heading.startswith("Certification compared with the transition form")


def test_each_exhibit_of_a_submission_holds_its_own_diagnostics(tmp_path: Path) -> None:
    text = (FIXTURES / "formats" / "example-corp-10-K-2025.txt").read_text(encoding="utf-8")
    start = text.index("<DOCUMENT>\n<TYPE>EX-32.1")
    end = text.index("</DOCUMENT>", start) + len("</DOCUMENT>\n")
    second = text[start:end].replace("EX-32.1", "EX-32.2").replace(
        'Chief Ex<span style="color:#000">cutive</span> Officer<br>(Principal Executive Officer)',
        "Chief Finanical Officer<br>(Principal Financial Officer)")
    submission = tmp_path / "submission.txt"
    submission.write_text(text[:end] + second + text[end:], encoding="utf-8")
    _, page = report(str(submission))
    sections = {_squash(s.find_all("h3")[0].text): s for s in page.find_all("section", class_="document")}
    assert list(sections) == [f"{submission} (EX-32.1)", f"{submission} (EX-32.2)"]
    codes = {title: [_squash(n.find_all("span", class_="msg")[0].text) for n in s.find_all("li", class_="note")]
             for title, s in sections.items()}
    first, second_notes = codes.values()
    assert any("'Excutive'" in m for m in first) and not any("'Finanical'" in m for m in first)
    assert any("'Finanical'" in m for m in second_notes) and not any("'Excutive'" in m for m in second_notes)
