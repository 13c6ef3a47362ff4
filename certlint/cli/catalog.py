"""The commands certlint knows, with a line each: what `certlint --help` lists.

Apart from `cli.commands` (which runs them) so that the lint command's parser can list them
without importing the module that imports it.
"""

from __future__ import annotations

#: Subcommands: name -> (module under certlint.cli with `main(argv, stdout, stderr) -> int`, summary).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("lint", "lint files and folders (the default command)"),
    "rules": ("rules", "list the rules of the active packs"),
    "explain": ("explain", "show a rule's description and example"),
    "config": ("config", "show the effective configuration and where each value came from"),
    "filings": ("filings", "show how documents are grouped into filings"),
    "facts": ("facts", "show what each certification says of its report, period and signers, and whence"),
    "report": ("report", "write a redline of each certification against its form, as a web page"),
    "lsp": ("lsp", "run the language server over stdio"),
    "help": ("commands", "show the help of certlint or of a command"),
}


def commands_epilog() -> str:
    """The list of commands, for `certlint --help`."""
    width = max(len(name) for name in SUBCOMMANDS)
    rows = [f"  {name:<{width}}  {summary}" for name, (_, summary) in SUBCOMMANDS.items()]
    return ("commands:\n" + "\n".join(rows) +
            "\n\n`certlint PATH...` is `certlint check PATH...`. A first word that is both a command\n"
            "and a file here, or a folder holding files to lint, is an error: `certlint check NAME`\n"
            "lints it, `certlint NAME --` runs the command. `certlint help COMMAND` shows a command's\n"
            "options.")
