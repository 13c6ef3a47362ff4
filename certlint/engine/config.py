"""Project configuration: `[tool.certlint]` in pyproject.toml or `.certlint.yaml`.

Found by walking up from the current folder (the first folder holding either wins; the YAML file
wins within a folder), or given with `--config`. Keys use '-' or '_'. Unknown keys are errors
naming the file and line. Paths and globs are relative to the config file's folder.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from certlint.diagnostic import Severity
from certlint.document.facts import (
    FACT_KEYS,
    FLAG_FACT_KEYS,
    PATH_GROUPS,
    FactError,
    Facts,
    facts_from_mapping,
    facts_from_path,
    path_facts_under,
)

CONFIG_FILES = (".certlint.yaml", ".certlint.yml", "pyproject.toml")

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.htm", "*.html", "*.docx")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".env", "env", "node_modules",
                   "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
                   "build", "dist", "*.egg-info", "site-packages")

_LIST_KEYS = ("select", "extend-select", "ignore", "rules", "include", "exclude", "extend-exclude",
              "disable-packs")
KNOWN_KEYS = frozenset((*_LIST_KEYS, "fail-on", "facts", "per-file-ignores", "filing-id", "filings"))


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file (and line)."""


#: Issue 8 (adoption): packs on/off; exclude applied to files named on the command line too.
KNOWN_KEYS |= {"packs", "force-exclude"}
#: Facts read from each document's path by a regex with named groups (company, form, period,
#: exhibit, filing): `company_form_period_exhibit.ext` repositories need no per-file facts.
KNOWN_KEYS |= {"facts-from-path"}


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
    fail_on: Severity = Severity.INFO
    facts: tuple[tuple[str, Facts], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Regex over a document's relative path naming its filing (default: its folder).
    filing_id: re.Pattern[str] | None = None
    #: Repository mode by default (what `--filings` turns on for one run).
    filings: bool = False
    facts_from_path: re.Pattern[str] | None = None

    def relative(self, path: str) -> str:
        """A path relative to the config root, with '/' separators (what globs match)."""
        absolute = os.path.abspath(path)
        root = os.path.abspath(self.root)
        if absolute == root or absolute.startswith(root + os.sep):
            return os.path.relpath(absolute, root).replace(os.sep, "/")
        return Path(path).as_posix()

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
        relative = self.relative(str(path))
        return any(fnmatch.fnmatch(path.name, glob) or _glob_match(relative, glob) for glob in self.exclude)

    def is_force_excluded(self, path: Path) -> bool:
        """With force-exclude: a file named on the command line that `exclude` covers."""
        if not self.force_exclude:
            return False
        parts = PurePosixPath(self.relative(str(path))).parts
        return self.is_excluded(path) or any(fnmatch.fnmatch(part, glob) for part in parts[:-1]
                                             for glob in self.exclude)

    def is_included(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, glob) for glob in self.include)


def _glob_match(relative: str, glob: str) -> bool:
    if glob in ("*", "**"):
        return True
    folder = glob.rstrip("/")
    if folder and relative.startswith(folder + "/"):  # a folder: everything under it
        return True
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(relative.rsplit("/", 1)[-1], glob)


def discover(start: Path | None = None) -> Path | None:
    """The nearest config file walking up from `start` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
                return path
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return re.search(r"^\[tool\.certlint[\].]", path.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path | None) -> Config:
    """Read and validate a config file; None gives the defaults rooted at the current folder."""
    if path is None:
        return Config()
    values, locate = _read(path)
    return _build(values, path, locate)


def _read(path: Path) -> tuple[Mapping[str, Any], Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        values = data.get("tool", {}).get("certlint", {})
        found = _toml_key_lines(text)

        def locate_toml(*keys: Any) -> int:
            at = ("tool", "certlint", *(str(k) for k in keys))
            while at and at not in found:
                at = at[:-1]
            return found.get(at, 1)

        return values, locate_toml
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(f"{path}:{line}: invalid YAML: {exc.problem}") from None
    try:
        values = yaml.SafeLoader("").construct_document(root) if root is not None else {}
    except ValueError as exc:  # a YAML date that does not exist: "period_end: 2023-02-30"
        raise ConfigError(f"{path}: invalid value: {exc}") from None
    if not isinstance(values, dict):
        raise ConfigError(f"{path}:1: the config is a mapping of keys to values")

    def locate_yaml(*keys: Any) -> int:
        node, line = root, 1
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                break
            match = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        return line

    return values, locate_yaml


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_TOML_DOTTED = rf"{_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*"
_TOML_HEADER = re.compile(rf"^\s*\[\[?\s*({_TOML_DOTTED})\s*\]")
_TOML_ASSIGN = re.compile(rf"^\s*({_TOML_DOTTED})\s*=")


def _toml_key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every table header and `key =` of a TOML text, by full key path.

    tomllib keeps no positions; this scan finds where a key was written so that errors can
    point at it. A key inside a one-line inline table is placed at its table's line.
    """
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = _TOML_HEADER.match(line)
        if header:
            table = _toml_split(header.group(1))
            found.setdefault(table, number)
            continue
        assign = _TOML_ASSIGN.match(line)
        if assign:
            found.setdefault((*table, *_toml_split(assign.group(1))), number)
    return found


def _toml_split(dotted: str) -> tuple[str, ...]:
    import json

    parts = re.findall(_TOML_KEY, dotted)
    return tuple(json.loads(p) if p.startswith('"') else p.strip("'") for p in parts)


def _build(values: Mapping[str, Any], path: Path, locate: Any) -> Config:
    def fail(key: str, message: str, *nested: Any) -> ConfigError:
        """An error at the line of `key` (or of a key nested in it: `fail(key, msg, glob)`)."""
        return ConfigError(f"{path}:{locate(key, *nested)}: {message}")

    normal: dict[str, Any] = {}
    for key, value in values.items():
        name = str(key).replace("_", "-")
        if name not in KNOWN_KEYS:
            raise fail(key, f"unknown config key '{key}' (known: {', '.join(sorted(KNOWN_KEYS))})")
        normal[name] = (key, value)
    root = path.parent.resolve()

    def where(*keys: Any) -> str:
        return f"{path}:{locate(*keys)}"

    origins = {name: where(key) for name, (key, _) in normal.items()}
    options: dict[str, Any] = {"root": root, "source": path, "origins": origins}
    for name in _LIST_KEYS:
        if name in normal:
            key, value = normal[name]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, f"'{key}' must be a list of strings")
            options[name.replace("-", "_")] = tuple(value)
    if "rules" in options:
        options["rules"] = tuple(root / p for p in options["rules"])
    if "extend_exclude" in options:
        options["exclude"] = (*options.get("exclude", DEFAULT_EXCLUDE), *options.pop("extend_exclude"))
    if "fail-on" in normal:
        key, value = normal["fail-on"]
        try:
            options["fail_on"] = Severity(str(value))
        except ValueError:
            raise fail(key, f"'{key}' must be one of error, warning, info") from None
    if "facts" in normal:
        options["facts"] = _facts(normal["facts"], fail)
    if "filings" in normal:
        key, value = normal["filings"]
        if not isinstance(value, bool):
            raise fail(key, f"'{key}' must be true or false")
        options["filings"] = value
    if "filing-id" in normal:
        key, value = normal["filing-id"]
        try:
            options["filing_id"] = re.compile(str(value))
        except re.error as exc:
            raise fail(key, f"bad regex in '{key}': {exc}") from None
    if "facts-from-path" in normal:
        options["facts_from_path"] = _path_pattern(normal["facts-from-path"], fail)
    if "per-file-ignores" in normal:
        options["per_file_ignores"] = _per_file_ignores(normal["per-file-ignores"], fail, where, origins)
    if "packs" in normal:
        options["packs"] = _packs(normal["packs"], fail, where, origins)
        wanted = {name for name, enabled in options["packs"] if enabled}
        unwanted = [name for name, enabled in options["packs"] if not enabled]
        given = [name for name in options.get("disable_packs", ()) if name not in wanted]
        options["disable_packs"] = tuple(dict.fromkeys([*given, *unwanted]))
    if "facts" in normal:
        origins.update({f"facts.{glob}": where(normal["facts"][0], glob) for glob, _ in options["facts"]})
    if "force-exclude" in normal:
        key, value = normal["force-exclude"]
        if not isinstance(value, bool):
            raise fail(key, f"'{key}' must be true or false")
        options["force_exclude"] = value
    return Config(**options)


def _per_file_ignores(entry: tuple[str, Any], fail: Any, where: Any,
                      origins: dict[str, str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """glob -> codes; codes are a list or a comma-separated string ("CL2, CL301")."""
    key, value = entry
    if not isinstance(value, dict):
        raise fail(key, f"'{key}' maps globs to lists of codes")
    result = []
    for glob, codes in value.items():
        if isinstance(codes, str):
            codes = codes.split(",")
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail(key, f"codes for '{glob}' must be a list of strings", glob)
        origins[f"per-file-ignores.{glob}"] = where(key, glob)
        result.append((str(glob), tuple(c.strip().upper() for c in codes if c.strip())))
    return tuple(result)


def _packs(entry: tuple[str, Any], fail: Any, where: Any,
           origins: dict[str, str]) -> tuple[tuple[str, bool], ...]:
    """pack name -> true (enabled) / false (disabled)."""
    key, value = entry
    if not isinstance(value, dict):
        raise fail(key, f"'{key}' maps pack names to true (enabled) or false (disabled)")
    result = []
    for name, enabled in value.items():
        if not isinstance(enabled, bool):
            raise fail(key, f"pack '{name}' must be true or false", name)
        origins[f"packs.{name}"] = where(key, name)
        result.append((str(name), enabled))
    return tuple(result)


def check_pack_names(config: Config, user_packs: Iterable[Path]) -> None:
    """Every pack named by `packs` / `disable-packs` exists: a typo would lint with the pack on."""
    named = [*(name for name, _ in config.packs), *config.disable_packs]
    if not named:
        return
    import yaml

    from certlint.ruleset.loader import builtin_pack_dir, pack_files

    known = set()
    for file in pack_files([builtin_pack_dir(), *user_packs]):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and "pack" in data:
            known.add(str(data["pack"]))
    for name in named:
        if name not in known:
            where = config.origins.get(f"packs.{name}") or config.origins.get("disable-packs") \
                or str(config.source)
            raise ConfigError(f"{where}: unknown pack '{name}' (known: {', '.join(sorted(known))})")


def _path_pattern(entry: tuple[str, Any], fail: Any) -> re.Pattern[str]:
    key, value = entry
    try:
        pattern = re.compile(str(value))
    except re.error as exc:
        raise fail(key, f"bad regex in '{key}': {exc}") from None
    unknown = sorted(set(pattern.groupindex) - set(PATH_GROUPS))
    if unknown or not pattern.groupindex:
        raise fail(key, f"'{key}' needs named groups among {', '.join(PATH_GROUPS)}"
                        + (f" (unknown: {', '.join(unknown)})" if unknown else ""))
    return pattern


def _facts(entry: tuple[str, Any], fail: Any) -> tuple[tuple[str, Facts], ...]:
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
        from certlint.analysis.dates.fiscal import fact_problem

        problem = fact_problem(facts)
        if problem is not None:
            raise fail(key, f"facts for '{glob}': {problem}", glob)
        result.append((str(glob), facts_from_mapping(facts)))
    return tuple(result)
