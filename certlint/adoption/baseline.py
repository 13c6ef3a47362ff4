"""Baselines: today's findings recorded in a file, so that only new ones are reported.

An entry is keyed by the file (relative to the config root, '/'-separated), the code, the text
of the finding and its context (its source line, up to 60 characters either side of it,
whitespace folded) - never by line number, so an edit elsewhere in the file leaves it
matching. A finding about the document as a whole has empty text and context. `count` says
how many identical findings an entry stands for. The file is JSON with sorted keys, one key
per line, entries sorted: stable to regenerate and easy to review in a diff.

    {
      "certlint-baseline": 1,
      "entries": [
        {
          "code": "CL301",
          "context": "AS CHIEF EXECUTIVE OFFICER (PRINCIPAL EXEUCTIVE OFFICER)",
          "count": 1,
          "message": "misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?",
          "path": "filings/innovo/ex32.txt",
          "text": "EXEUCTIVE"
        }
      ]
    }

`message` is for the reader and is not matched (rewording a rule keeps its entries).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from certlint.ruleset.codes import STALE_BASELINE, meta_diagnostic

if TYPE_CHECKING:
    from certlint.diagnostic import Diagnostic
    from certlint.ruleset.policy import ReportPolicy

VERSION = 1
#: Characters of the finding's line kept as context on either side of it.
CONTEXT = 60
Key = tuple[str, str, str, str]


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def key_of(diagnostic: Diagnostic, relative: str) -> Key:
    """(path, code, text, context) of a diagnostic, as a baseline matches it."""
    d = diagnostic
    if d.offset == d.end_offset:
        return relative, d.code, "", ""
    line = d.source_line
    start = d.column - 1
    stop = d.end_column - 1 if d.end_line == d.line else len(line)
    # A window of the line, not all of it: a one-line HTML exhibit is one very long line.
    context = line[max(0, start - CONTEXT) : stop + CONTEXT]
    return relative, d.code, _fold(line[start:stop]), _fold(context)


class Entry(Struct, frozen=True):
    path: str
    code: str
    text: str
    context: str
    count: int
    message: str
    #: 1-based line of the entry in the baseline file (for stale-entry diagnostics).
    line: int = 1

    @property
    def key(self) -> Key:
        return self.path, self.code, self.text, self.context


def write(path: Path, diagnostics: Iterable[Diagnostic], policy: ReportPolicy) -> int:
    """Record diagnostics as a baseline (atomically); returns the number of entries."""
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for diagnostic in diagnostics:
        if diagnostic.code == STALE_BASELINE.code:
            continue
        key = key_of(diagnostic, policy.relative(diagnostic.path))
        counts[key] += 1
        messages.setdefault(key, diagnostic.message)
    entries = [{"path": k[0], "code": k[1], "text": k[2], "context": k[3], "count": counts[k],
                "message": messages[k]} for k in sorted(counts)]
    text = json.dumps({"certlint-baseline": VERSION, "entries": entries}, indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.certlint-tmp")
    try:
        # A file name that is not UTF-8 is recorded as its bytes, and read back the same way.
        temporary.write_text(text, encoding="utf-8", errors="surrogateescape", newline="\n")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return len(entries)


class Baseline:
    """A loaded baseline: filters diagnostics and finds the entries nothing matched."""

    def __init__(self, path: Path, entries: Sequence[Entry]) -> None:
        self.path = path
        self.entries = tuple(entries)
        self._left: Counter[Key] = Counter()
        for entry in self.entries:
            self._left[entry.key] += entry.count
        self.paths = frozenset(entry.path for entry in self.entries)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        if not isinstance(data, dict) or data.get("certlint-baseline") != VERSION \
                or not isinstance(data.get("entries"), list):
            raise BaselineError(f"{path}:1: not a certlint baseline (write one with --write-baseline)")
        lines = _entry_lines(text, len(data["entries"]))
        return cls(path, [_entry(path, raw, line) for raw, line in zip(data["entries"], lines, strict=True)])

    def covers(self, relative: str) -> bool:
        """Whether any entry is about this file (such files are never autofixed)."""
        return relative in self.paths

    def filter(self, diagnostics: Iterable[Diagnostic], policy: ReportPolicy) -> list[Diagnostic]:
        """The diagnostics no entry accounts for; each entry absorbs up to `count` findings."""
        kept = []
        for diagnostic in diagnostics:
            key = key_of(diagnostic, policy.relative(diagnostic.path))
            if self._left[key] > 0:
                self._left[key] -= 1
            else:
                kept.append(diagnostic)
        return kept

    def stale(self, linted: Iterable[str], policy: ReportPolicy) -> list[Diagnostic]:
        """CL003 for entries of linted (or vanished) files that matched nothing, at their line."""
        from certlint.document.lines import LineIndex

        checked = {policy.relative(p) for p in linted}
        root = policy.root
        display = str(self.path)
        if not policy.is_reported(STALE_BASELINE, display):
            return []
        lines = LineIndex(self.path.read_text(encoding="utf-8", errors="surrogateescape"))
        found = []
        for entry in self.entries:
            left = self._left[entry.key]
            if left <= 0 or (entry.path not in checked and (root / entry.path).exists()):
                continue
            if not _runs(entry, policy):  # not stale: its rule did not run (--select, an ignore)
                continue
            self._left[entry.key] = 0
            what = f"'{entry.text}'" if entry.text else "(whole document)"
            reason = "matches nothing" if (root / entry.path).exists() else "file not found"
            row = lines.line_text(entry.line)
            start = lines.offset(entry.line, 1 + len(row) - len(row.lstrip()))
            found.append(meta_diagnostic(
                STALE_BASELINE, display, lines, start, start,
                f"stale baseline entry: {entry.code} {what} in {entry.path} {reason}"))
        return found


def _runs(entry: Entry, policy: ReportPolicy) -> bool:
    """Whether the rule of an entry ran on its file in this run, so that it could have matched."""
    from certlint.ruleset.codes import INVALID_SUPPRESSION, UNUSED_SUPPRESSION

    rule = policy.rule_for(entry.code)
    if rule is None:
        return False
    if rule is INVALID_SUPPRESSION and not policy.suppress:
        return False
    if rule is UNUSED_SUPPRESSION and not policy.report_unused_suppressions:
        return False
    return policy.is_reported(rule, str(policy.root / entry.path))


def _entry(path: Path, raw: Any, line: int) -> Entry:
    fields = ("path", "code", "text", "context")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(f), str) for f in fields):
        raise BaselineError(f"{path}:{line}: a baseline entry has string path, code, text and context")
    count = raw.get("count", 1)
    if not isinstance(count, int) or count < 1:
        raise BaselineError(f"{path}:{line}: 'count' is a positive integer")
    return Entry(raw["path"], raw["code"], raw["text"], raw["context"], count,
                 str(raw.get("message", "")), line)


def _entry_lines(text: str, count: int) -> list[int]:
    """The line where each entry object opens, when the file is laid out as written (else 1)."""
    head = text.find('"entries"')
    starts = [m.start() for m in re.finditer(r"^[ \t]*\{", text[head:], re.M)] if head >= 0 else []
    if len(starts) != count:
        return [1] * count
    return [text.count("\n", 0, head + s) + 1 for s in starts]
