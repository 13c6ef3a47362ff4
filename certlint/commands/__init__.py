"""Subcommands of the CLI (`certlint rules`, `certlint explain CODE`, ...).

Each is a module with `main(argv, stdout, stderr) -> int`, listed in `cli.SUBCOMMANDS`.
"""
