"""Project configuration: what a run is configured to do, and the `facts` it is told.

Read from a file by `certlint.engine.config_file`. Paths and globs are relative to the config
file's folder.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from certlint.diagnostic import Severity
from certlint.document import BYTES_READER_MODULES, SUFFIX_FORMATS
from certlint.document.facts import (
    FACT_KEYS,
    FLAG_FACT_KEYS,
    FactError,
    Facts,
    facts_from_mapping,
    facts_from_path,
    path_facts_under,
)

CONFIG_FILES = (".certlint.yaml", ".certlint.yml", "pyproject.toml")

#: Every suffix a reader takes (`.txt .text .md .markdown .htm .html .xhtml .docx`), so that a
#: folder walk lints each documented format; matched without regard to case (`.TXT`, `.Htm`).
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in (*SUFFIX_FORMATS, *BYTES_READER_MODULES))
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".env", "env", "node_modules",
                   "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
                   "build", "dist", "*.egg-info", "site-packages")

LIST_KEYS = ("select", "extend-select", "ignore", "rules", "include", "exclude", "extend-exclude",
              "disable-packs")
#: `packs` turns packs on and off; `force-exclude` applies `exclude` to files named on the command
#: line too (a pre-commit hook names every staged file); `facts-from-path` reads facts from each
#: document's path by a regex with named groups (company, form, period, exhibit, filing), so that
#: `company_form_period_exhibit.ext` repositories need no per-file facts.
KNOWN_KEYS = frozenset((*LIST_KEYS, "fail-on", "facts", "per-file-ignores", "filing-id", "filings", "packs",
                        "force-exclude", "respect-gitignore", "facts-from-path", "all-documents",
                        "docs-url"))


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file (and line)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The effective configuration of a run (file values, then command-line overrides)."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    #: Where each value came from: option name (or "facts.GLOB", "packs.NAME"...) -> "file:line".
    origins: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: Inline suppression comments: applied (unless --no-suppress), unused ones reported (CL002).
    suppress: bool = True
    report_unused_suppressions: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    disable_packs: tuple[str, ...] = ()
    #: `packs`: pack name -> enabled, as written (already folded into `disable_packs`).
    packs: tuple[tuple[str, bool], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    #: Apply `exclude` to files named on the command line too (pre-commit names every file).
    force_exclude: bool = False
    #: Folder walks leave out what git ignores (.gitignore, .git/info/exclude) in a work tree.
    respect_gitignore: bool = True
    fail_on: Severity = Severity.INFO
    facts: tuple[tuple[str, Facts], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Regex over a document's relative path naming its filing (default: its folder).
    filing_id: re.Pattern[str] | None = None
    #: Repository mode by default (what `--filings` turns on for one run).
    filings: bool = False
    facts_from_path: re.Pattern[str] | None = None
    #: Lint every document, not only those that make a certification statement.
    all_documents: bool = False
    #: Where the rules are documented, a URL with `{code}` in it (SARIF helpUri, the editor's
    #: link); None: SARIF links nowhere and the editor links to the pack file.
    docs_url: str | None = None

    def relative(self, path: str) -> str:
        """A path relative to the config root, with '/' separators (what globs match)."""
        absolute = os.path.abspath(path)
        root = _absolute_root(self.root) if self.root.is_absolute() else os.path.abspath(self.root)
        if absolute == root:
            return "."
        if absolute.startswith(root + os.sep):  # both normalised: what relpath would give
            return absolute[len(root) + 1:].replace(os.sep, "/") or "."
        return path if _normal(path) else Path(path).as_posix()

    def facts_for(self, path: str) -> Facts:
        """The configured facts for a path: every matching glob, later ones winning, over the
        facts its name gives (`facts-from-path`)."""
        relative = self.relative(path)
        merged = Facts()
        for glob, facts in self.facts:
            if _glob_match(relative, glob):
                merged = facts.merged_over(merged)
        if self.facts_from_path is None:
            return merged
        return merged.merged_over(path_facts_under(self._path_facts(relative), merged))

    def _path_facts(self, relative: str) -> Facts:
        assert self.facts_from_path is not None
        match = self.facts_from_path.search(relative)
        if match is None:
            return Facts()
        try:
            return facts_from_path(match.groupdict())
        except FactError:
            return Facts()  # a name that only looks like the pattern gives no facts

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        relative = self.relative(path)
        return tuple(code for glob, codes in self.per_file_ignores if _glob_match(relative, glob)
                     for code in codes)

    def is_excluded(self, path: Path) -> bool:
        """A file or folder excluded by name ("build") or by path from the root ("filings/2003")."""
        return self.excludes(path.name, str(path))

    def excludes(self, name: str, path: str) -> bool:
        """`is_excluded` of the file or folder `path` named `name` (a walk has both as strings)."""
        globs = _compiled_globs(self.exclude)
        if globs.matches_name(name):
            return True
        relative = self.relative(path)
        return globs.covers(relative) or globs.matches_name(relative.rsplit("/", 1)[-1])

    def is_force_excluded(self, path: Path) -> bool:
        """With force-exclude: a file named on the command line that `exclude` covers."""
        if not self.force_exclude:
            return False
        parts = PurePosixPath(self.relative(str(path))).parts
        return self.is_excluded(path) or any(fnmatch.fnmatch(part, glob) for part in parts[:-1]
                                             for glob in self.exclude)

    def is_included(self, path: Path) -> bool:
        """A file name matching an `include` glob, in any case: `EX31.TXT` is a text file too."""
        return self.includes(path.name)

    def includes(self, name: str) -> bool:
        """`is_included` of a file named `name`."""
        return _compiled_include(self.include).match(name.lower()) is not None


def check_docs_url(template: str) -> str | None:
    """What is wrong with a `docs-url` template (None: nothing): an absolute URL naming `{code}`."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$", template):
        return f"'{template}' is not an absolute URL (https://...)"
    if "{code}" not in template:
        return f"'{template}' does not say where the rule's code goes: put {{code}} in it"
    return None


def _normal(path: str) -> bool:
    """Whether `Path(path).as_posix()` is `path` itself, told without parsing it (a run asks
    `relative` of every file, most of them outside the root, for globs to match)."""
    return (os.sep == "/" and path not in ("", ".") and "//" not in path and not path.startswith("./")
            and not path.endswith(("/", "/.")) and "/./" not in path)


@functools.lru_cache(maxsize=8)
def _absolute_root(root: Path) -> str:
    """An absolute root, normalised once: `relative` is asked for every file of a run."""
    return os.path.abspath(root)


class _Globs:
    """A set of `exclude` globs compiled once into one regex: `fnmatch` per glob and per file
    was a tenth of a large run's own overhead. Means exactly what `_glob_match` (and
    `fnmatch.fnmatch` of a name) over each glob means."""

    __slots__ = ("everything", "folders", "pattern")

    def __init__(self, globs: tuple[str, ...]) -> None:
        self.everything = any(glob in ("*", "**") for glob in globs)
        self.folders = tuple(f"{glob.rstrip('/')}/" for glob in globs if glob.rstrip("/"))
        alternatives = "|".join(f"(?:{fnmatch.translate(os.path.normcase(glob))})" for glob in globs)
        self.pattern = re.compile(alternatives) if globs else None

    def matches_name(self, name: str) -> bool:
        """Some glob matches `name` as `fnmatch.fnmatch` would."""
        return self.pattern is not None and self.pattern.match(os.path.normcase(name)) is not None

    def covers(self, relative: str) -> bool:
        """Some glob takes in the relative path: everything, a folder above it, or the whole path."""
        return self.everything or relative.startswith(self.folders) or self.matches_name(relative)


@functools.lru_cache(maxsize=8)
def _compiled_globs(globs: tuple[str, ...]) -> _Globs:
    return _Globs(globs)


@functools.lru_cache(maxsize=8)
def _compiled_include(globs: tuple[str, ...]) -> re.Pattern[str]:
    """The `include` globs, lowercased, as one regex (what `fnmatchcase` of each would match);
    one that matches nothing when there are none."""
    return re.compile("|".join(f"(?:{fnmatch.translate(glob.lower())})" for glob in globs) or r"(?!)")


def _glob_match(relative: str, glob: str) -> bool:
    if glob in ("*", "**"):
        return True
    folder = glob.rstrip("/")
    if folder and relative.startswith(folder + "/"):  # a folder: everything under it
        return True
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(relative.rsplit("/", 1)[-1], glob)


def read_facts(entry: tuple[str, Any], fail: Any) -> tuple[tuple[str, Facts], ...]:
    key, value = entry
    if not isinstance(value, dict):
        raise fail(key, f"'{key}' maps path globs to facts")
    result = []
    for glob, facts in value.items():
        if not isinstance(facts, dict):
            raise fail(key, f"facts for '{glob}' must be a mapping", glob)
        unknown = [k for k in facts if str(k).replace("-", "_") not in (*FACT_KEYS, *FLAG_FACT_KEYS)]
        if unknown:
            raise fail(key, f"unknown fact '{unknown[0]}' for '{glob}' (known: "
                            f"{', '.join(k.replace('_', '-') for k in FACT_KEYS)})", glob, unknown[0])
        facts = _typed_facts(facts, glob, key, fail)
        from certlint.analysis.dates.fiscal import fact_problem

        problem = fact_problem(facts)
        if problem is not None:
            raise fail(key, f"facts for '{glob}': {problem}", glob)
        result.append((str(glob), facts_from_mapping(facts)))
    return tuple(result)


def _typed_facts(facts: dict[Any, Any], glob: str, key: str, fail: Any) -> dict[Any, Any]:
    """Each fact a single value (`signers` a name or a list of names), checked where it is read:
    `company: [1, 2]` would otherwise reach the checks as the text "[1, 2]"."""
    typed = dict(facts)
    for name, value in facts.items():
        if str(name).replace("-", "_") == "signers":
            if isinstance(value, str):
                typed[name] = [value]
            elif value is not None and (not isinstance(value, list)
                                        or not all(isinstance(v, str | int) for v in value)):
                raise fail(key, f"fact 'signers' for '{glob}' must be a name or a list of names", glob, name)
        elif isinstance(value, list | dict | set):
            raise fail(key, f"fact '{name}' for '{glob}' must be a single value, not a "
                            f"{'list' if isinstance(value, list | set) else 'mapping'}", glob, name)
    return typed
