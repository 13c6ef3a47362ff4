"""The files of a run: explicit files as given, folders walked in sorted order under the
configured include and exclude globs (and, in a git work tree, what git does not ignore)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from certlint.engine.config import Config


def iter_files(paths: Iterable[str], config: Config, skipped: list[str] | None = None) -> Iterator[str]:
    """Files to lint: explicit files as given, folders walked in sorted order.

    Walking yields only regular files (or links to them): a FIFO would block the run on its
    first read, a device never end. Each one met is named in `skipped`. A file named on the
    command line is read whatever it is (`certlint <(git show HEAD:ex31.txt)` reads a pipe).
    A file reached twice (`d.txt ./d.txt`, a folder and a file in it) is yielded once, under
    the first name it was reached by.
    """
    seen: set[str] = set()
    for candidate, real in _walk(paths, config, skipped):
        real = real or os.path.realpath(candidate)
        if real not in seen:
            seen.add(real)
            yield candidate


def _walk(paths: Iterable[str], config: Config,
          skipped: list[str] | None) -> Iterator[tuple[str, str | None]]:
    """Explicit files as given, folders walked (without what `exclude` names and, unless
    `respect-gitignore = false`, what git ignores); each with its real path when that is known
    without asking the file system for every part of it (a walked file that is not a link: its
    folder's real path and its name)."""
    from certlint.engine.gitignore import GitIgnore

    git = GitIgnore() if config.respect_gitignore else None
    for path in paths:
        if not os.path.isdir(path):
            if not config.is_force_excluded(Path(path)):
                yield path, None
            continue
        for folder, dirs, files in os.walk(path):
            base = str(Path(folder))
            dirs[:] = sorted(d for d in dirs if not config.excludes(d, _child(base, d))
                             and not (git and git.ignored(os.path.join(folder, d), is_dir=True)))
            real_folder = None
            for name in sorted(files):
                if not config.includes(name):
                    continue
                candidate = _child(base, name)
                if config.excludes(name, candidate) or (git and git.ignored(candidate, is_dir=False)):
                    continue
                kind = _not_regular(candidate)
                if kind is None:
                    real_folder = real_folder or os.path.realpath(folder)
                    yield candidate, None if os.path.islink(candidate) else os.path.join(real_folder, name)
                elif skipped is not None:
                    skipped.append(f"{candidate}: skipped (not a regular file: {kind})")


def _child(folder: str, name: str) -> str:
    """`str(Path(folder, name))` for a `folder` already in `Path`'s form and an entry's name,
    without building a Path per file."""
    if os.sep != "/":
        return str(Path(folder, name))
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"


def _not_regular(path: str) -> str | None:
    """What a walked file is when it is not a regular file (None: regular, or unreadable, which
    reading reports)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device"}
    return next((kind for test, kind in kinds.items() if test(mode)), "not a file")
