"""Repository mode streamed: filings linted as units of files, one unit in memory at a time, in
one process or several.

A filing is known from its files' paths before any is read. A document's filing id
(`filings.filing_id`) is its `filing` fact, else its own path for a part of a submission, else
the `filing-id` regex or its folder; and its `filing` fact is always the configured one for its
path (`facts`, `facts-from-path`): no reader gives one (front matter has no `filing` key, a
submission header none either). So each file's documents belong to one of two filings known from
its path: the one of a plain document, or the file itself if it turns out to be a submission.
Files linked through those ids form a unit that holds whole filings; a unit is read, grouped
and linted as `lint_filings` does the whole run, and its files' results go back in one piece.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from msgspec import Struct, field

from certlint.checks import CheckContext
from certlint.diagnostic import Diagnostic
from certlint.document.facts import Facts
from certlint.engine.filings import Grouping, filing_rules, lint_filing, touches
from certlint.engine.linter import Linter, LintResult, read_or_record

#: A unit's files, each with its place in the walk.
Unit = Sequence[tuple[int, str]]


class UnitsResult(Struct):
    """What linting some units gave, each message with where it belongs in the run's order."""

    #: Each file's diagnostics, finished (files with none left out).
    diagnostics: dict[str, list[Diagnostic]] = field(default_factory=dict)
    #: (walk index, what, message): what reading a file skipped ("skipped"), could not read
    #: ("error") or passed over as not a certification ("passed"), in the order it happened.
    reads: list[tuple[int, str, str]] = field(default_factory=list)
    #: (filing id, message): rules stopped on a document of that filing.
    failures: list[tuple[str, str]] = field(default_factory=list)


def path_filings(path: str, linter: Linter) -> tuple[str, str]:
    """The filing of a file's documents, from its path alone: as plain documents, and as the
    parts of a submission (what `filings.filing_id` gives either)."""
    config = linter.config
    configured = config.facts_for(path).filing
    if configured:
        return configured, configured
    plain = str(Path(path).parent)
    if config.filing_id is not None:
        match = config.filing_id.search(config.relative(path))
        if match is not None:
            plain = match.group(1) if match.groups() else match.group()
    return plain, path


def filing_units(files: Sequence[str], linter: Linter) -> list[list[int]]:
    """The files (by walk index) grouped into units that each hold whole filings, in the order
    of their first file: the files sharing a plain filing, joined with those whose path is
    that filing's id (a submission that may be one of its documents)."""
    plains = [path_filings(path, linter)[0] for path in files]
    members: dict[str, list[int]] = {}
    for index, plain in enumerate(plains):
        members.setdefault(plain, []).append(index)
    joined: dict[str, str] = {}  # a filing id -> the id its unit goes by

    def root(key: str) -> str:
        while key in joined:
            key = joined[key]
        return key

    for index, path in enumerate(files):
        other = path_filings(path, linter)[1]
        if other != plains[index] and other in members:
            a, b = root(plains[index]), root(other)
            if a != b:
                joined[b] = a
    units: dict[str, list[int]] = {}
    for key, indices in members.items():
        units.setdefault(root(key), []).extend(indices)
    return sorted((sorted(indices) for indices in units.values()), key=lambda unit: unit[0])


def lint_units(linter: Linter, units: Sequence[Unit], changed: Sequence[str] | None) -> UnitsResult:
    """Read, group and lint each unit, one at a time (with `changed`, only the filings holding
    one of those files are linted; every file is still read)."""
    result = UnitsResult()
    rules, context = filing_rules(linter), CheckContext(Facts(), linter.today)
    for unit in units:
        grouping = Grouping(linter)
        for index, path in unit:
            read = LintResult()
            docs = read_or_record(path, read)
            result.reads.extend((index, "skipped", message) for message in read.skipped)
            result.reads.extend((index, "error", message) for message in read.errors)
            expected = path_filings(path, linter)
            for doc in docs:
                key = grouping.add(doc)
                if key not in expected:  # the module docstring's premise no longer holds
                    raise AssertionError(f"{path}: filing {key!r} not known from the path {expected!r}")
            result.reads.extend((index, "passed", name) for name in linter.take_not_certifications())
        for filing in grouping.filings():
            if changed is not None and not touches(filing, changed):
                continue
            result.diagnostics.update(lint_filing(linter, filing, rules, context))
            result.failures.extend((filing.id, message) for message in linter.take_failures())
    return result
