"""Inline suppressions in Markdown and HTML, unknown and unused ones reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES, run_cli

ADOPTION = FIXTURES / "adoption"


def _lines(out: str, path: str) -> list[str]:
    return [line.removeprefix(f"{path}:") for line in out.splitlines()]


@pytest.mark.parametrize("name", ["suppressions.md", "suppressions.htm"])
def test_fixture_with_unused_reported(name: str) -> None:
    harness.check_fixture(ADOPTION / name, options=["--report-unused-suppressions"])


def test_every_fixture_has_a_sidecar() -> None:
    assert [p.name for p in harness.fixtures(ADOPTION)] == ["suppressions.htm", "suppressions.md"]
    assert harness.sidecars_match(ADOPTION)


def test_unused_suppressions_are_silent_without_the_flag() -> None:
    """The same diagnostics as the sidecar's (written with the flag) but the CL002 ones."""
    path = ADOPTION / "suppressions.md"
    found = harness.run(path).lines
    assert found == [line for line in harness.expected_lines(path) if " CL002 " not in line]
    assert "19:1: CL001 unknown code 'CL999' in suppression" in found


def test_no_suppress_shows_everything() -> None:
    harness.check(ADOPTION / "suppressions.md", None,
                  (4, 11, "CL301"), (6, 27, "CL301"), (9, 17, "CL301"), (10, 23, "CL301"), (13, 18, "CL301"),
                  (16, 10, "CL302"), (16, 44, "CL301"), (22, 26, "CL301"), (25, 32, "CL301"),
                  (25, 41, "CL301"), options=["--no-suppress"])


def test_meta_codes_follow_ignore(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ADOPTION)
    _, out, _ = run_cli(["--isolated", "--all-documents", "--report-unused-suppressions", "--ignore", "CL00",
                         "suppressions.md"])
    assert [line for line in out.splitlines() if " CL00" in line] == []
    _, out, _ = run_cli(["--isolated", "--all-documents", "--report-unused-suppressions", "--select", "CL3,CL002",
                         "suppressions.md"])
    assert [line for line in out.splitlines() if " CL00" in line] == [
        "suppressions.md:21:1: CL002 unused suppression: CL302"]
    # A code whose rule does not run is not reported as unused.
    _, out, _ = run_cli(["--isolated", "--all-documents", "--report-unused-suppressions", "--select", "CL301,CL002",
                         "suppressions.md"])
    assert [line for line in out.splitlines() if " CL00" in line] == []


def test_every_code_and_whole_document_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A finding about the document as a whole (at 1:1) is covered by a disable never re-enabled."""
    monkeypatch.chdir(tmp_path)
    Path("ex32.md").write_text("# Certification under 18 U.S.C. Section 1350\n\n"
                               "<!-- certlint: disable=CL101,CL104 -->\n\nThe officer signed.\n")
    assert run_cli(["--isolated", "--all-documents", "ex32.md"]) == (
        1, "ex32.md:1:1: CL102 statutory clause missing: the information 'fairly presents, in all "
           "material respects, the financial condition and results of operations'\n", "")
    Path("ex32.md").write_text("# Certification under 18 U.S.C. Section 1350\n\n"
                               "<!-- certlint: disable -->\n\nThe officer signed.\n")
    assert run_cli(["--isolated", "--all-documents", "--report-unused-suppressions", "ex32.md"]) == (0, "", "")


def test_unused_disable_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("clean.md").write_text("Jane Doe, Chief Executive Officer\n\n<!-- certlint: disable -->\n")
    assert run_cli(["--isolated", "--all-documents", "--report-unused-suppressions", "clean.md"]) == (
        1, "clean.md:3:1: CL002 unused suppression: every code (nothing to suppress)\n", "")


def test_plain_text_has_no_suppression_comments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text exhibits are filed as written: a comment there would be filed text, so it is not honoured."""
    monkeypatch.chdir(tmp_path)
    Path("ex31.txt").write_text("<!-- certlint: disable=CL301 -->\nJane Doe, Cheif Executive Officer\n")
    assert run_cli(["--isolated", "--all-documents", "ex31.txt"]) == (
        1, "ex31.txt:2:11: CL301 misspelled title word 'Cheif': did you mean 'Chief'?\n", "")


def test_library_api_applies_suppressions() -> None:
    import certlint

    text = "<!-- certlint: disable-next-line=CL301 -->\nJane Doe, Cheif Executive Officer\n"
    assert certlint.lint_text(text, "draft.md") == []


def test_one_comment_serves_every_document_of_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A submission file yields several documents over one source: directives are source positions."""
    from certlint import api
    from certlint.document import Document
    from certlint.document.lines import LineIndex
    from certlint.document.readers.html import html_prose
    from certlint.engine import linter as runner

    source = ("<DOCUMENT><TEXT><p>PRINCIPAL EXEUCTIVE OFFICER</p></TEXT></DOCUMENT>\n"
              "<!-- certlint: disable=CL301 -->\n"
              "<DOCUMENT><TEXT><p>Chief Financail Officer</p></TEXT></DOCUMENT>\n")
    cut = source.index("<!--")

    def two_documents(path: str, data: bytes | None = None, text: str | None = None) -> list[Document]:
        lines = LineIndex(source)
        return [Document(path, source, lines, html_prose(source, 0, cut), "html", part="EX-31.1"),
                Document(path, source, lines, html_prose(source, cut, len(source)), "html",
                         part="EX-31.2")]

    monkeypatch.setattr(runner, "read_documents", two_documents)
    diagnostics = api.lint_text(source, "submission.txt", all_documents=True)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(1, 30, "CL301")]


def test_comments_shown_as_markdown_code_are_not_directives(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("howto.md").write_text(
        "Write `<!-- certlint: disable-next-line=CL301 -->` above the line:\n"
        "Jane Doe, Cheif Executive Officer\n\n"
        "```html\n<!-- certlint: disable -->\n<!-- certlint: disabel -->\n```\n\n"
        "    <!-- certlint: enable=CL999 -->\n\n"
        "John Roe, Chief Financail Officer\n")
    assert _lines(run_cli(["--isolated", "--all-documents", "--report-unused-suppressions", "howto.md"])[1], "howto.md") == [
        "2:11: CL301 misspelled title word 'Cheif': did you mean 'Chief'?",
        "11:17: CL301 misspelled title word 'Financail': did you mean 'Financial'?",
    ]
