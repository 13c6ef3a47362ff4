"""Messages: a fault is named in the words for it, not in a library's or the OS's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability.helpers import INNOVO, assert_one_line_error

TEXT = INNOVO.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_not_skipped(tmp_path: Path, encoding: str) -> None:
    exhibit = tmp_path / "ex32.txt"
    exhibit.write_bytes(TEXT.encode(encoding))
    status, out, err = run_cli(["--isolated", str(exhibit)])
    assert (status, err) == (1, "")
    assert out == f"{exhibit}:7:41: CL301 misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?\n"
    # --fix writes it back in the same encoding, still without a byte-order mark.
    assert run_cli(["--isolated", "--fix", str(exhibit)])[0] == 0
    assert exhibit.read_bytes() == TEXT.replace("EXEUCTIVE", "EXECUTIVE").encode(encoding)


def test_binary_file_still_skipped(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 8)
    status, _, err = run_cli(["--isolated", str(blob)])
    assert (status, err) == (0, f"certlint: {blob}: skipped (binary file)\n")


def test_symlink_loop_said_as_such(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    status, _, err = run_cli(["--isolated", str(tmp_path / "a.txt")])
    assert_one_line_error(status, err, f"{tmp_path / 'a.txt'}: a symbolic link loop")
    (tmp_path / "ok.txt").write_bytes(INNOVO.read_bytes())
    status, _, err = run_cli(["--isolated", str(tmp_path)])
    assert status == 2 and f"certlint: error: {tmp_path / 'a.txt'}: cannot read: a symbolic link loop\n" in err


def test_broken_symlink_said_as_such(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "a.txt")
    status, _, err = run_cli(["--isolated", str(tmp_path / "a.txt")])
    assert_one_line_error(status, err, "a broken symbolic link", "gone.txt")


@pytest.mark.parametrize("body, message", [
    ("rules:\n", "2:7: 'rules' must be a list of rules, not empty"),
    ("rules: {a: 1}\n", "2:8: 'rules' must be a list of rules, not a mapping"),
    ("applies_to: [x]\nrules: []\n", "2:13: 'applies_to' must be a mapping of files, markers and unless, not a list"),
    ("rules:\n  - {code: AB101, kind: forbidden, message: m, phrase: x, enabled: 3}\n",
     "3:68: 'enabled' must be true or false, not a number"),
    ("rules:\n  - {code: AB101, kind: forbidden, message: '', phrase: x}\n", "3:45: 'message' must not be empty"),
])
def test_pack_schema_errors_in_words(tmp_path: Path, body: str, message: str) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\n" + body, encoding="utf-8")
    status, _, err = run_cli(["--isolated", "--rules", str(pack), str(INNOVO)])
    assert_one_line_error(status, err, f"{pack}:{message}")
    assert "is not of type" not in err


def test_config_date_error_names_its_line(tmp_path: Path) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text("fail-on: error\nfacts:\n  '*':\n    period-end: 2023-02-30\n", encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    assert_one_line_error(status, err, f"{config}:4: invalid date '2023-02-30': day is out of range for month")


def test_user_pack_reusing_a_builtin_name_refused(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text("description: mine\npack: sox302\nrules: []\n", encoding="utf-8")
    status, _, err = run_cli(["--isolated", "--rules", str(pack), str(INNOVO)])
    assert_one_line_error(status, err, f"{pack}:2:7: pack name 'sox302' is a built-in pack's")


def test_absurd_nesting_is_named_not_a_recursion_traceback(tmp_path: Path) -> None:
    deep = "[" * 5000 + "]" * 5000
    config = tmp_path / "deep.yaml"
    config.write_text(f"select: {deep}\n", encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    assert_one_line_error(status, err, f"{config}:", "nested too deeply")
    draft = tmp_path / "deep.md"
    draft.write_text(f"---\ncompany: {deep}\n---\nI certify that\n", encoding="utf-8")
    status, out, err = run_cli(["--isolated", str(draft), str(INNOVO)])
    assert_one_line_error(status, err, f"{draft}: cannot read: nested too deeply")
    assert "CL301" in out  # the other file is still linted
