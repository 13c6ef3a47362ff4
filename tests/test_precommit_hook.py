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

# Slow: each test runs git and pre-commit in a fresh repository.
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]

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


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(snapshot repository, its commit, a PRE_COMMIT_HOME shared by this module's tests)."""
    base = tmp_path_factory.mktemp("hook")
    repo = base / "hook-repo"
    repo.mkdir()
    return repo, snapshot_of_checkout(repo), base / "cache"


def work_repo(path: Path, hook: tuple[Path, str, Path], hook_id: str) -> dict[str, str]:
    """A new repository at `path` whose pre-commit config runs `hook_id`; returns its env."""
    repo, rev, cache = hook
    path.mkdir()
    git(path, "init", "-q")
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache)}
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=path, env=env,
                               capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stderr
    return env


def test_real_precommit_run(tmp_path: Path, hook_repo: tuple[Path, str, Path]) -> None:
    work = tmp_path / "filings"
    env = work_repo(work, hook_repo, "certlint")

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


def test_filings_hook_sees_the_unchanged_exhibits(tmp_path: Path, hook_repo: tuple[Path, str, Path]) -> None:
    """A commit that changes only Exhibit 32 is checked against the unchanged Exhibit 31.1."""
    work = tmp_path / "repo"
    env = work_repo(work, hook_repo, "certlint-filings")
    filing = work / "2025-10-K"
    filing.mkdir()
    clean = ROOT / "tests" / "fixtures" / "filings" / "clean"
    for name in ("ex31-1.txt", "ex31-2.htm", "ex32-1.md"):
        shutil.copy(clean / name, filing / name)
    git(work, "add", ".")
    first = git_commit(work, env, "filing")
    assert first.returncode == 0, first.stdout + first.stderr
    statement = filing / "ex32-1.md"
    statement.write_text(statement.read_text().replace("Form 10-K", "Form 10-Q"))
    git(work, "add", "2025-10-K/ex32-1.md")
    refused = git_commit(work, env, "exhibit 32 only")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert ("2025-10-K/ex32-1.md:5:41: CL601 report differs between the certifications of this "
            "filing: 'Form 10-Q' here, 'Form 10-K' in 2025-10-K/ex31-1.txt") in output


def test_manifest_is_valid() -> None:
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                             str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
