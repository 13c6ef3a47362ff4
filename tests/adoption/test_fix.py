"""--fix and --diff apply safe suggestions, byte-exact, atomically, idempotently."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import certlint.adoption.fix
from tests.conftest import run_cli

# A 906 certification as EDGAR text often is: cp1252 (curly quotes, a dash, an accent), CRLF.
CP1252_CRLF = b"\r\n".join([
    b"EXHIBIT 32.1",
    b"",
    b"CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350",
    b"",
    b"In connection with the Annual Report on Form 10-K of Caf\xe9 Corp. (the \x93Company\x94) for the fiscal",
    b"year ended December 31, 2025 \x96 I certify that:",
    b"(1) the Report fully complies with the requirements of Section 13(a) or 15(d) of the",
    b"Securities Exchange Act of 1934; and",
    b"(2) the information contained in the Report fairly presents, in all material respects, the",
    b"financial condition and result of operations of the Company\x92s business.",
    b"",
    b"/s/ Jane Doe",
    b"Chief Executive Officer (Principal Exeuctive Officer)",
    b"",
])
FIXED = CP1252_CRLF.replace(b"Exeuctive", b"Executive").replace(b"and result of", b"and results of")


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cp1252_crlf_keeps_every_byte_but_the_fixed_words(cwd: Path) -> None:
    Path("ex32.txt").write_bytes(CP1252_CRLF)
    assert run_cli(["--isolated", "--all-documents", "--fix", "ex32.txt"]) == (0, "", "certlint: fixed 2, 0 remaining\n")
    assert Path("ex32.txt").read_bytes() == FIXED
    # Idempotent: a second --fix changes nothing.
    assert run_cli(["--isolated", "--all-documents", "--fix", "ex32.txt"]) == (0, "", "certlint: fixed 0, 0 remaining\n")
    assert Path("ex32.txt").read_bytes() == FIXED
    assert [p.name for p in cwd.iterdir()] == ["ex32.txt"]  # no temporary file left behind


def test_file_changed_between_read_and_write_is_left_alone(
        cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("ex32.txt").write_bytes(CP1252_CRLF)

    def someone_saves(path: str) -> None:
        with open(path, "ab") as handle:
            handle.write(b"Edited meanwhile.\r\n")

    monkeypatch.setattr(certlint.adoption.fix, "before_write", someone_saves)
    code, out, err = run_cli(["--isolated", "--all-documents", "--fix", "ex32.txt"])
    assert Path("ex32.txt").read_bytes() == CP1252_CRLF + b"Edited meanwhile.\r\n"
    assert err == ("certlint: ex32.txt: changed on disk since it was read; not fixed\n"
                   "certlint: fixed 0, 2 remaining\n")
    assert code == 1
    assert [line.split(" ")[:2] for line in out.splitlines()] == [
        ["ex32.txt:10:25:", "CL103"], ["ex32.txt:13:36:", "CL301"]]


def test_diff_prints_without_writing(cwd: Path) -> None:
    Path("ex31.md").write_text("Jane Doe\n\nPrincipal Exeuctive Officer\n\nDone")
    code, out, err = run_cli(["--isolated", "--all-documents", "--diff", "ex31.md"])
    assert (code, err) == (1, "certlint: would fix 1, 0 remaining\n")
    assert out == ("--- ex31.md\n+++ ex31.md\n@@ -1,5 +1,5 @@\n Jane Doe\n \n"
                   "-Principal Exeuctive Officer\n+Principal Executive Officer\n \n Done\n"
                   "\\ No newline at end of file\n")
    assert Path("ex31.md").read_text() == "Jane Doe\n\nPrincipal Exeuctive Officer\n\nDone"
    Path("ex31.md").write_text("Principal Executive Officer\n")
    assert run_cli(["--isolated", "--all-documents", "--diff", "ex31.md"]) == (0, "", "certlint: would fix 0, 0 remaining\n")


def test_span_over_a_line_break_keeps_the_line_break(cwd: Path) -> None:
    """Decision: only words are replaced; the span's spacing and CRLF stay where they were."""
    text = CP1252_CRLF.replace(b"and result of operations", b"and result  of\r\noperations")
    Path("ex32.txt").write_bytes(text)
    assert run_cli(["--isolated", "--all-documents", "--fix", "ex32.txt"]) == (0, "", "certlint: fixed 2, 0 remaining\n")
    assert Path("ex32.txt").read_bytes() == text.replace(b"Exeuctive", b"Executive").replace(
        b"and result  of\r\n", b"and results  of\r\n")


HOUSE = """\
pack: house-style
rules:
  - code: HS101
    kind: forbidden
    message: "say '{suggestion}'"
    phrase: chief executive officer
    suggest: CEO
"""


def test_span_over_a_line_break_whose_words_do_not_pair_up_is_refused(cwd: Path) -> None:
    Path("house.yaml").write_text(HOUSE)
    Path("a.txt").write_bytes(b"Jane Doe, chief executive officer, and John Roe, chief\r\n"
                              b"executive officer\r\n")
    code, out, err = run_cli(["--isolated", "--all-documents", "--rules", "house.yaml", "--select", "HS", "--fix", "a.txt"])
    assert (code, out, err) == (1, "a.txt:1:30: HS101 say 'CEO'\n", "certlint: fixed 1, 1 remaining\n")
    assert Path("a.txt").read_bytes() == b"Jane Doe, CEO, and John Roe, chief\r\nexecutive officer\r\n"


@pytest.mark.parametrize("html", [
    "<p>Principal EXE<b>U</b>CTIVE Officer</p>",   # markup inside the word
    "<p>Principal EX&#69;UCTIVE Officer</p>",      # an entity inside the word
])
def test_markup_inside_a_span_is_not_fixed(cwd: Path, html: str) -> None:
    Path("ex31.htm").write_text(html)
    code, out, err = run_cli(["--isolated", "--all-documents", "--fix", "ex31.htm"])
    assert (code, err) == (1, "certlint: fixed 0, 1 remaining\n")
    assert out == "ex31.htm:1:14: CL301 misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?\n"
    assert Path("ex31.htm").read_text() == html


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_mark_and_encoding_are_kept(cwd: Path, bom: bytes, codec: str) -> None:
    line = "Jane Doe, Chief Exeuctive Officer – “CEO”\r\n"
    Path("ex31.txt").write_bytes(bom + line.encode(codec))
    assert run_cli(["--isolated", "--all-documents", "--fix", "ex31.txt"])[0] == 0
    assert Path("ex31.txt").read_bytes() == bom + line.replace("Exeuctive", "Executive").encode(codec)


def test_baselined_file_is_never_fixed(cwd: Path) -> None:
    Path("old.txt").write_text("Principal Exeuctive Officer\n")
    run_cli(["--isolated", "--all-documents", "--write-baseline", "baseline.json", "old.txt"])
    Path("old.txt").write_text("Principal Exeuctive Officer\nChief Finacial Officer\n")
    code, out, err = run_cli(["--isolated", "--all-documents", "--baseline", "baseline.json", "--fix", "old.txt"])
    assert (code, err) == (1, "certlint: fixed 0, 1 remaining\n")
    assert out == "old.txt:2:7: CL301 misspelled title word 'Finacial': did you mean 'Financial'?\n"
    assert Path("old.txt").read_text() == "Principal Exeuctive Officer\nChief Finacial Officer\n"


def test_ignored_and_suppressed_findings_are_never_fixed(cwd: Path) -> None:
    Path("a.txt").write_text("Principal Exeuctive Officer\n")
    assert run_cli(["--isolated", "--all-documents", "--ignore", "CL301", "--fix", "a.txt"]) == (
        0, "", "certlint: fixed 0, 0 remaining\n")
    assert Path("a.txt").read_text() == "Principal Exeuctive Officer\n"
    Path("old").mkdir()
    Path("old", "b.txt").write_text("Principal Exeuctive Officer\n")
    Path(".certlint.yaml").write_text("per-file-ignores:\n  old/: CL301\n")
    assert run_cli(["--fix", "old"]) == (0, "", "certlint: fixed 0, 0 remaining\n")
    assert Path("old", "b.txt").read_text() == "Principal Exeuctive Officer\n"
    Path("c.md").write_text("<!-- certlint: disable-next-line=CL301 -->\nPrincipal Exeuctive Officer\n")
    assert run_cli(["--isolated", "--all-documents", "--fix", "c.md"]) == (0, "", "certlint: fixed 0, 0 remaining\n")
    assert Path("c.md").read_text().endswith("Exeuctive Officer\n")


def test_symlink_is_kept_and_its_target_fixed(cwd: Path) -> None:
    Path("target.txt").write_text("Principal Exeuctive Officer\n")
    Path("link.txt").symlink_to("target.txt")
    Path("target.txt").chmod(0o640)
    assert run_cli(["--isolated", "--all-documents", "--fix", "link.txt"])[2] == "certlint: fixed 1, 0 remaining\n"
    assert Path("link.txt").is_symlink()
    assert Path("target.txt").read_text() == "Principal Executive Officer\n"
    assert Path("target.txt").stat().st_mode & 0o777 == 0o640
