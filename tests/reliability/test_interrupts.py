"""Ctrl-C at any moment, including while Python is still importing certlint: one line,
"certlint: interrupted", and exit 130 from every entry point, never a traceback.

The entry points are `python -m certlint` and the console script, which is also what the
pre-commit hooks run (`certlint check`). The script is written here the way pip writes it, from
the entry point pyproject.toml declares, so the test checks the declaration and not whichever
script an earlier install left in the venv. Each case is a real process sent a real SIGINT.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reliability.helpers import INNOVO

pytestmark = pytest.mark.slow

#: pip's template for a console script (distlib's ScriptMaker), as installed by pip and pre-commit.
PIP_SCRIPT = """# -*- coding: utf-8 -*-
import re
import sys
from {module} import {name}
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit({name}())
"""

ENTRIES = ["python -m certlint", "console script", "pre-commit hook"]


@pytest.fixture(scope="module")
def workload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a console script and an input that takes seconds to lint."""
    folder = tmp_path_factory.mktemp("interrupts")
    target = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, name = target["certlint"].split(":")
    (folder / "certlint-script").write_text(PIP_SCRIPT.format(module=module, name=name), encoding="utf-8")
    (folder / "big.txt").write_text(INNOVO.read_text(encoding="utf-8") * 300, encoding="utf-8")
    return folder


def _command(entry: str, folder: Path, *flags: str) -> list[str]:
    lint = ["--isolated", "big.txt"]
    if entry == "python -m certlint":
        return [sys.executable, *flags, "-m", "certlint", *lint]
    script = str(folder / "certlint-script")
    return [sys.executable, *flags, script, *(["check"] if entry == "pre-commit hook" else []), *lint]


def _start(argv: list[str], folder: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.Popen(argv, cwd=folder, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def _finish(process: subprocess.Popen[bytes], stderr_so_far: bytes = b"") -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, (stderr_so_far + err).decode(errors="replace")


def _assert_interrupted_or_done(status: int, err: str) -> None:
    assert "Traceback" not in err and "Error" not in err, err
    if status == 1 and "certlint: interrupted" not in err:
        return  # it finished first: the exhibit's finding, exit 1
    assert status == 130, (status, err)
    assert err.splitlines()[-1:] == ["certlint: interrupted"], err


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("module", ["certlint.cli.catalog", "certlint.cli.faults", "pathlib",
                                    "certlint.cli.lint", "certlint.engine.setup", "certlint.checks",
                                    "certlint.ruleset.loader", "certlint.document.readers.plain",
                                    "certlint.analysis.parties"])
def test_ctrl_c_while_importing(workload: Path, entry: str, module: str) -> None:
    """The signal arrives just as `module` starts to be imported: an audit hook, installed before
    the entry point is run (as `python -m` or as the script would be), sends it."""
    command = _command(entry, workload)
    if entry == "python -m certlint":
        run = "runpy.run_module('certlint', run_name='__main__', alter_sys=True)"
        argv = ["certlint", *command[3:]]
    else:
        run = f"runpy.run_path({command[1]!r}, run_name='__main__')"
        argv = command[1:]
    driver = ("import os, runpy, signal, sys\n"
              "def hook(event, args):\n"
              f"    if event == 'import' and args[0] == {module!r}:\n"
              "        os.kill(os.getpid(), signal.SIGINT)\n"
              "sys.addaudithook(hook)\n"
              f"sys.argv = {argv!r}\n"
              f"{run}\n")
    status, err = _finish(_start([sys.executable, "-c", driver], workload))
    assert "Traceback" not in err, err
    assert (status, err) == (130, "certlint: interrupted\n")


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("delay_ms", [0, 20, 50, 100, 200, 400, 1000])
def test_ctrl_c_at_a_delay(workload: Path, entry: str, delay_ms: int) -> None:
    """The delay counts from the moment certlint's own code is running: the first import of
    a certlint module from `main` is its mark (`-X importtime` prints a line per module).

    Before that mark the interpreter is still starting (loading `site`, or the `import re` of
    pip's script): a Ctrl-C there is Python's own, before any certlint code exists to take it."""
    process = _start(_command(entry, workload, "-X", "importtime"), workload)
    assert process.stderr is not None
    seen = b""
    while not re.search(rb"\| +certlint\.(?!__main__)\w", seen):
        line = process.stderr.readline()
        assert line, seen.decode(errors="replace")
        seen += line
    time.sleep(delay_ms / 1000)
    os.killpg(process.pid, signal.SIGINT)
    status, err = _finish(process, seen)
    noise = re.compile(r"^import time:.*$\n?", re.MULTILINE)
    _assert_interrupted_or_done(status, noise.sub("", err))


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize("delay_ms", [0, 20, 50, 100, 200])
def test_ctrl_c_from_the_start(workload: Path, entry: str, delay_ms: int) -> None:
    """The delay counts from the start of the process. A Ctrl-C that comes before Python has its
    handler kills the process by the signal; one that comes while the interpreter itself starts
    is Python's own traceback, which certlint cannot prevent; never one through certlint."""
    process = _start(_command(entry, workload), workload)
    time.sleep(delay_ms / 1000)
    os.killpg(process.pid, signal.SIGINT)
    status, err = _finish(process)
    frames = [line.strip() for line in err.splitlines() if line.strip().startswith("File ")]
    if "Traceback" in err and all(str(ROOT / "certlint") not in frame for frame in frames):
        # Python's own start (site, runpy) or pip's wrapper before it imports certlint:
        # the interpreter exits 1, or by the signal when it was its default handler's.
        assert status in (1, -signal.SIGINT), (status, err)
        return
    if status == -signal.SIGINT:
        assert err == "", err  # killed before Python had a handler: what a shell shows as 130
        return
    _assert_interrupted_or_done(status, err)
