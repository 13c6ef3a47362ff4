"""`certlint - --stdin-filename NAME`: stdin linted exactly as the file NAME would be."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, SHARED, run_cli

DEFECTIVE = ROOT / "tests" / "fixtures" / "output" / "ex32-defects.txt"  # CL103, CL301, CL302


def with_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def files_to_compare() -> list[Path]:
    """The examples, and a sample of each corpus: every seventh file, all suffixes represented."""
    files = sorted((ROOT / "examples").iterdir())
    for corpus in (CORPUS, SHARED / "corpus" / "real2"):
        if corpus.is_dir():
            files += sorted(p for p in corpus.iterdir() if p.suffix in (".htm", ".txt", ".md"))[::7]
    return files


@pytest.mark.parametrize("path", files_to_compare(), ids=lambda p: p.name)
def test_stdin_equals_the_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent.parent)
    name = f"{path.parent.name}/{path.name}"
    expected = run_cli(["--isolated", "--today", "2026-11-28", "--format", "json", name])
    with_stdin(monkeypatch, path.read_bytes())
    assert run_cli(["--isolated", "--today", "2026-11-28", "--format", "json", "-",
                    "--stdin-filename", name]) == expected


def test_stdin_through_a_real_pipe(tmp_path: Path) -> None:
    """The console script as an editor plugin runs it: bytes on a pipe, the name on the line."""
    (tmp_path / "x").mkdir()
    shutil.copy(DEFECTIVE, tmp_path / "x" / "ex32.txt")
    command = [sys.executable, "-m", "certlint", "--isolated"]
    by_file = subprocess.run([*command, "x/ex32.txt"], cwd=tmp_path, capture_output=True, check=False)
    piped = subprocess.run([*command, "-", "--stdin-filename", "x/ex32.txt"], cwd=tmp_path,
                           input=DEFECTIVE.read_bytes(), capture_output=True, check=False)
    assert (piped.returncode, piped.stdout, piped.stderr) == (by_file.returncode, by_file.stdout, by_file.stderr)
    assert piped.returncode == 1 and piped.stdout.count(b"\n") == 3


def test_config_is_found_from_the_names_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "filings").mkdir()
    (tmp_path / "filings" / ".certlint.yaml").write_text("select: [CL301]\n")
    monkeypatch.chdir(tmp_path)
    with_stdin(monkeypatch, DEFECTIVE.read_bytes())
    code, out, _ = run_cli(["-", "--stdin-filename", "filings/ex32.txt"])
    assert code == 1 and [line.split()[1] for line in out.splitlines()] == ["CL301"]
    with_stdin(monkeypatch, DEFECTIVE.read_bytes())
    out = run_cli(["-", "--stdin-filename", "elsewhere/ex32.txt"])[1]
    assert [line.split()[1] for line in out.splitlines()] == ["CL103", "CL301", "CL302"]


def test_the_names_suffix_picks_the_format(monkeypatch: pytest.MonkeyPatch) -> None:
    html = b"<p>I, Jane Roe, certify that:</p><p>Chief Exec<i>tuive</i> Officer</p>"
    with_stdin(monkeypatch, html)
    out = run_cli(["--isolated", "--select", "CL301", "-", "--stdin-filename", "ex.htm"])[1]
    assert out.startswith("ex.htm:1:") and "CL301" in out
    with_stdin(monkeypatch, html)
    as_text = run_cli(["--isolated", "--select", "CL301", "-", "--stdin-filename", "ex.txt"])[1]
    assert "CL301" not in as_text  # as text, the markup splits the word


def test_a_bare_dash_and_a_bare_stdin_filename(monkeypatch: pytest.MonkeyPatch) -> None:
    with_stdin(monkeypatch, DEFECTIVE.read_bytes())
    code, out, _ = run_cli(["--isolated", "-"])
    assert code == 1 and out.startswith("-:14:39: CL103 ")
    with_stdin(monkeypatch, DEFECTIVE.read_bytes())
    assert run_cli(["--isolated", "--stdin-filename", "a.txt"])[1].startswith("a.txt:14:39: CL103 ")


def test_binary_stdin_is_skipped_like_a_binary_file(monkeypatch: pytest.MonkeyPatch) -> None:
    with_stdin(monkeypatch, b"\x00\x01\x02" * 50)
    code, out, err = run_cli(["--isolated", "-", "--stdin-filename", "a.txt"])
    assert (code, out) == (0, "") and err.startswith("certlint: a.txt: skipped (")


@pytest.mark.parametrize(("argv", "message"), [
    (["-", "x.txt"], "`-` (stdin) must be the only path"),
    (["--stdin-filename", "a.txt", "x.txt"], "--stdin-filename names stdin: give `-` as the only path"),
    (["-", "--fix"], "--fix does not apply to stdin"),
    (["-", "--diff"], "--diff does not apply to stdin"),
    (["-", "--write-baseline", "b.json"], "--write-baseline does not apply to stdin"),
    (["-", "--filings"], "--filings does not apply to stdin"),
])
def test_what_stdin_cannot_do(argv: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_stdin(monkeypatch, b"certify that\n")
    assert run_cli(["--isolated", *argv]) == (2, "", f"certlint: error: {message}\n")


def test_force_exclude_holds_for_the_stdin_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".certlint.yaml").write_text("force-exclude: true\nextend-exclude: [drafts]\n")
    monkeypatch.chdir(tmp_path)
    with_stdin(monkeypatch, DEFECTIVE.read_bytes())
    assert run_cli(["-", "--stdin-filename", "drafts/ex32.txt"]) == (0, "", "")
