"""Markdown drafts through markdown-it-py: paragraphs, headings, list items and table cells are
prose; code (fenced, indented, inline) and HTML (blocks, inline, comments) are not. A YAML front
matter block is the document's facts.

Positions: markdown-it gives each block its source lines (`token.map`) and each inline token
the block's text with the line prefixes (indentation, `>`, list markers) taken off. That text
is aligned, line by line, with the source lines it came from; the inline children (text,
emphasis markers, code spans, entities, escapes) are then walked in order along it, so every
prose character maps to its own source offset. Ordered-list markers ("1.") are kept in the
prose, for the rules that check numbering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from certlint.document import Document
from certlint.document.decode import Decoded
from certlint.document.facts import Facts
from certlint.document.front_matter import parse_front_matter
from certlint.document.lines import LineIndex
from certlint.document.prose import Prose, ProseBuilder

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_KINDS = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "table_cell",
          "td_open": "table_cell"}
_BREAKING_TAG = re.compile(r"</?(?:br|p|div|li|td|th|tr|table|h[1-6])\b", re.IGNORECASE)
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


class _Walker:
    """Feeds the inline tokens of a parsed document into a ProseBuilder."""

    def __init__(self, source: str, lines: LineIndex) -> None:
        self.source = source
        self.lines = lines
        self.builder = ProseBuilder()
        # Per source line, where the next text can start (after a list marker, a table cell).
        self._line_cursor: dict[int, int] = {}

    def walk(self, tokens: Sequence[Token]) -> Prose:
        kind = "paragraph"
        marker: tuple[int, int] | None = None
        for index, token in enumerate(tokens):
            if token.type in _KINDS:
                kind = _KINDS[token.type]
            elif token.type == "list_item_open":
                marker = self._ordered_marker(token) if token.info else None
            elif token.type == "inline" and token.map is not None:
                offsets = self._align(token.content, token.map[0])
                if marker is not None and tokens[index - 2].type == "list_item_open":
                    self._add_marker(marker, offsets)
                marker = None
                self._inline(token, offsets)
                self.builder.end_block(kind)
        return self.builder.build()

    def _line_span(self, line: int) -> tuple[int, int]:
        """[start, end) of a 0-based source line, without its line break."""
        start = self.lines.offset(line + 1, 1)
        return start, start + len(self.lines.line_text(line + 1))

    def _align(self, content: str, first_line: int) -> list[int]:
        """Source offset of each character of an inline token's content (plus one past the end)."""
        offsets: list[int] = []
        for number, text in enumerate(content.split("\n")):
            line = first_line + number
            if line >= self.lines.line_count:
                line = self.lines.line_count - 1
            line_start, line_end = self._line_span(line)
            cursor = self._line_cursor.get(line, line_start)
            found = self.source.find(text, cursor, line_end) if text else cursor
            if found >= 0:
                offsets.extend(range(found, found + len(text)))
                cursor = found + len(text)
            else:
                # The text differs from the source (a table cell's "\|", a tab expanded to
                # spaces): match character by character, moving forward only.
                for char in text:
                    hit = self.source.find(char, cursor, line_end)
                    offsets.append(hit if hit >= 0 else min(cursor, line_end))
                    cursor = hit + 1 if hit >= 0 else cursor
            self._line_cursor[line] = cursor
            offsets.append(line_end)  # the "\n" joining this line to the next
        return offsets

    def _ordered_marker(self, token: Token) -> tuple[int, int] | None:
        """The "1." of an ordered list item, in the source (searched on the item's first line)."""
        if token.map is None:
            return None
        line_start, line_end = self._line_span(token.map[0])
        marker = token.info + token.markup
        found = self.source.find(marker, self._line_cursor.get(token.map[0], line_start), line_end)
        if found < 0:
            return None
        self._line_cursor[token.map[0]] = found + len(marker)  # the item's text starts after it
        return found, found + len(marker)

    def _add_marker(self, marker: tuple[int, int], offsets: list[int]) -> None:
        if offsets and marker[1] <= offsets[0]:
            self.builder.add_source(self.source, *marker)
            self.builder.add_space(marker[1])

    def _inline(self, token: Token, offsets: list[int]) -> None:
        content = token.content
        cursor = 0
        for child in token.children or ():
            kind = child.type
            if kind == "text":
                found = content.find(child.content, cursor)
                start = found if found >= 0 else cursor
                self._add_content(offsets, start, start + len(child.content))
                cursor = start + len(child.content)
            elif kind in ("softbreak", "hardbreak"):
                found = content.find("\n", cursor)
                if found >= 0:
                    self.builder.add_space(offsets[found], line_break=True)
                    cursor = found + 1
            elif kind == "text_special":  # an entity or a backslash escape, decoded
                found = content.find(child.markup, cursor)
                if found >= 0:
                    self.builder.add_replacement(child.content, offsets[found])
                    cursor = found + len(child.markup)
            elif kind == "code_inline":
                cursor = self._skip_code(content, cursor, child)
            elif kind == "html_inline":
                found = content.find(child.content, cursor)
                if found >= 0:
                    if _BREAKING_TAG.match(child.content):  # "Jane Doe<br>Chief Executive Officer"
                        self.builder.add_space(offsets[found], line_break=True)
                    cursor = found + len(child.content)
            elif kind in _EMPHASIS:
                found = content.find(child.markup, cursor)
                cursor = found + len(child.markup) if found >= 0 else cursor
            elif kind == "link_open" and child.markup != "autolink":
                found = content.find("[", cursor)
                cursor = found + 1 if found >= 0 else cursor
            elif kind == "link_close" and child.markup != "autolink":
                cursor = _skip_link_target(content, cursor)
            elif kind == "image":
                found = content.find("![", cursor)
                if found >= 0:
                    cursor = _skip_link_target(content, _matching(content, found + 1, "[", "]"))

    def _add_content(self, offsets: list[int], start: int, end: int) -> None:
        """Add content[start:end] as runs of consecutive source offsets."""
        if start < end and offsets[start:end] == list(range(offsets[start], offsets[start] + end - start)):
            # The usual case, a text run copied as is: one run, found without a loop per character.
            self.builder.add_source(self.source, offsets[start], offsets[start] + end - start)
            return
        run = start
        for index in range(start + 1, end + 1):
            if index == end or offsets[index] != offsets[index - 1] + 1:
                self.builder.add_source(self.source, offsets[run], offsets[index - 1] + 1)
                run = index

    @staticmethod
    def _skip_code(content: str, cursor: int, child: Token) -> int:
        opening = content.find(child.markup, cursor)
        if opening < 0:
            return cursor
        body = opening + len(child.markup)
        # The code's content lost one space at each end, if it had both; try both lengths.
        for closing in (body + len(child.content), body + len(child.content) + 2):
            if content.startswith(child.markup, closing):
                return closing + len(child.markup)
        closing = content.find(child.markup, body)
        return closing + len(child.markup) if closing >= 0 else cursor


def _matching(content: str, start: int, opening: str, closing: str) -> int:
    """Index just past the bracket closing the one at `start`."""
    depth = 0
    index = start
    while index < len(content):
        char = content[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(content)


def _skip_link_target(content: str, cursor: int) -> int:
    """Past a link's "]", "](target)" or "][label]"."""
    found = content.find("]", cursor)
    if found < 0:
        return cursor
    after = found + 1
    if content.startswith("(", after):
        return _matching(content, after, "(", ")")
    if content.startswith("[", after):
        return _matching(content, after, "[", "]")
    return after


@cache
def _parser() -> MarkdownIt:
    """The parser, built once per process (its rule chains cost a fifth of reading a draft)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # text_join off: entities and escapes stay separate tokens, so their source length is known.
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).disable("text_join")


def markdown_prose(source: str, lines: LineIndex) -> tuple[Prose, Facts]:
    """The prose view of a Markdown document, and the facts of its front matter."""
    tokens = _parser().parse(source)
    facts = Facts()
    if tokens and tokens[0].type == "front_matter" and tokens[0].map is not None:
        facts = parse_front_matter(tokens[0].content, tokens[0].map[0] + 2)
    return _Walker(source, lines).walk(tokens), facts


def read(path: str, decoded: Decoded, lines: LineIndex) -> list[Document]:
    prose, facts = markdown_prose(decoded.text, lines)
    return [Document(path, decoded.text, lines, prose, "markdown", decoded.encoding, decoded.bom, facts)]
