"""The library API: lint paths, or text under a name, and get diagnostics back.

    >>> import certlint
    >>> for d in certlint.lint("filings/"):
    ...     print(d.path, d.line, d.column, d.code, d.message)

The same run as the command line: `lint(paths)` is `certlint PATH...` (the configuration found
walking up from the current folder, folders walked with its include / exclude, repository mode
when it says `filings = true`), `lint_text(text, name)` is `certlint - --stdin-filename NAME`
(the configuration found from NAME's folder). `config` may instead be a config file or a
`Config`; `isolated=True` uses the defaults. As on the command line, a document that makes no
certification statement (a README, a press release) gets no diagnostics unless
`all_documents=True` (or `all-documents = true` in the configuration). Both go through
`certlint.engine.setup.build_linter`.

Neither function prints nor exits. Errors: OSError (a missing or unreadable file),
BinaryFileError (a file named explicitly that is not text; one found in a folder is skipped, as
the command line does), DocumentError (bad front matter), PackError / ConfigError (bad rules or
configuration), LintError (files that could not be read in repository mode).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from certlint.diagnostic import Diagnostic
from certlint.document import BinaryFileError
from certlint.engine.config import Config
from certlint.engine.linter import Linter, iter_files
from certlint.engine.setup import SetupOptions, build_linter

PathLike = str | os.PathLike[str]


class LintError(Exception):
    """Files a repository-mode run could not read; `messages` names each, as the CLI prints them."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def make_linter(config: Config | PathLike | None = None, rules: Iterable[PathLike] = (),
                today: date | None = None, *, isolated: bool = False, start: Path | None = None,
                select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                ignore: Sequence[str] = (), all_documents: bool | None = None) -> Linter:
    """The linter a command line with these options would build (config discovery from `start`,
    default the current folder, unless `config` is given or `isolated`)."""
    given = config if config is None or isinstance(config, Config) else Path(config)
    return build_linter(SetupOptions(
        config=given, isolated=isolated, start=start, rules=tuple(Path(p) for p in rules), today=today,
        select=tuple(code.upper() for code in select) if select else None,
        extend_select=tuple(code.upper() for code in extend_select),
        ignore=tuple(code.upper() for code in ignore), all_documents=all_documents))


def lint(paths: PathLike | Iterable[PathLike], *, config: Config | PathLike | None = None,
         isolated: bool = False, rules: Iterable[PathLike] = (), select: Sequence[str] | None = None,
         extend_select: Sequence[str] = (), ignore: Sequence[str] = (), filings: bool | None = None,
         all_documents: bool | None = None, today: date | None = None) -> list[Diagnostic]:
    """Diagnostics for files and folders, sorted by path and position, as `certlint PATH...`
    reports them. `filings` forces repository mode on or off, `all_documents` the linting of
    documents that make no certification statement (default: as configured; off)."""
    names = [os.fspath(paths)] if isinstance(paths, str | os.PathLike) else [os.fspath(p) for p in paths]
    linter = make_linter(config, rules, today, isolated=isolated, select=select,
                         extend_select=extend_select, ignore=ignore, all_documents=all_documents)
    for name in names:
        if not os.path.exists(name):
            raise FileNotFoundError(2, "no such file or folder", name)
    if linter.config.filings if filings is None else filings:
        from certlint.engine.filings import lint_filings

        result = lint_filings(linter, names)[0]
        if result.errors:
            raise LintError(result.errors)
        return result.diagnostics
    diagnostics: list[Diagnostic] = []
    for name in names:
        walked = os.path.isdir(name)
        for path in iter_files([name], linter.config):
            try:
                diagnostics.extend(linter.lint_file(path))
            except BinaryFileError:
                if not walked:
                    raise
    return sorted(diagnostics, key=lambda d: d.sort_key)


def lint_text(text: str, name: str = "<text>", *, config: Config | PathLike | None = None,
              isolated: bool = False, rules: Iterable[PathLike] = (), select: Sequence[str] | None = None,
              extend_select: Sequence[str] = (), ignore: Sequence[str] = (),
              all_documents: bool | None = None, today: date | None = None) -> list[Diagnostic]:
    """Diagnostics for `text` read as the file `name`: its suffix picks the format, its folder is
    where the configuration is looked for (a bare name: the current folder). A text that makes
    no certification statement gets none unless `all_documents` (or the configuration) says so."""
    linter = make_linter(config, rules, today, isolated=isolated, start=Path(name).parent, select=select,
                         extend_select=extend_select, ignore=ignore, all_documents=all_documents)
    return linter.lint_text(name, text)
