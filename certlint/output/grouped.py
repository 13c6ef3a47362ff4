"""`--format grouped`: for people reading a terminal; diagnostics grouped under their file.

    path/to/file.txt
      7:41  error    CL301  misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?
      7 | AS CHIEF EXECUTIVE OFFICER (PRINCIPAL EXEUCTIVE OFFICER)
        |                                       ^^^^^^^^^

    1 problem (1 error) in 1 file

A blank line separates files. The caret line underlines the reported span on its first line
(tabs shown as one space so columns stay aligned). ANSI colour only when `options.color` is
set, which the CLI does only for a terminal without `NO_COLOR`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from certlint.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from certlint.output import OutputOptions

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _entry(d: Diagnostic, color: bool, position_width: int, gutter_width: int) -> list[str]:
    position = f"{d.line}:{d.column}".ljust(position_width)
    severity = _paint(f"{d.severity.value:<7}", _COLORS[d.severity], color)
    lines = [f"  {position}  {severity}  {_paint(d.code, '1', color)}  {d.message}"]
    if d.source_line:
        source = d.source_line.replace("\t", " ")
        end = d.end_column if d.end_line == d.line else len(source) + 1
        caret = _paint("^" * max(1, end - d.column), _COLORS[d.severity], color)
        lines.append(f"  {str(d.line).rjust(gutter_width)} | {source}")
        lines.append(f"  {' ' * gutter_width} | {' ' * (d.column - 1)}{caret}")
    return lines


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    files = 0
    for path, group in groupby(diagnostics, key=lambda d: d.path):
        if files:
            stream.write("\n")
        files += 1
        stream.write(_paint(path, "1;4", options.color) + "\n")
        found = list(group)
        position_width = max(len(f"{d.line}:{d.column}") for d in found)
        gutter_width = max(len(str(d.line)) for d in found)
        for d in found:
            stream.write("\n".join(_entry(d, options.color, position_width, gutter_width)) + "\n")
    if diagnostics:
        counts = Counter(d.severity for d in diagnostics)
        detail = ", ".join(f"{counts[s]} {s.value}" if s is Severity.INFO else _plural(counts[s], s.value)
                           for s in sorted(counts, key=lambda s: -s.rank))
        stream.write(f"\n{_plural(len(diagnostics), 'problem')} ({detail}) in {_plural(files, 'file')}\n")
