"""Faults around a run that must still end in one line and an exit status, never a traceback.

Ctrl-C ends a run with "certlint: interrupted" and 130 (128 + SIGINT, what a shell reports),
and a file name that is not valid UTF-8 (surrogate-escaped by Python) is written back as the
bytes it was, whatever the locale makes of the terminal's encoding.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable
from typing import TextIO

EXIT_ERROR, EXIT_INTERRUPTED = 2, 130
#: What Python's ValueError says of a path no file can have.
_BAD_NAME = ("embedded null byte", "has an empty name")


def write_names_as_bytes(*streams: TextIO) -> None:
    """Let the real stdout/stderr write surrogate-escaped names as their original bytes (as
    Python does in the C locale) instead of raising UnicodeEncodeError."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="surrogateescape")


def guarded(run: Callable[[], int], err: TextIO) -> int:
    """`run()`, with Ctrl-C turned into one line on stderr and exit status 130, and an output
    that cannot be written (a full disk, a closed stdout) or a file name the system refuses
    (too long, a NUL in it) into one error line and exit 2."""
    try:
        return run()
    except BrokenPipeError:
        raise  # the reader went away: each command stops quietly, as grep does
    except OSError as exc:  # what a command did not expect of a file: one line naming it
        if exc.filename is None:  # a stream: stdout
            _discard_stdout()
        where = "cannot write the output" if exc.filename is None else os.fsdecode(exc.filename)
        err.write(f"certlint: error: {where}: {exc.strerror or exc}\n")
        return EXIT_ERROR
    except ValueError as exc:  # a name the OS cannot take ("embedded null byte", "an empty name")
        if not any(words in str(exc) for words in _BAD_NAME):
            raise
        err.write(f"certlint: error: not a possible file name: {exc}\n")
        return EXIT_ERROR
    except BaseException as exc:
        if not caused_by_ctrl_c(exc):
            raise
        say_interrupted(err)
        return EXIT_INTERRUPTED


class ClosedOutput(io.TextIOBase):
    """Standard output when it is closed (`certlint ... >&-`, sys.stdout is None): a write is the
    error a write to a closed descriptor is, reported by `guarded`; a run writing nothing is fine."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _discard_stdout() -> None:
    """After a failed write, send what is still buffered for stdout nowhere, or Python's own exit
    would fail on it again ("Exception ignored ... OSError", exit 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


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
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return "a name too long for the file system"
    except ValueError:  # a NUL in the name
        return "not a possible file name (it holds a NUL character)"
    return "no such file or folder"
