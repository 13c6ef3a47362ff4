"""Cases 13-16: what certlint writes, and what it agrees to read, is exactly right or refused."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability.helpers import INNOVO, certlint_process

TEXT = INNOVO.read_text(encoding="utf-8").replace("Innovo Group Inc.,", "Innovo Group Inc.\u2019s,")

#: The exhibit (one fixable misspelling, one non-ASCII character) as each encoding writes it.
ENCODED = {
    "cp1252": TEXT.encode("cp1252"),
    "utf8-bom": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "crlf": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "cr-only": TEXT.replace("\n", "\r").encode("utf-8"),
    "no-final-newline": TEXT.rstrip("\n").encode("utf-8"),
}


def _fixed_by(folder: Path, data: bytes, how: str) -> bytes:
    """The bytes of `ex32.txt` (holding `data`) after --fix, or after applying --diff with `how`."""
    folder.mkdir()
    (folder / "ex32.txt").write_bytes(data)
    if how == "fix":
        done = certlint_process(["--isolated", "--fix", "ex32.txt"], folder)
        assert done.returncode == 0 and done.stderr == b"certlint: fixed 1, 0 remaining\n", done.stderr
    else:
        diff = certlint_process(["--isolated", "--diff", "ex32.txt"], folder)
        assert diff.returncode == 1 and b"would fix 1," in diff.stderr, diff.stderr
        command = ["patch", "-p0", "--quiet"] if how == "patch" else ["git", "apply", "-"]
        subprocess.run(command, input=diff.stdout, cwd=folder, check=True, capture_output=True)
    return (folder / "ex32.txt").read_bytes()


@pytest.mark.parametrize("tool", ["patch", "git"])
@pytest.mark.parametrize("kind", sorted(ENCODED))
def test_13_diff_applies_and_equals_fix(tmp_path: Path, kind: str, tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    data = ENCODED[kind]
    fixed = _fixed_by(tmp_path / "fix", data, "fix")
    assert fixed == data.replace(b"EXEUCTIVE", b"EXECUTIVE") != data
    assert _fixed_by(tmp_path / "diff", data, tool) == fixed


def test_13_utf16_diff_refused_with_a_message(tmp_path: Path) -> None:
    data = TEXT.encode("utf-16")  # with its byte-order mark
    (tmp_path / "ex32.txt").write_bytes(data)
    done = certlint_process(["--isolated", "--diff", "ex32.txt"], tmp_path)
    assert done.stdout == b"" and done.returncode == 0
    assert (b"certlint: ex32.txt: no diff shown: a UTF-16 file, which patch and git apply cannot read "
            b"(--fix rewrites it in its encoding)") in done.stderr
    assert certlint_process(["--isolated", "--fix", "ex32.txt"], tmp_path).returncode == 0
    assert (tmp_path / "ex32.txt").read_bytes() == TEXT.replace("EXEUCTIVE", "EXECUTIVE").encode("utf-16")


def test_14_read_only_file_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "ex32.txt"
    target.write_bytes(INNOVO.read_bytes())
    target.chmod(0o444)
    inode = target.stat().st_ino
    status, _, err = run_cli(["--isolated", "--fix", str(target)])
    assert f"certlint: {target}: not fixed: read-only\n" in err and "fixed 0, 1 remaining" in err
    assert status == 1
    assert target.read_bytes() == INNOVO.read_bytes() and target.stat().st_ino == inode


def test_14_hard_link_not_split(tmp_path: Path) -> None:
    target, other = tmp_path / "ex32.txt", tmp_path / "linked.txt"
    target.write_bytes(INNOVO.read_bytes())
    os.link(target, other)
    status, _, err = run_cli(["--isolated", "--fix", str(target)])
    assert f"certlint: {target}: not fixed: it has 2 hard links, which replacing it would split\n" in err
    assert status == 1 and os.path.samefile(target, other)
    assert target.read_bytes() == INNOVO.read_bytes()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_14_ownership_kept(tmp_path: Path) -> None:
    target = tmp_path / "ex32.txt"
    target.write_bytes(INNOVO.read_bytes())
    os.chown(target, 12345, 12345)
    status, _, err = run_cli(["--isolated", "--fix", str(target)])
    assert "fixed 1, 0 remaining" in err and status == 0
    assert (target.stat().st_uid, target.stat().st_gid) == (12345, 12345)
    assert b"EXECUTIVE OFFICER (PRINCIPAL EXECUTIVE" in target.read_bytes()


def test_15_same_file_named_twice_linted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.txt").write_bytes(INNOVO.read_bytes())
    monkeypatch.chdir(tmp_path)
    for argv in (["d.txt", "./d.txt"], [".", "d.txt"], ["d.txt", str(tmp_path / "d.txt")]):
        status, out, _ = run_cli(["--isolated", *argv])
        assert status == 1 and len(out.splitlines()) == 1, (argv, out)
        status, out, _ = run_cli(["--isolated", "--format", "junit", *argv])
        assert out.count("<testcase ") == 1


def _docx(paragraphs: int = 3, padding: int = 0) -> bytes:
    """A minimal .docx whose body has `paragraphs` paragraphs and `padding` spaces (compressed)."""
    import docx

    document = docx.Document()
    for text in ("CERTIFICATION", "I, Jane Doe, certify that:"):
        document.add_paragraph(text)
    base = io.BytesIO()
    document.save(base)
    source = zipfile.ZipFile(base)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * paragraphs + b" " * padding
                data = data.replace(b"</w:body>", body + b"</w:body>")
            archive.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("kind, data, message", [
    ("zip bomb", lambda: _docx(padding=25 * 1024 * 1024), "refused: word/document.xml inflates to"),
    ("paragraph bomb", lambda: _docx(paragraphs=60_000), "refused: 60,00"),
])
def test_16_docx_bombs_refused(tmp_path: Path, kind: str, data: object, message: str) -> None:
    pytest.importorskip("docx")
    bomb = tmp_path / "bomb.docx"
    content = data()  # type: ignore[operator]
    bomb.write_bytes(content)
    assert len(content) < 2 * 1024 * 1024, "a small file on disk"
    started = time.monotonic()
    status, _, err = run_cli(["--isolated", str(bomb)])
    assert time.monotonic() - started < 10
    assert status == 2 and f"certlint: error: {bomb}: {message}" in err, err


def test_16_a_normal_docx_is_still_read(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_docx(paragraphs=100))
    status, _, err = run_cli(["--isolated", str(draft)])
    assert "refused" not in err and status in (0, 1)
