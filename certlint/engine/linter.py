"""Runs the selected rules over documents and turns findings into positioned diagnostics.

Pure: no printing, no exiting. The CLI, the pre-commit hook and the language server all call
`Linter.lint_file` / `Linter.lint_paths` (through `certlint.api` for library users).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date

from msgspec import Struct, field

from certlint.analysis.kind import is_certification
from certlint.analysis.views import lowered
from certlint.checks import CheckContext
from certlint.checks.phrases import PatternTimeout
from certlint.diagnostic import Diagnostic, Finding
from certlint.document import BinaryFileError, Document, DocumentError, read_documents
from certlint.document.facts import Facts
from certlint.engine.config import Config
from certlint.engine.walk import iter_files as iter_files  # where callers have always found it
from certlint.ruleset import Pack, Rule, RuleSet, Selection
from certlint.ruleset.policy import ReportPolicy

#: The kind of the cross-document rules, whose `check` of a single document yields nothing.
CROSS_DOCUMENT_KIND = "filing"


class _Args(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, args: Mapping[str, str]) -> str:
    """Fill a rule's message template; unknown placeholders stay as written."""
    try:
        return template.format_map(_Args(args))
    except (ValueError, IndexError, AttributeError):
        return template


class LintResult(Struct):
    """Diagnostics of a run, plus files skipped (not text) and files that could not be read."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: The files linted, in order (formats that list clean files too, like JUnit, need them).
    paths: list[str] = field(default_factory=list)
    #: Documents read but not linted: they make no certification statement (`-v` names them).
    not_certifications: list[str] = field(default_factory=list)


class Linter:
    """The rules of a run, selected once, applied to any number of documents."""

    def __init__(self, ruleset: RuleSet, config: Config | None = None,
                 selection: Selection | None = None, today: date | None = None) -> None:
        self.ruleset = ruleset
        self.config = config or Config()
        self.selection = selection or Selection(self.config.select, self.config.extend_select,
                                                self.config.ignore)
        self.today = today or date.today()
        self.active_rules: list[tuple[Pack, list[Rule]]] = [
            (pack, [rule for rule in pack.rules if self.selection.is_selected(rule)])
            for pack in ruleset.packs
        ]
        #: The rules run on each document: a cross-document rule (kind `filing`) finds nothing in
        #: one document, so a run that is not in repository mode never compiles (nor imports) it.
        self.document_rules: list[tuple[Pack, list[Rule]]] = [
            (pack, [rule for rule in rules if rule.kind != CROSS_DOCUMENT_KIND])
            for pack, rules in self.active_rules]
        #: Rules stopped on a document (a pattern over its time bound), one message each; a run
        #: moves them into its errors (`lint_paths`), a library caller may read them here.
        self.failures: list[str] = []
        #: Documents passed over as not certifications since the last `take_not_certifications`.
        self.not_certifications: list[str] = []
        self._lines_of: Document | None = None  # the document whose line texts `_lines` holds
        self._lines: dict[int, str] = {}
        self.policy = ReportPolicy(
            ruleset, self.selection, self.config.ignored_codes, self.config.relative, self.config.root,
            suppress=self.config.suppress,
            report_unused_suppressions=self.config.report_unused_suppressions)

    def certifies(self, doc: Document) -> bool:
        """Whether `doc` is linted: it makes a certification statement, or the run lints every
        document (`all-documents`). A document passed over is recorded (`-v` names it)."""
        if self.config.all_documents or is_certification(doc):
            return True
        self.not_certifications.append(doc.path if doc.part is None else f"{doc.path} ({doc.part})")
        return False

    def lint_document(self, doc: Document, facts: Facts | None = None,
                      certified: bool = False) -> list[Diagnostic]:
        """Diagnostics for one document, sorted by position (none for a document that is not a
        certification, unless the run lints every document). `facts` replaces the document's
        own facts over the config's (repository mode adds what the filing's main report says);
        `certified`: the caller has already asked `certifies` (recognition is not cheap)."""
        if not certified and not self.certifies(doc):
            return []
        relative = self.config.relative(doc.path)
        if facts is None:
            facts = doc.facts.merged_over(self.config.facts_for(doc.path))
        context = CheckContext(facts, self.today)
        ignored = self.config.ignored_codes(doc.path)
        diagnostics = []
        text, lowercase = doc.prose.text, lowered(doc.prose)
        for pack, rules in self.document_rules:
            if not rules or not pack.applies_to.matches(relative, text, lowercase):
                continue
            for rule in rules:
                if ignored and rule.code.startswith(ignored):
                    continue
                try:
                    for finding in rule.checker.check(doc, context):
                        diagnostics.append(self.diagnostic(doc, rule, finding))
                except PatternTimeout as exc:  # the rest of the run goes on; the run fails
                    self.failures.append(f"{doc.path}: rule {rule.code} (pack {rule.pack}): {exc}")
        return sorted(diagnostics, key=lambda d: d.sort_key)

    def lint_file(self, path: str, text: str | None = None) -> list[Diagnostic]:
        """Diagnostics for a file (or for `text` under that name).

        Raises OSError, BinaryFileError or DocumentError for a file that cannot be linted.
        """
        diagnostics: list[Diagnostic] = []
        docs = read_documents(path, text=text)
        for doc in docs:
            diagnostics.extend(self.lint_document(doc))
        return self.finish_file(docs, diagnostics)

    def lint_text(self, path: str, text: str) -> list[Diagnostic]:
        """Diagnostics for `text` read as the file `path` (an editor buffer, a fixed file)."""
        return self.lint_file(path, text=text)

    def finish_file(self, docs: Sequence[Document], diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """A file's diagnostics after its suppression comments, sorted: applied once, after
        every check (per-document and, in repository mode, cross-document)."""
        if self.config.suppress and docs:
            from certlint.engine.suppressions import suppress

            diagnostics = suppress(docs, diagnostics, self.policy)
        return sorted(diagnostics, key=lambda d: d.sort_key)

    def lint_paths(self, paths: Iterable[str], progress: Callable[[int], None] | None = None) -> LintResult:
        """Lint files and folders (walked with the configured include and exclude globs);
        `progress` is told of each file done (a progress bar)."""
        result = LintResult()
        for part in self.lint_each(iter_files(paths, self.config, result.skipped)):
            result.paths.extend(part.paths)
            result.diagnostics.extend(part.diagnostics)
            result.skipped.extend(part.skipped)
            result.errors.extend(part.errors)
            result.not_certifications.extend(part.not_certifications)
            if progress is not None:
                progress(1)
        result.diagnostics.sort(key=lambda d: d.sort_key)
        return drop_passed_over(result)

    def lint_each(self, files: Iterable[str]) -> Iterator[LintResult]:
        """Each file's result as soon as it is linted, in the order of `files`: its diagnostics
        sorted, what reading it skipped or failed, what it passed over. A run that reports as it
        goes holds one file at a time (`lint_paths` gathers them)."""
        for path in files:
            part = LintResult()
            docs = read_or_record(path, part)
            diagnostics = [d for doc in docs for d in self.lint_document(doc)]
            part.diagnostics = self.finish_file(docs, diagnostics)
            part.errors.extend(self.take_failures())
            part.not_certifications = self.take_not_certifications()
            yield part

    def take_failures(self) -> list[str]:
        """The rule failures recorded since the last call."""
        failures, self.failures = self.failures, []
        return failures

    def take_not_certifications(self) -> list[str]:
        """The documents passed over as not certifications since the last call."""
        passed, self.not_certifications = self.not_certifications, []
        return passed

    def diagnostic(self, doc: Document, rule: Rule, finding: Finding) -> Diagnostic:
        """A finding of `rule` in `doc`, positioned in the file."""
        prose = doc.prose
        if finding.start < 0:
            start = end = 0 if doc.part is None else prose.to_source(0)
        else:
            start = prose.to_source(finding.start)
            end = prose.to_source_end(finding.end) if finding.end > finding.start else start
        line, column = doc.lines.position(start)
        end_line, end_column = doc.lines.position(end)
        message = finding.detail or format_message(rule.message, finding.args)
        return Diagnostic(
            path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
            code=rule.code, severity=finding.severity or rule.severity, message=message,
            pack=rule.pack, rule=rule.name, offset=start, end_offset=end,
            suggestion=finding.suggestion, source_line=self._line_text(doc, line),
        )

    def _line_text(self, doc: Document, line: int) -> str:
        """The text of a line, one string shared by every diagnostic on it: a copy each made a
        4 MB one-line exhibit with 3,400 findings hold 355 MB of copies."""
        if self._lines_of is not doc:
            self._lines_of, self._lines = doc, {}
        text = self._lines.get(line)
        if text is None:
            text = self._lines[line] = doc.lines.line_text(line)
        return text


def drop_passed_over(result: LintResult) -> LintResult:
    """`result` without the files passed over as not certifications among those linted: a
    report that lists clean files (JUnit, the summary's count) lists only what was linted."""
    passed = set(result.not_certifications)
    if passed:
        result.paths = [path for path in result.paths if path not in passed]
    return result


def read_or_record(path: str, result: LintResult) -> list[Document]:
    """The documents of a file; a file that is not text, or cannot be read, is recorded in
    `result` (skipped, or an error naming the file) and gives none."""
    result.paths.append(path)
    try:
        return read_documents(path)
    except BinaryFileError as exc:
        result.skipped.append(f"{path}: skipped ({exc})")
    except DocumentError as exc:
        result.errors.append(f"{path}: {exc}")
    except RecursionError:  # a reader's parser (front matter YAML, say) on absurd nesting
        result.errors.append(f"{path}: cannot read: nested too deeply")
    except OSError as exc:
        import errno

        reason = "a symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror or exc
        result.errors.append(f"{path}: cannot read: {reason}")
    return []


#: Below this many files per worker a run stays in one process (see `certlint.engine.parallel`).
MIN_FILES_PER_WORKER = 200


def workers_for(files: int, jobs: int | None) -> int:
    """How many processes to use: `jobs`, or (None) one per core once the run is big enough.

    Never more than the files or the cores: an idle worker costs its start-up and its memory."""
    available = cores()
    if jobs is not None:
        return max(1, min(jobs, files, available))
    return max(1, min(available, files // MIN_FILES_PER_WORKER))


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
