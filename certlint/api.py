"""The library API: lint a path, or text under a name, and get diagnostics back.

    >>> import certlint
    >>> for d in certlint.lint("exhibit-31.1.txt"):
    ...     print(d.line, d.column, d.code, d.message)

Neither function prints nor exits. Errors: OSError (unreadable file), BinaryFileError (not
text), DocumentError (bad front matter), PackError / ConfigError (bad rules or configuration).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from certlint.diagnostic import Diagnostic
from certlint.engine.config import Config
from certlint.engine.linter import Linter
from certlint.engine.setup import SetupOptions, build_linter


def make_linter(config: Config | None = None, rules: Sequence[str | Path] = (),
                today: date | None = None) -> Linter:
    """A linter over the built-in packs, the config's packs and `rules`."""
    return build_linter(SetupOptions(config=config or Config(), rules=tuple(Path(p) for p in rules),
                                     today=today))


def lint(path: str | Path, *, config: Config | None = None, rules: Sequence[str | Path] = (),
         today: date | None = None) -> list[Diagnostic]:
    """Diagnostics for the file at `path`, sorted by position."""
    return make_linter(config, rules, today).lint_file(str(path))


def lint_text(text: str, name: str = "<text>", *, config: Config | None = None,
              rules: Sequence[str | Path] = (), today: date | None = None) -> list[Diagnostic]:
    """Diagnostics for `text` read as the file `name` (its suffix picks the format)."""
    return make_linter(config, rules, today).lint_file(name, text=text)
