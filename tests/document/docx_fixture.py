"""Builds the .docx form of tests/fixtures/formats/cert-ex32.1.txt with python-docx."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES

TEXT = FIXTURES / "formats" / "cert-ex32.1.txt"


def write_certification_docx(path: Path) -> Path:
    """One paragraph per paragraph of the text version; the signature block in a table.

    Paragraphs (= lines): 1 heading, 2 blank, 3 title, 4 body, 5 (1), 6 blank, 7 (2), 8 date,
    then the table's cells 9-12 ("/s/", rule, name, title), 13 the officer's capacity.
    """
    import docx

    paragraphs = TEXT.read_text("utf-8").split("\n\n")
    document = docx.Document()
    document.add_heading(" ".join(paragraphs[0].split()), level=1)
    document.add_paragraph("")
    title = document.add_paragraph(" ".join(paragraphs[1].split()[:3]))
    title.add_run().add_break()  # a manual line break stays inside paragraph 3
    title.add_run(" ".join(paragraphs[1].split()[3:]))
    for paragraph in paragraphs[2:4]:
        document.add_paragraph(" ".join(paragraph.split()))
    document.add_paragraph("")
    document.add_paragraph(" ".join(paragraphs[4].split()))
    document.add_paragraph(" ".join(paragraphs[5].split()))
    table = document.add_table(rows=4, cols=1)
    for row, line in zip(table.rows, paragraphs[6].split("\n")[:4], strict=True):
        row.cells[0].text = line
    document.add_paragraph(paragraphs[6].split("\n")[4])
    document.save(str(path))
    return path
