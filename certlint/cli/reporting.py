"""Where and how a lint run reports, besides the format: -o, --color, the summary, --show-fixes.

stdout carries only the report in the chosen format, so that machine formats stay parseable;
the summary line and the list of fixes go to stderr. The summary is shown on a terminal (or
with `--summary`), not in pipes, where editors, CI parsers and scripts read certlint's output.
Colour: `--color always|never` decides; `auto` (the default) colours a terminal, where
`NO_COLOR` (non-empty) turns it off and `FORCE_COLOR` (non-empty) turns it on even in a pipe.
NO_COLOR wins over FORCE_COLOR: asking for no colour is the safer request.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from certlint.diagnostic import Diagnostic
    from certlint.ruleset import RuleSet
    from certlint.ruleset.policy import ReportPolicy


class OutputFileError(Exception):
    """The -o file cannot be written."""


def add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output-file", type=Path, metavar="FILE",
                        help="write the report to FILE instead of stdout")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour the report: auto (on a terminal, unless NO_COLOR is set; "
                             "FORCE_COLOR forces it), always or never (default: auto)")
    parser.add_argument("--summary", action=argparse.BooleanOptionalAction, default=None,
                        help="print 'Found N problems (M fixable)' on stderr (default: when stderr "
                             "is a terminal and not --quiet)")
    parser.add_argument("--docs-url", metavar="URL",
                        help="where the rules are documented, with {code} for the code "
                             "(https://docs.example/rules/{code}): SARIF's helpUri, the editor's link")
    parser.add_argument("--show-fixes", action="store_true",
                        help="list on stderr each fix --fix applies (without --fix: would apply)")


@contextmanager
def output_file(path: Path) -> Iterator[TextIO]:
    """The -o file, written as UTF-8 with the report's own line endings."""
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    with stream:
        yield stream


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour `stream` for `--color choice`."""
    env = os.environ if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    return bool(env.get("FORCE_COLOR")) or stream.isatty()


def fixes(diagnostics: Sequence[Diagnostic], policy: ReportPolicy,
          sources: Mapping[str, str] | None = None) -> dict[Diagnostic, str]:
    """The diagnostics --fix would fix, each with the text it writes in place of the span: the
    one edit plan (`certlint.adoption.fix.edit_for`) over each file's text, read once.

    `sources` gives texts not to read from disk (stdin's). A file that cannot be read again, or
    is not text on disk (.docx), offers no fix, as --fix would not write it.
    """
    from certlint.adoption.fix import edit_for, is_fixable

    texts: dict[str, str | None] = dict(sources or {})
    found = {}
    for d in diagnostics:
        if d.suggestion is None or not is_fixable(d, policy):
            continue
        if d.path not in texts:
            texts[d.path] = _read_text(d.path)
        text = texts[d.path]
        edit = edit_for(d, text, policy) if text is not None else None
        if edit is not None:
            found[d] = edit.text
    return found


def _read_text(path: str) -> str | None:
    from certlint.document import BYTES_READER_MODULES
    from certlint.document.decode import decode

    if Path(path).suffix.lower() in BYTES_READER_MODULES:
        return None
    try:
        return decode(Path(path).read_bytes()).text
    except (OSError, ValueError):
        return None


def summary_line(diagnostics: Sequence[Diagnostic], files: int, fixable: int) -> str:
    """`Found 3 problems (2 errors, 1 warning) in 2 of 5 files; 2 fixable with --fix.`"""
    if not diagnostics:
        return f"No problems found in {_plural(files, 'file')}."
    by_severity = Counter(d.severity.value for d in diagnostics)
    kinds = ", ".join(_plural(by_severity[s], s) for s in ("error", "warning", "info") if by_severity[s])
    touched = len({d.path for d in diagnostics})
    where = f"in {touched} of {_plural(files, 'file')}" if files >= touched else \
        f"in {_plural(touched, 'file')}"
    line = f"Found {_plural(len(diagnostics), 'problem')} ({kinds}) {where}"
    return line + (f"; {fixable} fixable with --fix." if fixable else ".")


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


def finish(args: argparse.Namespace, diagnostics: Sequence[Diagnostic], files: Sequence[str],
           err: TextIO, fixable: Mapping[Diagnostic, str],
           offered: Mapping[Diagnostic, str] | None = None) -> None:
    """The fixes (--show-fixes) and the summary line, on stderr after the report.

    `fixable` are the fixes of the diagnostics reported; `offered` the fixes found before --fix
    ran (then the fixes it applied), else None.
    """
    if args.show_fixes:
        listed = offered if offered is not None else fixable
        verb = "fixed" if args.fix else "would fix"
        for d, replacement in listed.items():
            err.write(f"certlint: {verb} {d.path}:{d.line}:{d.column}: {d.code} "
                      f"{_quote(d)} -> {replacement!r}\n")
    if summary_wanted(args, err):
        err.write(summary_line(diagnostics, len(set(files)), len(fixable)) + "\n")


def summary_wanted(args: argparse.Namespace, err: TextIO) -> bool:
    """--summary, or by default a terminal on stderr without --quiet."""
    return bool(args.summary) if args.summary is not None else (err.isatty() and not args.quiet)


def _quote(d: Diagnostic) -> str:
    from certlint.output.support import matched_text

    return repr(matched_text(d))


def report(diagnostics: list[Diagnostic], args: argparse.Namespace, out: TextIO,
           ruleset: RuleSet | None = None, files: Sequence[str] = (),
           fixes: Mapping[Diagnostic, str] | None = None, docs_url: str | None = None) -> None:
    """The report on stdout: in the chosen format (or file names, `--quiet`), then the
    `--statistics` and `--count` lines."""
    from certlint.output import OutputOptions, get_formatter

    color = use_color(args.color, out)
    rules = {rule.code: rule for rule in ruleset.rules} if ruleset is not None else {}
    if args.quiet:
        for path in dict.fromkeys(d.path for d in diagnostics):
            out.write(path + "\n")
    else:
        options = OutputOptions(show_source=args.show_source, color=color, rules=rules, files=files,
                                fixes=fixes or {}, docs_url=docs_url)
        get_formatter(args.format).write(diagnostics, out, options)
    if args.statistics:
        counts = Counter(d.code for d in diagnostics)
        names = {d.code: d.rule for d in diagnostics}
        for code in sorted(counts):
            out.write(f"{counts[code]:<5} {code} {names[code]}\n")
    if args.count:
        out.write(f"{len(diagnostics)}\n")
