"""The HTML reader's fast path: the scanner (html_tokens.scan) and the prose events (html_events)
in one loop, for the markup nearly every exhibit is made of.

An exhibit is a few hundred tokens, and each took two or three Python calls (scanner, events,
builder), a match object of the token pattern and a look through attributes most tags do not
have. Here one split at C speed cuts the source into text and tags (`<` up to the next `>`), and
the loop handles each piece in place: a tag by what its text was found to mean the first time
(a bounded table: an exhibit repeats a few dozen tags hundreds of times), a text by the builder,
with its entities split off at C speed too. A piece the scanner would read otherwise (a `<` in
text, a `>` inside a comment or a quoted value, `<script>`) hands the rest of the source to the
scanner and the events' own methods, which stay the reference that HTMLParser also feeds
(tests/document/test_html_fast.py compares the two on the corpora, the fixtures and generated
markup).
"""

from __future__ import annotations

import re
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
from certlint.document.readers.html_tokens import _attributes, _patterns, scan

#: Text and tags, alternately: a tag piece is "<" up to the next ">" with no "<" between.
_PIECES = re.compile(r"(<[^<>]*>)")
#: Text and what may be entities ending in ";", alternately (`_ENTITY_RAW` up to a ";").
_ENTITY_PIECES = re.compile(r"(&#?[0-9A-Za-z]+;)")
#: What the loop does with a start tag outside hidden content: a tag not named here is an
#: inline element; "block" is a block element without list numbering; "void" is an element
#: without content or effect (`<img>`). The others ("events": `<br>`, `<hr>`, hidden elements,
#: lists) go to `ProseEvents.starttag`.
_START_ACTIONS: dict[str, str] = {
    **dict.fromkeys(BLOCK_TAGS | HIDDEN_TAGS | VOID_TAGS, "events"),
    **dict.fromkeys(BLOCK_TAGS - VOID_TAGS - {"ol", "li"}, "block"),
    **dict.fromkeys(VOID_TAGS - BLOCK_TAGS - {"br"}, "void"),
}
#: The scanner's tokens that report nothing.
_SILENT = frozenset({"comment", "doctype", "office", "cdata", "pi", "bogus"})
_T = TypeVar("_T")
_UNSTYLED = (False, False, False)
Tag = tuple[str, str, str, bool, bool]
#: Tags and entities by their source text, each read once; a table is cleared when full, so
#: that it stays bounded over a run.
_TAGS: dict[str, Tag] = {}  # see `_tag`
_ENTITIES: dict[str, str] = {}  # `&#146;`: "\x92", for an entity ending in ";" (see `_entity`)
_TABLE_LIMIT = 4096
_KEY_LIMIT = 512  # characters: a table holds at most ~2 M of them
#: The longest text `_LIST_MARKER` matches: "(viii)".
_MARKER_LENGTH = 6


def _tag(text: str) -> Tag | None:
    """(action, tag, attributes, space before, space after) of a tag piece that is one whole token
    of the scanner: a start tag (action as `_START_ACTIONS`, "startend" for `<br/>`, "events" for
    an element styled invisible), an end tag ("end") or a comment or declaration ("silent").
    None for any other piece (`<3 >`, `<p a='>`, `<script>`): the scanner reads on from there.

    The piece's reading does not depend on what follows it: it holds no ">" but its last, and
    every quote in it is paired within it, so no alternative of the pattern can read past it."""
    match = _patterns()[0].match(text)
    kind = match.lastgroup if match is not None and match.end() == len(text) else None
    if kind == "start" and match is not None:
        tag, raw, close = match.group("tag", "attrs", "close")
        tag = tag.lower()
        if close:
            return _keep(_TAGS, text, ("startend", tag, raw, False, False))
        if tag == "script" or tag == "style":
            return None  # raw text up to its end tag
        style = next((value for name, value in _attributes(raw) if name == "style" and value), "")
        invisible, before, after = _style_flags(style) if style else _UNSTYLED
        action = "events" if invisible else _START_ACTIONS.get(tag, "inline")
        return _keep(_TAGS, text, (action, tag, raw, before, after))
    if kind == "end" and match is not None:
        return _keep(_TAGS, text, ("end", match.group("endtag").lower(), "", False, False))
    if kind in _SILENT:
        return _keep(_TAGS, text, ("silent", "", "", False, False))
    return None


def _entity(text: str) -> str | None:
    """The text of an entity (`&#146;`: "\x92") that is one whole token of the scanner ending in
    ";" and all that `ProseEvents.entity` reads (`_ENTITY_RAW` stops at its ";"): such a token
    reads the same wherever it stands. None for any other (`&#65xyz`, `&a-b;`, `&1;`), which
    the scanner's tokens around it decide."""
    token, raw = _patterns()[0].match(text), _ENTITY_RAW.match(text)
    if token is None or token.lastgroup not in ("charref", "entityref") or token.end() != len(text):
        return None
    if not text.endswith(";") or raw is None or raw.end() != len(text):
        return None
    return _keep(_ENTITIES, text, _unescape(text))


def _keep(table: dict[str, _T], key: str, value: _T) -> _T:
    """Keep a reading in its table, unless the text is long (then rare, and the table's size in
    bytes stays bounded too)."""
    if len(key) <= _KEY_LIMIT:
        if len(table) >= _TABLE_LIMIT:
            table.clear()
        table[key] = value
    return value


class FastProse(ProseEvents):
    """Prose events fed by the fused loop."""

    def scan(self, start: int, end: int) -> bool:
        """Read source[start:end]; False where the scanner declines the markup (the state is
        then to be discarded, as after `html_tokens.scan`)."""
        source, builder, tags = self.source, self.builder, _TAGS
        hidden, blocks, open_, kinds = self._hidden, self._blocks, self._open, self._kinds
        inline, space_after, block_text = self._inline, self._space_after, self._block_text
        at, markup = start, False
        for piece in _PIECES.split(source if start == 0 and end == len(source) else source[start:end]):
            if not markup:
                if not piece:
                    pass
                elif "<" in piece:
                    return scan(source[at:end], at, self)  # a "<" that starts no tag
                elif "&" in piece:
                    if not self._entities(piece, at, end):
                        return False
                elif not hidden:
                    self._run(piece, at)
                at, markup = at + len(piece), True
                continue
            info = tags.get(piece) or _tag(piece)
            if info is None:
                return scan(source[at:end], at, self)
            action, tag, raw, before, after = info
            if action == "inline" and not hidden:
                if before:
                    builder.add_space(at)
                inline.append(tag)
                space_after.append(after)
            elif action == "end":
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
                        pass  # a stray end tag
                    elif blocks[-1] != tag:
                        self._close_block(tag)
                    else:
                        blocks.pop()
                        open_[tag] -= 1
                        block_kind = _KINDS.get(tag)
                        if block_kind is not None:
                            kinds[block_kind] -= 1
                elif tag in inline:
                    self.endtag(tag, at)
            elif action == "block" and not hidden:  # `_end_block`, then `_open_block`, in place
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
            elif action != "silent" and (action != "void" or hidden):
                self.starttag(tag, _attributes(raw) if raw else (), at)
            at, markup = at + len(piece), False
        return True

    def _run(self, text: str, at: int) -> None:
        """A text token outside hidden content, as `ProseEvents.data` takes it."""
        if not self._block_text and text.isspace():
            return  # the layout between tags, before a block's first text
        if self._joining or self._open.get("pre"):
            self.data(at, at + len(text))
            return
        self._block_text.append(text)
        self.builder.add_text(text, at)

    def _entities(self, piece: str, start: int, end: int) -> bool:
        """A text piece holding "&": text and entities (`&nbsp;`, `&#146;`) split apart at C
        speed, up to anything else ("AT&T", `&#65xyz`), from where the scanner's tokens are read
        instead. False if the scanner declines the piece."""
        if self._hidden:
            return self._tokens(start, start + len(piece), end)
        at, entity = start, False
        for part in _ENTITY_PIECES.split(piece):  # text, entity, text, ..., text
            if entity:
                decoded = _ENTITIES.get(part) or _entity(part)
                if decoded is None or decoded == part:  # not an entity after all ("&T;")
                    break
                self._add_entity(decoded, at)
            elif "&" in part:
                break
            elif part:
                self._run(part, at)
            at, entity = at + len(part), not entity
        else:
            return True
        return self._tokens(at, start + len(piece), end)

    def _tokens(self, start: int, stop: int, end: int) -> bool:
        """The scanner's tokens of source[start:stop] inside a text piece (text, entities, a lone
        "&"), found up to one character past it (the next "<", where an entity's end looks);
        False if declined."""
        hidden = self._hidden
        for match in _patterns()[0].finditer(self.source, start, min(stop + 1, end)):
            at = match.start()
            if at >= stop:
                break
            kind = match.lastgroup
            if kind == "declined":
                return False
            if hidden:
                continue
            if kind == "text":
                self._run(match.group(), at)
            elif kind == "charref" or kind == "entityref":
                text = match.group()
                decoded = _ENTITIES.get(text) or _entity(text)
                if decoded is None or decoded == text:  # `&#65xyz`; not an entity ("AT&T")
                    self.entity(at)
                else:
                    self._add_entity(decoded, at)
            else:  # a lone "&"
                self.data(at, match.end())
        return True

    def _add_entity(self, decoded: str, at: int) -> None:
        """An entity outside hidden content, as `ProseEvents.entity` takes it."""
        self._block_text.append(decoded)
        if self._joining and not decoded.isspace():
            self._joining = False
        self.builder.add_replacement(decoded, at)

    def _end_block(self, offset: int) -> None:
        """As `ProseEvents._end_block`, without joining the block's text to look for a list
        marker where its last piece alone is longer than any (most blocks)."""
        if self._joining or not self._block_text or len(self._block_text[-1].strip()) <= _MARKER_LENGTH:
            super()._end_block(offset)
            return
        self.builder.end_block(self._kind())
        self._block_text.clear()
