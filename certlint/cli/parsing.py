"""The argument parser every certlint command uses: no abbreviations, suggestions for typos.

argparse accepts any unambiguous prefix of an option (`--sel` for `--select`), so a later option
sharing the prefix would silently change what an old command line means; `allow_abbrev=False`
keeps command lines stable. A mistyped option (`--selct`) gets the nearest real one in its error.
Help and errors go to the streams the command was given, not to sys.stdout / sys.stderr, so that
`main(argv, stdout, stderr)` is complete.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, TextIO

_UNKNOWN = re.compile(r"^unrecognized arguments: (.*)$")


class Parser(argparse.ArgumentParser):
    """argparse without prefix matching, with "did you mean" for an unknown option."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        self._declaring = False
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._declaring = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._declaring = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        """argparse checks each option's metavar with a formatter, whose default width is the
        terminal's (`shutil`, imported for it, is milliseconds of every run's start): a check
        needs no width, help and usage get the terminal's."""
        if self._declaring:
            return argparse.HelpFormatter(prog=self.prog, width=80)
        return super()._get_formatter()

    def error(self, message: str) -> Any:  # argparse's signature: it never returns
        hint = suggestion(message, self.known_options())
        super().error(message + hint)

    def known_options(self) -> list[str]:
        return [option for action in self._actions for option in action.option_strings
                if option.startswith("--")]


def suggestion(message: str, options: Sequence[str]) -> str:
    """" (did you mean --select?)" for the first unknown option of an argparse error, or ""."""
    match = _UNKNOWN.match(message)
    if not match:
        return ""
    import difflib  # only for a mistyped option

    for word in match.group(1).split():
        if not word.startswith("--"):
            continue
        close = difflib.get_close_matches(word.split("=", 1)[0], options, n=1, cutoff=0.6)
        if close:
            return f" (did you mean {close[0]}?)"
    return ""


def parse(parser: argparse.ArgumentParser, argv: Sequence[str], stdout: TextIO, stderr: TextIO,
          intermixed: bool = False) -> argparse.Namespace | int:
    """Parse `argv`; an int is the exit status argparse chose (0 after --help, 2 on an error)."""
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            if intermixed:
                return parser.parse_intermixed_args(list(argv))
            return parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
