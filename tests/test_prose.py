"""The prose view and its offset map: every prose character comes from the source character
its offset points at, and line:col are exact in the file on disk."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.document import read_documents
from certlint.document.decode import _NOT_BINARY, BinaryFileError, decode
from certlint.document.lines import LineIndex
from certlint.document.prose import _LINE_BREAKS, _SPECIAL, Block, Prose, ProseBuilder, fold_char, fold_text
from certlint.document.readers.plain import text_prose
from tests.conftest import FIXTURES
from tests.document.reference_prose import ReferenceBuilder

SAMPLES = [
    "plain ascii text\nover two lines\n",
    "Windows\r\nline ends\r\n\r\nand a second paragraph\r\n",
    "old Mac\rline ends\r\rparagraph",
    "curly \u201cquotes\u201d and the registrant\u2019s \u2014 dash\u2013es",
    "ligature O\ufb03cer, Ofﬁce\u00a0and\ttabs   and spaces",
    "  leading and trailing   \n\n\n   blank lines   \n",
    "13a-\n   15(e) and Sarbanes-\nOxley",
    "soft\u00adhyphen and zero\u200bwidth",
]


@pytest.mark.parametrize("source", SAMPLES)
def test_every_prose_character_maps_to_its_source(source: str) -> None:
    prose = text_prose(source)
    for offset, char in enumerate(prose.text):
        if char == "\n":
            continue  # block separators stand for no source character
        origin = source[prose.to_source(offset)]
        if char == " ":
            assert origin.isspace()
        else:
            assert char in fold_char(origin) if not " " <= origin <= "~" else char == origin


def test_folding() -> None:
    prose = text_prose(SAMPLES[3] + "\n" + SAMPLES[4])
    assert prose.text == ("curly \"quotes\" and the registrant's - dash-es ligature Officer, "
                          "Office and tabs and spaces\n")
    assert fold_text("  Principal\u00a0Executive  O\ufb03cer ") == "Principal Executive Officer"


def test_paragraphs_are_blocks_and_line_breaks_are_recorded() -> None:
    prose = text_prose("first line\nsecond line\n\n\nnext paragraph\n")
    assert prose.text == "first line second line\nnext paragraph\n"
    assert [(b.start, b.end) for b in prose.blocks] == [(0, 22), (23, 37)]
    assert prose.block_lines(prose.blocks[0]) == [(0, 10), (11, 22)]


def test_hyphen_at_line_end_joins() -> None:
    assert text_prose(SAMPLES[6]).text == "13a-15(e) and Sarbanes-Oxley\n"


def test_line_index_positions() -> None:
    text = "ab\r\ncd\ref\ngh"
    index = LineIndex(text)
    assert [index.position(text.index(c)) for c in "acegh"] == [(1, 1), (2, 1), (3, 1), (4, 1), (4, 2)]
    assert index.line_text(2) == "cd"
    emoji = LineIndex("\U0001f600 \u201cx\u201d EXEUCTIVE")
    assert emoji.position(5) == (1, 6)
    assert emoji.utf16_position(5) == (0, 6)


@pytest.mark.parametrize("data, text, encoding", [
    ("Officer\u2019s".encode("utf-8-sig"), "Officer\u2019s", "utf-8-sig"),
    ("Officer\u2019s".encode("utf-16"), "Officer\u2019s", "utf-16"),
    ("Officer\u2019s".encode("utf-8"), "Officer\u2019s", "utf-8"),
    ("Officer\u2019s".encode("cp1252"), "Officer\u2019s", "cp1252"),
])
def test_decode(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_binary_is_refused() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"PK\x03\x04\x14\x00\x06\x00")


def test_documents_keep_the_file_text() -> None:
    path = FIXTURES / "core" / "cp1252.txt"
    [doc] = read_documents(str(path))
    assert doc.source == path.read_bytes().decode("cp1252")
    assert doc.encoding == "cp1252"


def test_linting_a_text_file_imports_no_optional_heavy_module() -> None:
    """Start-up stays lean: a .txt run needs neither markdown-it, jsonschema, charset-normalizer
    nor an editor/LSP library."""
    code = ("import io, sys; from certlint.cli import main; "
            f"main(['--isolated', {str(FIXTURES / 'core' / 'wrapped.txt')!r}], io.StringIO(), io.StringIO()); "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('markdown_it', 'jsonschema', 'charset_normalizer', 'pygls', 'lsprotocol', 'docx'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_rule_of_dashes_does_not_join_the_next_line() -> None:
    assert text_prose("/s/ Arnold P. Kling\n-------------------\nArnold P. Kling\n").text == (
        "/s/ Arnold P. Kling ------------------- Arnold P. Kling\n")


def test_edgar_page_lines_separate_paragraphs() -> None:
    prose = text_prose("end of a page\n<PAGE>\n   next page\r\n</TABLE>\r\nlast\n")
    assert prose.text == "end of a page\nnext page\nlast\n"


_OLD_SPECIAL = re.compile(r"\s{2,}|[^\S ]|[^\x20-\x7e]")


class _BuilderWithoutShortcuts(ReferenceBuilder):
    """The builder as it was before its shortcuts (whitespace before a block's text, closing no
    block, the special characters' pattern led by one class, lazy last characters, one-step plain
    runs): the general path, the old pattern."""

    def add_source(self, source: str, start: int, end: int) -> None:
        position = start
        for match in _OLD_SPECIAL.finditer(source, start, end):
            if match.start() > position:
                self._add_plain(source[position : match.start()], position)
            chars = match.group()
            if chars.isspace():
                self._add_space(match.start(), any(c in _LINE_BREAKS for c in chars))
            else:
                self._add_replacement(fold_char(chars), match.start())
            position = match.end()
        if end > position:
            self._add_plain(source[position:end], position)

    def end_block(self, kind: str = "paragraph") -> None:
        if self._block_start is not None:
            self._blocks.append(Block(self._block_start, self._length, kind))
            self._emit("\n", self._source_end)
        self._block_start = None
        self._pending_space = None
        self._pending_break = False
        self._last = self._before_last = ""


_OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["source", "source", "source", "space", "break", "replace", "end"]),
    st.text(st.sampled_from("ab1- \n\r\t\xa0\u2019\ufb01\u00ad"), max_size=6),
), max_size=25)


def _build(builder: ReferenceBuilder | ProseBuilder, operations: list[tuple[str, str]]) -> Prose:
    """Feed the operations (each with the source text it covers) into a builder."""
    source = "".join(text for _, text in operations)
    offset = 0
    for operation, text in operations:
        if operation == "source":
            builder.add_source(source, offset, offset + len(text))
        elif operation in ("space", "break"):
            builder.add_space(offset, line_break=operation == "break")
        elif operation == "replace":
            builder.add_replacement(text, offset)
        else:
            builder.end_block("heading" if text else "paragraph")
        offset += len(text)
    return builder.build()


@settings(max_examples=500, deadline=None)
@given(_OPERATIONS)
def test_builder_shortcuts_change_nothing(operations: list[tuple[str, str]]) -> None:
    assert _build(ProseBuilder(), operations) == _build(_BuilderWithoutShortcuts(), operations)


_RICH_OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["source", "source", "source", "source", "space", "break", "replace", "end"]),
    st.text(st.sampled_from("ab1.- \n\r\t\xa0\u2019\u2014\ufb01\u00ad\u00a8\u2474\u200b"), max_size=8),
), max_size=40)


_ASCII_OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["source", "source", "source", "source", "space", "break", "end"]),
    st.text(st.sampled_from("ab-. \n\n\r\x01"), max_size=12),
), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_RICH_OPERATIONS, _ASCII_OPERATIONS))
def test_builder_matches_the_reference_builder(operations: list[tuple[str, str]]) -> None:
    """Pieces that start or end with a space, hyphens before line breaks, replacements folding to
    several characters (U+2474) or none (U+00AD), ASCII wrapped over lines: the same prose,
    blocks, breaks and markers."""
    built, reference = _build(ProseBuilder(), operations), _build(ReferenceBuilder(), operations)
    assert (built.text, built.blocks, built.breaks) == (reference.text, reference.blocks, reference.breaks)
    assert (built._marks_prose, built._marks_source) == (reference._marks_prose, reference._marks_source)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab \n\r\t\u2028"), max_size=40))
def test_line_starts_match_the_three_way_pattern(text: str) -> None:
    """The LF-only search (text without CR) finds the line starts the CR-aware pattern finds."""
    expected = [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", text))]
    lines = LineIndex(text)
    assert lines.line_count == len(expected)
    assert [lines.offset(line, 1) for line in range(1, len(expected) + 1)] == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40), st.integers(0, 255), st.integers(0, 9000))
def test_binary_check_finds_the_control_bytes(data: bytes, byte: int, at: int) -> None:
    """Deleting every other byte leaves a control byte exactly when the old pattern found one,
    within the first 8 KB only."""
    data = (b"x" * at + bytes([byte]) + data)[: at + 41]
    found = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f]").search(data, 0, 8192) is not None
    assert bool(data[:8192].translate(None, _NOT_BINARY)) == found


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from("ab -~!\n\r\t\x0b\x0c\x1c\x85\xa0\u2019\u2028\u3000\ufeff\x7f"), max_size=16),
       st.integers(0, 16), st.integers(0, 16))
def test_special_characters_pattern_matches_the_plain_one(text: str, start: int, end: int) -> None:
    """Same matches as the three-alternative pattern, also inside a [start, end) window."""
    start, end = sorted((start, end))
    assert ([m.span() for m in _SPECIAL.finditer(text, start, end)]
            == [m.span() for m in _OLD_SPECIAL.finditer(text, start, end)])
