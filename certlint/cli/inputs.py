"""What a lint run reads besides its paths: a buffer on stdin, and whether .gitignore counts.

`certlint - --stdin-filename NAME` lints stdin as if it were the file NAME, for editor plugins
that pipe the buffer (ALE, nvim-lint, flycheck, efm-langserver): NAME's suffix picks the format,
the configuration is found walking up from NAME's folder (as the language server does), and
diagnostics carry NAME as their path. `--stdin-filename NAME` without a path reads stdin too
(ruff's spelling); a bare `-` is reported as `-` and its format is told from its content.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from certlint.engine.linter import Linter, LintResult

STDIN = "-"


class InputError(Exception):
    """A command line that reads stdin with an option that cannot apply to it."""


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="lint stdin (the path `-`) as the file NAME: its suffix picks the format, "
                             "its folder the config, and diagnostics name it")
    parser.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                        help="walk into what git ignores (.gitignore, .git/info/exclude) too")
    parser.add_argument("--all-documents", action="store_true", default=None,
                        help="lint every document, also those that make no certification statement "
                             "(a README, a press release, the 10-K body), which are otherwise passed "
                             "over (-v names them)")


def stdin_name(args: argparse.Namespace) -> str | None:
    """The name stdin is linted under, or None when the run reads no stdin.

    Raises InputError for `-` beside other paths and for options that write files (a buffer on
    stdin has no file to fix or record).
    """
    paths = list(args.paths)
    if STDIN not in paths and not (args.stdin_filename and not paths):
        if args.stdin_filename:
            raise InputError("--stdin-filename names stdin: give `-` as the only path")
        return None
    if paths not in ([], [STDIN]):
        raise InputError("`-` (stdin) must be the only path")
    refused = [option for option, given in (("--fix", args.fix), ("--diff", args.diff),
                                            ("--write-baseline", args.write_baseline),
                                            ("--filings", args.filings), ("--staged", args.staged))
               if given]
    if refused:
        raise InputError(f"{refused[0]} does not apply to stdin")
    return str(args.stdin_filename or STDIN)


def discovery_start(name: str | None) -> Path | None:
    """Where config discovery starts for a run: stdin's folder, else the current folder."""
    return None if name is None else Path(name).parent


def lint_stdin(linter: Linter, name: str, stream: BinaryIO | None = None) -> tuple[LintResult, str | None]:
    """Diagnostics for the bytes on stdin read as the file `name`, as a run over that file, and
    the text they were read as (None when they are not text), where fixes are worked out."""
    from certlint.document import BinaryFileError, DocumentError, read_documents
    from certlint.document.decode import decode
    from certlint.engine.linter import LintResult, drop_passed_over

    data = (stream or sys.stdin.buffer).read()
    result = LintResult(paths=[name])
    if linter.config.is_force_excluded(Path(name)):
        return result, None
    try:
        docs = read_documents(name, data=data)
        text = decode(data).text
    except BinaryFileError as exc:
        result.skipped.append(f"{name}: skipped ({exc})")
        return result, None
    except DocumentError as exc:
        result.errors.append(f"{name}: {exc}")
        return result, None
    diagnostics = [d for doc in docs for d in linter.lint_document(doc)]
    result.diagnostics = linter.finish_file(docs, diagnostics)
    result.not_certifications.extend(linter.take_not_certifications())
    return drop_passed_over(result), text
