"""Markdown reader: what is prose, exact inline positions, front matter facts and errors."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.document import DocumentError, read_documents
from certlint.document.lines import LineIndex
from certlint.document.prose import ProseBuilder
from certlint.document.readers.markdown import _parser, _Walker
from tests.conftest import FIXTURES, run_cli

DEFECT = "the financial condition and result of operations of the Company"
CERT = (FIXTURES / "formats" / "cert-ex32.1.md").read_text("utf-8")


def prose(text: str) -> str:
    return read_documents("draft.md", text=text)[0].prose.text


def position(text: str, phrase: str) -> tuple[int, int]:
    """line:col of the last occurrence of a prose phrase, through the document's own map."""
    doc = read_documents("draft.md", text=text)[0]
    return doc.lines.position(doc.prose.to_source(doc.prose.text.rindex(phrase)))


@pytest.mark.parametrize("wrapped", [
    f"```\n{DEFECT}\n```\n",
    f"~~~text\n{DEFECT}\n~~~\n",
    f"    {DEFECT}\n",
    f"Text with `{DEFECT}` inline.\n",
    f"<!-- {DEFECT} -->\n",
    f"Text <!-- {DEFECT} --> around.\n",
    f"<div>\n{DEFECT}\n</div>\n",
])
def test_code_and_html_are_not_prose(wrapped: str) -> None:
    assert "result of operations" not in prose(wrapped)


def test_defect_in_code_or_comment_is_clean(tmp_path: Path) -> None:
    clean = CERT.replace("result of operations", "results of operations").replace("Excutive", "Executive")
    hidden = clean + f"\n```\n{DEFECT}\n```\n\n<!-- {DEFECT} -->\n\n    {DEFECT}\n"
    path = tmp_path / "cert.md"
    path.write_text(hidden, "utf-8")
    assert run_cli(["--isolated", str(path)]) == (0, "", "")


def test_blocks_and_list_markers() -> None:
    text = ("# Title\n\n1. First item\n2. Second\n   item\n\n(a) Sub item\n\n- bullet\n\n"
            "| a | b |\n|---|---|\n| c | d |\n")
    doc = read_documents("draft.md", text=text)[0]
    blocks = [(doc.prose.text[b.start:b.end], b.kind) for b in doc.prose.blocks]
    assert blocks == [("Title", "heading"), ("1. First item", "paragraph"),
                      ("2. Second item", "paragraph"), ("(a) Sub item", "paragraph"),
                      ("bullet", "paragraph"), *((cell, "table_cell") for cell in "abcd")]
    assert position(text, "2. Second") == (4, 1)
    assert position(text, "item\n(a)") == (5, 4)
    assert position(text, "d") == (13, 7)


def test_inline_markup_positions() -> None:
    text = ("> I, **Jane** *Q.* Doe &amp; [Co](http://x.test \"t\") \\* `code` that: "
            "![logo](l.png) the result\n> of operations\n")
    assert prose(text) == "I, Jane Q. Doe & Co * that: the result of operations\n"
    assert position(text, "Jane") == (1, 8)
    assert position(text, "Doe") == (1, 20)
    assert position(text, "& Co") == (1, 24)
    assert position(text, "Co *") == (1, 31)
    assert position(text, "* that") == (1, 54)  # the escape, from its backslash
    assert position(text, "that") == (1, 64)
    assert position(text, "the result") == (1, 85)
    assert position(text, "of operations") == (2, 3)


def test_crlf_and_cr_line_ends() -> None:
    for end in ("\r\n", "\r"):
        text = end.join(["# Head", "", "Some text and the", "result of operations", ""])
        assert position(text, "result") == (4, 1)


def test_front_matter_facts() -> None:
    doc = read_documents("cert.md", text=CERT)[0]
    assert doc.facts.company == "Example Corp."
    assert doc.facts.form == "10-K"
    assert doc.facts.period_end == date(2025, 12, 31)
    assert doc.facts.fiscal_year_end == "12-31"
    assert doc.facts.exhibit == "32.1"
    assert doc.facts.signers == ("Jane Q. Doe",)
    assert "company" not in doc.prose.text


def test_front_matter_variants() -> None:
    text = "---\nperiod-end: '2024-09-28'\nfiled: 2024-11-01\nexhibit: 31.10\nsigners: Tim Cook\n---\nBody\n"
    facts = read_documents("x.md", text=text)[0].facts
    assert (facts.period_end, facts.filed, facts.exhibit, facts.signers) == (
        date(2024, 9, 28), date(2024, 11, 1), "31.10", ("Tim Cook",))


@pytest.mark.parametrize(("front", "message"), [
    ("company: X\ncompnay: Y\n", "front matter line 3: unknown key 'compnay'"),
    ("company: X\nperiod: 2025-13-01\n",
     "front matter line 3: 'period' must be a date (YYYY-MM-DD), not '2025-13-01'"),
    ("company: X\nsigners: {a: b}\n", "front matter line 3: 'signers' must be a list of names"),
    ("company:\n  name: X\n", "front matter line 3: 'company' must be a single value"),
    ("- a\n", "front matter line 2: expected a mapping of keys to values"),
    ("period: 2025-12-31\nperiod-end: 2025-12-31\n",
     "front matter line 3: 'period-end' repeats an earlier key"),
    ("company: X\nform: [10-K\n", "front matter line 3: invalid YAML"),
])
def test_bad_front_matter(front: str, message: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_documents("x.md", text=f"---\n{front}---\nBody\n")
    assert str(info.value).startswith(message)


def test_bad_front_matter_cli_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("---\ncompany: X\ncompnay: Y\n---\nI, Jane Doe, certify that:\n", "utf-8")
    code, out, err = run_cli(["--isolated", str(path)])
    assert (code, out) == (2, "")
    last = err.splitlines()[-1]
    assert last.startswith(f"certlint: error: {path}: front matter line 3: unknown key 'compnay'")


def test_inline_html_line_break_separates_words() -> None:
    """Converted filings write signature cells as "Name<br>Title": the words must not glue."""
    text = "| Signature |\n|---|\n| **Jane Q. Doe<br>Chief Executive Officer** |\n"
    doc = read_documents("x.md", text=text)[0]
    assert doc.prose.text == "Signature\nJane Q. Doe Chief Executive Officer\n"
    assert position(text, "Chief") == (3, 20)


def _runs_one_by_one(offsets: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The per-character walk `_add_content` falls back on: runs of consecutive offsets."""
    runs, run = [], start
    for index in range(start + 1, end + 1):
        if index == end or offsets[index] != offsets[index - 1] + 1:
            runs.append((offsets[run], offsets[index - 1] + 1))
            run = index
    return runs


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_content_runs_match_the_walk_per_character(steps: list[int], a: int, b: int) -> None:
    """One source run for a consecutive span, else the same runs as the walk per character."""
    offsets = list(itertools.accumulate(steps, initial=5))
    start, end = sorted((min(a, len(offsets)), min(b, len(offsets))))
    walker = _Walker("x" * 200, LineIndex("x" * 200))
    walker.builder = builder = _RecordingBuilder()
    walker._add_content(offsets, start, end)
    assert builder.added == _runs_one_by_one(offsets, start, end)


class _RecordingBuilder(ProseBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.added: list[tuple[int, int]] = []

    def add_source(self, source: str, start: int, end: int) -> None:
        self.added.append((start, end))


def test_the_parser_is_built_once() -> None:
    read_documents("a.md", text="# One\n\nText.\n")
    read_documents("b.md", text="# Two\n\nMore.\n")
    assert _parser.cache_info().currsize == 1
    assert prose("I, *Jane* Doe, certify &amp; say\n") == "I, Jane Doe, certify & say\n"
