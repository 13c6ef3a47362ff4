"""One certification with the same two defects ('result of operations',
'Excutive') as text, Markdown, HTML, a full EDGAR submission and .docx, each reported at the
right line:col of its own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES
from tests.document.docx_fixture import write_certification_docx

FORMATS = FIXTURES / "formats"
GOLDEN = harness.fixtures(FORMATS)


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_golden_output(path: Path) -> None:
    harness.check_fixture(path)


def test_every_format_has_a_sidecar() -> None:
    assert [p.name for p in GOLDEN] == ["24holdings-10-KSB-2007.txt", "cert-ex32.1.htm", "cert-ex32.1.md",
                                        "cert-ex32.1.txt", "example-corp-10-K-2025.txt"]
    assert harness.sidecars_match(FORMATS)


@pytest.mark.parametrize("name", ["cert-ex32.1.txt", "cert-ex32.1.md", "cert-ex32.1.htm",
                                  "example-corp-10-K-2025.txt"])
def test_same_defects_in_every_format(name: str) -> None:
    """Both defects, and the file's own text at each reported position is the defect's."""
    found = harness.lint(FORMATS / name)
    assert [p.code for p in found] == ["CL103", "CL301"]
    lines = (FORMATS / name).read_text("utf-8").splitlines()
    assert lines[found[0].line - 1][found[0].column - 1 :].startswith("re")
    assert lines[found[1].line - 1][found[1].column - 1 :].startswith("Ex")


def test_docx(tmp_path: Path) -> None:
    path = write_certification_docx(tmp_path / "cert-ex32.1.docx")
    result = harness.run(path)
    assert (result.status, result.err) == (1, "")
    assert result.lines == [
        "7:116: CL103 statutory wording changed: 'result of operations' "
        "(18 U.S.C. 1350 says 'results of operations')",
        "12:7: CL301 misspelled title word 'Excutive': did you mean 'Executive'?",
    ]
