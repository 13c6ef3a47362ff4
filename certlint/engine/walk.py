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
    for candidate in _walk(paths, config, skipped):
        real = os.path.realpath(candidate)
        if real not in seen:
            seen.add(real)
            yield candidate


def _walk(paths: Iterable[str], config: Config, skipped: list[str] | None) -> Iterator[str]:
    """Explicit files as given, folders walked (without what `exclude` names and, unless
    `respect-gitignore = false`, what git ignores)."""
    from certlint.engine.gitignore import GitIgnore

    git = GitIgnore() if config.respect_gitignore else None
    for path in paths:
        if not os.path.isdir(path):
            if not config.is_force_excluded(Path(path)):
                yield path
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not config.is_excluded(Path(folder, d))
                             and not (git and git.ignored(os.path.join(folder, d), is_dir=True)))
            for name in sorted(files):
                candidate = Path(folder, name)
                if config.is_included(candidate) and not config.is_excluded(candidate) \
                        and not (git and git.ignored(str(candidate), is_dir=False)):
                    kind = _not_regular(candidate)
                    if kind is None:
                        yield str(candidate)
                    elif skipped is not None:
                        skipped.append(f"{candidate}: skipped (not a regular file: {kind})")


def _not_regular(path: Path) -> str | None:
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
