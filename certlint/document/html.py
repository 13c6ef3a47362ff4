"""HTML exhibits (EDGAR .htm): block elements become paragraphs, entities are decoded, and
every prose character maps back to its offset in the HTML source.

The standard library's HTMLParser is used with `convert_charrefs=False`, so text and each
entity arrive as separate events at known positions (`getpos`), and inline tags (`<b>`, `<font>`,
`<span>`) never break a word. It is pure Python but tolerant of the unbalanced, Word-generated
markup EDGAR holds, and positions are exact.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from certlint.document import Document
from certlint.document.decode import Decoded
from certlint.document.lines import LineIndex
from certlint.document.prose import Prose, ProseBuilder

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul", "page", "document", "text",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})
SKIPPED = frozenset({"script", "style", "head", "title"})
_ENTITY_RAW = re.compile(r"&#?[0-9A-Za-z]+;?")


class _ProseParser(HTMLParser):
    def __init__(self, source: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = ProseBuilder()
        # getpos() counts lines by "\n" within what was fed: keep those line starts, in file offsets.
        self._newlines = [start, *(m.end() for m in re.finditer("\n", source[:end]) if m.end() > start)]
        self._skip_depth = 0
        self._kind = "paragraph"

    def _source_offset(self) -> int:
        line, column = self.getpos()
        return self._newlines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skip_depth += 1
        elif tag == "br":
            self.builder.add_space(self._source_offset(), line_break=True)
        elif tag in BLOCK_TAGS:
            self.builder.end_block(self._kind)
            self._kind = "heading" if tag in HEADINGS else "table_cell" if tag in CELLS else "paragraph"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.builder.add_space(self._source_offset(), line_break=True)
        elif tag in BLOCK_TAGS:
            self.builder.end_block(self._kind)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self.builder.end_block(self._kind)
            self._kind = "paragraph"

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        start = self._source_offset()
        self.builder.add_source(self.source, start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, text: str) -> None:
        if self._skip_depth:
            return
        start = self._source_offset()
        raw = _ENTITY_RAW.match(self.source, start)
        decoded = unescape(raw.group() if raw else text)
        self.builder.add_replacement(decoded, start)


def html_prose(source: str, start: int = 0, end: int | None = None) -> Prose:
    """The prose view of HTML (or of the region [start, end) of a larger file)."""
    end = len(source) if end is None else end
    parser = _ProseParser(source, start, end)
    parser.feed(source[start:end])
    parser.close()
    return parser.builder.build()


def read(path: str, decoded: Decoded, lines: LineIndex) -> list[Document]:
    prose = html_prose(decoded.text)
    return [Document(path, decoded.text, lines, prose, "html", decoded.encoding, decoded.bom)]


