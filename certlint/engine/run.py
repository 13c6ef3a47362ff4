"""A lint run as a stream: each file's diagnostics handed on as soon as they can be, in the order
a whole run reports them, so that memory stays flat however many files a run lints.

A run reports its diagnostics sorted by `Diagnostic.sort_key` (path, line, column, code), a
stable sort over the whole run. A file's diagnostics all carry its path, and no two files of a
run share a path (`iter_files` yields each file once), so that order is: the files in order of
their paths, each with its own diagnostics in the order its result gives them (already sorted).
The walk is not in that order ("a/z.txt" comes before "a/b/x.txt", "a/x" before "a-b/x"), so a
file done early is held only until no file sorting before it is still to come: none out being
linted, and none the walk has still to give (it tells a lower bound of those, `walk.Walk.bound`).
The run keeps no list of its files (unless an output lists them, `keep_paths`), nor of the
documents it passed over (unless `-v` names them, `keep_passed`).

What else a run reports (files skipped, errors, documents passed over) is small and is gathered
in the run's `LintResult`, in the order a whole run gives it, complete once the stream is spent.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, groupby, islice
from pathlib import Path
from typing import Any

from certlint.diagnostic import Diagnostic
from certlint.engine.linter import MIN_FILES_PER_WORKER, Linter, LintResult, cores, iter_files, workers_for
from certlint.engine.setup import SetupOptions
from certlint.engine.walk import Walk

Batch = list[Diagnostic]


class InOrder:
    """Files' diagnostics in, in any order; out in the run's order, each file as soon as no file
    sorting before it is still to come: every file is `expect`ed before its diagnostics come in
    (`files`: all at once), and `bound` says where the files not yet expected begin."""

    def __init__(self, files: Iterable[str] = ()) -> None:
        self._out: list[str] = []  # a heap: files expected, some of them in (`_in`)
        self._in: set[str] = set()
        self._held: list[tuple[str, Batch]] = []  # a heap: files in, not yet due
        for path in files:
            self.expect(path)

    def expect(self, path: str) -> None:
        """`path` will come in."""
        heapq.heappush(self._out, path)

    def add(self, path: str, diagnostics: Batch, bound: str | None = None) -> Iterator[Batch]:
        """Take `path`'s diagnostics; the batches now due, in order (empty ones left out), no
        file not yet expected sorting before `bound` (None: every file is expected)."""
        out, arrived, held = self._out, self._in, self._held
        arrived.add(path)
        heapq.heappush(held, (path, diagnostics))
        while held:
            while out and out[0] in arrived:
                arrived.discard(heapq.heappop(out))
            first = held[0][0]
            if (out and out[0] < first) or (bound is not None and bound < first):
                return
            batch = heapq.heappop(held)[1]
            if batch:
                yield batch

    def rest(self) -> Iterator[Batch]:
        """The batches held, in order, once every file is in."""
        while self._held:
            batch = heapq.heappop(self._held)[1]
            if batch:
                yield batch

    def add_part(self, covered: Sequence[str], diagnostics: Batch,
                 bound: str | None = None) -> Iterator[Batch]:
        """Take the diagnostics of the files `covered` (sorted by path, as a result gives them)."""
        by_path = {path: list(found) for path, found in groupby(diagnostics, key=lambda d: d.path)}
        for path in covered:
            yield from self.add(path, by_path.pop(path, []), bound)
        if by_path:
            raise AssertionError(f"diagnostics for files the run did not lint: {sorted(by_path)}")


class _Expected:
    """The files of a run as they are taken from the walk, each expected by `order` then; the
    bound of those still to come (`walk`'s), and how many were taken."""

    def __init__(self, files: Iterable[str], order: InOrder, walk: Walk | None,
                 kept: list[str] | None = None) -> None:
        self._files = iter(files)
        self._walk = walk
        self._order = order
        self._kept = kept
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for path in self._files:
            self._order.expect(path)
            self.taken += 1
            if self._kept is not None:
                self._kept.append(path)
            yield path

    def bound(self) -> str | None:
        return self._walk.bound if self._walk is not None else None


def _peeked(files: Iterator[str], jobs: int | None) -> tuple[int, Iterator[str]]:
    """How many processes a run over `files` uses (`workers_for`), looking at no more of them
    than that needs: past a worker's worth per core the answer no longer changes."""
    head = list(islice(files, cores() * MIN_FILES_PER_WORKER))
    return workers_for(len(head), jobs), chain(head, files)


def stream_files(linter: Linter, options: SetupOptions, files: Iterable[str], jobs: int | None,
                 totals: LintResult, progress: Callable[[int], None] | None = None,
                 keep_paths: bool = True, keep_passed: bool = True) -> Iterator[Batch]:
    """The diagnostics of `files` (a list, or a `Walk` taken as it goes), file by file in the
    run's order, linted in this process or (a large run, or `jobs`) in several; `totals` gathers
    the rest of the run's result (with `keep_paths`, the files linted; with `keep_passed`, the
    documents passed over)."""
    order, walk = InOrder(), files if isinstance(files, Walk) else None
    if linter.config.force_exclude:  # `exclude` holds for each file as for one named on the command line
        config = linter.config
        files = (path for path in files if not config.is_force_excluded(Path(path))) \
            if walk is not None else list(iter_files(files, config))
    expected = _Expected(files, order, walk)
    workers, stream = _peeked(iter(expected), jobs)
    parts: Iterable[tuple[Sequence[str], LintResult]]
    if workers == 1:
        parts = (([part.paths[0]], part) for part in linter.lint_each(stream))
    else:
        from certlint.engine import parallel  # only large runs pay for process pools

        parts = parallel.lint_paths(options, stream, workers, progress)
    for covered, part in parts:
        totals.skipped.extend(part.skipped)
        totals.errors.extend(part.errors)
        if keep_passed or keep_paths:
            totals.not_certifications.extend(part.not_certifications)
        if keep_paths:
            passed = set(part.not_certifications)
            totals.paths.extend(path for path in covered if path not in passed)
        yield from order.add_part(covered, part.diagnostics, expected.bound())
        if workers == 1 and progress is not None:
            progress(1)
    yield from order.rest()
    if walk is not None and walk.skipped is not None and walk.skipped is not totals.skipped:
        totals.skipped[:0] = walk.skipped  # met walking, before any file was read


def stream_filings(linter: Linter, options: SetupOptions, paths: Sequence[str],
                   changed: Sequence[str] | None, jobs_wanted: int | None,
                   totals: LintResult, keep_paths: bool = True,
                   keep_passed: bool = True) -> Iterator[Batch]:
    """Repository mode's diagnostics (`filings.lint_filings`), file by file in the run's order,
    filing units linted in this process or (a large run, or `jobs`) in several, holding one
    unit's documents at a time; `totals` gathers the rest of the run's result (with
    `keep_paths`, the files linted; with `keep_passed`, the documents passed over)."""
    from certlint.engine.filing_stream import UnitsResult, filing_units, lint_units

    order, skips = InOrder(), _Skips()
    walk = Walk(paths, linter.config, skips)
    kept: list[str] | None = [] if keep_paths else None
    expected = _Expected(walk, order, walk, kept)
    skips.walked = lambda: expected.taken
    units: Iterator[list[tuple[int, str]]]
    if _by_folder(paths, linter):
        units = _folder_units(enumerate(expected), linter)
    else:  # filings that may gather files from anywhere: every file's path is needed first
        files = list(expected)
        units = ([(index, files[index]) for index in unit] for unit in filing_units(files, linter))
    workers, units = _peeked_units(units, jobs_wanted)
    jobs = _chunks(units)
    results: Iterator[tuple[tuple[Any, ...], UnitsResult | None]]
    if workers == 1:
        results = (((chunk,), lint_units(linter, chunk, changed)) for chunk in jobs)
    else:
        from certlint.engine import parallel

        results = parallel.in_order(options, workers, parallel._lint_units,
                                    ((chunk, changed) for chunk in jobs))
    reads: list[tuple[int, int, str, str]] = []
    failures: list[tuple[str, str]] = []
    for job, result in results:
        chunk = job[0]
        if result is None:  # its worker died
            from certlint.engine.parallel import lost

            result = UnitsResult(reads=[(index, "error", message) for unit in chunk for index, path in unit
                                        for message in lost([path])])
        reads.extend((index, 1, what, message) for index, what, message in result.reads
                     if keep_passed or keep_paths or what != "passed")
        failures.extend(result.failures)
        for unit in chunk:
            for _, path in unit:
                yield from order.add(path, result.diagnostics.pop(path, []), expected.bound())
    yield from order.rest()
    reads.extend((at, 0, "skipped", message) for at, message in zip(skips.at, skips, strict=True))
    reads.sort(key=lambda read: read[:2])  # stable: a file's messages keep their order
    lists = {"skipped": totals.skipped, "error": totals.errors, "passed": totals.not_certifications}
    for _, _, what, message in reads:
        lists[what].append(message)
    totals.errors.extend(message for _, message in sorted(failures, key=lambda failure: failure[0]))
    if kept is not None:
        passed = set(totals.not_certifications)
        totals.paths.extend(path for path in kept if path not in passed)


def _by_folder(paths: Sequence[str], linter: Linter) -> bool:
    """Whether each filing is the files of one folder, all met together: one folder walked (the
    walk gives each folder's files in a row) and no filing named otherwise (no `filing-id`, no
    `filing` fact, no facts from paths); then no file is another's filing either (a path is not
    both a file and a folder)."""
    config = linter.config
    return (len(paths) == 1 and os.path.isdir(paths[0]) and config.filing_id is None
            and config.facts_from_path is None and not any(facts.filing for _, facts in config.facts))


def _folder_units(files: Iterable[tuple[int, str]], linter: Linter) -> Iterator[list[tuple[int, str]]]:
    """The units of a walk whose filings are folders (`_by_folder`): each run of files of one
    filing, as they come."""
    from certlint.engine.filing_stream import path_filings

    unit: list[tuple[int, str]] = []
    filing = None
    for index, path in files:
        plain = path_filings(path, linter)[0]
        if unit and plain != filing:
            yield unit
            unit = []
        filing = plain
        unit.append((index, path))
    if unit:
        yield unit


def _peeked_units(units: Iterator[list[tuple[int, str]]],
                  jobs: int | None) -> tuple[int, Iterator[list[tuple[int, str]]]]:
    """`_peeked` for units of files."""
    head, count = [], 0
    for unit in units:
        head.append(unit)
        count += len(unit)
        if count >= cores() * MIN_FILES_PER_WORKER:
            break
    return workers_for(count, jobs), chain(head, units)


class _Skips(list[str]):
    """The walk's skip messages, each noted with the number of files walked before it."""

    def __init__(self) -> None:
        super().__init__()
        self.walked: Callable[[], int] = lambda: 0
        self.at: list[int] = []

    def append(self, message: str) -> None:
        self.at.append(self.walked())
        super().append(message)


#: Files per job sent to a worker in repository mode (whole units, so a job may hold more).
CHUNK = 64


def _chunks(units: Iterable[list[tuple[int, str]]]) -> Iterator[list[list[tuple[int, str]]]]:
    chunk: list[list[tuple[int, str]]] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += len(unit)
        if size >= CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
