"""Linting many files on several cores: the same Linter rebuilt in each worker process.

Worth it only for large runs (CI over thousands of filings); small runs, like a pre-commit
hook's, stay in one process because starting workers costs more than it saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from certlint.engine.linter import Linter, LintResult
from certlint.engine.setup import SetupOptions, build_linter

CHUNK = 64


_worker_linter: Linter | None = None


def _init_worker(options: SetupOptions) -> None:
    global _worker_linter
    _worker_linter = build_linter(options)


def _lint_chunk(paths: Sequence[str]) -> LintResult:
    assert _worker_linter is not None, "worker not initialised"
    return _worker_linter.lint_paths(paths)


def lint_paths(options: SetupOptions, files: Sequence[str], workers: int) -> LintResult:
    """Like `Linter.lint_paths` over `files`, spread over `workers` processes.

    `options` must carry the configuration already loaded and the run's date, so that every
    worker builds the same linter as the parent."""
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    total = LintResult()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,)) as pool:
        for part in pool.map(_lint_chunk, chunks):
            total.diagnostics.extend(part.diagnostics)
            total.skipped.extend(part.skipped)
            total.errors.extend(part.errors)
            total.paths.extend(part.paths)
    total.diagnostics.sort(key=lambda d: d.sort_key)
    return total
