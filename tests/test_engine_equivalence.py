"""The run's faster machinery means what the plain code it replaced meant: the compiled
exclude/include globs against `fnmatch` per glob, the pack's literal prefilter against its regexes
alone. The plain versions live here as the oracles."""

from __future__ import annotations

import fnmatch
from pathlib import Path

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
