"""A streamed run reports what a run gathered to the end reports: the same diagnostics in the same
order, and the same skipped files, errors and documents passed over, in the same order."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.diagnostic import Diagnostic, Severity
from certlint.document import DocumentError, read_documents
from certlint.engine import run
from certlint.engine.filings import lint_filings
from certlint.engine.linter import LintResult, iter_files
from certlint.engine.setup import SetupOptions, build_linter
from tests.conftest import FIXTURES, ROOT, run_cli

INNOVO = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 28)


def _diagnostic(path: str, line: int, code: str) -> Diagnostic:
    return Diagnostic(path, line, 1, line, 2, code, Severity.ERROR, "m", "p", "r")


_NAMES = st.sampled_from(["a", "a-b", "a.b", "b", "A", "a b", "z.txt", "x.txt", "a0"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_NAMES, min_size=1, max_size=3).map("/".join), min_size=1, max_size=12, unique=True),
       st.randoms(use_true_random=False))
def test_in_order_gives_the_whole_run_sort(paths: list[str], rng: object) -> None:
    found = {path: sorted((_diagnostic(path, line, code) for line in (3, 1, 1) for code in ("B", "A")),
                          key=lambda d: d.sort_key) for path in paths}
    arrival = list(paths)
    rng.shuffle(arrival)  # type: ignore[attr-defined]
    order = run.InOrder(paths)
    streamed = [d for path in arrival for batch in order.add(path, found[path]) for d in batch]
    assert streamed == sorted((d for path in paths for d in found[path]), key=lambda d: d.sort_key)


def _tree(root: Path) -> Path:
    """Files whose walk order is not their sort order, a file that is not a certification, one
    that cannot be read and one that is not text."""
    for relative in ("a/z.txt", "a/b/x.txt", "a-b/x.txt", "a.b/y.txt", "c/ex31.txt"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(INNOVO, root / relative)
    (root / "a" / "notes.txt").write_text("Minutes of the meeting.\n")
    (root / "a" / "bad.md").write_text("---\nnot-a-fact: 1\n---\nI certify that\n")
    (root / "a" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copytree(EXAMPLES, root / "examples")
    return root


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_streamed_run_is_the_gathered_run(tmp_path: Path, jobs: int) -> None:
    root = _tree(tmp_path)
    linter = build_linter(SetupOptions(isolated=True, root=root, today=TODAY))
    options = SetupOptions(isolated=True, root=root, today=TODAY, config=linter.config)
    whole = linter.lint_paths([str(root)])
    totals = LintResult()
    files = list(iter_files([str(root)], linter.config, totals.skipped))
    streamed = [d for batch in run.stream_files(linter, options, files, jobs, totals) for d in batch]
    assert streamed == whole.diagnostics and len(streamed) > 10
    assert (totals.skipped, totals.errors, totals.not_certifications, totals.paths) == \
        (whole.skipped, whole.errors, whole.not_certifications, whole.paths)
    assert totals.errors and totals.skipped and totals.not_certifications


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_taking_the_walk_as_it_goes_is_the_gathered_run(tmp_path: Path, jobs: int) -> None:
    """No list of the files: reports come out by the walk's bound, the walk's skips first."""
    from certlint.engine.walk import Walk

    root = _tree(tmp_path)
    os.mkfifo(root / "a" / "pipe.txt")
    linter = build_linter(SetupOptions(isolated=True, root=root, today=TODAY))
    options = SetupOptions(isolated=True, root=root, today=TODAY, config=linter.config)
    whole = linter.lint_paths([str(root)])
    totals = LintResult()
    walk = Walk([str(root)], linter.config, [])
    streamed = [d for batch in run.stream_files(linter, options, walk, jobs, totals, keep_paths=False)
                for d in batch]
    assert streamed == whole.diagnostics and len(streamed) > 10
    assert (totals.errors, totals.not_certifications) == (whole.errors, whole.not_certifications)
    fifo = [message for message in whole.skipped if "FIFO" in message]  # as a walk gathered first gives
    assert len(fifo) == 1 and totals.skipped == fifo + [m for m in whole.skipped if m not in fifo]
    assert totals.paths == []


def test_a_run_not_naming_what_it_passed_over_keeps_none_of_it(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    linter = build_linter(SetupOptions(isolated=True, root=root, today=TODAY))
    options = SetupOptions(isolated=True, root=root, today=TODAY, config=linter.config)
    whole = linter.lint_paths([str(root)])
    for stream in (run.stream_files(linter, options, list(iter_files([str(root)], linter.config)), 1,
                                    files_totals := LintResult(), keep_paths=False, keep_passed=False),
                   run.stream_filings(linter, options, [str(root)], None, 1, filings_totals := LintResult(),
                                      keep_paths=False, keep_passed=False)):
        assert [d for batch in stream for d in batch if not d.code.startswith("CL6")] == \
            [d for d in whole.diagnostics if not d.code.startswith("CL6")]
    assert whole.not_certifications
    for totals in (files_totals, filings_totals):
        assert totals.not_certifications == [] and totals.paths == [] and totals.errors == whole.errors


def test_in_order_releases_by_the_bound() -> None:
    """A file in is held while a file not yet expected may sort before it."""
    order = run.InOrder()
    order.expect("b/x.txt")
    first = _diagnostic("b/x.txt", 1, "A")
    assert list(order.add("b/x.txt", [first], bound="a-b/")) == []
    order.expect("a-b/y.txt")
    second = _diagnostic("a-b/y.txt", 1, "A")
    assert list(order.add("a-b/y.txt", [second], bound="c/")) == [[second], [first]]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("config", ["", "filing-id: '^([^/]+)/'\n", "facts:\n  'a/**':\n    filing: c\n",
                                    "facts-from-path: '^(?P<filing>[^/]+)/'\n"])
def test_streamed_filings_are_the_gathered_filings(tmp_path: Path, jobs: int, config: str) -> None:
    root = _tree(tmp_path / "repo")
    shutil.copytree(FIXTURES / "filings", root / "filings")
    (root / ".certlint.yaml").write_text(config or "{}\n")
    linter = build_linter(SetupOptions(config=root / ".certlint.yaml", today=TODAY))
    options = SetupOptions(config=linter.config, today=TODAY)
    whole, _ = lint_filings(linter, [str(root)])
    fresh = build_linter(options)
    totals = LintResult()
    streamed = [d for batch in run.stream_filings(fresh, options, [str(root)], None, jobs, totals)
                for d in batch]
    assert streamed == whole.diagnostics and any(d.code.startswith("CL6") for d in streamed)
    assert (totals.skipped, totals.errors, totals.not_certifications, totals.paths) == \
        (whole.skipped, whole.errors, whole.not_certifications, whole.paths)


def test_units_hold_whole_filings(tmp_path: Path) -> None:
    """A file whose path is another file's filing id (a submission named like a folder's
    filing) joins that filing's unit."""
    root = tmp_path
    for relative in ("x/a.txt", "x/b.txt", "y/c.txt", "z/d.txt"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("text\n")
    (root / ".certlint.yaml").write_text(f"facts:\n  'z/*':\n    filing: '{root / 'y' / 'c.txt'}'\n")
    linter = build_linter(SetupOptions(config=root / ".certlint.yaml"))
    files = [str(root / relative) for relative in ("x/a.txt", "x/b.txt", "y/c.txt", "z/d.txt")]
    from certlint.engine.filing_stream import filing_units

    assert filing_units(files, linter) == [[0, 1], [2, 3]]


def test_no_document_names_its_own_filing() -> None:
    """Repository mode streams on this: a filing is known from paths, because front matter has
    no `filing` key and a submission header gives none."""
    with pytest.raises(DocumentError, match="unknown key 'filing'"):
        read_documents("ex31.md", text="---\nfiling: acme-2024\n---\nI certify that\n")
    submission = read_documents(str(FIXTURES / "formats" / "24holdings-10-KSB-2007.txt"))
    assert len(submission) > 1 and all(doc.part and doc.facts.filing is None for doc in submission)


def test_errors_come_before_the_report_in_one_stream(tmp_path: Path) -> None:
    """stdout and stderr in one file (`2>&1`): the run's errors still come first."""
    root = _tree(tmp_path)
    shared = io.StringIO()
    from certlint.cli import main

    status = main(["--isolated", "--today", "2026-11-28", str(root)], shared, shared)
    lines = shared.getvalue().splitlines()
    first_report = next(i for i, line in enumerate(lines) if not line.startswith("certlint:"))
    assert status == 2 and first_report >= 2
    assert all(not line.startswith("certlint:") for line in lines[first_report:])
    apart = run_cli(["--isolated", "--today", "2026-11-28", str(root)])
    assert apart[2].splitlines() == lines[:first_report] and apart[1].splitlines() == lines[first_report:]


def test_a_reader_that_goes_away_still_gets_the_errors(tmp_path: Path) -> None:
    root = _tree(tmp_path)

    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

        def fileno(self) -> int:
            raise io.UnsupportedOperation

    err = io.StringIO()
    from certlint.cli import lint as lint_module

    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1)
    try:
        status = lint_module.main(["--isolated", str(root)], Gone(), err)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    assert status == 1 and "certlint: error:" in err.getvalue()


def test_json_lines_and_github_stream_as_they_report(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    for fmt in ("json-lines", "github", "default"):
        streamed = run_cli(["--isolated", "--today", "2026-11-28", "--format", fmt, "--statistics",
                            "--count", str(root)])
        gathered = run_cli(["--isolated", "--today", "2026-11-28", "--format", fmt, "--statistics",
                            "--count", "--summary", str(root)])  # the summary needs the whole run
        assert streamed[:2] == gathered[:2] and streamed[1].count("\n") > 10
        assert gathered[2].startswith(streamed[2]) and "Found" in gathered[2]


@pytest.mark.parametrize("limit", [10, 2**20])
def test_the_held_report_comes_out_unchanged(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """In memory or, past its limit, on disk: every character back, a surrogate-escaped file
    name's too."""
    from certlint.cli import streamed

    monkeypatch.setattr(streamed._Spool, "LIMIT", limit)
    lines = [f"d\udcffir/ex31-{i}.txt:1:1: CL101 caf\u00e9\n" for i in range(200)]
    spool = streamed._Spool()
    for line in lines:
        spool.write(line)
    assert (spool._disk is not None) == (limit == 10)
    out = io.StringIO()
    spool.copy_to(out)
    spool.close()
    assert out.getvalue() == "".join(lines)
