"""Which command a command line runs: `certlint [check] PATH...`, a subcommand, or `help`.

The lint command is `certlint check PATH...`; `check` may be left out. A first word that names a
subcommand and is also a file or folder here is ambiguous, and a linter must not silently run
something else than the lint a CI step asked for: when linting that path would lint a file, it is
an error (exit 2) saying how to spell either meaning, as git does for a word that is both a
revision and a path:
`certlint check NAME` (or `certlint -- NAME`, or `./NAME`) lints it, `certlint NAME --` runs
the subcommand. `check` itself is always the command: either reading of it lints.
"""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

from certlint.cli.catalog import SUBCOMMANDS

EXIT_ERROR = 2


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run certlint; returns the exit status. Ctrl-C is one line and exit 130 in every command;
    file names that are not UTF-8 are written back as the bytes they are."""
    from certlint.cli.faults import ClosedOutput, guarded, write_names_as_bytes

    # A stream the shell closed (`>&-`, `2>&-`) is None: writing the results fails in words,
    # and there is nowhere to write errors.
    out: TextIO = stdout or sys.stdout or cast(TextIO, ClosedOutput())
    err: TextIO = stderr or sys.stderr or io.StringIO()
    write_names_as_bytes(*([sys.stdout] if stdout is None else []), *([sys.stderr] if stderr is None else []))

    def run() -> int:
        status = _dispatch(list(sys.argv[1:] if argv is None else argv), out, err)
        if not out.closed:  # (the language server closes its streams as it exits)
            out.flush()  # a full disk fails here, where it can be reported, not at Python's exit
        return status

    return guarded(run, err)


def _dispatch(args: list[str], out: TextIO, err: TextIO) -> int:
    from certlint.cli import lint

    if not args or args[0] not in SUBCOMMANDS:
        return lint.main(args, out, err)
    name, rest = args[0], args[1:]
    if rest[:1] == ["--"]:  # `certlint NAME --`: the command, whatever is here
        rest = rest[1:]
    elif name != "check" and holds_documents(name):
        kind = "folder" if Path(name).is_dir() else "file"
        err.write(f"certlint: error: '{name}' is both a command and a {kind} here; "
                  f"to lint the {kind}: certlint check {name}; to run the command: certlint {name} --\n")
        return EXIT_ERROR
    return run_command(name, rest, out, err)


def holds_documents(path: str) -> bool:
    """A file (always linted when named), or a folder in which a default walk finds a file to lint.

    A folder of other things (the `rules/` of YAML packs in certlint's own checkout) would lint
    nothing, so running the command there hides no finding.
    """
    if not Path(path).is_dir():
        return Path(path).exists()
    from certlint.engine.config import Config
    from certlint.engine.linter import iter_files

    return next(iter_files([path], Config()), None) is not None


def run_command(name: str, argv: list[str], out: TextIO, err: TextIO) -> int:
    """Run the command `name` (a key of SUBCOMMANDS) on its own arguments."""
    from certlint.cli import lint

    if name == "check":
        return lint.main(argv, out, err)
    if name == "help":
        return show_help(argv, out, err)
    command = importlib.import_module(f"certlint.cli.{SUBCOMMANDS[name][0]}")
    try:
        status: int = command.main(argv, out, err)
    except BrokenPipeError:
        return lint.reader_went_away()
    return status


def show_help(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """`certlint help [COMMAND]`: certlint's help, or the command's (its `--help`)."""
    if not argv:
        return run_command("check", ["--help"], out, err)
    name = argv[0]
    if name not in SUBCOMMANDS:
        err.write(f"certlint: error: unknown command '{name}' (commands: {', '.join(SUBCOMMANDS)})\n")
        return EXIT_ERROR
    if name == "help":
        out.write("usage: certlint help [COMMAND]\n\nShow the help of certlint, or of COMMAND.\n")
        return 0
    return run_command(name, ["--help"], out, err)
