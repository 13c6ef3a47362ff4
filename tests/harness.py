"""The one way tests lint: a text, a fixture file or a filing in; `(line, col, code)` out.

In the style of yamllint's `RuleTestCase.check`: `lint(source, select, options)` runs the real
command line in-process (so decoding, selection, suppressions and output are the product's own)
and `check(source, select, *problems)` asserts the exact list. A source is

- a `str`: the text of one document, written to a temporary folder as `name` (its suffix picks
  the reader);
- a `Path`: a file or a folder on disk, linted from its parent folder (a folder is one filing,
  linted in repository mode);
- a mapping of file names to texts: the documents of one filing, linted in repository mode.

Options are command-line arguments. Unless they say otherwise the run is `--isolated` (no
project config) and `--today 2026-11-28` (after every date the fixtures hold), so that results
never depend on the day or the machine, and `--all-documents`: a test of a rule lints the
fragment that exercises it (a title line, a date table) whether or not it reads as a whole
certification. Whether a document is a certification at all is what `all_documents=False`
tests (tests/test_recognition.py), as a user's run decides it.

Fixtures: a document `NAME.EXT` (or a filing folder `NAME`) has the sidecar `NAME.EXT.expected`
(`NAME.expected`) beside it: the exact lines certlint prints for it with the leading `path:`
left out, `line:col: CODE message`, one per diagnostic (a filing's lines keep the file name
inside the folder); an empty sidecar is a clean fixture. The options a folder's fixtures run
with are given by its test module, in one call to `check_fixture`.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from tests.conftest import run_cli

TODAY = "2026-11-28"
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".htm", ".html")
SIDECAR = ".expected"
_LINE = re.compile(r"^(?:(?P<file>[^:]+):)?(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+\d+)\b")

Source = str | Path | Mapping[str, str]


class Problem(NamedTuple):
    """One diagnostic's position and code: what tests of diagnostics compare."""

    line: int
    column: int
    code: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.code}"


@dataclass(frozen=True)
class Run:
    """A finished run: exit status, printed lines without the source's path, standard error."""

    status: int
    lines: list[str]
    err: str

    @property
    def problems(self) -> list[Problem]:
        return [problem_of(line) for line in self.lines]


def problem_of(line: str) -> Problem:
    """The position and code of one printed diagnostic line."""
    match = _LINE.match(line)
    assert match is not None, f"not a diagnostic line: {line!r}"
    return Problem(int(match["line"]), int(match["column"]), match["code"])


def run(source: Source, select: str | None = None, options: Sequence[str] = (), *,
        name: str = "cert.txt", config: Mapping[str, Any] | None = None, all_documents: bool = True) -> Run:
    """Lint `source` with the codes `select` (prefixes, comma-separated; None: the defaults).

    `config` is written as the run's `.certlint.yaml` (facts, packs...) in place of `--isolated`.
    `all_documents=False` lints only what reads as a certification, as a run does by default.
    """
    with contextlib.ExitStack() as stack:
        folder, target = stack.enter_context(_placed(source, name))
        args = list(options)
        if config is not None:
            config_file = Path(stack.enter_context(tempfile.TemporaryDirectory())) / ".certlint.yaml"
            config_file.write_text(yaml.safe_dump(dict(config), sort_keys=False), encoding="utf-8")
            args = ["--config", str(config_file), *args]
        elif "--config" not in args:
            args = ["--isolated", *args]
        if not any(arg.startswith("--today") for arg in args):
            args += ["--today", TODAY]
        if all_documents and "--all-documents" not in args:
            args.append("--all-documents")
        is_filing = (folder / target).is_dir()
        if is_filing and "--filings" not in args:
            args.append("--filings")
        if select is not None:
            args += ["--select", select]
        with contextlib.chdir(folder):
            status, out, err = run_cli([*args, target])
    prefix = f"{target}/" if is_filing else f"{target}:"
    lines = out.splitlines()
    assert all(line.startswith(prefix) for line in lines), (prefix, lines)
    return Run(status, [line[len(prefix):] for line in lines], err)


@contextlib.contextmanager
def _placed(source: Source, name: str) -> Iterator[tuple[Path, str]]:
    """The folder to run in and the path to name there: a file on disk stays where it is."""
    if isinstance(source, Path):
        yield source.resolve().parent, source.name
        return
    with tempfile.TemporaryDirectory(prefix="certlint-test-") as temporary:
        folder = Path(temporary)
        if isinstance(source, str):
            (folder / name).write_text(source, encoding="utf-8")
            yield folder, name
            return
        filing = folder / "filing"
        filing.mkdir()
        for file_name, text in source.items():
            (filing / file_name).write_text(text, encoding="utf-8")
        yield folder, "filing"


def lint(source: Source, select: str | None = None, options: Sequence[str] = (), *,
         name: str = "cert.txt", config: Mapping[str, Any] | None = None,
         all_documents: bool = True) -> list[Problem]:
    """`(line, col, code)` of each diagnostic, in output order; the run must not fail."""
    result = run(source, select, options, name=name, config=config, all_documents=all_documents)
    assert result.err == "", result.err
    assert result.status == (1 if result.lines else 0), result
    return result.problems


def check(source: Source, select: str | None, *expected: tuple[int, int, str],
          options: Sequence[str] = (), name: str = "cert.txt",
          config: Mapping[str, Any] | None = None, all_documents: bool = True) -> None:
    """Assert that `source` gives exactly the problems `expected` (in any order)."""
    found = lint(source, select, options, name=name, config=config, all_documents=all_documents)
    assert sorted(found) == sorted(Problem(*p) for p in expected), [str(p) for p in found]


def fixtures(folder: Path, filings: bool = False) -> list[Path]:
    """The fixture documents of a folder (or, with `filings`, its filing folders: those with a
    sidecar, so that a `__pycache__` left by a fixture builder is not taken for one), sorted."""
    if filings:
        return sorted(p for p in folder.iterdir() if p.is_dir() and sidecar(p).is_file())
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in DOCUMENT_SUFFIXES)


def sidecar(fixture: Path) -> Path:
    return fixture.with_name(fixture.name + SIDECAR)


def expected_lines(fixture: Path) -> list[str]:
    """The lines a fixture's sidecar holds (its exact diagnostics)."""
    return sidecar(fixture).read_text(encoding="utf-8").splitlines()


def check_fixture(fixture: Path, select: str | None = None, options: Sequence[str] = (),
                  all_documents: bool = True) -> None:
    """Assert that a fixture gives exactly its sidecar's lines, the exit status that goes with
    them, and nothing on standard error."""
    result = run(fixture, select, options, all_documents=all_documents)
    expected = expected_lines(fixture)
    assert result.err == ""
    assert result.lines == expected
    assert result.status == (1 if expected else 0)


def sidecars_match(folder: Path, filings: bool = False) -> bool:
    """Every fixture has a sidecar and every sidecar a fixture (none is silently skipped)."""
    names = {sidecar(p).name for p in fixtures(folder, filings)}
    return names == {p.name for p in folder.glob(f"*{SIDECAR}")}
