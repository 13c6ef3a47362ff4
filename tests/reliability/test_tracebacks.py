"""Cases 1-5: faults that used to end in a Python traceback (exit 1, read by CI as "findings").

Each test builds the fault, runs the real command line and checks for one clear line on stderr
and the documented exit status instead.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from certlint.engine import parallel
from certlint.engine.linter import LintResult
from tests.conftest import ROOT, run_cli
from tests.reliability.helpers import INNOVO, assert_one_line_error, certlint_process

NOT_UTF8 = b"innovo-\xff-ex32.txt"


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "default", "json"])
def test_01_file_name_not_utf8(tmp_path: Path, fmt: str) -> None:
    (Path(os.fsdecode(tmp_path)) / os.fsdecode(NOT_UTF8)).write_bytes(INNOVO.read_bytes())
    # PYTHONIOENCODING makes stdout strict, as under any UTF-8 locale other than C.UTF-8.
    done = certlint_process(["--isolated", "--format", fmt, os.fsdecode(NOT_UTF8)], tmp_path,
                            env={"PYTHONIOENCODING": "utf-8"})
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == 1
    assert NOT_UTF8 in done.stdout or b"innovo-%FF-ex32.txt" in done.stdout
    if fmt == "sarif":
        result = json.loads(done.stdout)["runs"][0]["results"][0]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "innovo-%FF-ex32.txt"
        assert len(result["partialFingerprints"]["certlintFingerprint/v1"]) == 32


def test_01_fingerprints_of_a_surrogate_escaped_name() -> None:
    from certlint import lint_text
    from certlint.output.support import fingerprints

    found = lint_text(INNOVO.read_text(encoding="utf-8"), os.fsdecode(NOT_UTF8))
    assert found, "the exhibit has a finding"
    # The name's bytes are hashed as they are on disk: it differs from the name with U+FFFD.
    other = lint_text(INNOVO.read_text(encoding="utf-8"), "innovo-\ufffd-ex32.txt")
    assert fingerprints(found) != fingerprints(other) and len(fingerprints(found)[0]) == 32


def test_01_baseline_records_a_non_utf8_name(tmp_path: Path) -> None:
    (Path(os.fsdecode(tmp_path)) / os.fsdecode(NOT_UTF8)).write_bytes(INNOVO.read_bytes())
    written = certlint_process(["--isolated", "--write-baseline", "b.json", os.fsdecode(NOT_UTF8)], tmp_path)
    assert written.returncode == 0 and b"wrote 1 baseline entries" in written.stderr, written.stderr
    assert NOT_UTF8 in (tmp_path / "b.json").read_bytes()
    again = certlint_process(["--isolated", "--baseline", "b.json", os.fsdecode(NOT_UTF8)], tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (0, b"", b"")


PYTHON_TAG = '!!python/object/apply:os.system ["touch {marker}"]'


def test_02_python_tag_in_a_rule_pack(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    pack = tmp_path / "evil.yaml"
    pack.write_text("pack: evil\nrules:\n  - code: EV101\n    kind: forbidden\n    message: x\n"
                    f"    phrase: {PYTHON_TAG.format(marker=marker)}\n", encoding="utf-8")
    status, _, err = run_cli(["--isolated", "--rules", str(pack), str(INNOVO)])
    assert_one_line_error(status, err, f"{pack}:6:13:", "!!python/object/apply:os.system", "not allowed")
    assert not marker.exists()


def test_02_python_tag_in_the_config(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    config = tmp_path / ".certlint.yaml"
    config.write_text(f"fail-on: error\nselect: {PYTHON_TAG.format(marker=marker)}\n", encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    assert_one_line_error(status, err, f"{config}:2:", "!!python/object/apply:os.system")
    assert not marker.exists()


def test_03_write_baseline_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "baseline.json"
    status, _, err = run_cli(["--isolated", "--write-baseline", str(target), str(INNOVO)])
    assert_one_line_error(status, err, str(target), "cannot write baseline", "No such file or directory")
    assert not target.parent.exists()


def _killed_on_victim(paths: Sequence[str]) -> LintResult:
    """A chunk that kills its worker process (as the OOM killer would) when it meets 'victim'."""
    if any("victim" in path for path in paths):
        os.kill(os.getpid(), signal.SIGKILL)
    return linter_module_lint(paths)


def linter_module_lint(paths: Sequence[str]) -> LintResult:
    assert parallel._worker_linter is not None
    return parallel._worker_linter.lint_paths(paths)


def test_04_worker_process_killed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = [f"f{i:02}.txt" for i in range(8)]
    names[3] = "victim.txt"
    for name in names:
        (tmp_path / name).write_bytes(INNOVO.read_bytes())
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "_lint_chunk", _killed_on_victim)
    status, out, err = run_cli(["--isolated", "--jobs", "2", str(tmp_path)])
    assert "Traceback" not in err and status == 2, err
    not_linted = {line.split(": ")[2][len(str(tmp_path)) + 1:] for line in err.splitlines()
                  if line.endswith("not linted: a worker process stopped unexpectedly (killed, or out of memory)")}
    reported = {Path(line.split(":")[0]).name for line in out.splitlines()}
    assert {"victim.txt", "f07.txt"} <= not_linted  # its chunk, [f07, victim], is lost
    # Every file is accounted for: linted (it has a finding) or named as not linted.
    assert reported | not_linted == set(names)


def _run_and_interrupt(argv: Sequence[str], cwd: Path, after: float) -> tuple[int, str, float]:
    """Start certlint, send Ctrl-C (SIGINT to its process group, as a terminal does) after
    `after` seconds; its status, stderr and how long it took to stop."""
    process = subprocess.Popen([sys.executable, "-m", "certlint", *argv], cwd=cwd,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(after)
    assert process.poll() is None, "the run ended before it could be interrupted"
    sent = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    try:
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err.decode(), time.monotonic() - sent


def _long_input(folder: Path, copies: int) -> Path:
    """Certifications one after the other: seconds of linting."""
    text = INNOVO.read_text(encoding="utf-8")
    big = folder / "big.txt"
    big.write_text(text * copies, encoding="utf-8")
    return big


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_05_ctrl_c(tmp_path: Path, jobs: str) -> None:
    files = [_long_input(tmp_path, 1200)]
    if jobs == "2":
        files.append(files[0].with_name("big2.txt"))
        files[1].write_bytes(files[0].read_bytes())
    before = sorted(p.name for p in tmp_path.iterdir())
    status, err, took = _run_and_interrupt(["--isolated", "--jobs", jobs, "--fix", *map(str, files)],
                                           tmp_path, after=1.5)
    assert "Traceback" not in err, err
    assert status == 130 and err == "certlint: interrupted\n", err
    assert took < 10
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no partial files
