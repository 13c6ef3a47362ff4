"""The report written as the run goes, file by file, for the formats that are a line per
diagnostic: the run keeps no diagnostic once it is written, whatever its size.

What precedes the report on stderr (files skipped, errors, documents passed over) is known only
at the end. When stdout and stderr are the same file (`2>&1`, a terminal, /dev/null) the report
is held back meanwhile (in memory, on disk past a megabyte), so that the combined output is
what a run that reports at the end writes; otherwise it goes straight out.
"""

from __future__ import annotations

import argparse
import io
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, TextIO, cast

from certlint.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from certlint.cli.progress import ProgressBar
    from certlint.engine.linter import Linter

#: Formats that write each diagnostic on its own, with nothing before or after the lot.
STREAMED = frozenset(("default", "json-lines", "github"))


def same_file(out: TextIO, err: TextIO) -> bool:
    """Whether what is written to `out` and to `err` lands in one file, interleaved."""
    if out is err:
        return True
    try:
        a, b = os.fstat(out.fileno()), os.fstat(err.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


@contextmanager
def report_stream(out: TextIO, err: TextIO) -> Iterator[TextIO]:
    """Where to write the report: `out`, or a spool copied to `out` on leaving."""
    if not same_file(out, err):
        yield out
        return
    spool = _Spool()
    try:
        yield cast(TextIO, spool)
        spool.copy_to(out)
    finally:
        spool.close()


class _Spool:
    """The report held back: in memory up to a megabyte, then in a temporary file (imported
    only then: `tempfile` brings `shutil`, `random`, and more, into a one-file run's start-up)."""

    LIMIT = 2**20

    def __init__(self) -> None:
        self._memory = io.StringIO()
        self._disk: IO[str] | None = None

    def write(self, text: str) -> int:
        if self._disk is not None:
            return self._disk.write(text)
        written = self._memory.write(text)
        if self._memory.tell() > self.LIMIT:
            import tempfile

            self._disk = tempfile.TemporaryFile(  # noqa: SIM115 (closed by `close`)
                "w+", encoding="utf-8", errors="surrogateescape", newline="")
            self._disk.write(self._memory.getvalue())
            self._memory = io.StringIO()
        return written

    def copy_to(self, out: TextIO) -> None:
        if self._disk is None:
            out.write(self._memory.getvalue())
            return
        self._disk.seek(0)
        while block := self._disk.read(2**16):
            out.write(block)

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()


def write_streamed(batches: Iterable[list[Diagnostic]], args: argparse.Namespace, stream: TextIO,
                   options: object, fail_on: Severity) -> tuple[bool, BrokenPipeError | None]:
    """Write each batch (a file's diagnostics, in the run's order) as it comes, then the
    --statistics and --count lines; whether some diagnostic is at or above `fail_on`, and the
    error of a reader that went away (`| head`): that stops the writing, not the run, whose
    errors the caller reports before raising it."""
    from certlint.output import OutputOptions, get_formatter

    assert isinstance(options, OutputOptions)
    write: Callable[[list[Diagnostic]], None]
    if args.quiet:
        def write(batch: list[Diagnostic]) -> None:
            stream.write(batch[0].path + "\n")
    else:
        formatter = get_formatter(args.format)

        def write(batch: list[Diagnostic]) -> None:
            formatter.write(batch, stream, options)
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    failing, gone = False, None
    for batch in batches:
        for d in batch:
            counts[d.code] += 1
            names[d.code] = d.rule
            failing = failing or d.severity.rank >= fail_on.rank
        if gone is None:
            try:
                write(batch)
            except BrokenPipeError as exc:
                gone = exc
    if gone is not None:
        return failing, gone
    if args.statistics:
        for code in sorted(counts):
            stream.write(f"{counts[code]:<5} {code} {names[code]}\n")
    if args.count:
        stream.write(f"{counts.total()}\n")
    return failing, None


def streamable(args: argparse.Namespace, summary: bool, adoption: bool) -> bool:
    """Whether the report can be written as the run goes: a format of a line per diagnostic, and
    nothing that needs every diagnostic at once (adoption, fixes, the summary)."""
    return args.format in STREAMED and not adoption and not args.show_fixes and not summary


def report_streamed(batches: Iterable[list[Diagnostic]], args: argparse.Namespace, out: TextIO,
                    err: TextIO, linter: Linter, bar: ProgressBar | None,
                    messages: Callable[[], None]) -> bool:
    """The report written file by file as the run goes, then (once the run is over) its
    `messages` on stderr; whether some diagnostic fails the run."""
    from certlint.cli.reporting import use_color
    from certlint.output import OutputOptions

    config = linter.config
    with report_stream(out, err) as stream:
        rules = {rule.code: rule for rule in linter.ruleset.rules}
        options = OutputOptions(show_source=args.show_source, color=use_color(args.color, out),
                                rules=rules, docs_url=config.docs_url)
        try:
            failing, gone = write_streamed(batches, args, stream, options, config.fail_on)
        finally:
            if bar is not None:
                bar.close()
        messages()
        if gone is not None:
            raise gone
    return failing
