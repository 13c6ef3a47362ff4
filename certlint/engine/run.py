"""A lint run as a stream: each file's diagnostics handed on as soon as they can be, in the order
a whole run reports them, so that memory stays flat however many files a run lints.

A run reports its diagnostics sorted by `Diagnostic.sort_key` (path, line, column, code), a
stable sort over the whole run. A file's diagnostics all carry its path, and no two files of a
run share a path (`iter_files` yields each file once), so that order is: the files in order of
their paths, each with its own diagnostics in the order its result gives them (already sorted).
The walk is not in that order ("a/z.txt" comes before "a/b/x.txt", "a/x" before "a-b/x"), so a
file done early is held only until every file sorting before it is done.

What else a run reports (files skipped, errors, documents passed over) is small and is gathered
in the run's `LintResult`, in the order a whole run gives it, complete once the stream is spent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from certlint.diagnostic import Diagnostic
from certlint.engine.linter import Linter, LintResult, iter_files, workers_for
from certlint.engine.setup import SetupOptions

Batch = list[Diagnostic]


class InOrder:
    """Files' diagnostics in, in any order; out in the run's order, each file as soon as every
    file sorting before it is in."""

    def __init__(self, files: Iterable[str]) -> None:
        self._order = sorted(files)
        self._next = 0
        self._held: dict[str, Batch] = {}

    def add(self, path: str, diagnostics: Batch) -> Iterator[Batch]:
        """Take `path`'s diagnostics; the batches now due, in order (empty ones left out)."""
        self._held[path] = diagnostics
        order, held = self._order, self._held
        while self._next < len(order) and order[self._next] in held:
            batch = held.pop(order[self._next])
            self._next += 1
            if batch:
                yield batch

    def add_part(self, covered: Sequence[str], diagnostics: Batch) -> Iterator[Batch]:
        """Take the diagnostics of the files `covered` (sorted by path, as a result gives them)."""
        by_path = {path: list(found) for path, found in groupby(diagnostics, key=lambda d: d.path)}
        for path in covered:
            yield from self.add(path, by_path.pop(path, []))
        if by_path:
            raise AssertionError(f"diagnostics for files the run did not lint: {sorted(by_path)}")


def stream_files(linter: Linter, options: SetupOptions, files: Sequence[str], jobs: int | None,
                 totals: LintResult, progress: Callable[[int], None] | None = None) -> Iterator[Batch]:
    """The diagnostics of `files`, file by file in the run's order, linted in this process or
    (a large run, or `jobs`) in several; `totals` gathers the rest of the run's result."""
    if linter.config.force_exclude:  # `exclude` holds for each file as for one named on the command line
        files = list(iter_files(files, linter.config))
    workers = workers_for(len(files), jobs)
    parts: Iterable[tuple[Sequence[str], LintResult]]
    if workers == 1:
        parts = (([path], part) for path, part in zip(files, linter.lint_each(files), strict=True))
    else:
        from certlint.engine import parallel  # only large runs pay for process pools

        parts = parallel.lint_paths(options, files, workers, progress)
    order = InOrder(files)
    for covered, part in parts:
        totals.skipped.extend(part.skipped)
        totals.errors.extend(part.errors)
        totals.not_certifications.extend(part.not_certifications)
        passed = set(part.not_certifications)
        totals.paths.extend(path for path in covered if path not in passed)
        yield from order.add_part(covered, part.diagnostics)
        if workers == 1 and progress is not None:
            progress(1)


def stream_filings(linter: Linter, options: SetupOptions, paths: Sequence[str],
                   changed: Sequence[str] | None, jobs_wanted: int | None,
                   totals: LintResult) -> Iterator[Batch]:
    """Repository mode's diagnostics (`filings.lint_filings`), file by file in the run's order,
    filing units linted in this process or (a large run, or `jobs`) in several, holding one
    unit's documents at a time; `totals` gathers the rest of the run's result."""
    from certlint.engine.filing_stream import UnitsResult, filing_units, lint_units

    files, walk_skipped = walk(paths, linter)
    # Units as walk indices, each job's (index, path) pairs made only as it goes out.
    jobs = ([[(index, files[index]) for index in unit] for unit in chunk]
            for chunk in _chunks(filing_units(files, linter)))
    workers = workers_for(len(files), jobs_wanted)
    results: Iterator[tuple[tuple[Any, ...], UnitsResult | None]]
    if workers == 1:
        results = (((chunk,), lint_units(linter, chunk, changed)) for chunk in jobs)
    else:
        from certlint.engine import parallel

        results = parallel.in_order(options, workers, parallel._lint_units,
                                    ((chunk, changed) for chunk in jobs))
    order = InOrder(files)
    reads: list[tuple[int, int, str, str]] = [(at, 0, "skipped", message) for at, message in walk_skipped]
    failures: list[tuple[str, str]] = []
    for job, result in results:
        chunk = job[0]
        if result is None:  # its worker died
            from certlint.engine.parallel import lost

            result = UnitsResult(reads=[(index, "error", message) for unit in chunk for index, path in unit
                                        for message in lost([path])])
        reads.extend((index, 1, what, message) for index, what, message in result.reads)
        failures.extend(result.failures)
        for unit in chunk:
            for _, path in unit:
                yield from order.add(path, result.diagnostics.pop(path, []))
    reads.sort(key=lambda read: read[:2])  # stable: a file's messages keep their order
    lists = {"skipped": totals.skipped, "error": totals.errors, "passed": totals.not_certifications}
    for _, _, what, message in reads:
        lists[what].append(message)
    totals.errors.extend(message for _, message in sorted(failures, key=lambda failure: failure[0]))
    passed = set(totals.not_certifications)
    totals.paths.extend(path for path in files if path not in passed)


def walk(paths: Sequence[str], linter: Linter) -> tuple[list[str], list[tuple[int, str]]]:
    """The run's files, and what the walk skipped, each message with how many files came
    before it (where a run reading as it walks meets it)."""
    files: list[str] = []
    skipped = _Skips(files)
    for path in iter_files(paths, linter.config, skipped):
        files.append(path)
    return files, list(zip(skipped.at, skipped, strict=True))


class _Skips(list[str]):
    """The walk's skip messages, each noted with the number of files walked before it."""

    def __init__(self, files: list[str]) -> None:
        super().__init__()
        self.files = files
        self.at: list[int] = []

    def append(self, message: str) -> None:
        self.at.append(len(self.files))
        super().append(message)


#: Files per job sent to a worker in repository mode (whole units, so a job may hold more).
CHUNK = 64


def _chunks(units: Iterable[list[int]]) -> Iterator[list[list[int]]]:
    chunk: list[list[int]] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += len(unit)
        if size >= CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
