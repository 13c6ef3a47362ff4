"""Cases 9-12: input that used to be accepted silently, so that a run did less than asked."""

from __future__ import annotations

import os
import pathlib
from pathlib import Path
from typing import Any

import pytest

from certlint.engine import linter as linter_module
from certlint.engine import parallel
from tests.conftest import run_cli
from tests.reliability.helpers import INNOVO, assert_one_line_error


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_09_unknown_prefix_on_the_command_line(option: str) -> None:
    status, out, err = run_cli(["--isolated", option, "CL301,CL31", str(INNOVO)])
    assert_one_line_error(status, err, option, "unknown code or prefix 'CL31'")
    assert out == ""


def test_09_known_prefixes_and_certlint_codes_still_work() -> None:
    assert run_cli(["--isolated", "--select", "CL3", str(INNOVO)])[0] == 1
    assert run_cli(["--isolated", "--ignore", "CL0,CL301", str(INNOVO)])[0] == 0
    assert run_cli(["--isolated", "--extend-select", "CL003", str(INNOVO)])[0] == 1


@pytest.mark.parametrize("entry, line", [
    ("select: [CL3, CL9X]\n", 1),
    ("extend-select: CL9X\n", 1),
    ("ignore:\n  - CL0\n  - CL9X\n", 1),
    ("per-file-ignores:\n  'a/*': [CL301]\n  'b/*': CL9X\n", 3),
])
def test_09_unknown_prefix_in_the_config(tmp_path: Path, entry: str, line: int) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text(entry, encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    assert_one_line_error(status, err, f"{config}:{line}:", "unknown code or prefix 'CL9X'")


def test_09_a_code_of_a_disabled_pack_is_known(tmp_path: Path) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text("packs:\n  officer-titles: false\nignore: [CL301]\n", encoding="utf-8")
    status, out, err = run_cli(["--config", str(config), str(INNOVO)])
    assert (status, err) == (0, "") and "CL301" not in out


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_10_jobs_below_one_rejected(value: str) -> None:
    status, out, err = run_cli(["--isolated", "--jobs", value, str(INNOVO)])
    assert status == 2 and out == "" and "Traceback" not in err
    assert f"argument -j/--jobs: must be a whole number of processes, 1 or more: '{value}'" in err


def test_10_jobs_capped_at_files_and_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(INNOVO.read_bytes())
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7}, raising=False)
    used: list[int] = []
    real = parallel.lint_paths

    def recording(options: Any, files: Any, workers: int, progress: Any = None) -> Any:
        used.append(workers)
        return real(options, files, workers, progress)

    monkeypatch.setattr(parallel, "lint_paths", recording)
    status, out, _ = run_cli(["--isolated", "--jobs", "64", str(tmp_path)])
    assert status == 1 and len(out.splitlines()) == 3
    assert used == [3]  # three files: three workers, not 64
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert linter_module.workers_for(3, 64) == 2  # two cores
    assert linter_module.workers_for(500, None) == 2


@pytest.mark.parametrize("fact, value, message", [
    ("company", "[1, 2]", "fact 'company' for '*' must be a single value, not a list"),
    ("form", "{a: 1}", "fact 'form' for '*' must be a single value, not a mapping"),
    ("signers", "[[Jane Doe]]", "fact 'signers' for '*' must be a name or a list of names"),
])
def test_11_fact_of_the_wrong_type(tmp_path: Path, fact: str, value: str, message: str) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text(f"facts:\n  '*':\n    period-end: 2003-11-29\n    {fact}: {value}\n", encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    assert_one_line_error(status, err, f"{config}:4: {message}")


def test_11_one_signer_as_a_string_is_one_name(tmp_path: Path) -> None:
    from certlint.engine.config_file import load_config

    config = tmp_path / ".certlint.yaml"
    config.write_text("facts:\n  '*':\n    signers: Jane Doe\n", encoding="utf-8")
    assert load_config(config).facts[0][1].signers == ("Jane Doe",)


def test_12_pyproject_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.certlint]\nselect = ["CL1"]\n# caf\xe9\n')
    monkeypatch.chdir(tmp_path)
    status, out, err = run_cli([str(INNOVO)])
    assert_one_line_error(status, err, f"{tmp_path / 'pyproject.toml'}: cannot read config: not UTF-8 text "
                          "(byte 0xe9 at offset 38)")
    assert out == ""


def test_12_pyproject_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.certlint]\nselect = ["CL1"]\n', encoding="utf-8")
    pyproject.chmod(0)
    real = pathlib.Path.read_text

    def denied(self: Path, *args: Any, **kwargs: Any) -> str:
        if self.name == "pyproject.toml":  # root reads a mode-000 file: deny it as the OS would
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "read_text", denied)
    monkeypatch.chdir(tmp_path)
    status, _, err = run_cli([str(INNOVO)])
    assert_one_line_error(status, err, f"{pyproject}: cannot read config: Permission denied")
