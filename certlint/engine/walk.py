"""The files of a run: explicit files as given, folders walked in sorted order under the
configured include and exclude globs (and, in a git work tree, what git does not ignore).

A walk is lazy and holds little: a run over 100,000 files keeps neither their list nor their
real paths (see `Walk`), and tells as it goes a lower bound of the paths still to come, so that a
run reporting in path order can hand on each file's report without knowing every file first.
"""

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
    return iter(Walk(paths, config, skipped))


class Walk:
    """`iter_files` as an object that also knows, between the files it yields, a lower bound of
    the paths it has still to yield (`bound`: every later path sorts at or after it; None once
    the walk is over).

    A file reached twice must be yielded once, so a walk remembers the real paths it has met,
    but only while a later one can repeat them: the files walked in the last folder named that
    are not links have distinct real paths (a walk enters no linked folder) and can repeat only
    an earlier argument's, so they are not remembered until a link is met there; the first link
    then recalls them by walking that folder again up to itself.
    """

    def __init__(self, paths: Iterable[str], config: Config, skipped: list[str] | None = None) -> None:
        self._paths = list(paths)
        self._config = config
        #: Where the files met that are not regular files are named.
        self.skipped = skipped
        self.bound: str | None = ""

    def __iter__(self) -> Iterator[str]:
        from certlint.engine.gitignore import GitIgnore

        paths, config = self._paths, self._config
        git = GitIgnore() if config.respect_gitignore else None
        later = _later_bounds(paths)
        seen: set[str] = set()
        for number, path in enumerate(paths):
            if not os.path.isdir(path):
                self.bound = _least(path, later[number + 1])
                if not config.is_force_excluded(Path(path)):
                    real = os.path.realpath(path)
                    if real not in seen:
                        seen.add(real)
                        yield path
                continue
            remember = number < len(paths) - 1 or not os.path.isdir(paths[-1])
            for walked, (candidate, known, bound) in enumerate(_walk(path, config, self.skipped, git)):
                self.bound = _least(bound, later[number + 1])
                if known is None and not remember:  # a link: recall the files walked before it
                    recalled = _walk(path, config, None, git)
                    seen.update(earlier or os.path.realpath(name)
                                for (name, earlier, _), _ in zip(recalled, range(walked), strict=False))
                    remember = True
                real = known or os.path.realpath(candidate)
                if real not in seen:
                    if remember:
                        seen.add(real)
                    yield candidate
        self.bound = None


def _least(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _later_bounds(paths: list[str]) -> list[str | None]:
    """For each argument, a lower bound of every path the arguments after it can give: an
    explicit file is itself, a folder's files start with its name (any name for ".")."""
    bounds: list[str | None] = [None]
    for path in reversed(paths):
        base = str(Path(path))
        bounds.append(_least(bounds[-1], _least(path, "" if base == "." else base)))
    return bounds[::-1]


def _walk(path: str, config: Config, skipped: list[str] | None,
          git: object | None) -> Iterator[tuple[str, str | None, str]]:
    """A folder walked (without what `exclude` names and, unless `respect-gitignore = false`,
    what git ignores): each file with its real path when that is known without asking the file
    system for every part of it (a file that is not a link: its folder's real path and its
    name), and a lower bound of the paths of this file and every later one.

    The bound: the folders still to enter (those below this one, and the rest of those below
    each folder it is in), each holding only paths that start with its own and a "/"."""
    from certlint.engine.gitignore import GitIgnore

    assert git is None or isinstance(git, GitIgnore)
    #: The folders the walk is in, outermost first: each one's path, and the least bound of its
    #: sub-folders from each place on (the last: none), with the place of the one entered next.
    frames: list[tuple[str, list[str], list[str | None], list[int]]] = []
    for folder, dirs, files in os.walk(path):
        base = str(Path(folder))
        at = None
        while frames and (at := _place_of(base, frames[-1][1], frames[-1][3][0])) is None:
            frames.pop()  # every folder below it is done
        if at is not None:
            frames[-1][3][0] = at + 1
        dirs[:] = sorted(d for d in dirs if not config.excludes(d, _child(base, d))
                         and not (git and git.ignored(os.path.join(folder, d), is_dir=True)))
        children = [_child(base, d) for d in dirs]
        least: list[str | None] = [None]
        for child in reversed(children):
            least.append(_least(least[-1], child + "/"))
        frames.append((base, children, least[::-1], [0]))
        outer: str | None = None
        for _, _, lows, place in frames:
            outer = _least(outer, lows[place[0]])
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
                real = None if os.path.islink(candidate) else os.path.join(real_folder, name)
                yield candidate, real, candidate if outer is None else min(candidate, outer)
            elif skipped is not None:
                skipped.append(f"{candidate}: skipped (not a regular file: {kind})")


def _place_of(base: str, children: list[str], start: int) -> int | None:
    """Where the folder `base` is among `children` from `start` on (None: not there). The walk
    enters them in order, so it is almost always at `start`: no scan of a long list per folder."""
    try:
        return children.index(base, start)
    except ValueError:
        return None


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
