"""Linting many files on several cores: the same Linter rebuilt in each worker process.

Worth it only for large runs (CI over thousands of filings); small runs, like a pre-commit
hook's, stay in one process because starting workers costs more than it saves.

A worker that dies (killed, out of memory) loses its files: each is reported as an error, never
dropped silently. Workers ignore Ctrl-C: the parent stops them and reports the interruption once.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from certlint.engine.linter import Linter, LintResult
from certlint.engine.setup import SetupOptions, build_linter

CHUNK = 64


_worker_linter: Linter | None = None


def _init_worker(options: SetupOptions) -> None:
    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_linter = build_linter(options)


def _lint_chunk(paths: Sequence[str]) -> LintResult:
    assert _worker_linter is not None, "worker not initialised"
    return _worker_linter.lint_paths(paths)


def lint_paths(options: SetupOptions, files: Sequence[str], workers: int,
               progress: Callable[[int], None] | None = None) -> LintResult:
    """Like `Linter.lint_paths` over `files`, spread over `workers` processes; `progress` is
    told of each chunk of files done, in order.

    `options` must carry the configuration already loaded and the run's date, so that every
    worker builds the same linter as the parent."""
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    total = LintResult()
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,))
    try:
        futures = _submit(pool, chunks)
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                part = future.result()
            except BrokenProcessPool:
                total.errors.extend(f"{path}: not linted: a worker process stopped unexpectedly "
                                    "(killed, or out of memory)" for path in chunk)
                total.paths.extend(chunk)
                continue
            total.diagnostics.extend(part.diagnostics)
            total.skipped.extend(part.skipped)
            total.errors.extend(part.errors)
            total.paths.extend(part.paths)
            total.not_certifications.extend(part.not_certifications)
            if progress is not None:
                progress(len(chunk))
    except BaseException:  # Ctrl-C: stop the workers now rather than after their chunks
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    pool.shutdown()
    total.diagnostics.sort(key=lambda d: d.sort_key)
    return total


def _submit(pool: ProcessPoolExecutor, chunks: list[Sequence[str]]) -> list[Future[LintResult]]:
    """Submit every chunk (which starts the workers) with Ctrl-C held back: a worker started
    meanwhile inherits the mask and ignores it, and the parent takes it once unmasked."""
    mask = hasattr(signal, "pthread_sigmask")
    if mask:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return [pool.submit(_lint_chunk, chunk) for chunk in chunks]
    finally:
        if mask:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
