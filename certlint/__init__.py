"""certlint: a linter for SEC officer certifications (SOX 302 / 906 exhibits).

The library API is `certlint.lint` (paths) and `certlint.lint_text` (text with a name); both
return diagnostics and neither prints nor exits (see `certlint.api`). The names here are
imported on first use so that `certlint --version` and the language server pay only for what
they touch.
"""

# No import runs here, not even `from __future__` or `typing`: every entry point imports this
# package before `certlint.__main__` can take a Ctrl-C, so each millisecond here is one in which
# Ctrl-C would be a traceback. (mypy reads this TYPE_CHECKING as it reads typing's.)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from certlint.api import LintError, lint, lint_text
    from certlint.diagnostic import Diagnostic, Severity
    from certlint.document import BinaryFileError, DocumentError
    from certlint.engine.config import Config, ConfigError
    from certlint.ruleset import PackError

__version__ = "0.1.0"

#: Public name -> the module defining it.
_LAZY = {
    "lint": "certlint.api",
    "lint_text": "certlint.api",
    "LintError": "certlint.api",
    "Diagnostic": "certlint.diagnostic",
    "Severity": "certlint.diagnostic",
    "Config": "certlint.engine.config",
    "ConfigError": "certlint.engine.config",
    "PackError": "certlint.ruleset",
    "DocumentError": "certlint.document",
    "BinaryFileError": "certlint.document",
}

__all__ = ["BinaryFileError", "Config", "ConfigError", "Diagnostic", "DocumentError", "LintError",
           "PackError", "Severity", "__version__", "lint", "lint_text"]


def __getattr__(name: str) -> "Any":
    if name in _LAZY:
        return getattr(__import__(_LAZY[name], fromlist=[name]), name)
    raise AttributeError(f"module 'certlint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
