"""The real pre-commit runs the `certlint` hook of this checkout in a throwaway repository.

The hook repository is a snapshot of this working tree (tracked and new files) committed into a
temporary git repository, so the test checks the hook as it is now, not as of the last commit.
pre-commit installs it into its own virtualenv from that snapshot (a real wheel build, so the
built-in packs must ship inside the wheel), then guards two commits: a clean certification
goes in, a defective one is refused with the diagnostic in pre-commit's output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = ROOT / "examples" / "example-corp-10-K-ex31.1.txt"
DEFECTIVE = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def snapshot_of_checkout(target: Path) -> str:
    """Copy this working tree's files into a new repository at `target`; return its commit."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    assert git(target, "commit", "-q", "-m", "snapshot").returncode == 0
    return git(target, "rev-parse", "HEAD").stdout.strip()


def test_real_precommit_run(tmp_path: Path) -> None:
    hook_repo, work = tmp_path / "hook-repo", tmp_path / "filings"
    hook_repo.mkdir()
    work.mkdir()
    rev = snapshot_of_checkout(hook_repo)
    git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: certlint\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    precommit = [sys.executable, "-m", "pre_commit"]
    installed = subprocess.run([*precommit, "install"], cwd=work, env=env, capture_output=True,
                               text=True, check=False)
    assert installed.returncode == 0, installed.stderr

    shutil.copy(CLEAN, work / "ex31-1.txt")
    git(work, "add", ".pre-commit-config.yaml", "ex31-1.txt")
    clean = git_commit(work, env, "clean certification")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "certlint" in clean.stdout + clean.stderr and "Passed" in clean.stdout + clean.stderr

    shutil.copy(DEFECTIVE, work / "ex32.txt")
    git(work, "add", "ex32.txt")
    refused = git_commit(work, env, "defective certification")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "Failed" in output
    assert ("ex32.txt:7:41: CL301 misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?"
            in output)
    assert "defective certification" not in git(work, "log", "--format=%s").stdout


def git_commit(cwd: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    # The hook script pre-commit installs runs `python -m pre_commit` from this interpreter.
    path = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(["git", "commit", "-m", message], cwd=cwd,
                          env={**env, **identity, "PATH": path}, capture_output=True, text=True,
                          check=False)
