"""One certification with the same two defects ('result of operations',
'Excutive') as text, Markdown, HTML, a full EDGAR submission and .docx, each reported at the
right line:col of its own file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, run_cli
from tests.document.docx_fixture import write_certification_docx

FORMATS = FIXTURES / "formats"
GOLDEN = sorted(path for path in FORMATS.iterdir() if path.with_name(path.name + ".expected").is_file())


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_golden_output(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = path.relative_to(ROOT).as_posix()
    expected = path.with_name(path.name + ".expected").read_text("utf-8")
    assert run_cli(["--isolated", relative]) == (1 if expected else 0, expected, "")


@pytest.mark.parametrize("name", ["cert-ex32.1.txt", "cert-ex32.1.md", "cert-ex32.1.htm",
                                  "example-corp-10-K-2025.txt"])
def test_same_defects_in_every_format(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both defects, and the file's own text at each reported position is the defect's."""
    monkeypatch.chdir(ROOT)
    code, out, _ = run_cli(["--isolated", "--format", "json", f"tests/fixtures/formats/{name}"])
    found = json.loads(out)
    assert code == 1
    assert [d["code"] for d in found] == ["CL103", "CL301"]
    lines = (FORMATS / name).read_text("utf-8").splitlines()
    assert lines[found[0]["line"] - 1][found[0]["column"] - 1 :].startswith("re")
    assert lines[found[1]["line"] - 1][found[1]["column"] - 1 :].startswith("Ex")


def test_docx(tmp_path: Path) -> None:
    path = write_certification_docx(tmp_path / "cert-ex32.1.docx")
    code, out, err = run_cli(["--isolated", str(path)])
    assert (code, err) == (1, "")
    assert out == (
        f"{path}:7:116: CL103 statutory wording changed: 'result of operations' "
        "(18 U.S.C. 1350 says 'results of operations')\n"
        f"{path}:12:7: CL301 misspelled title word 'Excutive': did you mean 'Executive'?\n"
    )
