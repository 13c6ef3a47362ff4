"""The command line: `certlint [options] PATH...` and its subcommands.

`certlint.cli:main` is the console script; the lint command lives in `cli.lint`, each subcommand
in a module of its own.
"""

from __future__ import annotations

from certlint.cli.lint import main

__all__ = ["main"]
