"""The HTML reader's prose from tokeniser events: block elements become paragraphs, inline
elements never break a word, hidden elements are skipped, entities are decoded (html.py says
how the events are produced)."""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

from certlint.document.prose import ProseBuilder
from certlint.document.readers.html_tokens import Attributes

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "page", "document", "text",
})
#: The block kinds that elements give the text inside them (a heading wins over a cell).
_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
          "h6": "heading", "td": "table_cell", "th": "table_cell"}
#: Elements whose content is never prose. `head` is closed implicitly by `<body>`.
HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "ix:header", "xml", "noscript"})
_ENTITY_RAW = re.compile(r"&#?[0-9A-Za-z]+;?")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# Inline elements set apart from their neighbours by a padding or margin, not by a space:
# Workiva writes the "1." of a numbered paragraph and its text as two <font>s, the second
# padded on the left (Apple) or the first padded on the right (Air Products).
_NONZERO = r"\s*:\s*(?!0(?:\.0*)?(?:[a-z%]+)?\s*(?:;|$))"
_SPACE_BEFORE = re.compile(rf"(?:padding-left|margin-left){_NONZERO}|display\s*:\s*inline-block",
                           re.IGNORECASE)
_SPACE_AFTER = re.compile(rf"(?:padding-right|margin-right){_NONZERO}|display\s*:\s*inline-block",
                          re.IGNORECASE)
#: A block holding nothing but a paragraph number: "1.", "(a)", "b)", "(iv)", a bullet.
_NUMBER = r"(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})"
_LIST_MARKER = re.compile(rf"{_NUMBER}[.)]|\({_NUMBER}\)|[\u2022\u00b7]")
_BLANK_LINES = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+")


class ProseEvents:
    """Builds the prose from a tokeniser's events (see html_tokens)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = ProseBuilder()
        self._hidden: list[tuple[str, int]] = []  # (tag, nesting) of the hidden element we are in
        self._blocks: list[str] = []  # the open block elements, innermost last
        # How many of each are open (and of each kind): asked at every block end and text run,
        # which scanning the stack made quadratic in the nesting depth (10,000 nested <div>s).
        self._open: dict[str, int] = {}
        self._kinds = {"heading": 0, "table_cell": 0}
        self._inline: list[str] = []  # the open inline elements
        self._space_after: list[bool] = []  # for each, whether it is padded on the right
        self._block_text: list[str] = []  # text of the current block so far
        self._joining = False  # the current block is a list marker waiting for its text
        self._lists: list[_OrderedList] = []  # counters of the open <ol> elements

    def _kind(self) -> str:
        if self._kinds["heading"]:
            return "heading"
        return "table_cell" if self._kinds["table_cell"] else "paragraph"

    def _end_block(self, offset: int) -> None:
        # No text since the last block ended (nested block tags, a third of the calls): the
        # builder has no block open either, as every text it is given is also kept here.
        if self._joining or not self._block_text:
            return
        if _LIST_MARKER.fullmatch("".join(self._block_text).strip()):
            # "1." in a cell or <dt> of its own, its text in the next one: keep them together,
            # as they read, so numbering stays attached to its paragraph.
            self._joining = True
            self.builder.add_space(offset)
            return
        self.builder.end_block(self._kind())
        self._block_text.clear()

    def _text(self, text: str) -> None:
        self._block_text.append(text)
        if self._joining and not text.isspace():
            self._joining = False

    def _open_block(self, tag: str) -> None:
        # An unclosed <p>, <li>, <td> or <tr> ends where the next one of its kind starts.
        closes = _IMPLIED_END.get(tag)
        while closes and self._blocks and self._blocks[-1] in closes:
            self._pop_block()
        self._blocks.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1
        kind = _KINDS.get(tag)
        if kind is not None:
            self._kinds[kind] += 1

    def _pop_block(self) -> str:
        tag = self._blocks.pop()
        self._open[tag] -= 1
        kind = _KINDS.get(tag)
        if kind is not None:
            self._kinds[kind] -= 1
        return tag

    def _close_block(self, tag: str) -> None:
        if self._open.get(tag):  # otherwise a stray end tag
            while self._pop_block() != tag:
                pass

    def starttag(self, tag: str, attrs: Attributes, offset: int) -> None:
        if self._hidden:
            hidden, depth = self._hidden[-1]
            if tag == "body" and hidden == "head":
                self._hidden.clear()
            elif tag == hidden:
                self._hidden[-1] = (hidden, depth + 1)
            if self._hidden:
                return
        style = ""
        for name, value in attrs:
            if name == "style" and value:
                style = value
                break
        invisible, space_before, space_after = _style_flags(style) if style else _UNSTYLED
        if tag in HIDDEN_TAGS or invisible:
            if tag not in VOID_TAGS:
                self._hidden.append((tag, 1))
            return
        if tag == "br":
            self.builder.add_space(offset, line_break=True)
        elif tag in BLOCK_TAGS:
            self._end_block(offset)
            # Old EDGAR HTML leaves <FONT> open for pages: forget inline elements at each block
            # so the stack stays short (a padded inline element never spans paragraphs anyway).
            self._inline.clear()
            self._space_after.clear()
            if tag not in VOID_TAGS:
                self._open_block(tag)
            if tag == "ol":
                self._lists.append(_OrderedList(attrs))
            elif tag == "li" and self._lists and self._innermost_list() == "ol":
                # A browser numbers <ol> items itself; the prose shows the number, as typed text would.
                marker = self._lists[-1].next_marker()
                self.builder.add_replacement(marker, offset)
                self.builder.add_space(offset)
                self._text(marker)
        elif tag not in VOID_TAGS:
            if space_before:
                self.builder.add_space(offset)
            self._inline.append(tag)
            self._space_after.append(space_after)

    def _innermost_list(self) -> str | None:
        """"ol" or "ul": the list an <li> belongs to (a <ul> inside an <ol> is not numbered)."""
        return next((name for name in reversed(self._blocks) if name in ("ol", "ul")), None)

    def startendtag(self, tag: str, attrs: Attributes, offset: int) -> None:
        if self._hidden:
            return
        if tag == "br":
            self.builder.add_space(offset, line_break=True)
        elif tag in BLOCK_TAGS:
            self._end_block(offset)

    def endtag(self, tag: str, offset: int) -> None:
        if self._hidden:
            hidden, depth = self._hidden[-1]
            if tag == hidden:
                if depth > 1:
                    self._hidden[-1] = (hidden, depth - 1)
                else:
                    self._hidden.pop()
            return
        if tag in BLOCK_TAGS:
            self._end_block(offset)
            if tag == "ol" and self._lists and self._open.get("ol"):
                self._lists.pop()
            self._close_block(tag)
        elif tag in self._inline:
            while self._inline:
                name = self._inline.pop()
                if self._space_after.pop():
                    self.builder.add_space(offset)
                if name == tag:
                    break

    def data(self, start: int, end: int) -> None:
        if self._hidden:
            return
        text = self.source[start:end]
        if not self._block_text and text.isspace():
            return  # the layout between tags, before a block's first text, folds away (half the runs)
        self._text(text)
        if self._open.get("pre"):
            # Preformatted text keeps its layout: a blank line ends a paragraph, as in a .txt.
            for match in _BLANK_LINES.finditer(self.source, start, end):
                self.builder.add_source(self.source, start, match.start())
                self.builder.end_block(self._kind())
                self._block_text.clear()
                start = match.end()
        self.builder.add_source(self.source, start, end)

    def entity(self, start: int) -> None:
        if self._hidden:
            return
        raw = _ENTITY_RAW.match(self.source, start)
        if raw is None:
            return
        decoded = _unescape(raw.group())
        self._text(decoded)
        if decoded == raw.group():  # not an entity after all ("AT&T"): keep the source as is
            self.builder.add_source(self.source, start, raw.end())
        else:
            self.builder.add_replacement(decoded, start)


_UNSTYLED = (False, False, False)
#: An entity's text: a document holds a handful of distinct ones (&nbsp;, &#8217;) many times.
_unescape = lru_cache(maxsize=1024)(unescape)


@lru_cache(maxsize=1024)
def _style_flags(style: str) -> tuple[bool, bool, bool]:
    """(hidden, space before, space after) for a style attribute. Cached: a Workiva exhibit
    repeats a few long style strings on every element, and each search reads all of one."""
    return (bool(_DISPLAY_NONE.search(style)), bool(_SPACE_BEFORE.search(style)),
            bool(_SPACE_AFTER.search(style)))


class _OrderedList:
    """The numbering of an `<ol>`: its start, type ("1", "a", "A", "i", "I") and next number."""

    def __init__(self, attrs: Attributes) -> None:
        values = dict(attrs)
        start = values.get("start") or "1"
        self.number = int(start) if start.strip().lstrip("-").isdigit() else 1
        self.style = values.get("type") or "1"

    def next_marker(self) -> str:
        number, self.number = self.number, self.number + 1
        if self.style in ("a", "A") and 1 <= number <= 26:
            letter = chr(ord("a") + number - 1)
            return (letter if self.style == "a" else letter.upper()) + "."
        if self.style in ("i", "I") and 1 <= number < 40:
            roman = _roman(number)
            return (roman if self.style == "i" else roman.upper()) + "."
        return f"{number}."


def _roman(number: int) -> str:
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + digits, number - value
    return out


_IMPLIED_END = {
    "p": frozenset({"p"}), "li": frozenset({"li", "p"}), "td": frozenset({"td", "th", "p"}),
    "th": frozenset({"td", "th", "p"}), "tr": frozenset({"tr", "td", "th", "p"}),
}
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr"})
