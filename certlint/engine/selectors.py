"""Every code prefix a run is given must name at least one rule, as ruff insists.

A typo in `--select CL31` (for CL301) would otherwise select nothing and let a CI step lint
nothing and pass; in `--ignore` it would leave on what was meant to be off. Prefixes are checked
against every loaded pack, including the ones the config disables (their codes are real), and
certlint's own codes (CL0xx).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from certlint.engine.config import ConfigError
from certlint.ruleset.codes import META_CODES

if TYPE_CHECKING:
    from collections.abc import Callable

    from certlint.engine.config import Config


def unknown(prefixes: Iterable[str], codes: frozenset[str]) -> list[str]:
    """The prefixes that no code starts with, in order."""
    return [p for p in dict.fromkeys(prefixes) if not any(code.startswith(p) for code in codes)]


def check_selectors(config: Config, command_line: dict[str, tuple[str, ...]], loaded: frozenset[str],
                    all_codes: Callable[[], frozenset[str]]) -> None:
    """Raise ConfigError for the first prefix (command line first, then config) naming no code.

    `command_line` maps an option ("--select") to its prefixes; `loaded` are the codes of the
    run's packs and `all_codes()` those of every pack, disabled ones too (called only when a
    prefix names none of `loaded`, since it loads the disabled packs)."""
    config_lists: dict[str, tuple[str, ...]] = {
        "select": config.select or (), "extend-select": config.extend_select, "ignore": config.ignore,
        **{f"per-file-ignores.{glob}": codes for glob, codes in config.per_file_ignores},
    }
    given = [p for prefixes in (*command_line.values(), *config_lists.values()) for p in prefixes]
    if not unknown(given, loaded | META_CODES):
        return
    codes = all_codes() | META_CODES
    for option, prefixes in command_line.items():
        for prefix in unknown(prefixes, codes):
            raise ConfigError(f"{option}: unknown code or prefix '{prefix}' (no rule's code starts "
                              f"with it; see `certlint rules`)")
    for key, prefixes in config_lists.items():
        for prefix in unknown(prefixes, codes):
            where = config.origins.get(key) or config.origins.get(key.split(".")[0]) \
                or str(config.source or "config")
            raise ConfigError(f"{where}: unknown code or prefix '{prefix}' in '{key.split('.')[0]}' "
                              "(no rule's code starts with it; see `certlint rules`)")
