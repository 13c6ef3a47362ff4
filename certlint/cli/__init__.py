"""The command line: `certlint [check] [options] PATH...` and its subcommands.

`certlint.__main__:main` is the console script (it catches a Ctrl-C during the imports too);
`cli.commands` picks the command, the lint command lives in `cli.lint`, each subcommand in a
module of its own.
"""

from __future__ import annotations

from certlint.cli.commands import main

__all__ = ["main"]
