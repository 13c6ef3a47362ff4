"""A progress bar on stderr for long runs (3,000 filings lint in seconds of silence otherwise).

Shown only when stderr is a terminal and the run is not `--quiet`, and only once the run has
taken PROGRESS_DELAY seconds (`CERTLINT_PROGRESS_DELAY` overrides it): a pre-commit hook over a
few files never draws one. The bar is erased when the run ends, so what remains on the terminal
is the report. rich is imported only when a bar is drawn.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

PROGRESS_DELAY = 1.0


class ProgressBar:
    """Files linted out of `total`, drawn on `stream` once the run is slow enough to want it."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.delay = float(os.environ.get("CERTLINT_PROGRESS_DELAY", PROGRESS_DELAY))
        self._began = time.monotonic()
        self._bar: tuple[Progress, TaskID] | None = None

    def advance(self, files: int) -> None:
        """`files` more files are linted."""
        self.done += files
        if self._bar is None and time.monotonic() - self._began >= self.delay and self.done < self.total:
            self._bar = self._start()
        if self._bar is not None:
            progress, task = self._bar
            progress.update(task, completed=self.done)

    def _start(self) -> tuple[Progress, TaskID]:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(TextColumn("certlint"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=True)
        progress.start()
        return progress, progress.add_task("lint", total=self.total, completed=self.done)

    def close(self) -> None:
        """Erase the bar (if one was drawn)."""
        if self._bar is not None:
            self._bar[0].stop()
            self._bar = None


def progress_bar(total: int, stream: TextIO, quiet: bool) -> ProgressBar | None:
    """A bar for a run over `total` files, or None where none is wanted (not a terminal, quiet)."""
    if quiet or total < 2 or not stream.isatty():
        return None
    return ProgressBar(total, stream)
