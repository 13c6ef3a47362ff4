"""Word reader: paragraphs as lines, tables in document order, clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from certlint.document import DocumentError, read_documents
from tests.conftest import run_cli
from tests.document.docx_fixture import write_certification_docx


def test_paragraphs_are_lines(tmp_path: Path) -> None:
    doc = read_documents(str(write_certification_docx(tmp_path / "c.docx")))[0]
    assert doc.format == "docx"
    assert doc.lines.line_text(1) == "EXHIBIT 32.1"
    assert doc.lines.line_text(2) == ""
    assert doc.lines.line_text(3).startswith("CERTIFICATION PURSUANT TO\v18 U.S.C.")
    assert doc.lines.line_text(12) == "Chief Excutive Officer"
    kinds = [block.kind for block in doc.prose.blocks]
    assert kinds[0] == "heading" and kinds.count("table_cell") == 4
    assert doc.prose.text.splitlines()[1] == (
        "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350, AS ADOPTED PURSUANT TO SECTION 906 OF THE "
        "SARBANES-OXLEY ACT OF 2002")


def test_without_python_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_certification_docx(tmp_path / "c.docx")
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    code, out, err = run_cli(["--isolated", str(path)])
    assert (code, out) == (2, "")
    assert err == (f"certlint: error: {path}: reading .docx files needs python-docx: "
                   "pip install 'certlint[docx]'\n")


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError, match=r"^not a readable \.docx file"):
        read_documents(str(path))


def test_folder_walk_includes_docx(tmp_path: Path) -> None:
    write_certification_docx(tmp_path / "c.docx")
    code, out, _ = run_cli(["--isolated", str(tmp_path)])
    assert code == 1 and "c.docx:12:7: CL301" in out


def test_merged_cells_read_once(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "/s/ Jane Q. Doe"
    for column, text in enumerate(("Jane Q. Doe", "Chief Executive Officer", "Date")):
        table.cell(1, column).text = text
    word.save(str(tmp_path / "m.docx"))
    doc = read_documents(str(tmp_path / "m.docx"))[0]
    assert doc.prose.text == "/s/ Jane Q. Doe\nJane Q. Doe\nChief Executive Officer\nDate\n"
