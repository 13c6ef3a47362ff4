"""What git ignores, for folder walks: `.gitignore` files and `.git/info/exclude`, read with pathspec.

Applied as git applies them, inside a git work tree only (a folder with `.git` above it; outside
one git ignores nothing, and neither does certlint). For an entry, the `.gitignore` of its own
folder is asked first, then those of the folders above up to the work tree's top, then
`.git/info/exclude`: the first that has a matching pattern decides, the last matching pattern
within it winning (so `!keep.txt` re-includes). An ignored folder is not entered. The user's
global excludes file is not read: what a repository ignores should not depend on who runs it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


#: Folders (and ignore files) remembered at most: a walk over 100,000 filings passes as many
#: folders, and what it asks next is mostly under the last few.
REMEMBERED = 1024


class GitIgnore:
    """The ignore rules of the work trees a walk passes through, each file read once while it
    is among the last `REMEMBERED`."""

    def __init__(self) -> None:
        self._tops: dict[str, str | None] = {}
        self._specs: dict[str, GitIgnoreSpec | None] = {}

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether git would ignore the file or folder `path`."""
        absolute = os.path.abspath(path)
        folder = os.path.dirname(absolute)
        top = self._top(folder)
        if top is None:
            return False
        suffix = "/" if is_dir else ""
        level = folder
        while True:
            spec = self._spec(os.path.join(level, ".gitignore"))
            if spec is not None:
                decided = spec.check_file(_relative(absolute, level) + suffix).include
                if decided is not None:
                    return decided
            if level == top:
                break
            level = os.path.dirname(level)
        exclude = self._spec(os.path.join(top, ".git", "info", "exclude"))
        return bool(exclude is not None and exclude.check_file(_relative(absolute, top) + suffix).include)

    def _top(self, folder: str) -> str | None:
        """The work tree holding `folder`: the nearest folder with a `.git` (a folder, or the
        file a linked worktree or submodule has), or None."""
        if folder not in self._tops:
            if len(self._tops) >= REMEMBERED:
                self._tops.clear()
            if os.path.exists(os.path.join(folder, ".git")):
                self._tops[folder] = folder
            else:
                parent = os.path.dirname(folder)
                self._tops[folder] = None if parent == folder else self._top(parent)
        return self._tops[folder]

    def _spec(self, path: str) -> GitIgnoreSpec | None:
        if path not in self._specs:
            if len(self._specs) >= REMEMBERED:
                self._specs.clear()
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                lines = []
            if lines:
                from pathspec import GitIgnoreSpec

                self._specs[path] = GitIgnoreSpec.from_lines(lines)
            else:
                self._specs[path] = None
        return self._specs[path]


def _relative(path: str, folder: str) -> str:
    return os.path.relpath(path, folder).replace(os.sep, "/")
