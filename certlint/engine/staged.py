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
