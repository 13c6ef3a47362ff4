"""Linting many files on several cores: the same Linter rebuilt in each worker process.

Worth it only for large runs (CI over thousands of filings); small runs, like a pre-commit
hook's, stay in one process because starting workers costs more than it saves.

Work goes out in chunks of files (a chunk of whole filings in repository mode) and comes back
chunk by chunk, in order; only a few chunks are out at a time, so neither the queue of results
nor the parent's memory grows with the size of the run.

A worker that dies (killed, out of memory) loses its files: each is reported as an error, never
dropped silently. Workers ignore Ctrl-C: the parent stops them and reports the interruption once.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from certlint.engine.collector import collect_less_often
from certlint.engine.linter import Linter, LintResult
from certlint.engine.setup import SetupOptions, build_linter

CHUNK = 64
#: Chunks out at a time per worker: enough that no worker waits for the parent.
AHEAD = 3

R = TypeVar("R")

_worker_linter: Linter | None = None


def _init_worker(options: SetupOptions) -> None:
    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_less_often()
    _worker_linter = build_linter(options)


def _lint_chunk(paths: Sequence[str]) -> LintResult:
    assert _worker_linter is not None, "worker not initialised"
    return _worker_linter.lint_paths(paths)


def _lint_units(units: Sequence[Sequence[tuple[int, str]]], changed: Sequence[str] | None) -> Any:
    from certlint.engine.filing_stream import lint_units

    assert _worker_linter is not None, "worker not initialised"
    return lint_units(_worker_linter, units, changed)


def lost(paths: Iterable[str]) -> list[str]:
    """The error for each file of a chunk whose worker died."""
    return [f"{path}: not linted: a worker process stopped unexpectedly (killed, or out of memory)"
            for path in paths]


def lint_paths(options: SetupOptions, files: Iterable[str], workers: int,
               progress: Callable[[int], None] | None = None) -> Iterator[tuple[Sequence[str], LintResult]]:
    """Like `Linter.lint_each` over `files`, spread over `workers` processes: each chunk of
    files with its result, in order (a chunk lost with its worker comes back with an error per
    file); `progress` is told of each chunk done.

    `options` must carry the configuration already loaded and the run's date, so that every
    worker builds the same linter as the parent."""
    for chunk, part in in_order(options, workers, _lint_chunk, ((chunk,) for chunk in _chunks(files))):
        if part is None:
            part = LintResult(errors=lost(chunk[0]), paths=list(chunk[0]))
        if progress is not None:
            progress(len(chunk[0]))
        yield chunk[0], part


def _chunks(files: Iterable[str]) -> Iterator[list[str]]:
    """`files` in lists of CHUNK, each taken only as it goes out."""
    files = iter(files)
    while chunk := list(islice(files, CHUNK)):
        yield chunk


def in_order(options: SetupOptions, workers: int, function: Callable[..., R],
             jobs: Iterable[tuple[Any, ...]]) -> Iterator[tuple[tuple[Any, ...], R | None]]:
    """`function(*job)` for each job in worker processes, each job with its result in the
    order of `jobs` (None: its worker died). At most `AHEAD` jobs per worker are out at once."""
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,))
    pending: deque[tuple[tuple[Any, ...], Future[R] | None]] = deque()
    queued = iter(jobs)
    try:
        _submit(pool, pending, queued, workers * AHEAD, function)  # starts the workers
        while pending:
            job, future = pending.popleft()
            try:
                result = future.result() if future is not None else None
            except BrokenProcessPool:
                result = None
            _submit(pool, pending, queued, 1, function)
            yield job, result
    except BaseException:  # Ctrl-C: stop the workers now rather than after their chunks
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    pool.shutdown()


def _submit(pool: ProcessPoolExecutor, pending: deque[tuple[tuple[Any, ...], Future[R] | None]],
            queued: Iterator[tuple[Any, ...]], count: int, function: Callable[..., R]) -> None:
    """Submit up to `count` more jobs with Ctrl-C held back: a worker started meanwhile inherits
    the mask and ignores it, and the parent takes it once unmasked. A pool already broken takes
    no more: its jobs come back lost."""
    mask = hasattr(signal, "pthread_sigmask")
    if mask:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for job in (job for _, job in zip(range(count), queued, strict=False)):
            try:
                pending.append((job, pool.submit(function, *job)))
            except BrokenProcessPool:
                pending.append((job, None))
    finally:
        if mask:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
