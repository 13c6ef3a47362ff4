"""`certlint report`: the redline page, its summary, its escaping, and its agreement with the
default output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.output.page import Node, report

FILING = "tests/fixtures/redline"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _paragraph(page: Node, words: str) -> Node:
    """The paragraph (div.para) whose text holds `words`."""
    found = [node for node in page.find_all("div", class_="para")
             if words in _squash(node.find_all("div", class_="text")[0].text)]
    assert found, f"no paragraph with {words!r}"
    return found[0]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_a_known_deviation_is_struck_and_underlined() -> None:
    _, page = report(FILING)
    paragraph = _paragraph(page, "untrue statement of")
    assert [_squash(n.text) for n in paragraph.find_all("del")] == ["a", "fact"]
    assert [_squash(n.text) for n in paragraph.find_all("ins")] == ["facts"]
    certification = page.find_all("section", class_="certification")[0]
    heading = _squash(certification.find_all("h4")[0].text)
    assert heading == "Certification compared with the current form (Item 601(b)(31)(i) of Regulation S-K)"


def test_placeholders_are_shown_as_filled() -> None:
    _, page = report(FILING)
    fills = {n.attrs["title"]: _squash(n.text) for n in _paragraph(page, "I have reviewed").find_all("span", class_="fill")}
    assert fills == {"filled in: report": "annual report on Form 10-K", "filled in: registrant": "Example Corp."}
    opening = _paragraph(page, "certify that:")
    assert [_squash(n.text) for n in opening.find_all("span", class_="fill")] == ["Jane Q. Doe"]
    assert not opening.find_all("del") and not opening.find_all("ins")


def test_a_missing_paragraph_is_struck_where_the_form_puts_it() -> None:
    _, page = report("examples/example-corp-10-K-ex31.2-defective.txt")
    paragraphs = page.find_all("div", class_="para")
    texts = [_squash(n.find_all("div", class_="text")[0].text) for n in paragraphs]
    missing = next(i for i, t in enumerate(texts) if t.startswith("Paragraph 4(c) of the form: not in the certification"))
    assert texts[missing - 1].startswith("(b) Designed such internal control")
    deleted = paragraphs[missing].find_all("del")
    assert _squash("".join(n.text for n in deleted)).startswith("Evaluated the effectiveness of the registrant's")
    # CL211 reports it at the marker of the paragraph that follows, and the page puts it there.
    after = paragraphs[missing + 1]
    note = after.find_all("li", class_="note")[0]
    assert note.find_all("code")[0].text == "CL211"
    place = after.find_all("a", class_="at")[0]
    assert texts[missing + 1] == place.text + "(d) Disclosed" + texts[missing + 1].split("(d) Disclosed", 1)[1]


def test_every_diagnostic_is_listed_and_placed_with_its_explanation() -> None:
    code, default, _ = run_cli(["--isolated", "--today", "2026-11-28", "--filings", FILING])
    assert code == 1
    _, page = report(FILING)
    listed = page.by_id("diagnostics").find_all("a")
    numbered = [a for a in listed if a.attrs["href"].startswith("#d-")]
    assert len(numbered) == len(default.splitlines()) == 5
    for link in numbered:
        number = link.attrs["href"][3:]
        place = page.by_id(f"d-{number}")
        note = page.by_id(f"n-{number}")
        assert place.attrs["href"] == f"#n-{number}"
        code_shown = note.find_all("code")[0].text
        assert code_shown in _squash(link.text)
        explain = note.find_all("details")[0]
        assert _squash(explain.find_all("summary")[0].text) == f"Explain {code_shown}"
        assert "What it checks" in explain.text or "Why it matters" in explain.text


def test_the_same_deviation_is_reported_at_the_same_words() -> None:
    """Acceptance 4: each diagnostic of the default output is in the report with its message,
    at its line and column, on the words its span covers in the file."""
    _, default, _ = run_cli(["--isolated", "--today", "2026-11-28", "--filings", FILING])
    _, as_json, _ = run_cli(["--isolated", "--today", "2026-11-28", "--filings", "--format", "json", FILING])
    spans = json.loads(as_json)
    _, page = report(FILING)
    notes = {n.attrs["id"]: n for n in page.find_all("li", class_="note")}
    marks = [m for m in page.find_all("mark") if "data-notes" in m.attrs]
    for line, span in zip(default.splitlines(), spans, strict=True):
        path, row, column, rest = line.split(":", 3)
        code, message = rest.strip().split(" ", 1)
        match = [n for n in notes.values()
                 if _squash(n.find_all("span", class_="msg")[0].text) == message
                 and _squash(n.find_all("span", class_="pos")[0].text) == f"line {row}, column {column}"]
        assert len(match) == 1, line
        number = match[0].attrs["id"][2:]
        covered = _squash("".join(m.text for m in marks if number in m.attrs["data-notes"].split()))
        source = Path(path).read_text(encoding="utf-8")
        words = _squash(source[span["offset"] : span["end_offset"]])
        assert covered == words, line
        if code == "CL210":
            assert covered == "material facts"


def test_906_statutory_elements_are_marked_present_or_missing() -> None:
    _, page = report(FILING)
    rows = page.find_all("table", class_="elements")[0].find_all("tr")[1:]
    status = {row.find_all("code")[0].text: _squash(row.find_all("td")[1].text) for row in rows}
    assert status["CL101"].startswith('present: "fully complies with the requirements of Section 13(a) or 15(d)')
    assert re.fullmatch(r"missing \d+", status["CL102"])
    assert status["CL104"].startswith("present")


def test_summary_names_each_fact_and_where_it_came_from() -> None:
    _, page = report(FILING)
    rows = page.find_all("table", class_="summary")[0].find_all("tr")[1:]
    cells = {_squash(row.find_all("th")[0].text): [_squash(td.text) for td in row.find_all("td")] for row in rows}
    kind, report_named, period, registrant, signers, dated, errors, warnings = cells["ex31-1.txt"]
    assert kind == "Section 302 (Exhibit 31)"
    assert report_named == "Form 10-K text"
    assert registrant == "Example Corp. text"  # the registrant filled into paragraph 1
    assert signers == "Jane Q. Doe, Chief Executive Officer (Principal Executive Officer) text"
    assert dated == "signed February 27, 2026 text"
    assert (errors, warnings) == ("2", "1")
    kind, report_named, period, registrant, *_ = cells["ex32-1.md"]
    assert report_named == "Form 10-K factsForm 10-K text"  # one value per line
    assert period == "2025-12-31 factsDecember 31, 2025 text"
    assert registrant == "Example Corp. facts"


def test_document_text_is_escaped_not_run(tmp_path: Path) -> None:
    """Acceptance 2: markup and template syntax in a certification are shown as text."""
    text = (ROOT / FILING / "ex31-1.txt").read_text(encoding="utf-8")
    text = text.replace("CERTIFICATION", "CERTIFICATION <script>alert(1)</script>")
    text = text.replace("this report does not contain", "this report {{ 7*7 }} <b>does</b> not contain")
    (tmp_path / "ex31-1.txt").write_text(text, encoding="utf-8")
    html, page = report(str(tmp_path))
    assert "<script" not in html.lower() and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "CERTIFICATION <script>alert(1)</script>" in [_squash(p.text) for p in page.find_all("p")]
    paragraph = _squash(_paragraph(page, "{{ 7*7 }}").find_all("p")[0].text)
    # "1": the number of the diagnostic reporting the added words.
    assert paragraph.startswith("2. Based on my knowledge, this report 1{{ 7*7 }} <b>does</b> not contain")
    assert "49" not in paragraph


def test_the_page_is_self_contained() -> None:
    html, page = report(FILING)
    assert not re.search(r"""(?:src|href)=["'](?!#)|url\(|@import|<link|<script""", html, re.IGNORECASE)
    policy = [m.attrs["content"] for m in page.find_all("meta") if m.attrs.get("http-equiv")]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]
    style = page.find_all("style")[0].text
    assert "@media print" in style and "@media (max-width" in style


def test_report_writes_the_file_and_lists_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01binary")
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    code, out, err = run_cli(["report", "--isolated", FILING, str(tmp_path / "scan.txt"), "-o", str(target)])
    assert (code, out) == (0, "")
    assert err.startswith(f"certlint: {tmp_path / 'scan.txt'}: skipped")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f"<li>{tmp_path / 'scan.txt'}: skipped" in page
    code, _, err = run_cli(["report", "--isolated", "no/such/folder"])
    assert (code, err) == (2, "certlint: error: no/such/folder: no such file or folder\n")
