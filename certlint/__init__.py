"""certlint: a linter for SEC officer certifications (SOX 302 / 906 exhibits).

The library API is `certlint.lint` (paths) and `certlint.lint_text` (text with a name); both
return diagnostics and neither prints nor exits (see `certlint.api`). The names here are
imported on first use so that `certlint --version` and the language server pay only for what
they touch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'certlint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
