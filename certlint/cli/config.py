"""`certlint config [options]`: the effective configuration, and where each value came from.

Takes the lint command's options (--config, --isolated, --select, --ignore, --rules, --fail-on,
...) so that it shows exactly what a lint run with them would use. One line per value,
`key = value  # origin`, the origin being `default`, `FILE:LINE` or `command line`; per-glob
tables (per-file-ignores, facts) follow as `[table."glob"]` sections. Exit 0, or 2 with a
one-line error for a bad config.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any, TextIO


def main(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    from certlint.cli.lint import EXIT_CLEAN, EXIT_ERROR, build_parser
    from certlint.cli.options import setup_options
    from certlint.cli.parsing import parse
    from certlint.document.facts import FACT_KEYS, FLAG_FACT_KEYS
    from certlint.engine.config import ConfigError
    from certlint.engine.setup import build_linter, config_path
    from certlint.ruleset import PackError

    parser = build_parser()
    parser.prog, parser.usage, parser.epilog = "certlint config", None, None
    parser.description = "Show the effective configuration and where each value came from."
    args = parse(parser, argv, stdout, stderr)
    if isinstance(args, int):
        return args
    try:
        options = setup_options(args, keep_disabled_packs=True,
                                respect_gitignore=None if args.respect_gitignore else False,
                                all_documents=args.all_documents, docs_url=args.docs_url)
        path = config_path(options)
        linter = build_linter(options)
        config, all_packs = linter.config, linter.ruleset.packs
        extra = [*config.rules, *args.rules]
    except (ConfigError, PackError) as exc:
        stderr.write(f"certlint: error: {exc}\n")
        return EXIT_ERROR
    origins = dict(config.origins)
    if path is not None:  # show the config file as the user would type it
        shown = os.path.relpath(path)
        origins = {k: shown + v.removeprefix(str(path)) for k, v in origins.items()}
    origin = origins.get

    def both(name: str, given: bool) -> str:
        sources = [s for s in (origin(name), "command line" if given else None) if s]
        return ", ".join(sources) or "default"

    rows: list[tuple[str, Any, str]] = [
        ("config", os.path.relpath(path) if path else None,
         "command line" if args.config else "command line (--isolated)" if args.isolated
         else ("found from the current folder" if path else "default: none found")),
        ("root", str(config.root), "the config file's folder" if path else "the current folder"),
        ("select", list(args.select) if args.select else _list(config.select) or _Raw("(every enabled rule)"),
         "command line" if args.select else origin("select", "default")),
        ("extend-select", [*config.extend_select, *args.extend_select],
         both("extend-select", bool(args.extend_select))),
        ("ignore", [*config.ignore, *args.ignore], both("ignore", bool(args.ignore))),
        ("rules", [str(p) for p in extra], both("rules", bool(args.rules))),
        ("include", list(config.include), origin("include", "default")),
        ("exclude", list(config.exclude), " + ".join(
            [origin("exclude", "default"),
             *([f"extend-exclude at {origin('extend-exclude')}"] if origin("extend-exclude") else [])])),
        ("force-exclude", config.force_exclude, origin("force-exclude", "default")),
        ("respect-gitignore", config.respect_gitignore, "command line" if not args.respect_gitignore
         else origin("respect-gitignore", "default")),
        ("all-documents", config.all_documents, "command line" if args.all_documents
         else origin("all-documents", "default")),
        ("docs-url", config.docs_url, "command line" if args.docs_url else origin("docs-url", "default")),
        ("fail-on", args.fail_on or config.fail_on.value,
         "command line" if args.fail_on else origin("fail-on", "default")),
        ("filings", config.filings, origin("filings", "default")),
        ("filing-id", config.filing_id.pattern if config.filing_id else _Raw("(the folder)"),
         origin("filing-id", "default")),
        ("disable-packs", list(config.disable_packs), " + ".join(
            [origin("disable-packs", "default"),
             *([f"packs at {origin('packs')}"] if origin("packs") else [])])),
    ]
    width = min(40, max(len(f"{key} = {_value(value)}") for key, value, _ in rows))
    for key, value, source in rows:
        stdout.write(f"{f'{key} = {_value(value)}':<{width}}  # {source}\n")
    disabled = set(config.disable_packs)
    stdout.write("\n[packs]\n")
    for pack in all_packs:
        state = pack.name not in disabled
        where = origin(f"packs.{pack.name}") or (origin("disable-packs", "default") if not state
                                                 else "default")
        kind = "built-in" if pack.builtin else pack.path
        stdout.write(f"{_key(pack.name)} = {json.dumps(state)}  # {where}; {kind}\n")
    if config.per_file_ignores:
        stdout.write("\n[per-file-ignores]\n")
    for glob, codes in config.per_file_ignores:
        stdout.write(f"{_key(glob)} = {_value(list(codes))}  # {origin('per-file-ignores.' + glob)}\n")
    for glob, facts in config.facts:
        stdout.write(f"\n[facts.{_key(glob)}]  # {origin('facts.' + glob, 'default')}\n")
        for name in (*FACT_KEYS, *FLAG_FACT_KEYS):
            value = getattr(facts, name)
            if value or value is False:
                stdout.write(f"{name.replace('_', '-')} = {_value(value)}\n")
        for name, value in facts.extra.items():
            stdout.write(f"{name.replace('_', '-')} = {_value(value)}\n")
    return EXIT_CLEAN


class _Raw(str):
    """A value shown as is, not as JSON."""


def _list(value: Sequence[str] | None) -> list[str] | None:
    return None if value is None else list(value)


def _value(value: Any) -> str:
    if isinstance(value, _Raw):
        return str(value)
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else json.dumps(key)
