"""The lazy walk: what it yields is what the walk that remembered every real path yielded, and
its bound never passes a path still to come (a streamed run releases reports by it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certlint.engine.config import Config
from certlint.engine.walk import Walk
from tests.test_engine_equivalence import _old_iter_files

_NAMES = st.sampled_from(["a", "a-b", "a.b", "a0", "b", "z"])
_FILES = st.lists(st.lists(_NAMES, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".txt"),
                  min_size=1, max_size=10, unique=True)


def _build(root: Path, files: list[str], links: list[tuple[int, str]]) -> None:
    for relative in files:
        target = root / relative
        if any(parent.is_file() for parent in target.parents):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_dir():
            target.write_text("x\n")
    for index, name in links:
        source, link = root / files[index % len(files)], root / f"{name}-link.txt"
        if source.is_file() and not link.exists():
            os.symlink(source, link)


def _check(paths: list[str], config: Config) -> None:
    walk = Walk(paths, config, [])
    yielded, bounds = [], []
    for path in walk:
        yielded.append(path)
        bounds.append(walk.bound)
    assert walk.bound is None
    assert yielded == _old_iter_files(paths, config, [])
    for number, bound in enumerate(bounds):
        assert bound is not None
        assert all(later >= bound for later in yielded[number + 1:]), (bound, yielded)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_FILES, st.lists(st.tuples(st.integers(0, 9), _NAMES), max_size=3),
       st.sampled_from([["."], ["t"], ["t/a", "t"], ["t", "t/a.txt"], ["t/b", "t/a"]]))
def test_the_lazy_walk_is_the_walk(tmp_path_factory: pytest.TempPathFactory, files: list[str],
                                    links: list[tuple[int, str]], paths: list[str]) -> None:
    root = tmp_path_factory.mktemp("walk")
    _build(root / "t", files, links)
    cwd = os.getcwd()
    os.chdir(root if paths != ["."] else root / "t")
    try:
        _check([p for p in paths if os.path.exists(p)] or ["."], Config(root=root, respect_gitignore=False))
    finally:
        os.chdir(cwd)


def test_a_link_to_a_file_walked_before_it_is_not_yielded_again(tmp_path: Path) -> None:
    """The last folder's files are not remembered until a link is met; it recalls them."""
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("x\n")
    os.symlink(tmp_path / "a.txt", tmp_path / "b" / "again.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b" / "twice.txt")
    config = Config(root=tmp_path, respect_gitignore=False)
    assert list(Walk([str(tmp_path)], config)) == [str(tmp_path / "a.txt")]
    assert list(Walk([str(tmp_path / "b"), str(tmp_path)], config)) == [str(tmp_path / "b" / "again.txt")]
