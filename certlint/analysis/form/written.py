"""A certification's paragraphs as written: ranges of its document's token columns, whose
`Token` objects are made only when something reads them (a message, a redline)."""

from __future__ import annotations

from collections.abc import Sequence

from certlint.analysis.form.tokens import Token, Tokens


class DocUnit:
    """One paragraph of a certification as written: tokens `begin` to `end` of the document's
    (the marker, if any, just before them). Its `Token` objects are made when first asked for."""

    __slots__ = ("_first", "_said", "_tokens", "begin", "end", "index", "marker", "number", "source")

    def __init__(self, marker: str | None, source: Tokens, index: int, begin: int, end: int,
                 number: str = "") -> None:
        #: "opening", the marker's number or letter ("4", "c"), "" for a bullet, None for no marker.
        self.marker = marker
        self.source = source
        #: The marker's first token (or the first content token when there is no marker).
        self.index = index
        self.begin, self.end = begin, end
        #: The paragraph number a lettered sub-paragraph belongs to ("4" for "(c)").
        self.number = number
        self._tokens: list[Token] | None = None
        self._first: Token | None = None
        self._said: tuple[str, bytes] | None = None

    @classmethod
    def of(cls, marker: str | None, tokens: Sequence[Token], number: str = "") -> DocUnit:
        """A paragraph of these tokens alone (no marker): for tests and tools."""
        source = Tokens.of(tokens)
        unit = cls(marker, source, 0, 0, len(source), number)
        unit._tokens = list(tokens)
        return unit

    @property
    def tokens(self) -> list[Token]:
        """The content tokens (without the marker)."""
        tokens = self._tokens
        if tokens is None:
            tokens = self._tokens = self.source.tokens(self.begin, self.end)
            if self._first is not None and self.index == self.begin:
                tokens[0] = self._first
        return tokens

    @property
    def first(self) -> Token:
        """The marker's first token, or the first content token (the same object as in `tokens`)."""
        first = self._first
        if first is None:
            if self._tokens is not None and self.index == self.begin and self._tokens:
                first = self._tokens[0]
            else:
                first = self.source.token(self.index)
            self._first = first
        return first

    @property
    def last(self) -> Token:
        """The last content token, or the first token when there is none."""
        if self.end > self.begin:
            return self._tokens[-1] if self._tokens is not None else self.source.token(self.end - 1)
        return self.first

    @property
    def keys(self) -> list[str]:
        """The tokens' keys."""
        return self.source.keys[self.begin : self.end]

    @property
    def texts(self) -> list[str]:
        return self.source.texts[self.begin : self.end]

    @property
    def said(self) -> tuple[str, bytes]:
        """Its words joined by spaces and its spacing as bytes (one per token): all the word
        comparisons read of it, so what the comparisons kept across documents are found by. No
        token holds a space, so the joined words are the words."""
        said = self._said
        if said is None:
            source, begin, end = self.source, self.begin, self.end
            said = self._said = (" ".join(source.texts[begin:end]), bytes(source.spaced[begin:end]))
        return said

    def __len__(self) -> int:
        return self.end - self.begin

    @property
    def label(self) -> str:
        """How a message names it: "paragraph 4(c)"."""
        if not self.marker or self.marker == "opening":
            return "a paragraph"
        if self.marker.isdigit():
            return f"paragraph {self.marker}"
        return f"paragraph {self.number}({self.marker})"


class Certification:
    __slots__ = ("_tail", "has_opening", "source", "tail_begin", "tail_end", "units")

    def __init__(self, source: Tokens, tail_begin: int, tail_end: int, has_opening: bool = True) -> None:
        self.units: list[DocUnit] = []
        self.source = source
        #: Where the tokens after the last paragraph (date, signature, title) begin and end.
        self.tail_begin, self.tail_end = tail_begin, tail_end
        #: True when the opening line was found.
        self.has_opening = has_opening
        self._tail: list[Token] | None = None

    @property
    def tail(self) -> list[Token]:
        """The tokens after the last paragraph."""
        if self._tail is None:
            self._tail = self.source.tokens(self.tail_begin, self.tail_end)
        return self._tail

    @property
    def tail_span(self) -> tuple[int, int] | None:
        """Where the tail's first token starts and its last ends in the text (None: no tail)."""
        if self.tail_end <= self.tail_begin:
            return None
        return self.source.start(self.tail_begin), self.source.ends[self.tail_end - 1]
