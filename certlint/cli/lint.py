"""The lint command: `certlint [check] [options] PATH...` (`cli.commands` picks the command).

Exit status: 0 clean, 1 diagnostics at or above --fail-on, 2 usage or configuration error. With
`cli.commands`, the only modules that read sys.argv, write to the terminal and decide exit codes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from msgspec.structs import replace

from certlint import __version__
from certlint.cli.inputs import InputError, add_input_options, discovery_start, stdin_name
from certlint.cli.options import add_selection_options, add_setup_options, add_today_option, setup_options
from certlint.cli.reporting import (
    OutputFileError,
    add_report_options,
    finish,
    fixes,
    output_file,
    report,
    summary_wanted,
)
from certlint.diagnostic import Severity

if TYPE_CHECKING:
    from certlint.adoption.run import AdoptionOptions
    from certlint.engine.config import Config
    from certlint.engine.linter import LintResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line, config or rules: one line on stderr, exit 2."""


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, 1 or more: {value!r}")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    from certlint.cli.catalog import commands_epilog
    from certlint.cli.parsing import Parser
    from certlint.output import FORMATS

    parser = Parser(
        prog="certlint", usage="certlint [check] [options] [PATH ...]\n       certlint COMMAND [options]",
        description="Lint SEC officer certifications (SOX 302 / 906 exhibits).",
        epilog=commands_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    add_selection_options(parser)
    add_setup_options(parser)
    add_input_options(parser)
    parser.add_argument("--format", choices=sorted(FORMATS), default="default",
                        help="output format (default: %(default)s)")
    add_report_options(parser)
    parser.add_argument("--show-source", action="store_true",
                        help="show the source line and a caret under each diagnostic")
    parser.add_argument("--statistics", action="store_true", help="count diagnostics per code")
    parser.add_argument("--count", action="store_true", help="print the number of diagnostics")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with diagnostics")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity],
                        help="lowest severity that makes the exit status 1 (default: info, "
                             "i.e. any diagnostic)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only the names of files with diagnostics")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="name on stderr each document passed over as not a certification")
    parser.add_argument("--filings", action="store_true",
                        help="repository mode: also run cross-document rules over each filing")
    parser.add_argument("--staged", action="store_true",
                        help="repository mode on the filings holding files staged in git (the "
                             "certlint-filings pre-commit hook); every filing when none is staged")
    parser.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                        help="worker processes, at most one per file and per core (default: one "
                             "per core for runs of hundreds of files, else 1)")
    add_today_option(parser)
    adoption = parser.add_argument_group("adoption (suppressions, baseline, autofix)")
    adoption.add_argument("--no-suppress", action="store_true",
                          help="ignore `<!-- certlint: disable=... -->` comments: report everything")
    adoption.add_argument("--report-unused-suppressions", action="store_true",
                          help="report suppression comments that silenced nothing (CL002)")
    adoption.add_argument("--write-baseline", type=Path, metavar="FILE",
                          help="record today's findings in FILE and exit 0")
    adoption.add_argument("--baseline", type=Path, metavar="FILE",
                          help="report only findings that FILE does not record")
    adoption.add_argument("--report-stale-baseline", action="store_true",
                          help="report baseline entries that no longer match (CL003)")
    adoption.add_argument("--fix", action="store_true",
                          help="apply safe fixes (title spelling, declared substitutions) in place")
    adoption.add_argument("--diff", action="store_true",
                          help="print the fixes as a unified diff instead of writing them")
    parser.add_argument("--version", action="version", version=f"certlint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the lint command (`certlint check`) on `argv`; returns the exit status."""
    return _main(argv, stdout or sys.stdout, stderr or sys.stderr)


def _main(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from certlint.cli.parsing import parse

    parsed = parse(build_parser(), args_list, out, err, intermixed=True)
    if isinstance(parsed, int):
        return parsed
    args = parsed
    try:
        return _run(args, out, err)
    except UsageError as exc:
        err.write(f"certlint: error: {exc}\n")
        return EXIT_ERROR
    except ModuleNotFoundError as exc:
        # certlint run from a source tree without its dependencies installed.
        if exc.name is None or exc.name.split(".")[0] == "certlint":
            raise
        err.write(f"certlint: error: the package '{exc.name}' certlint needs is not installed "
                  "(install certlint with pip: pip install certlint, or pip install -e . in a "
                  "checkout)\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return reader_went_away()


def reader_went_away() -> int:
    """`certlint ... | head`: the reader closed the pipe; stop quietly, as grep does."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_FINDINGS


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from certlint.engine.config import ConfigError
    from certlint.engine.setup import build_linter
    from certlint.ruleset import PackError

    if args.output_file is not None:  # the same run, reporting into the file
        try:
            with output_file(args.output_file) as stream:
                return _run(argparse.Namespace(**{**vars(args), "output_file": None}), stream, err)
        except OutputFileError as exc:
            raise UsageError(str(exc)) from None
    try:
        stdin = stdin_name(args)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    options = setup_options(
        args, fail_on=Severity(args.fail_on) if args.fail_on else None, suppress=not args.no_suppress,
        report_unused_suppressions=args.report_unused_suppressions, today=args.today,
        start=discovery_start(stdin), respect_gitignore=None if args.respect_gitignore else False,
        all_documents=args.all_documents, docs_url=args.docs_url)
    try:
        linter = build_linter(options)
    except (ConfigError, PackError) as exc:
        raise UsageError(str(exc)) from None
    config, ruleset = linter.config, linter.ruleset
    paths = [stdin] if stdin is not None else args.paths or ["."]
    # os.path.exists, not Path.exists: a name too long for the file system is missing, not an OSError.
    missing = [p for p in paths if stdin is None and not os.path.exists(p)]
    if missing:
        from certlint.cli.faults import missing_reason

        raise UsageError(f"{missing[0]}: {missing_reason(missing[0])}")
    if args.report_stale_baseline and args.baseline is None:
        raise UsageError("--report-stale-baseline needs --baseline FILE")
    sources: dict[str, str] = {}  # texts not on disk (stdin's), for working out fixes
    wanted = _adoption(args)
    if stdin is not None:
        from certlint.cli.inputs import lint_stdin

        result, text = lint_stdin(linter, stdin)
        sources = {stdin: text} if text is not None else {}
    else:
        from certlint.cli.streamed import report_streamed, streamable
        from certlint.engine import run
        from certlint.engine.linter import LintResult

        # Each worker builds the same linter from the configuration loaded here.
        worker_options = replace(options, config=config, today=linter.today)
        result, bar = LintResult(), None
        streamed = streamable(args, summary_wanted(args, err), wanted is not None)  # then no list of files
        keep = {"keep_paths": not streamed, "keep_passed": args.verbose or not streamed}
        if args.filings or args.staged or config.filings:
            changed = _staged_scope() if args.staged else None
            scope = _tracked(paths, config) if args.staged else paths
            batches = run.stream_filings(linter, worker_options, scope, changed, args.jobs, result, **keep)
        else:
            from certlint.cli.progress import progress_bar
            from certlint.engine.walk import Walk

            walk = Walk(paths, config, [])  # FIFOs and devices met walking, reported first
            files: Walk | list[str] = walk
            if not args.quiet and err.isatty():  # a bar counts the files first
                files, result.skipped[:] = list(walk), walk.skipped or []
            bar = progress_bar(len(files), err, args.quiet) if isinstance(files, list) else None
            batches = run.stream_files(linter, worker_options, files, args.jobs, result,
                                       bar.advance if bar is not None else None, **keep)
        if streamed:
            fails = report_streamed(batches, args, out, err, linter, bar,
                                    lambda: _run_messages(result, args, err, errors=True))
            return EXIT_ERROR if result.errors else \
                EXIT_FINDINGS if fails and not args.exit_zero else EXIT_CLEAN
        try:
            result.diagnostics = [d for batch in batches for d in batch]
        finally:
            if bar is not None:
                bar.close()
    _run_messages(result, args, err)
    offered = fixes(result.diagnostics, linter.policy) if args.fix and args.show_fixes else None
    if wanted is not None:
        from certlint.adoption.baseline import BaselineError
        from certlint.adoption.run import adopt
        from certlint.engine.linter import iter_files

        try:
            adoption, result.diagnostics = adopt(wanted, result.diagnostics, linter.policy, linter.lint_text,
                                                 lambda: iter_files(paths, config), out, err)
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
        if adoption.finished:
            for message in result.errors:
                err.write(f"certlint: error: {message}\n")
            if result.errors:
                return EXIT_ERROR
            return EXIT_FINDINGS if adoption.pending and not args.exit_zero else EXIT_CLEAN
    for message in result.errors:
        err.write(f"certlint: error: {message}\n")
    wanted_fixes = args.format == "sarif" or args.show_fixes or summary_wanted(args, err)
    fixable = fixes(result.diagnostics, linter.policy, sources) if wanted_fixes else {}
    report(result.diagnostics, args, out, ruleset=ruleset, files=result.paths, fixes=fixable,
           docs_url=config.docs_url)
    finish(args, result.diagnostics, result.paths, err, fixable, offered)
    if result.errors:
        return EXIT_ERROR
    failing = [d for d in result.diagnostics if d.severity.rank >= config.fail_on.rank]
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _adoption(args: argparse.Namespace) -> AdoptionOptions | None:
    """What the run asks of the adoption step, or None: most runs ask nothing, importing none of it."""
    if not (args.write_baseline or args.baseline or args.fix or args.diff):
        return None
    from certlint.adoption.run import AdoptionOptions

    return AdoptionOptions(args.write_baseline, args.baseline, args.report_stale_baseline, args.fix,
                           args.diff)


def _run_messages(result: LintResult, args: argparse.Namespace, err: TextIO, errors: bool = False) -> None:
    """What the run skipped and (-v) passed over, on stderr before anything else is reported
    (and, for a report written as the run went, its errors)."""
    for message in result.skipped:
        err.write(f"certlint: {message}\n")
    if args.verbose:
        for name in result.not_certifications:
            err.write(f"certlint: {name}: skipped (not a certification: it makes no certification "
                      "statement; --all-documents lints it)\n")
    for message in result.errors if errors else ():
        err.write(f"certlint: error: {message}\n")


def _staged_scope() -> list[str] | None:
    """The staged files (None when nothing is staged: then every filing is linted)."""
    from certlint.engine.staged import NotAGitRepository, staged_files

    try:
        changed = staged_files(Path.cwd())
    except NotAGitRepository as exc:
        raise UsageError(str(exc)) from None
    return changed or None


def _tracked(paths: Sequence[str], config: Config) -> list[str]:
    """The files under `paths` that git tracks (the filings hook lints what a commit holds)."""
    import os

    from certlint.engine.linter import iter_files
    from certlint.engine.staged import tracked_files

    tracked = tracked_files(Path.cwd())
    return [path for path in iter_files(paths, config) if os.path.realpath(path) in tracked]
