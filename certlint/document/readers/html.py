"""HTML exhibits (EDGAR .htm): block elements become paragraphs, entities are decoded, and
every prose character maps back to its offset in the HTML source.

Tokenising (html_tokens): text and each entity arrive as separate events at their source
offsets, and inline tags (`<b>`, `<font>`, `<span>`) never break a word. A regex scanner reads
the markup it is sure of at C speed, and the standard library's `HTMLParser` (tolerant of the
unbalanced, Word-generated markup EDGAR holds) reads the rest, with the same events. lxml and
selectolax give no column (lxml: line only; selectolax: none), and exact columns are the point
(see README "Design notes"). The events become prose in html_events; html_fast does the
scanner's and the events' work in one loop for the markup it is sure of, which is nearly all."""

from __future__ import annotations

from certlint.document import Document
from certlint.document.decode import Decoded
from certlint.document.lines import LineIndex
from certlint.document.prose import Prose
from certlint.document.readers.html_events import ProseEvents
from certlint.document.readers.html_fast import FastProse
from certlint.document.readers.html_tokens import parse, scanner_agrees


def html_prose(source: str, start: int = 0, end: int | None = None, *, fast: bool = True) -> Prose:
    """The prose view of HTML (or of the region [start, end) of a larger file). `fast=False`
    reads by HTMLParser alone: the reference the tests compare the scanner with."""
    end = len(source) if end is None else end
    if fast and scanner_agrees():
        reader = FastProse(source)
        if reader.scan(start, end):
            return reader.builder.build()
    events = ProseEvents(source)  # markup the scanner declined: start again with HTMLParser
    parse(source, start, end, events)
    return events.builder.build()


def read(path: str, decoded: Decoded, lines: LineIndex) -> list[Document]:
    prose = html_prose(decoded.text)
    return [Document(path, decoded.text, lines, prose, "html", decoded.encoding, decoded.bom)]
