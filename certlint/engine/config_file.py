"""Reading the configuration: `[tool.certlint]` in pyproject.toml or `.certlint.yaml`.

Found by walking up from the current folder (the first folder holding either wins; the YAML file
wins within a folder), or given with `--config`. Keys use '-' or '_'. Unknown keys are errors
naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from certlint.diagnostic import Severity
from certlint.document.facts import PATH_GROUPS
from certlint.engine.config import (
    CONFIG_FILES,
    DEFAULT_EXCLUDE,
    KNOWN_KEYS,
    LIST_KEYS,
    Config,
    ConfigError,
    check_docs_url,
    read_facts,
)
from certlint.engine.toml_lines import key_lines


def discover(start: Path | None = None) -> Path | None:
    """The nearest config file walking up from `start` (default: the current folder).

    A pyproject.toml counts when its TOML has a `tool.certlint` table, however it is written
    (`[tool.certlint]`, `certlint.select = ...` under `[tool]`, an inline table). One that is not
    valid TOML is an error naming file:line when it seems to configure certlint, since skipping
    it would lint with the defaults in silence; otherwise it is not certlint's and is passed by.
    """
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _configures_certlint(path)):
                return path
    return None


#: How a broken pyproject.toml shows it meant to configure certlint: `[tool.certlint...` or a
#: dotted `tool.certlint` key (`[tool]` then `certlint.x = ...` needs the TOML to be read).
_MENTIONS_CERTLINT = re.compile(r"""^\s*\[?\s*tool\s*\.\s*["']?certlint\b""", re.M)


def _configures_certlint(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        # It may hold [tool.certlint]: linting with the defaults instead would pass silently.
        raise ConfigError(f"{path}: cannot read config: {unreadable(exc)}") from None
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        if _MENTIONS_CERTLINT.search(text):
            raise _toml_error(path, text, exc) from None
        return False
    return isinstance(tool, dict) and "certlint" in tool


def _toml_error(path: Path, text: str, exc: Exception) -> ConfigError:
    """`FILE:LINE: invalid TOML: ...` from tomllib's message, which holds the position."""
    message = str(exc)
    at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if at:
        line, message = int(at.group(1)), f"{message[:at.start()]} (column {at.group(2)})"
    else:  # "(at end of document)"
        line, message = max(1, len(text.splitlines())), message.replace(" (at end of document)", "")
        message += " (at the end of the file)"
    return ConfigError(f"{path}:{line}: invalid TOML: {message}")


def unreadable(exc: OSError | UnicodeDecodeError) -> str:
    """Why a config file cannot be read, in words."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
    return exc.strerror or str(exc)


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
        raise ConfigError(f"{path}: cannot read config: {unreadable(exc)}") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _toml_error(path, text, exc) from None
        found = key_lines(text)
        tool = data.get("tool", {})
        values = tool.get("certlint", {}) if isinstance(tool, dict) else {}
        if not isinstance(values, dict):
            line = found.get(("tool", "certlint"), 1)
            raise ConfigError(f"{path}:{line}: 'tool.certlint' must be a table of settings")

        def locate_toml(*keys: Any) -> int:
            at = ("tool", "certlint", *(str(k) for k in keys))
            while at and at not in found:
                at = at[:-1]
            return found.get(at, 1)

        return values, locate_toml
    from certlint.engine.config_yaml import read_yaml

    return read_yaml(path, text)


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
    for name in LIST_KEYS:
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
        options["facts"] = read_facts(normal["facts"], fail)
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
    if "docs-url" in normal:
        key, value = normal["docs-url"]
        problem = check_docs_url(value) if isinstance(value, str) else f"'{key}' must be a URL"
        if problem is not None:
            raise fail(key, f"'{key}': {problem}")
        options["docs_url"] = value
    for name in ("force-exclude", "respect-gitignore", "all-documents"):
        if name in normal:
            key, value = normal[name]
            if not isinstance(value, bool):
                raise fail(key, f"'{key}' must be true or false")
            options[name.replace("-", "_")] = value
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
