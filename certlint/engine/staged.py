"""The files a git commit is about to record (for the `certlint-filings` pre-commit hook).

pre-commit runs hooks with the staged content in the working tree, so reading the working tree
reads what will be committed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class NotAGitRepository(RuntimeError):
    """`--staged` outside a git work tree."""


def staged_files(cwd: Path) -> list[str]:
    """Absolute paths of files added, copied, modified, renamed or deleted in the index."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True,
                             text=True, check=True).stdout.strip()
        listed = subprocess.run(["git", "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMRD"],
                                cwd=cwd, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise NotAGitRepository(f"{cwd}: --staged needs a git work tree") from exc
    return [os.path.join(top, name) for name in listed.split("\0") if name]


def tracked_files(cwd: Path) -> set[str]:
    """Absolute paths of the files in git's index (tracked, or staged to be): what a commit holds.

    The filings hook reads only these, so that an untracked draft beside a filing's exhibits is
    not linted as part of it.
    """
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True,
                             text=True, check=True).stdout.strip()
        listed = subprocess.run(["git", "ls-files", "--cached", "-z", "--full-name"], cwd=top,
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise NotAGitRepository(f"{cwd}: --staged needs a git work tree") from exc
    return {os.path.join(top, name) for name in listed.split("\0") if name}
