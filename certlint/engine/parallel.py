"""Linting many files on several cores: the same Linter rebuilt in each worker process.

Worth it only for large runs (CI over thousands of filings); small runs, like a pre-commit
hook's, stay in one process because starting workers costs more than it saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from certlint.engine.config import Config
from certlint.ruleset import Selection, load_ruleset
from certlint.engine.linter import Linter, LintResult

CHUNK = 64


@dataclass(frozen=True, slots=True)
class LinterSpec:
    """What a worker needs to build the same Linter as the parent (all picklable)."""

    config: Config
    rules: tuple[Path, ...]
    selection: Selection
    today: date

    def build(self) -> Linter:
        ruleset = load_ruleset([*self.config.rules, *self.rules], disabled_packs=self.config.disable_packs)
        return Linter(ruleset, self.config, self.selection, self.today)


_worker_linter: Linter | None = None


def _init_worker(spec: LinterSpec) -> None:
    global _worker_linter
    _worker_linter = spec.build()


def _lint_chunk(paths: Sequence[str]) -> LintResult:
    assert _worker_linter is not None, "worker not initialised"
    return _worker_linter.lint_paths(paths)


def lint_paths(spec: LinterSpec, files: Sequence[str], workers: int) -> LintResult:
    """Like `Linter.lint_paths` over `files`, spread over `workers` processes."""
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    total = LintResult()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(spec,)) as pool:
        for part in pool.map(_lint_chunk, chunks):
            total.diagnostics.extend(part.diagnostics)
            total.skipped.extend(part.skipped)
            total.errors.extend(part.errors)
            total.paths.extend(part.paths)
    total.diagnostics.sort(key=lambda d: d.sort_key)
    return total
