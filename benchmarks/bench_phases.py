#!/usr/bin/env python3
"""The CPU phase table of one certlint process over a folder (`bench.py --phases` runs it).

    python benchmarks/bench_phases.py FOLDER

Timers (process CPU time) around reading (decoding and the readers), the prose builder, each
check kind and the output; a phase entered inside another is charged to itself only, so the
rows add up to the total. A check kind's row includes the shared analysis (signatures, dates,
parties) it is the first to ask for on a document. The timers cost a little themselves: compare
tables taken the same way.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

_clock = time.process_time


class Phases:
    """Exclusive CPU time per phase: entering a phase pauses the one it is entered from."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.stack: list[str] = ["other"]
        self.mark = _clock()

    def enter(self, name: str) -> None:
        now = _clock()
        top = self.stack[-1]
        self.totals[top] = self.totals.get(top, 0.0) + now - self.mark
        self.stack.append(name)
        self.mark = now

    def leave(self) -> None:
        now = _clock()
        top = self.stack.pop()
        self.totals[top] = self.totals.get(top, 0.0) + now - self.mark
        self.mark = now

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return timed

    def wrap_iterator(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """A check: its call and every step of the iterator it returns are charged to `name`."""
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            self.enter(name)
            try:
                steps = iter(function(*args, **kwargs))
            finally:
                self.leave()
            while True:
                self.enter(name)
                try:
                    item = next(steps)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield item
        return timed


def main(argv: list[str]) -> int:
    folder, extra = argv[0], argv[1:]
    phases = Phases()
    start = _clock()
    phases.enter("start-up (imports, packs)")
    import certlint.engine.linter as linter_module
    from certlint.document import prose
    from certlint.engine.setup import SetupOptions, build_linter
    from certlint.output import OutputOptions, get_formatter

    linter = build_linter(SetupOptions(isolated=True))
    phases.leave()
    linter_module.read_documents = phases.wrap("reading", linter_module.read_documents)  # type: ignore[attr-defined]
    for name in ("add_source", "add_replacement", "add_space", "end_block", "build"):
        setattr(prose.ProseBuilder, name, phases.wrap("prose", getattr(prose.ProseBuilder, name)))
    wrapped: set[type] = set()
    for _, rules in linter.active_rules:
        for rule in rules:
            cls = type(rule.checker)
            if cls not in wrapped:
                wrapped.add(cls)
                cls.check = phases.wrap_iterator(f"check: {rule.kind}", cls.check)  # type: ignore[attr-defined]
    if extra:
        print(f"bench_phases: ignoring {' '.join(extra)} (one process, default options)")
    result = linter.lint_paths([folder])
    phases.enter("output")
    out = io.StringIO()
    get_formatter("default").write(result.diagnostics, out, OutputOptions())
    phases.leave()
    total = _clock() - start
    documents = len(result.paths)
    print(f"{documents:,} files, {len(result.diagnostics):,} diagnostics, {total:.2f} s CPU in one process")
    print(f"{'phase':<32}{'CPU s':>9}{'share':>8}{'ms/file':>9}")
    for name, seconds in sorted(phases.totals.items(), key=lambda item: -item[1]):
        print(f"{name:<32}{seconds:9.2f}{seconds / total:8.1%}{seconds * 1000 / max(documents, 1):9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
