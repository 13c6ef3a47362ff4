"""The entry point of every command line: `python -m certlint`, the `certlint` console script and
the pre-commit hooks (which run that script).

Ctrl-C must end certlint with one line, "certlint: interrupted", and exit 130 wherever it lands,
including while Python is still importing certlint (the first third of a second of a run):
- importing this module holds Ctrl-C back until `main` runs (pip's script wrapper still works
  between the import and the call), and `main` imports the rest of certlint inside its `try`;
- a Ctrl-C that Python would print as "Exception ignored" and drop is raised again (`_dropped`);
- once the command has finished, a late Ctrl-C is ignored rather than raised into the exit.
What runs before this module (the interpreter's own start, the `import re` of pip's wrapper,
`certlint/__init__`) is beyond its reach, which is why `certlint/__init__` imports next to nothing.
Only the entry points import this module: the handlers it installs are the process's.
"""

# The C half of `signal`: built in and loaded before any Python code runs, where `signal` would
# first import `enum`, milliseconds during which a Ctrl-C would be Python's traceback.
import _signal  # type: ignore[import-not-found]  # (typeshed has no stubs for it)
import os
import sys
from types import FrameType

EXIT_INTERRUPTED = 130

_held_back = False


def _hold_back(signum: int, frame: FrameType | None) -> None:
    """Before `main`: remember the Ctrl-C, which `main` then reports."""
    global _held_back
    _held_back = True


def _dropped(unraisable: "sys.UnraisableHookArgs") -> None:
    """A Ctrl-C that lands in a weakref callback or a `__del__` (the import system's module locks
    have one) cannot propagate, so Python prints it and goes on: raise it again a moment later,
    from a timer, where the code that runs then can take it (raised at once, it would land in
    this hook and be dropped again)."""
    if issubclass(unraisable.exc_type, KeyboardInterrupt):
        _signal.signal(_signal.SIGALRM, _interrupt_again)
        _signal.setitimer(_signal.ITIMER_REAL, 0.005)
    else:
        _python_unraisable_hook(unraisable)


def _interrupt_again(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


_python_unraisable_hook = sys.unraisablehook
sys.unraisablehook = _dropped
try:  # noqa: SIM105 (contextlib would cost milliseconds of importing, with Ctrl-C unguarded)
    _signal.signal(_signal.SIGINT, _hold_back)
except ValueError:  # not the main thread: not an entry point, leave the handler alone
    pass


def main() -> int:
    """Run the command line in `sys.argv`; its exit status. After Ctrl-C the process ends here."""
    try:
        try:
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)
            if _held_back:
                raise KeyboardInterrupt
            from certlint import regex_cache
            from certlint.engine.collector import collect_less_often

            collect_less_often()  # the process is the command's

            folder = regex_cache.cache_folder()
            regex_cache.preload(folder)  # before the modules that compile them are imported
            from certlint.cli.commands import main as run

            status = run()
            regex_cache.save(folder)
        finally:
            _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    except BaseException as exc:
        from certlint.cli.faults import caused_by_ctrl_c, say_interrupted

        if not caused_by_ctrl_c(exc):
            raise
        say_interrupted(sys.stderr)
        status = EXIT_INTERRUPTED
    if status == EXIT_INTERRUPTED:
        _exit_interrupted()
    return status


def _exit_interrupted() -> None:
    """Exit 130 now. A normal exit could end in a death by SIGINT instead (CPython does that when a
    Ctrl-C once escaped an `eval`, as in `collections.namedtuple`, even though it was caught),
    and nothing is left to clean up: the run unwound as the interrupt travelled up to here."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    raise SystemExit(main())
