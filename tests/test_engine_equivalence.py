"""The run's faster machinery means what the plain code it replaced meant: the compiled
exclude/include globs against `fnmatch` per glob, the pack's literal prefilter against its regexes
alone. The plain versions live here as the oracles."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.engine.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Config, _glob_match
from certlint.ruleset.loader import _applies_to

_PARTS = st.sampled_from(["build", "dist", "a", "b.txt", "x.egg-info", ".git", "venv", "filings",
                          "2003", "EX31.TXT", "ex.Htm", "notes.md", "f[1]", "q?", "*", "site-packages"])
_GLOBS = st.lists(st.sampled_from(["build", "*.egg-info", "filings/2003", "filings/2003/", "*", "**",
                                   "a/*.txt", "b.txt", "[ab]*", "q?", "*.TXT", "ex.*", "dist/"]),
                  max_size=5).map(tuple)


def _old_is_excluded(config: Config, path: Path) -> bool:
    relative = config.relative(str(path))
    return any(fnmatch.fnmatch(path.name, glob) or _glob_match(relative, glob) for glob in config.exclude)


def _old_is_included(config: Config, path: Path) -> bool:
    name = path.name.lower()
    return any(fnmatch.fnmatchcase(name, glob.lower()) for glob in config.include)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=4), _GLOBS, st.booleans())
def test_compiled_globs_decide_as_fnmatch_does(parts: list[str], globs: tuple[str, ...],
                                               defaults: bool) -> None:
    root = Path("/repo")
    config = Config(root=root, exclude=DEFAULT_EXCLUDE if defaults else globs,
                    include=DEFAULT_INCLUDE if defaults else globs)
    for path in (root.joinpath(*parts), Path("/elsewhere").joinpath(*parts), Path(*parts)):
        assert config.is_excluded(path) == _old_is_excluded(config, path), path
        assert config.is_included(path) == _old_is_included(config, path), path


_TEXTS = st.lists(st.sampled_from(["I have reviewed this", "i HAVE reviewed THIS", "section 906",
                                   "Section 9066", "xSection 906", "1350", "Form 10-D", "form 10-d",
                                   "\u017fection 906", "I have revıewed this", "\u0130", "K", " ",
                                   "\n", "Sarbanes-Oxley", "13a-14(d)"]), max_size=6).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_literal_prefilter_agrees_with_the_regexes(text: str) -> None:
    applies = _applies_to({"markers": ["I have reviewed this", "1350", "Section 906"],
                           "unless": ["Form 10-D", "13a-14(d)"]})
    lowercase = text.lower()
    expected = not (applies.unless is not None and applies.unless.search(text)) and (
        applies.markers is not None and applies.markers.search(text) is not None)
    assert applies.matches("a/b.txt", text, lowercase if len(lowercase) == len(text) else None) == expected
    assert applies.matches("a/b.txt", text) == expected


def test_a_long_s_is_left_to_the_regex() -> None:
    """`re.IGNORECASE` matches "s" to a long s, whose lowercase is itself: no substring rules it out."""
    applies = _applies_to({"markers": ["Section 906"]})
    text = "\u017fection 906"
    assert applies.matches("x.txt", text, text.lower())


def _old_iter_files(paths: list[str], config: Config, skipped: list[str]) -> list[str]:
    """The walk as it was: a Path per entry, every file's real path asked of the file system."""
    import os

    def walk() -> Iterator[str]:
        for path in paths:
            if not os.path.isdir(path):
                if not config.is_force_excluded(Path(path)):
                    yield path
                continue
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _old_is_excluded(config, Path(folder, d)))
                for name in sorted(files):
                    candidate = Path(folder, name)
                    if _old_is_included(config, candidate) and not _old_is_excluded(config, candidate):
                        if os.path.exists(candidate) and not os.path.isfile(candidate):
                            skipped.append(f"{candidate}: skipped (not a regular file: a FIFO)")
                        else:
                            yield str(candidate)

    seen: set[str] = set()
    found = []
    for candidate in walk():
        real = os.path.realpath(candidate)
        if real not in seen:
            seen.add(real)
            found.append(candidate)
    return found


def test_the_walk_finds_what_it_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from certlint.engine.walk import iter_files

    for relative in ("d/a.txt", "d/b.TXT", "d/sub/c.htm", "d/build/x.txt", "d/z.md", "e/f.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x\n")
    os.symlink(tmp_path / "d" / "a.txt", tmp_path / "d" / "sub" / "link.txt")  # a second name
    os.symlink(tmp_path / "e", tmp_path / "d" / "elink")  # a linked folder: not entered
    os.symlink(tmp_path / "d", tmp_path / "alias")
    os.mkfifo(tmp_path / "d" / "pipe.txt")
    monkeypatch.chdir(tmp_path)
    config = Config(root=tmp_path, respect_gitignore=False)
    for paths in (["d"], ["./d/"], ["d//sub", "d"], [".", "d/a.txt"], ["alias", "d"], [str(tmp_path)],
                  ["d/sub/link.txt", "d"], ["e/../d"]):
        old_skipped: list[str] = []
        new_skipped: list[str] = []
        assert list(iter_files(paths, config, new_skipped)) == _old_iter_files(paths, config, old_skipped), paths
        assert new_skipped == old_skipped


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARTS | st.sampled_from([".", "..", ""]), max_size=4),
       st.sampled_from(["/repo", "/repo/", "/", "/repo/a", "rel", "."]))
def test_relative_is_relpath(parts: list[str], root: str) -> None:
    import os

    config = Config(root=Path(root))
    for path in ("/".join(parts), "/repo/" + "/".join(parts), "/" + "/".join(parts)):
        absolute, base = os.path.abspath(path), os.path.abspath(config.root)
        expected = os.path.relpath(absolute, base).replace(os.sep, "/") \
            if absolute == base or absolute.startswith(base + os.sep) else Path(path).as_posix()
        assert config.relative(path) == expected, (path, root)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", ".", "..", "", "b.txt", ".x", "a b"]), max_size=5).map("/".join)
       | st.text(alphabet="a./ ", max_size=8))
def test_a_path_taken_as_written_is_what_path_makes_of_it(path: str) -> None:
    from certlint.engine.config import _normal

    if _normal(path):
        assert Path(path).as_posix() == path
