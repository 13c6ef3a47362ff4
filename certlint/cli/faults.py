"""Faults around a run that must still end in one line and an exit status, never a traceback.

Ctrl-C ends a run with "certlint: interrupted" and 130 (128 + SIGINT, what a shell reports),
and a file name that is not valid UTF-8 (surrogate-escaped by Python) is written back as the
bytes it was, whatever the locale makes of the terminal's encoding.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from typing import TextIO

EXIT_INTERRUPTED = 130


def write_names_as_bytes(*streams: TextIO) -> None:
    """Let the real stdout/stderr write surrogate-escaped names as their original bytes (as
    Python does in the C locale) instead of raising UnicodeEncodeError."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="surrogateescape")


def guarded(run: Callable[[], int], err: TextIO) -> int:
    """`run()`, with Ctrl-C turned into one line on stderr and exit status 130."""
    try:
        return run()
    except BaseException as exc:
        if not caused_by_ctrl_c(exc):
            raise
        say_interrupted(err)
        return EXIT_INTERRUPTED


def caused_by_ctrl_c(exc: BaseException) -> bool:
    """A KeyboardInterrupt, or an error raised because of one: Python 3.11 turns a Ctrl-C that
    lands in a descriptor's `__set_name__` (a class body with a `cached_property`, met while
    importing) into "RuntimeError: Error calling __set_name__", the interrupt as its cause."""
    seen: BaseException | None = exc
    for _ in range(32):  # a chain is short; the bound only guards against a cycle
        if seen is None:
            return False
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def say_interrupted(err: TextIO | None) -> None:
    """Write "certlint: interrupted" to a stream that may be closed or missing (`2>&-`)."""
    try:
        if err is not None:
            err.write("certlint: interrupted\n")
            err.flush()
    except (OSError, ValueError):
        pass


def missing_reason(path: str) -> str:
    """Why a path named on the command line cannot be found, in the words for it."""
    if os.path.islink(path):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link loop (it leads back to itself)"
        return f"a broken symbolic link (to '{os.readlink(path)}', which does not exist)"
    return "no such file or folder"
