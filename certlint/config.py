"""Project configuration: `[tool.certlint]` in pyproject.toml or `.certlint.yaml`.

Found by walking up from the current folder (the first folder holding either wins; the YAML file
wins within a folder), or given with `--config`. Keys use '-' or '_'. Unknown keys are errors
naming the file and line. Paths and globs are relative to the config file's folder.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from certlint.diagnostic import Severity
from certlint.facts import EXTRA_FACT_KEYS, FACT_KEYS, Facts, facts_from_mapping

CONFIG_FILES = (".certlint.yaml", ".certlint.yml", "pyproject.toml")

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.htm", "*.html")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".env", "env", "node_modules",
                   "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
                   "build", "dist", "*.egg-info", "site-packages")

_LIST_KEYS = ("select", "extend-select", "ignore", "rules", "include", "exclude", "extend-exclude",
              "disable-packs")
KNOWN_KEYS = frozenset((*_LIST_KEYS, "fail-on", "facts", "per-file-ignores"))


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file (and line)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The effective configuration of a run (file values, then command-line overrides)."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    disable_packs: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    fail_on: Severity = Severity.INFO
    facts: tuple[tuple[str, Facts], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def relative(self, path: str) -> str:
        """A path relative to the config root, with '/' separators (what globs match)."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def facts_for(self, path: str) -> Facts:
        """The configured facts for a path: every matching glob, later ones winning."""
        relative = self.relative(path)
        merged = Facts()
        for glob, facts in self.facts:
            if _glob_match(relative, glob):
                merged = facts.merged_over(merged)
        return merged

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        relative = self.relative(path)
        return tuple(code for glob, codes in self.per_file_ignores if _glob_match(relative, glob)
                     for code in codes)

    def is_excluded(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, glob) for glob in self.exclude)

    def is_included(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, glob) for glob in self.include)


def _glob_match(relative: str, glob: str) -> bool:
    if glob in ("*", "**"):
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

        def locate_toml(key: str) -> int:
            match = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
            section = re.search(r"^\[tool\.certlint", text, re.M)
            if match is None and section is None:
                return 1
            return text.count("\n", 0, (match or section).start()) + 1  # type: ignore[union-attr]

        return values, locate_toml
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(f"{path}:{line}: invalid YAML: {exc.problem}") from None
    values = yaml.SafeLoader("").construct_document(root) if root is not None else {}
    if not isinstance(values, dict):
        raise ConfigError(f"{path}:1: the config is a mapping of keys to values")
    lines = {}
    if isinstance(root, yaml.MappingNode):
        lines = {k.value: k.start_mark.line + 1 for k, _ in root.value}

    def locate_yaml(key: str) -> int:
        return int(lines.get(key, 1))

    return values, locate_yaml


def _build(values: Mapping[str, Any], path: Path, locate: Any) -> Config:
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{locate(key)}: {message}")

    normal: dict[str, Any] = {}
    for key, value in values.items():
        name = str(key).replace("_", "-")
        if name not in KNOWN_KEYS:
            raise fail(key, f"unknown config key '{key}' (known: {', '.join(sorted(KNOWN_KEYS))})")
        normal[name] = (key, value)
    root = path.parent.resolve()
    options: dict[str, Any] = {"root": root, "source": path}
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
    if "per-file-ignores" in normal:
        key, value = normal["per-file-ignores"]
        if not isinstance(value, dict):
            raise fail(key, f"'{key}' maps globs to lists of codes")
        options["per_file_ignores"] = tuple(
            (str(glob), tuple([codes] if isinstance(codes, str) else codes)) for glob, codes in value.items())
    return Config(**options)


def _facts(entry: tuple[str, Any], fail: Any) -> tuple[tuple[str, Facts], ...]:
    key, value = entry
    if not isinstance(value, dict):
        raise fail(key, f"'{key}' maps path globs to facts")
    result = []
    for glob, facts in value.items():
        if not isinstance(facts, dict):
            raise fail(key, f"facts for '{glob}' must be a mapping")
        unknown = [k for k in facts if str(k).replace("-", "_") not in (*FACT_KEYS, *EXTRA_FACT_KEYS)]
        if unknown:
            raise fail(key, f"unknown fact '{unknown[0]}' for '{glob}' (known: "
                            f"{', '.join(k.replace('_', '-') for k in FACT_KEYS)})")
        result.append((str(glob), facts_from_mapping(facts)))
    return tuple(result)
