"""HTML to a stream of events (tags, text, entities) at exact source offsets, for the HTML reader.

Two tokenisers give the same events. The reference is the standard library's `HTMLParser`
(`convert_charrefs=False`): tolerant of any markup, but pure Python, and most of the time that
reading an EDGAR exhibit took. The fast one, `scan`, is one compiled regular expression over
the whole source whose alternatives are the constructs on which `HTMLParser` behaves in one
plain way: text, well-formed tags (names, spaces, quoted or simple attribute values),
comments, the doctype, MS Office's `<![if ...]>`, processing instructions, entities, a `<` or
`&` that is just a character. Anything else (junk inside a tag, an unterminated comment, an
entity cut off by the end of the text, `</ p>` ...) it declines, and the document is read by
`HTMLParser` instead: the fast path only ever covers inputs where the two agree, which
tests/document/test_html_tokens.py checks on the corpora, the fixtures and generated markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import Protocol

#: A tag's attributes in source order: (lowercased name, value or None).
Attributes = Sequence[tuple[str, str | None]]


class Events(Protocol):
    """What a tokeniser reports; every offset is into the whole source."""

    def starttag(self, tag: str, attrs: Attributes, offset: int) -> None: ...
    def startendtag(self, tag: str, attrs: Attributes, offset: int) -> None: ...
    def endtag(self, tag: str, offset: int) -> None: ...
    def data(self, start: int, end: int) -> None: ...
    def entity(self, offset: int) -> None: ...


def parse(source: str, start: int, end: int, events: Events) -> None:
    """Report the events of source[start:end] by `HTMLParser` (any markup)."""
    parser = _Parser(events, source, start, end)
    parser.feed(source[start:end])
    parser.close()


class _Parser(HTMLParser):
    def __init__(self, events: Events, source: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.events = events
        # getpos() counts lines by "\n" within what was fed: keep those line starts.
        self._newlines = [0, *(m.end() for m in re.finditer("\n", source[start:end]))]
        self._base = start

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._base + self._newlines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        self.events.starttag(tag, attrs, self._offset())

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        self.events.startendtag(tag, attrs, self._offset())

    def handle_endtag(self, tag: str) -> None:
        self.events.endtag(tag, self._offset())

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.events.data(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self.events.entity(self._offset())

    def handle_charref(self, name: str) -> None:
        self.events.entity(self._offset())

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![` followed by no known keyword (`<![ x`, `<![foo[`): Python 3.11's parser stops
        the whole run with an AssertionError there; read it as newer Pythons do, as a bogus
        comment up to the next ">"."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)


# Only the five spaces html.parser's tag-name rule stops at: "\s" would also take NBSP and the
# other Unicode spaces, on which it does not.
_W = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z_:][-.:a-zA-Z0-9_]*"
# An unquoted value runs to the next space or ">" and holds no quote, "=", "<" or "`"; it may end
# in "/": HTMLParser reads "<br clear=all/>" as a start tag whose value is "all/", and so does this.
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_VALUE_IN_TAG = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+(?=[ \t\n\r\f>]))"""
_TOKEN = rf"""
 (?P<text>[^<&]+)
|(?P<start><(?P<tag>[a-zA-Z][-.:a-zA-Z0-9_]*)
   (?P<attrs>(?:{_W}+{_NAME}(?:{_W}*={_W}*{_VALUE_IN_TAG})?)*)
   {_W}*(?P<close>/?)>)
|(?P<end></(?P<endtag>[a-zA-Z][-.a-zA-Z0-9:_]*){_W}*>)
|(?P<comment><!--[\s\S]*?--\s*>)
|(?P<doctype><![dD][oO][cC][tT][yY][pP][eE][^>]*>)
|(?P<office><!\[(?:[iI][fF]|[eE][lL][sS][eE]|[eE][nN][dD][iI][fF])(?![-_.a-zA-Z0-9])[\s\S]*?]\s*>)
|(?P<cdata><!\[(?i:cdata|temp|ignore|include|rcdata)(?![-_.a-zA-Z0-9])[\s\S]*?]\s*]\s*>)
|(?P<pi><\?[^>]*>)
|(?P<bogus><!(?!--|\[|[dD][oO][cC][tT][yY][pP][eE])[^>]*>)
|(?P<char><(?![a-zA-Z!/?])|&(?![a-zA-Z\#]))
|(?P<charref>&\#(?:[0-9]+|[xX][0-9a-fA-F]+)(?:;|(?=[^0-9a-fA-F])))
|(?P<entityref>&[a-zA-Z][-.a-zA-Z0-9]*(?:;|(?=[^a-zA-Z0-9])))
|(?P<declined>[<&])
"""
_ATTRIBUTE = rf"{_W}+({_NAME})(?:{_W}*(=){_W}*({_VALUE}))?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: a process that reads no HTML does not pay for them."""
    return re.compile(_TOKEN, re.VERBOSE), re.compile(_ATTRIBUTE)


@cache
def _raw_text_end(tag: str) -> re.Pattern[str]:
    """What ends the content of a <script> or <style>, as HTMLParser looks for it."""
    return re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE)


def scan(text: str, base: int, events: Events) -> bool:
    """Report the events of `text` (at `base` in the source); False where it holds markup the
    scanner does not take exactly as HTMLParser does."""
    token, _ = _patterns()
    position = 0
    while position < len(text):
        for match in token.finditer(text, position):
            kind = match.lastgroup
            if kind == "text":
                events.data(base + match.start(), base + match.end())
            elif kind == "start":
                tag, raw, close = match.group("tag", "attrs", "close")
                tag = tag.lower()
                attrs = _attributes(raw) if raw else ()
                if close:
                    events.startendtag(tag, attrs, base + match.start())
                    continue
                events.starttag(tag, attrs, base + match.start())
                if tag == "script" or tag == "style":
                    # Raw text up to the element's end tag (none: declined; HTMLParser drops the rest).
                    closing = _raw_text_end(tag).search(text, match.end())
                    if closing is None:
                        return False
                    if closing.start() > match.end():
                        events.data(base + match.end(), base + closing.start())
                    events.endtag(tag, base + closing.start())
                    position = closing.end()
                    break
            elif kind == "end":
                events.endtag(match.group("endtag").lower(), base + match.start())
            elif kind == "charref" or kind == "entityref":
                events.entity(base + match.start())
            elif kind == "char":
                events.data(base + match.start(), base + match.end())
            elif kind == "declined":
                return False
            # comments, declarations, processing instructions: no events
        else:
            return True
    return True


@lru_cache(maxsize=1024)
def _attributes(text: str) -> tuple[tuple[str, str | None], ...]:
    """A tag's attributes as HTMLParser gives them: names lowercased, values unquoted and unescaped.
    Cached by their source text: an exhibit repeats a few hundred attribute strings (Workiva's
    long `style="..."`) on thousands of tags."""
    attrs: list[tuple[str, str | None]] = []
    for name, equals, value in _patterns()[1].findall(text):
        if not equals:
            attrs.append((name.lower(), None))
            continue
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs.append((name.lower(), unescape(value) if value else value))
    return tuple(attrs)


class _Recorder:
    """Events as a list, to compare the two tokenisers."""

    def __init__(self) -> None:
        self.events: list[tuple[object, ...]] = []

    def starttag(self, tag: str, attrs: Attributes, offset: int) -> None:
        self.events.append(("start", tag, list(attrs), offset))

    def startendtag(self, tag: str, attrs: Attributes, offset: int) -> None:
        self.events.append(("startend", tag, list(attrs), offset))

    def endtag(self, tag: str, offset: int) -> None:
        self.events.append(("end", tag, offset))

    def data(self, start: int, end: int) -> None:
        self.events.append(("data", start, end))

    def entity(self, offset: int) -> None:
        self.events.append(("entity", offset))


def events_of(source: str, fast: bool) -> list[tuple[object, ...]] | None:
    """All events of a source by one tokeniser (None: the scanner declined)."""
    recorder = _Recorder()
    if fast:
        return recorder.events if scan(source, 0, recorder) else None
    parse(source, 0, len(source), recorder)
    return recorder.events


#: Markup on which html.parser has changed between Python releases (comment ends, raw text
#: ends, bogus comments) next to the everyday constructs, all of which the scanner accepts.
_PROBE = (
    "<?xml version='1.0'?><!DOCTYPE html><html><head><STYLE type=text/css>p {}</ style></style>"
    "<script>if (a<b && c) x = '</p>';</SCRIPT ></head><body><p class=\"a\" STYLE='x:&amp;y' id=z hidden>"
    "A &amp; B&#160;&#xA0;&nbsp AT&T &c; 1 < 2 <br/><br clear=all><img src=\"a.png\" />"
    "<!-- c -- ><!--->x--><!-- a --!> b --><!---->b<!-->c--><![if !supportLists]>1.<![endif]>"
    "<!bogus><![CDATA[x]]></p ><DIV>x</DIV>&#65</body>&"
)


@cache
def scanner_agrees() -> bool:
    """Whether this Python's HTMLParser gives the scanner's events on the probe (checked once per
    process): html.parser's rules for edge cases change between releases, and the scanner
    follows those of Python 3.11; where they differ, every document takes the parser."""
    return events_of(_PROBE, fast=True) == events_of(_PROBE, fast=False)
