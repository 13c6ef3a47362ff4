"""The one way a run is set up: find and load the configuration, load the rule packs, build the linter.

Every entry point (the lint command, its subcommands, the language server, the library API and
each worker process of a parallel run) goes through `build_linter`, so that they agree on what a
configuration means and report a broken one with the same words.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from msgspec import Struct

from certlint.diagnostic import Severity
from certlint.engine.config import Config, ConfigError, check_docs_url
from certlint.engine.config_file import check_pack_names, discover, load_config
from certlint.engine.linter import Linter
from certlint.ruleset import Selection, load_ruleset


class SetupOptions(Struct, frozen=True):
    """Where the configuration comes from and what the caller (the command line) adds to it."""

    #: An explicit config file, a configuration already loaded, or None to discover one.
    config: Path | Config | None = None
    #: Ignore config files: the defaults, rooted at the current folder.
    isolated: bool = False
    #: Where discovery starts walking up (default: the current folder).
    start: Path | None = None
    #: The root when no config file is found (default: the current folder).
    root: Path | None = None
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    suppress: bool | None = None
    report_unused_suppressions: bool | None = None
    today: date | None = None
    #: False: folder walks include what git ignores (`--no-respect-gitignore`).
    respect_gitignore: bool | None = None
    #: True: lint documents that make no certification statement too (`--all-documents`).
    all_documents: bool | None = None
    #: A `docs-url` template given on the command line (checked like the config's).
    docs_url: str | None = None
    #: Keep the packs the config disables loaded (to list them), though none of their rules run.
    keep_disabled_packs: bool = False


def config_path(options: SetupOptions) -> Path | None:
    """The config file a run with these options reads (None: the defaults)."""
    if isinstance(options.config, Config):
        return None
    if options.config is not None:
        if not options.config.is_file():
            raise ConfigError(f"{options.config}: config file not found")
        return options.config
    return None if options.isolated else discover(options.start)


def load_effective_config(options: SetupOptions) -> Config:
    """The configuration of a run: the file's (or the defaults), with the caller's overrides."""
    if isinstance(options.config, Config):
        config = options.config
    else:
        path = config_path(options)
        config = Config(root=options.root) if path is None and options.root is not None else load_config(path)
    if options.fail_on is not None:
        config = replace(config, fail_on=options.fail_on)
    if options.suppress is not None:
        config = replace(config, suppress=options.suppress)
    if options.report_unused_suppressions is not None:
        config = replace(config, report_unused_suppressions=options.report_unused_suppressions)
    if options.respect_gitignore is not None:
        config = replace(config, respect_gitignore=options.respect_gitignore)
    if options.all_documents is not None:
        config = replace(config, all_documents=options.all_documents)
    if options.docs_url is not None:
        problem = check_docs_url(options.docs_url)
        if problem is not None:
            raise ConfigError(f"--docs-url: {problem}")
        config = replace(config, docs_url=options.docs_url)
    return config


def build_linter(options: SetupOptions | None = None) -> Linter:
    """Config, rule packs and selection of a run, as one linter.

    Raises ConfigError or PackError, each one line naming the file at fault.
    """
    options = options or SetupOptions()
    config = load_effective_config(options)
    for path in options.rules:
        if not path.exists():
            raise ConfigError(f"{path}: rule pack not found")
    packs = [*config.rules, *options.rules]
    ruleset = load_ruleset(packs, disabled_packs=() if options.keep_disabled_packs else config.disable_packs)
    check_pack_names(config, packs)
    from certlint.engine.selectors import check_selectors

    command_line = {"--select": options.select or (), "--extend-select": options.extend_select,
                    "--ignore": options.ignore}
    check_selectors(config, command_line, ruleset.codes(),
                    lambda: load_ruleset(packs).codes() if config.disable_packs else ruleset.codes())
    selection = Selection(
        options.select if options.select else config.select,
        (*config.extend_select, *options.extend_select),
        (*config.ignore, *options.ignore),
    )
    return Linter(ruleset, config, selection, today=options.today)
