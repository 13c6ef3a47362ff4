"""The HTML reader's fast path: the scanner's loop (html_tokens.scan) and the prose events
(html_events) in one, for the markup nearly every exhibit is made of.

An exhibit is a few hundred tokens, and each took two or three Python calls (scanner, events,
builder) and a look through attributes most tags do not have. Here the loop handles the common
tokens in place: a text run, an entity, an inline tag, a block tag and the end of either, each
start tag's meaning read once per distinct tag text. Every other token goes to the events' own
method, as the scanner would have reported it; those methods stay the reference, which
HTMLParser feeds (tests/document/test_html_fast.py compares the two on the corpora, the
fixtures and generated markup).
"""

from __future__ import annotations

from typing import TypeVar

from certlint.document.readers.html_events import (
    _ENTITY_RAW,
    _IMPLIED_END,
    _KINDS,
    BLOCK_TAGS,
    HIDDEN_TAGS,
    VOID_TAGS,
    ProseEvents,
    _style_flags,
    _unescape,
)
from certlint.document.readers.html_tokens import _attributes, _patterns, _raw_text_end

#: What the loop does with a start tag outside hidden content: a tag not named here is an
#: inline element; "block" is a block element without list numbering; "void" is an element
#: without content or effect (`<img>`). The others ("events": `<br>`, `<hr>`, hidden elements,
#: lists) go to `ProseEvents.starttag`.
_START_ACTIONS: dict[str, str] = {
    **dict.fromkeys(BLOCK_TAGS | HIDDEN_TAGS | VOID_TAGS, "events"),
    **dict.fromkeys(BLOCK_TAGS - VOID_TAGS - {"ol", "li"}, "block"),
    **dict.fromkeys(VOID_TAGS - BLOCK_TAGS - {"br"}, "void"),
}
_T = TypeVar("_T")
_UNSTYLED = (False, False, False)
StartTag = tuple[str, str, str, bool, bool]
#: Tags and entities by their source text: an exhibit repeats a few dozen of each hundreds of
#: times (`<font style="...">`, `<p>`, `</FONT>`, `&nbsp;`), so each is read once. Each table is
#: cleared when full, so that it stays bounded over a run.
_START_TAGS: dict[str, StartTag] = {}  # see `_start_tag`
_END_TAGS: dict[str, str] = {}  # `</FONT >`: "font"
_ENTITIES: dict[str, str] = {}  # `&#146;`: "\x92", for an entity ending in ";" (see `_entity`)
_TABLE_LIMIT = 4096
#: The longest text `_LIST_MARKER` matches: "(viii)".
_MARKER_LENGTH = 6


def _start_tag(text: str) -> StartTag:
    """(action, tag, attributes, space before, space after) of a start tag outside hidden content,
    by its source text; the action is `_START_ACTIONS`', "startend" (`<br/>`), or "events" for
    an element styled invisible. Kept in `_START_TAGS`: an exhibit repeats a few dozen tags
    hundreds of times (`<font style="...">`, `<p>`), so each is parsed and its style read once."""
    match = _patterns()[0].match(text)
    assert match is not None and match.lastgroup == "start"  # the text of a start-tag token
    tag, raw, close = match.group("tag", "attrs", "close")
    tag = tag.lower()
    if close:
        info: StartTag = ("startend", tag, raw, False, False)
    else:
        style = next((value for name, value in _attributes(raw) if name == "style" and value), "")
        invisible, before, after = _style_flags(style) if style else _UNSTYLED
        info = ("events" if invisible else _START_ACTIONS.get(tag, "inline"), tag, raw, before, after)
    return _keep(_START_TAGS, text, info)


def _end_tag(text: str) -> str:
    """The name of an end tag (`</FONT >`: "font"), by its source text."""
    return _keep(_END_TAGS, text, text[2:-1].rstrip(" \t\n\r\f").lower())


def _entity(text: str) -> str | None:
    """The text of an entity token that ends in ";" and is all that `ProseEvents.entity` reads
    (`_ENTITY_RAW` stops at its ";"): the reading is then the token's alone. None for any other
    (`&#65xyz`, `&a-b;`), which the entity's source decides."""
    raw = _ENTITY_RAW.match(text)
    if not text.endswith(";") or raw is None or raw.end() != len(text):
        return None
    return _keep(_ENTITIES, text, _unescape(text))


def _keep(table: dict[str, _T], key: str, value: _T) -> _T:
    if len(table) >= _TABLE_LIMIT:
        table.clear()
    table[key] = value
    return value


class FastProse(ProseEvents):
    """Prose events fed by the fused loop."""

    def _end_block(self, offset: int) -> None:
        """As `ProseEvents._end_block`, without joining the block's text to look for a list
        marker where its last piece alone is longer than any (most blocks)."""
        if self._joining or not self._block_text or len(self._block_text[-1].strip()) <= _MARKER_LENGTH:
            super()._end_block(offset)
            return
        self.builder.end_block(self._kind())
        self._block_text.clear()

    def scan(self, start: int, end: int) -> bool:
        """Read source[start:end]; False where the scanner declines the markup (the state is
        then to be discarded, as after `html_tokens.scan`)."""
        source, builder = self.source, self.builder
        hidden, blocks, open_, kinds = self._hidden, self._blocks, self._open, self._kinds
        inline, space_after, block_text = self._inline, self._space_after, self._block_text
        token, start_tags, end_tags, entities = _patterns()[0], _START_TAGS, _END_TAGS, _ENTITIES
        position = start
        while position < end:
            for match in token.finditer(source, position, end):
                kind = match.lastgroup
                if kind == "text":
                    if hidden:
                        continue
                    text = match.group()
                    if not block_text and text.isspace():
                        continue  # the layout between tags, before a block's first text
                    if self._joining or open_.get("pre"):
                        self.data(match.start(), match.end())
                        continue
                    block_text.append(text)
                    builder.add_text(text, match.start())
                elif kind == "start":
                    text, at = match.group(), match.start()
                    action, tag, raw, before, after = start_tags.get(text) or _start_tag(text)
                    if hidden and action != "startend":
                        action = "events"
                    if action == "inline":
                        if before:
                            builder.add_space(at)
                        inline.append(tag)
                        space_after.append(after)
                    elif action == "block":  # `_end_block`, then `_open_block`, in place
                        if block_text and not self._joining:
                            self._end_block(at)
                        inline.clear()
                        space_after.clear()
                        closes = _IMPLIED_END.get(tag)  # an unclosed <p>, <td> ... ends here
                        while closes and blocks and blocks[-1] in closes:
                            self._pop_block()
                        blocks.append(tag)
                        open_[tag] = open_.get(tag, 0) + 1
                        block_kind = _KINDS.get(tag)
                        if block_kind is not None:
                            kinds[block_kind] += 1
                    elif action == "startend":
                        self.startendtag(tag, (), at)  # which reads no attributes
                    elif action == "events":
                        self.starttag(tag, _attributes(raw) if raw else (), at)
                        if tag == "script" or tag == "style":
                            # Raw text up to the element's end tag (none: declined, as by the scanner).
                            closing = _raw_text_end(tag).search(source, match.end(), end)
                            if closing is None:
                                return False
                            if closing.start() > match.end():
                                self.data(match.end(), closing.start())
                            self.endtag(tag, closing.start())
                            position = closing.end()
                            break
                    # "void": nothing
                elif kind == "end":
                    text, at = match.group(), match.start()
                    tag = end_tags.get(text) or _end_tag(text)
                    if hidden or tag == "ol":
                        self.endtag(tag, at)
                    elif inline and inline[-1] == tag:  # the innermost inline element
                        inline.pop()
                        if space_after.pop():
                            builder.add_space(at)
                    elif tag in BLOCK_TAGS:  # `_end_block`, then `_close_block`, in place
                        if block_text and not self._joining:
                            self._end_block(at)
                        if not open_.get(tag):
                            continue  # a stray end tag
                        if blocks[-1] != tag:
                            self._close_block(tag)
                            continue
                        blocks.pop()
                        open_[tag] -= 1
                        block_kind = _KINDS.get(tag)
                        if block_kind is not None:
                            kinds[block_kind] -= 1
                    elif tag in inline:
                        self.endtag(tag, at)
                elif kind == "charref" or kind == "entityref":
                    if hidden:
                        continue
                    text, at = match.group(), match.start()
                    decoded = entities.get(text) or _entity(text)
                    if decoded is None or decoded == text:  # `&#65xyz`; not an entity ("AT&T")
                        self.entity(at)
                        continue
                    block_text.append(decoded)  # `ProseEvents.entity`, in place
                    if self._joining and not decoded.isspace():
                        self._joining = False
                    builder.add_replacement(decoded, at)
                elif kind == "char":
                    self.data(match.start(), match.end())
                elif kind == "declined":
                    return False
                # comments, declarations, processing instructions: nothing
            else:
                return True
        return True
