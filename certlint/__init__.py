"""certlint: a linter for SEC officer certifications (SOX 302 / 906 exhibits).

The library API is `certlint.lint` (a path) and `certlint.lint_text` (text with a name); both
return diagnostics and neither prints nor exits. They are imported on first use so that
`certlint --version` and the language server pay only for what they touch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from certlint.api import lint, lint_text

__version__ = "0.1.0"

__all__ = ["__version__", "lint", "lint_text"]


def __getattr__(name: str) -> Any:
    if name in ("lint", "lint_text"):
        from certlint import api

        return getattr(api, name)
    raise AttributeError(f"module 'certlint' has no attribute {name!r}")
