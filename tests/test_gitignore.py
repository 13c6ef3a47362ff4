"""Folder walks leave out what git ignores; the filings hook reads only what git tracks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from certlint.engine.config import Config
from certlint.engine.gitignore import GitIgnore
from certlint.engine.linter import iter_files
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DEFECTIVE = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"  # one CL301


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A work tree with ignored files at several levels, and the current folder in it."""
    root = tmp_path / "repo"
    for name in ("2025/ex32.txt", "2025/ex32.bak.txt", "2025/keep.bak.txt", "drafts/ex32.txt",
                 "2025/notes/ex32.txt", "2025/notes/local.txt", "scratch.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEFECTIVE, root / name)
    git(root, "init", "-q")
    (root / ".gitignore").write_text("drafts/\n*.bak.txt\n!keep.bak.txt\n")
    (root / "2025" / "notes" / ".gitignore").write_text("local.txt\n")
    (root / ".git" / "info").mkdir(parents=True, exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("/scratch.txt\n")
    monkeypatch.chdir(root)
    return root


def linted(*argv: str, isolated: bool = True) -> list[str]:
    """The files with a diagnostic, relative to the current folder."""
    out = run_cli(["--isolated", *argv] if isolated else list(argv))[1]
    return sorted({line.split(":")[0].removeprefix("./") for line in out.splitlines()})


KEPT = ["2025/ex32.txt", "2025/keep.bak.txt", "2025/notes/ex32.txt"]
EVERYTHING = sorted([*KEPT, "2025/ex32.bak.txt", "2025/notes/local.txt", "drafts/ex32.txt", "scratch.txt"])


def test_a_walk_leaves_out_what_git_ignores(repo: Path) -> None:
    assert linted(".") == KEPT
    assert linted("2025") == KEPT


def test_no_respect_gitignore_walks_everything(repo: Path) -> None:
    assert linted("--no-respect-gitignore", ".") == EVERYTHING
    (repo / ".certlint.yaml").write_text("respect-gitignore: false\n")
    assert linted(".", isolated=False) == EVERYTHING


def test_a_file_named_on_the_command_line_is_always_linted(repo: Path) -> None:
    assert linted("drafts/ex32.txt", "scratch.txt") == ["drafts/ex32.txt", "scratch.txt"]


def test_agrees_with_git_check_ignore(repo: Path) -> None:
    listed = subprocess.run(["git", "check-ignore", "--no-index", *EVERYTHING], cwd=repo, capture_output=True,
                            text=True, check=False).stdout.split()
    ignore = GitIgnore()
    assert sorted(p for p in EVERYTHING if ignore.ignored(p, is_dir=False) or
                  ignore.ignored(str(Path(p).parent), is_dir=True)) == sorted(listed)


def test_outside_a_work_tree_gitignore_does_not_apply(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.txt\n")
    shutil.copy(DEFECTIVE, tmp_path / "ex32.txt")
    assert list(iter_files([str(tmp_path)], Config(root=tmp_path))) == [str(tmp_path / "ex32.txt")]


def test_the_filings_hook_lints_tracked_files_only(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "filings")
    shutil.copy(DEFECTIVE, repo / "2025" / "untracked.txt")
    assert run_cli(["check", "--isolated", "--staged"])[0] == 1
    assert linted("--staged") == KEPT  # nothing staged: every filing, of tracked files
    assert linted("--no-respect-gitignore", "--staged") == KEPT  # git's index decides, not the walk


def test_the_config_command_shows_the_setting(repo: Path) -> None:
    out = run_cli(["config", "--isolated"])[1]
    assert "respect-gitignore = true" in out
    assert "respect-gitignore = false" in run_cli(["config", "--isolated", "--no-respect-gitignore"])[1]


def test_a_walk_past_the_remembered_folders_ignores_the_same(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk forgets the work trees and ignore files it met (memory stays flat over a long
    run) and asks again: what it leaves out does not change."""
    import certlint.engine.gitignore as gitignore

    config = Config(root=repo)
    walked = list(iter_files(["."], config))
    monkeypatch.setattr(gitignore, "REMEMBERED", 1)
    assert list(iter_files(["."], config)) == walked
    assert sorted(walked) == ["2025/ex32.txt", "2025/keep.bak.txt", "2025/notes/ex32.txt"]
